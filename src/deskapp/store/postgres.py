"""The PostgreSQL engine: a desk's shared store on a server, through psycopg 3.

``open_server(url)`` connects, checks and migrates the schema (``postgres_schema.py``) and
returns a ``PostgresDialect``: the shared store code's statements with their placeholders
translated, and PostgreSQL's ways for the rest — ``lower()`` for case-folding, ``jsonb``,
``INSERT … RETURNING id``, ``SELECT … FOR UPDATE`` so two editors saving one article queue
up (the second sees the first's version and gets a VersionConflict), transaction-scoped
advisory locks for imports of one article and the registry, and a ``tsvector`` column for
search (``pg_search.py``). The connection is in autocommit mode; each write is one explicit
transaction. Every error reaches the user as one line naming the location, never the
password.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from deskapp.core.errors import StoreError
from deskapp.store import pg_search
from deskapp.store.dialect import Dialect
from deskapp.store.sealing import ChainKey

try:
    import psycopg
    from psycopg import errors as pg_errors
except ImportError:  # the `pg` extra is not installed
    psycopg = None  # type: ignore[assignment]


@dataclass(frozen=True)
class ServerLocation:
    """Where a server store is: prints as its URL without the password."""

    url: str = field(repr=False)
    shown: str
    name: str
    """The database's name (what a window title shows)."""

    def __str__(self) -> str:
        return self.shown

    @classmethod
    def parse(cls, url: str) -> ServerLocation:
        url = url.strip()
        base, _, query = url.partition("?")
        shown = _USERINFO.sub(lambda m: m.group(1) + "@", base, count=1)
        kept = [pair for pair in query.split("&") if pair and
                not pair.lower().startswith("password=")]
        shown += "?" + "&".join(kept) if kept else ""
        rest = base.split("://", 1)[-1]
        name = rest.partition("/")[2] or "postgres"
        return cls(url, shown, name)

    def hide(self, text: str) -> str:
        """``text`` with the password, if it appears, blanked out."""
        for secret in self._secrets():
            text = text.replace(secret, "***")
        return text

    def _secrets(self) -> list[str]:
        base, _, query = self.url.partition("?")
        found = [m.group(2) for m in [_USERINFO.search(base)] if m and m.group(2)]
        found += [pair.split("=", 1)[1] for pair in query.split("&")
                  if pair.lower().startswith("password=") and pair.split("=", 1)[1]]
        return found + [unquote(s) for s in found if unquote(s) != s]


_USERINFO = re.compile(r"^([a-zA-Z][\w+.-]*://[^:/@?]*):([^@/?]*)@")
_PLACEHOLDERS = re.compile(r"'(?:[^']|'')*'|\?|(?<![:\w]):(\w+)|%")


def _translate(sql: str) -> str:
    """SQLite's ``?`` and ``:name`` placeholders in psycopg's spelling (``%`` doubled)."""
    def swap(match: re.Match) -> str:
        text = match.group(0)
        if text.startswith("'"):
            return text.replace("%", "%%")
        if text == "?":
            return "%s"
        if text == "%":
            return "%%"
        return f"%({match.group(1)})s"
    return _PLACEHOLDERS.sub(swap, sql)


