"""The library's queries: a page of articles, their count, full-text search (FTS5), the
work queue's next article, assignments and the review counts worked out late."""

from __future__ import annotations

from collections.abc import Collection

from deskapp.core.desk import QUEUE_STATES
from deskapp.core.errors import NotFound, StoreError
from deskapp.core.workflow import State
from deskapp.store.dialect import Dialect
from deskapp.store.records import ArticleSummary

ORDERS: dict[str, tuple[str, ...]] = {
    "updated": ("a.updated",), "created": ("a.created",), "title": ("a.title COLLATE NOCASE",),
    "outlet": ("a.outlet COLLATE NOCASE",), "state": ("a.state", "a.updated"),
    "marks": ("a.marks",), "flags": ("a.flags",), "versions": ("a.latest",), "id": (),
    "pending": ("a.pending",), "assignee": ("a.assignee", "a.updated"),
    "file_name": ("a.file_name",),
}
"""Sort keys per library column; each list ends with the id, so paging is stable. Every
key list matches an index (state sorts by state, then most recently updated). Written in
SQLite's spelling: ``_order_keys`` asks the dialect for case-folding."""
COLUMNS = ("a.id, a.title, a.outlet, a.state, a.latest, a.created, a.updated, a.marks, a.flags, "
           "a.file_name, a.assignee, a.pending")


def _order_keys(conn: Dialect, order: str) -> tuple[str, ...]:
    return tuple(conn.nocase(key.removesuffix(" COLLATE NOCASE"))
                 if key.endswith(" COLLATE NOCASE") else key for key in ORDERS[order])


def _where(conn: Dialect, state: str | None, query: str | None, assignee: str | None = None
           ) -> tuple[str, list]:
    """``assignee``: None for anyone, "" for articles assigned to nobody, else that name."""
    clauses, params = [], []
    if assignee is not None:
        clauses.append("a.assignee = ?")
        params.append(assignee)
    if state is not None:
        try:
            clauses.append("a.state = ?")
            params.append(str(State(state)))
        except ValueError:
            names = ", ".join(s.value for s in State)
            raise StoreError(f"unknown state “{state}” (one of: {names})") from None
    if query is not None and query.strip():
        clause, more = conn.match(query)
        clauses.append(clause)
        params += more
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _run(conn: Dialect, sql: str, params: list, query: str | None) -> list:
    """Run a library query; a malformed search query becomes a StoreError naming it."""
    try:
        return conn.execute(sql, params).fetchall()
    except Exception as exc:
        error = conn.search_error(exc, query) if query else None
        if error is not None:
            raise error from exc
        raise


def list_articles(
    conn: Dialect, *, state: str | None, query: str | None, order: str,
    descending: bool, offset: int, limit: int | None, assignee: str | None = None,
) -> list[ArticleSummary]:
    if order not in ORDERS:
        raise StoreError(f"cannot sort the library by “{order}” (one of: {', '.join(ORDERS)})")
    where, params = _where(conn, state, query, assignee)
    direction = "DESC" if descending else "ASC"
    keys = ", ".join(f"{key} {direction}" for key in (*_order_keys(conn, order), "a.id"))
    sql = f"SELECT {COLUMNS} FROM articles AS a{where} ORDER BY {keys} LIMIT ? OFFSET ?"
    limits = [conn.no_limit if limit is None else limit, max(offset, 0)]
    rows = _run(conn, sql, [*params, *limits], query)
    return [ArticleSummary(*row) for row in rows]


def count_articles(conn: Dialect, *, state: str | None, query: str | None,
                   assignee: str | None = None) -> int:
    where, params = _where(conn, state, query, assignee)
    return _run(conn, f"SELECT count(*) FROM articles AS a{where}", params, query)[0][0]


def search(conn: Dialect, query: str, limit: int) -> list[ArticleSummary]:
    """Best matches first (a title hit weighs most, then speakers and sources)."""
    if not query.strip():
        return []
    sql, params = conn.ranked(COLUMNS, query, limit)
    return [ArticleSummary(*row) for row in _run(conn, sql, params, query)]


def find_by_sha256(conn: Dialect, sha256: str) -> int | None:
    if not sha256:
        return None
    row = conn.execute("SELECT id FROM articles WHERE sha256 = ? ORDER BY id LIMIT 1",
                       (sha256,)).fetchone()
    return None if row is None else row[0]


def find_by_identity(conn: Dialect, identity: str) -> int | None:
    """The article imported with this identity (see ``core.admission``), if any."""
    row = conn.execute("SELECT id FROM articles WHERE identity = ?", (identity,)).fetchone()
    return None if row is None else row[0]


def next_in_queue(conn: Dialect, reviewer: str, skip: Collection[int]
                  ) -> ArticleSummary | None:
    """The work queue's next article for ``reviewer`` (see ``core.desk``), none of
    ``skip`` (the article shown, articles open elsewhere)."""
    states = [str(s) for s in QUEUE_STATES]
    rank = " ".join(f"WHEN ? THEN {i}" for i in range(len(states)))
    skipped = sorted({int(i) for i in skip})
    not_in = f" AND a.id NOT IN ({', '.join('?' for _ in skipped)})" if skipped else ""
    sql = (f"SELECT {COLUMNS} FROM articles AS a "
           f"WHERE a.state IN ({', '.join('?' for _ in states)}) "
           f"AND (a.assignee = '' OR a.assignee = ?){not_in} "
           f"ORDER BY CASE a.state {rank} END, CASE WHEN a.assignee = ? THEN 0 ELSE 1 END, "
           "a.updated, a.id LIMIT 1")
    row = conn.execute(sql, [*states, reviewer, *skipped, *states, reviewer]).fetchone()
    return None if row is None else ArticleSummary(*row)


def summary(conn: Dialect, article_id: int) -> ArticleSummary | None:
    """The library row of one article (None when there is none)."""
    row = conn.execute(f"SELECT {COLUMNS} FROM articles AS a WHERE a.id = ?",
                       (article_id,)).fetchone()
    return None if row is None else ArticleSummary(*row)


def state_of(conn: Dialect, article_id: int) -> str | None:
    """The article's current state (None when there is no such article)."""
    row = conn.execute("SELECT state FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else row[0]


def set_assignee(conn: Dialect, article_id: int, assignee: str) -> None:
    if conn.execute("UPDATE articles SET assignee = ? WHERE id = ?",
                    (assignee, article_id)).rowcount == 0:
        raise NotFound(f"there is no article {article_id} in the store")


def assignees(conn: Dialect) -> list[str]:
    """Every name some article is assigned to, in alphabetical order."""
    rows = conn.execute("SELECT DISTINCT assignee FROM articles WHERE assignee != '' "
                        "ORDER BY assignee").fetchall()
    return [name for (name,) in rows]


def store_counts(conn: Dialect, article_id: int, latest: int, flags: int,
                 pending: int) -> None:
    """Keep the review counts worked out for version ``latest`` (unless a newer version
    came meanwhile: its save wrote its own)."""
    conn.execute("UPDATE articles SET flags = ?, pending = ? WHERE id = ? AND latest = ?",
                 (flags, pending, article_id, latest))
