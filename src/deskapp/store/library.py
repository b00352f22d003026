"""The library's queries: a page of articles, their count, full-text search (FTS5), the
work queue's next article, assignments and the review counts worked out late."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection

from deskapp.core.desk import QUEUE_STATES
from deskapp.core.errors import NotFound, StoreError
from deskapp.core.workflow import State
from deskapp.store.records import ArticleSummary

ORDERS: dict[str, tuple[str, ...]] = {
    "updated": ("a.updated",), "created": ("a.created",), "title": ("a.title COLLATE NOCASE",),
    "outlet": ("a.outlet COLLATE NOCASE",), "state": ("a.state", "a.updated"),
    "marks": ("a.marks",), "flags": ("a.flags",), "versions": ("a.latest",), "id": (),
    "pending": ("a.pending",), "assignee": ("a.assignee", "a.updated"),
    "file_name": ("a.file_name",),
}
"""Sort keys per library column; each list ends with the id, so paging is stable. Every
key list matches an index (state sorts by state, then most recently updated)."""
COLUMNS = ("a.id, a.title, a.outlet, a.state, a.latest, a.created, a.updated, a.marks, a.flags, "
           "a.file_name, a.assignee, a.pending")


def _where(state: str | None, query: str | None, assignee: str | None = None
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
        clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(query)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _run(conn: sqlite3.Connection, sql: str, params: list, query: str | None) -> list:
    """Run a library query; a malformed FTS5 query becomes a StoreError naming it."""
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if query and getattr(exc, "sqlite_errorname", "") == "SQLITE_ERROR":
            reason = str(exc).removeprefix("fts5: ")
            raise StoreError(f"cannot search for “{query}”: {reason} (put words in double "
                             "quotes to search for them as they are)") from exc
        raise


def list_articles(
    conn: sqlite3.Connection, *, state: str | None, query: str | None, order: str,
    descending: bool, offset: int, limit: int | None, assignee: str | None = None,
) -> list[ArticleSummary]:
    if order not in ORDERS:
        raise StoreError(f"cannot sort the library by “{order}” (one of: {', '.join(ORDERS)})")
    where, params = _where(state, query, assignee)
    direction = "DESC" if descending else "ASC"
    keys = ", ".join(f"{key} {direction}" for key in (*ORDERS[order], "a.id"))
    sql = f"SELECT {COLUMNS} FROM articles AS a{where} ORDER BY {keys} LIMIT ? OFFSET ?"
    rows = _run(conn, sql, [*params, -1 if limit is None else limit, max(offset, 0)], query)
    return [ArticleSummary(*row) for row in rows]


def count_articles(conn: sqlite3.Connection, *, state: str | None, query: str | None,
                   assignee: str | None = None) -> int:
    where, params = _where(state, query, assignee)
    return _run(conn, f"SELECT count(*) FROM articles AS a{where}", params, query)[0][0]


def search(conn: sqlite3.Connection, query: str, limit: int) -> list[ArticleSummary]:
    """Best matches first (BM25; a title hit weighs most, then speakers and sources).

    Ranked inside the index first, then joined: the join touches only ``limit`` rows.
    """
    if not query.strip():
        return []
    sql = (f"SELECT {COLUMNS} FROM (SELECT rowid AS id, "
           "bm25(articles_fts, 10.0, 1.0, 5.0, 5.0) AS score FROM articles_fts "
           "WHERE articles_fts MATCH ? ORDER BY score, rowid DESC LIMIT ?) AS f "
           "JOIN articles AS a ON a.id = f.id ORDER BY f.score, f.id DESC")
    return [ArticleSummary(*row) for row in _run(conn, sql, [query, limit], query)]


def find_by_sha256(conn: sqlite3.Connection, sha256: str) -> int | None:
    if not sha256:
        return None
    row = conn.execute("SELECT id FROM articles WHERE sha256 = ? ORDER BY id LIMIT 1",
                       (sha256,)).fetchone()
    return None if row is None else row[0]


def find_by_identity(conn: sqlite3.Connection, identity: str) -> int | None:
    """The article imported with this identity (see ``core.admission``), if any."""
    row = conn.execute("SELECT id FROM articles WHERE identity = ?", (identity,)).fetchone()
    return None if row is None else row[0]


def next_in_queue(conn: sqlite3.Connection, reviewer: str, skip: Collection[int]
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


def summary(conn: sqlite3.Connection, article_id: int) -> ArticleSummary | None:
    """The library row of one article (None when there is none)."""
    row = conn.execute(f"SELECT {COLUMNS} FROM articles AS a WHERE a.id = ?",
                       (article_id,)).fetchone()
    return None if row is None else ArticleSummary(*row)


def state_of(conn: sqlite3.Connection, article_id: int) -> str | None:
    """The article's current state (None when there is no such article)."""
    row = conn.execute("SELECT state FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else row[0]


def set_assignee(conn: sqlite3.Connection, article_id: int, assignee: str) -> None:
    if conn.execute("UPDATE articles SET assignee = ? WHERE id = ?",
                    (assignee, article_id)).rowcount == 0:
        raise NotFound(f"there is no article {article_id} in the store")


def assignees(conn: sqlite3.Connection) -> list[str]:
    """Every name some article is assigned to, in alphabetical order."""
    rows = conn.execute("SELECT DISTINCT assignee FROM articles WHERE assignee != '' "
                        "ORDER BY assignee").fetchall()
    return [name for (name,) in rows]


def store_counts(conn: sqlite3.Connection, article_id: int, latest: int, flags: int,
                 pending: int) -> None:
    """Keep the review counts worked out for version ``latest`` (unless a newer version
    came meanwhile: its save wrote its own)."""
    conn.execute("UPDATE articles SET flags = ?, pending = ? WHERE id = ? AND latest = ?",
                 (flags, pending, article_id, latest))