def lock_key(name: str) -> int:
    """A 64-bit advisory-lock key for ``name``."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


class PostgresDialect(Dialect):
    name = "postgresql"
    for_update = " FOR UPDATE"
    no_limit = None

    def __init__(self, conn: Any, location: ServerLocation, *, settings: Sequence[str] = (),
                 busy_timeout: float = 5.0) -> None:
        super().__init__(conn, location)
        self._sql: dict[str, str] = {}
        self.settings = tuple(settings)
        """Statements that set up a session (run again on a new connection)."""
        self.busy_timeout = busy_timeout

    def _reconnect_if_lost(self) -> None:
        """A connection the server dropped (a restart, a network cut) is made anew before
        the next action, outside any transaction: the action that met the loss failed
        with a one-line error that says to try again, and trying again works."""
        if not (self.conn.closed or self.conn.broken):
            return
        self.conn.close()
        self.conn = connect_to(self.location, busy_timeout=self.busy_timeout)
        for statement in self.settings:
            self.conn.execute(statement)

    def _text(self, sql: str) -> str:
        text = self._sql.get(sql)
        if text is None:
            text = self._sql[sql] = _translate(sql)
        return text

    def execute(self, sql: str, params: Sequence | Mapping = ()) -> Any:
        return self.conn.execute(self._text(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence | Mapping]) -> None:
        rows = list(rows)
        if len(rows) <= 3:  # a save's audit rows: plain statements cost less than a batch
            for row in rows:
                self.conn.execute(self._text(sql), row)
        else:
            with self.conn.cursor() as cursor:
                cursor.executemany(self._text(sql), rows)

    def script(self, sql: str) -> None:
        """Run DDL as written (no placeholders)."""
        self.conn.execute(sql)

    def insert_id(self, sql: str, params: Sequence | Mapping) -> int:
        return self.execute(sql + " RETURNING id", params).fetchone()[0]

    def after_copy(self, table: str) -> None:
        self.conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)")

    @contextmanager
    def translated(self, action: str) -> Iterator[None]:
        try:
            self._reconnect_if_lost()
            yield
        except psycopg.Error as exc:
            raise server_error(exc, self.location, action) from None

    @contextmanager
    def transaction(self, action: str) -> Iterator[None]:
        with self.translated(action), self.conn.transaction():
            yield

    def is_database_error(self, exc: BaseException) -> bool:
        return isinstance(exc, psycopg.Error)

    def lock(self, name: str) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(name),))

    def check_file(self, *, read_only: bool) -> list[str]:
        """Every article is in the search index."""
        missing = self.conn.execute(
            "SELECT count(*) FROM articles WHERE search IS NULL").fetchone()[0]
        return [f"search index: {missing} article{'s are' if missing != 1 else ' is'} not "
                "in the search index"] if missing else []

    def session_pid(self) -> int:
        return self.conn.info.backend_pid

    def alive(self, table: str) -> str:
        return f" AND {table}.pid IN (SELECT pid FROM pg_stat_activity)"

    def gone(self, table: str) -> str:
        return f" OR {table}.pid NOT IN (SELECT pid FROM pg_stat_activity)"

    def notify(self, payload: str) -> None:
        self.conn.execute("SELECT pg_notify('deskapp', %s)", (payload,))

    def nocase(self, expr: str) -> str:
        return f"lower({expr})"

    def json_text(self, column: str) -> str:
        return f"(CAST({column} AS jsonb) ->> 'text')"

    def match(self, query: str) -> tuple[str, list]:
        return "a.search @@ to_tsquery('simple', ?)", [pg_search.to_tsquery(query)]

    def ranked(self, columns: str, query: str, limit: int) -> tuple[str, list]:
        tsquery = pg_search.to_tsquery(query)
        return (f"SELECT {columns} FROM articles AS a, to_tsquery('simple', ?) AS q "
                "WHERE a.search @@ q "
                f"ORDER BY ts_rank('{pg_search.RANK_WEIGHTS}', a.search, q) DESC, a.id DESC "
                "LIMIT ?", [tsquery, limit])

    def index_article(self, article_id: int, values: Mapping[str, str], text: str) -> None:
        self.execute(f"UPDATE articles SET search = {pg_search.vector_sql()} WHERE id = ?",
                     [*pg_search.vector_values(str(values["title"]), str(values["speakers"]),
                                               str(values["sources"]), text), article_id])


def server_error(exc: BaseException, location: ServerLocation, action: str) -> StoreError:
    """A one-line, person-readable StoreError for a PostgreSQL error during ``action``."""
    diag = getattr(exc, "diag", None)
    text = location.hide((getattr(diag, "message_primary", None) or str(exc)).strip())
    text = text.splitlines()[0] if text else type(exc).__name__
    if isinstance(exc, pg_errors.ReadOnlySqlTransaction):
        return StoreError(f"the store {location} is read-only; {action} is not possible")
    if isinstance(exc, pg_errors.DiskFull):
        return StoreError(f"the server of {location} is out of disk space: {action} failed "
                          "and nothing was written")
    if isinstance(exc, (pg_errors.LockNotAvailable, pg_errors.DeadlockDetected,
                        pg_errors.SerializationFailure, pg_errors.QueryCanceled)):
        return StoreError(f"the store {location} is busy; {action} did not happen — try "
                          "again")
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        return StoreError(f"the user of {location} may not do this ({text}); {action} did "
                          "not happen")
    if isinstance(exc, psycopg.OperationalError):
        return StoreError(f"the connection to the store {location} failed ({text}); "
                          f"{action} did not happen — check the server and try again")
    return StoreError(f"{action} failed in the store {location}: {text}")


def _connect_error(exc: BaseException, location: ServerLocation) -> StoreError:
    text = location.hide(str(exc).strip())
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    reason = next((line.split("FATAL:", 1)[1].strip() for line in lines if "FATAL:" in line),
                  lines[0] if lines else type(exc).__name__)
    reason = reason.removeprefix("connection failed: ")
    if "password authentication failed" in reason or "no password supplied" in reason:
        reason = "the server refused the user name or password"
    return StoreError(f"cannot open the store {location}: {reason}")


def connect_to(location: ServerLocation, *, busy_timeout: float, purpose: str = "") -> Any:
    """A psycopg connection in autocommit mode; StoreError (one line) when it fails."""
    try:
        return psycopg.connect(location.url, autocommit=True,
                               application_name=f"deskapp {purpose}".strip(),
                               connect_timeout=max(2, int(busy_timeout)))
    except psycopg.Error as exc:
        raise _connect_error(exc, location) from None


def open_server(url: str, *, read_only: bool = False, busy_timeout: float = 5.0,
                create: bool = True, key: ChainKey) -> PostgresDialect:
    """Connect to the database at ``url`` and bring its schema up to date.

    ``create`` False refuses a database that holds no deskapp store yet; ``read_only``
    opens a session that cannot write. Raises StoreError (one line, no password).
    """
    location = ServerLocation.parse(url)
    if psycopg is None:
        raise StoreError(f"cannot open the store {location}: PostgreSQL support is not "
                         "installed (pip install 'deskapp[pg]')")
    try:
        psycopg.conninfo.conninfo_to_dict(location.url)
    except psycopg.Error as exc:
        raise StoreError(f"{location} is not a valid PostgreSQL location: "
                         f"{location.hide(str(exc)).strip().splitlines()[0]}") from None
    conn = connect_to(location, busy_timeout=busy_timeout)
    settings = [f"SET lock_timeout = '{int(busy_timeout * 1000)}ms'"]
    if read_only:
        settings.append("SET default_transaction_read_only = on")
    db = PostgresDialect(conn, location, settings=settings, busy_timeout=busy_timeout)
    try:
        with db.translated("opening the store"):
            for statement in settings:
                conn.execute(statement)
        from deskapp.store.postgres_schema import migrate

        migrate(db, read_only=read_only, create=create, key=key)
    except BaseException:
        conn.close()
        raise
    return db
