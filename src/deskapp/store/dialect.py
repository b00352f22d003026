"""The dialect layer: what differs in SQL between the store's two engines.

The shared store code (versions, library, integrity, sealing, registry, migrations) writes
its statements once, in SQLite's spelling with ``?`` and ``:name`` placeholders, and runs
them through a ``Dialect``; the dialect translates placeholders and supplies the pieces
that differ: case-folded sorting, JSON access, "no limit", upserts, row locks and named
locks, inserting with a new id, and the full-text index (FTS5 on SQLite, a ``tsvector``
column on PostgreSQL). ``SQLiteDialect`` is here; ``PostgresDialect`` in ``postgres.py``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from deskapp.core.errors import StoreError
from deskapp.store.connection import translated


class Dialect:
    """One open connection of one engine, and the SQL it speaks."""

    name = ""
    for_update = ""
    """Appended to a SELECT that reads a row the transaction will change (a row lock)."""
    no_limit: int | None = -1
    """The LIMIT value meaning "all rows"."""
    embedded = False
    """True for a store that is one local file (SQLite)."""

    def __init__(self, conn: Any, location: Any) -> None:
        self.conn = conn
        self.location = location

    # running statements ------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence | Mapping = ()) -> Any:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence | Mapping]) -> None:
        raise NotImplementedError

    def insert_id(self, sql: str, params: Sequence | Mapping) -> int:
        """Run an INSERT into a table with an ``id`` key; the new row's id."""
        raise NotImplementedError

    def insert_all(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert many rows (all with the same keys) into ``table``."""
        if rows:
            columns = list(rows[0])
            self.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                             f"({', '.join(':' + c for c in columns)})", rows)

    def after_copy(self, table: str) -> None:
        """After rows were inserted with their own ids: new ids follow the largest."""

    @contextmanager
    def translated(self, action: str) -> Iterator[None]:
        """Re-raise the engine's errors inside the block as a one-line StoreError."""
        raise NotImplementedError
        yield

    @contextmanager
    def transaction(self, action: str) -> Iterator[None]:
        """One write transaction (errors translated): all of it or nothing."""
        raise NotImplementedError
        yield

    def is_database_error(self, exc: BaseException) -> bool:
        raise NotImplementedError

    def check_file(self, *, read_only: bool) -> list[str]:
        """The engine's own checks of the stored data and of the search index."""
        raise NotImplementedError

    def close(self) -> None:
        self.conn.close()

    # pieces of SQL ------------------------------------------------------------------------
    def nocase(self, expr: str) -> str:
        """``expr`` compared and sorted without regard to case."""
        raise NotImplementedError

    def json_text(self, column: str) -> str:
        """The ``text`` member of the JSON document in ``column``."""
        raise NotImplementedError

    def upsert(self, table: str, key: str, values: Mapping[str, object]) -> None:
        """Insert the row, or replace the one with the same ``key``."""
        columns = ", ".join(values)
        marks = ", ".join(f":{c}" for c in values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in values if c != key)
        self.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks}) "
                     f"ON CONFLICT ({key}) DO UPDATE SET {updates}", dict(values))

    def lock(self, name: str) -> None:
        """Serialise the writers of ``name`` until the transaction ends (no-op where every
        write transaction already excludes the others)."""

    # the live desk (see presence.py) --------------------------------------------------------
    def session_pid(self) -> int:
        """The process id a presence row records: this process (SQLite), or the server's
        backend of this connection (PostgreSQL)."""
        return os.getpid()

    def alive(self, table: str) -> str:
        """A condition (`` AND …``) keeping the rows of ``table`` whose session is still
        connected; "" where the engine cannot tell (SQLite: presence.py asks the OS)."""
        return ""

    def gone(self, table: str) -> str:
        """A condition (`` OR …``) matching rows whose session is no longer connected."""
        return ""

    def notify(self, payload: str) -> None:
        """Wake the listeners of other sessions at commit (no-op where they poll)."""

    # full-text search ----------------------------------------------------------------------
    def match(self, query: str) -> tuple[str, list]:
        """A WHERE condition on ``a`` (articles) for the search ``query``, and its params."""
        raise NotImplementedError

    def ranked(self, columns: str, query: str, limit: int) -> tuple[str, list]:
        """A SELECT of ``columns`` of the best ``limit`` matches, best first."""
        raise NotImplementedError

    def unindex_article(self, article_id: int) -> None:
        """Before the article's row changes: drop it from the index (where needed)."""

    def index_article(self, article_id: int, values: Mapping[str, str], text: str) -> None:
        """After a save: index the article's latest version (``values``: its library
        columns; ``text``: its text)."""
        raise NotImplementedError

    def search_error(self, exc: BaseException, query: str) -> StoreError | None:
        """A malformed search query as a StoreError naming it (None: another error)."""
        return None


