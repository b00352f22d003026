"""Opening the SQLite file and turning SQLite's errors into messages for a person."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from deskapp.core.errors import StoreError
from deskapp.core.regular_files import NotRegularFile, require_regular_or_absent

SQLITE_MAGIC = b"SQLite format 3\x00"
QUICK_CHECK_LIMIT = 256 * 1024 * 1024  # bytes; bigger files get the cheap checks at open


def store_error(exc: sqlite3.Error, path: Path, action: str) -> StoreError:
    """A one-line, person-readable StoreError for an SQLite error during ``action``."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return StoreError(f"the store {path} is locked by another program; {action} did not "
                          "happen — try again when the other program is done")
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return StoreError(f"the disk holding {path} is full (or the store reached its size "
                          f"limit): {action} failed and nothing was written")
    if name.startswith("SQLITE_NOTADB") or "not a database" in text:
        return StoreError(f"{path} is not a deskapp store (not an SQLite database)")
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return StoreError(f"the store {path} is damaged ({text}); open another store or "
                          "restore a backup")
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return StoreError(f"the store {path} is read-only; {action} is not possible")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return StoreError(f"cannot open the store {path} (missing folder or no permission)")
    if name.startswith("SQLITE_IOERR"):
        return StoreError(f"the disk failed while {action} in {path} ({text})")
    return StoreError(f"{action} failed in the store {path}: {text}")


@contextmanager
def translated(path: Path, action: str) -> Iterator[None]:
    """Re-raise any sqlite3 error inside the block as a StoreError."""
    try:
        yield
    except sqlite3.Error as exc:
        raise store_error(exc, path, action) from exc


def _check_header(path: Path) -> None:
    """A non-empty file must start like an SQLite database."""
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror or exc}") from exc
    if head and head[:16] != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a deskapp store (not an SQLite database)")
    if head and len(head) < 100:
        raise StoreError(f"the store {path} is damaged (truncated); open another store or "
                         "restore a backup")


def _refuse_special(path: Path) -> None:
    """A FIFO, device or socket named as the store is refused, never opened (it would hang)."""
    try:
        require_regular_or_absent(path)
    except NotRegularFile as exc:
        if path.is_dir():
            return  # said below, in the store's own words
        raise StoreError(f"the store {path} {exc.reason}") from None


def wants_read_only(path: Path) -> bool:
    """True when the file (or, for a new file, its folder) cannot be written."""
    if path.exists():
        return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)
    return False


def connect(
    path: Path, *, read_only: bool, busy_timeout: float, create: bool = True,
) -> sqlite3.Connection:
    """An open connection in autocommit mode (transactions are explicit), WAL, busy timeout.

    ``create`` False refuses a missing file (a mistyped path never becomes a new store).
    """
    _refuse_special(path)
    if path.exists():
        if path.is_dir():
            raise StoreError(f"the store {path} is a folder, not a file")
        _check_header(path)
    elif read_only or not create:
        raise StoreError(f"there is no store at {path} (check the path; only `deskapp import` "
                         "and the window create a store)")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the store {path}: "
                             f"{exc.strerror or exc}") from exc
        if not os.access(path.parent, os.W_OK):
            raise StoreError(f"cannot create the store {path}: the folder is read-only")
    with translated(path, "opening the store"):
        conn = _open(path, read_only=read_only, busy_timeout=busy_timeout)
    try:
        with translated(path, "opening the store"):
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _open(path: Path, *, read_only: bool, busy_timeout: float) -> sqlite3.Connection:
    options = {"timeout": busy_timeout, "isolation_level": None, "check_same_thread": False}
    if not read_only:
        return sqlite3.connect(str(path), **options)
    uri = f"file:{quote(str(path.resolve()))}"
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, **options)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        # A WAL store in a read-only folder without its -shm file: read it as immutable.
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, **options)


def check_damage(conn: sqlite3.Connection, path: Path, *, full: bool | None) -> None:
    """Detect a damaged file at open: size against the header, then ``quick_check``.

    ``full`` None runs ``quick_check`` only for files up to ``QUICK_CHECK_LIMIT``.
    """
    with translated(path, "checking the store"):
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        size = path.stat().st_size
        if size < page_size * pages and not _wal_holds_rest(path):
            raise StoreError(f"the store {path} is damaged (truncated: {size} bytes of "
                             f"{page_size * pages}); open another store or restore a backup")
        if full or (full is None and size <= QUICK_CHECK_LIMIT):
            problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                raise StoreError(f"the store {path} is damaged ({problems[0]}); open another "
                                 "store or restore a backup")


def _wal_holds_rest(path: Path) -> bool:
    """Pages beyond the main file may still live in the write-ahead log."""
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0