class SQLiteDialect(Dialect):
    """SQLite through ``sqlite3`` (statements as written) and sqlite-utils (tables, indexes,
    bulk inserts)."""

    name = "sqlite"
    embedded = True

    def __init__(self, conn: sqlite3.Connection, location: Path) -> None:
        super().__init__(conn, location)
        self.utils = sqlite_utils.Database(conn, execute_plugins=False)

    def execute(self, sql: str, params: Sequence | Mapping = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence | Mapping]) -> None:
        self.conn.executemany(sql, rows)

    def insert_id(self, sql: str, params: Sequence | Mapping) -> int:
        return self.conn.execute(sql, params).lastrowid

    def insert_all(self, table: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.utils[table].insert_all(rows, batch_size=500)

    @contextmanager
    def translated(self, action: str) -> Iterator[None]:
        with translated(self.location, action):
            yield

    @contextmanager
    def transaction(self, action: str) -> Iterator[None]:
        with translated(self.location, action):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def is_database_error(self, exc: BaseException) -> bool:
        return isinstance(exc, sqlite3.DatabaseError)

    def check_file(self, *, read_only: bool) -> list[str]:
        """SQLite's own integrity check and (when writable) the full-text index's."""
        problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check(20)")]
        problems = [] if problems == ["ok"] else [f"file: {p}" for p in problems]
        if read_only:  # FTS5's check is an INSERT command, refused on a read-only connection
            return problems
        try:
            self.conn.execute(
                "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"search index: {exc} (the search index does not match the "
                            "articles)")
        return problems

    def nocase(self, expr: str) -> str:
        return f"{expr} COLLATE NOCASE"

    def json_text(self, column: str) -> str:
        return f"json_extract({column}, '$.text')"

    def match(self, query: str) -> tuple[str, list]:
        return "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [query]

    def ranked(self, columns: str, query: str, limit: int) -> tuple[str, list]:
        # ranked inside the index first, then joined: the join touches only ``limit`` rows
        return (f"SELECT {columns} FROM (SELECT rowid AS id, "
                "bm25(articles_fts, 10.0, 1.0, 5.0, 5.0) AS score FROM articles_fts "
                "WHERE articles_fts MATCH ? ORDER BY score, rowid DESC LIMIT ?) AS f "
                "JOIN articles AS a ON a.id = f.id ORDER BY f.score, f.id DESC",
                [query, limit])

    def _fts(self, article_id: int, *, delete: bool) -> None:
        command = "'delete', " if delete else ""
        head = "articles_fts, " if delete else ""
        self.conn.execute(
            f"INSERT INTO articles_fts({head}rowid, title, text, speakers, sources) "
            f"SELECT {command}id, title, text, speakers, sources FROM article_search "
            "WHERE id = ?", (article_id,))

    def unindex_article(self, article_id: int) -> None:
        # FTS5 with external content forgets a row given the values it indexed
        self._fts(article_id, delete=True)

    def index_article(self, article_id: int, values: Mapping[str, str], text: str) -> None:
        self._fts(article_id, delete=False)

    def search_error(self, exc: BaseException, query: str) -> StoreError | None:
        """A malformed FTS5 query as a StoreError naming it (None: another error)."""
        if isinstance(exc, sqlite3.OperationalError) and getattr(
                exc, "sqlite_errorname", "") == "SQLITE_ERROR":
            reason = str(exc).removeprefix("fts5: ")
            return StoreError(f"cannot search for “{query}”: {reason} (put words in double "
                              "quotes to search for them as they are)")
        return None
