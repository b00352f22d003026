"""Taking SQLite's write lock in turn when many programs write to one store file.

SQLite's own wait for a busy store (the busy timeout) tries again after 1, 2, 5, 10 … and
then every 100 ms. When writers keep coming, an editor who has waited a while tries only
every 100 ms while newcomers try within a millisecond or two, so the lock keeps going to
the newcomers: with 20 editors saving on one file, saves were refused as "locked" after
the 5 s timeout although the store was never stuck (issue 16, ``tests/desk_load.py``).
``begin_write`` waits itself instead: every waiter tries again after a short random pause,
so each has the same chance at every turn and nobody waits much longer than the queue.
"""

from __future__ import annotations

import random
import sqlite3
import time

RETRY_PAUSE = (0.0005, 0.003)
"""Seconds between two tries for the lock, drawn at random from this range."""


def is_busy(exc: sqlite3.Error) -> bool:
    """The error says another connection holds the lock (try again), nothing worse."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(exc)


def begin_write(conn: sqlite3.Connection, timeout: float) -> None:
    """``BEGIN IMMEDIATE`` on ``conn``, waiting at most ``timeout`` seconds for writers of
    other connections; the busy error when the wait runs out. The connection's own busy
    timeout is off meanwhile and set back to ``timeout`` after."""
    deadline = time.monotonic() + timeout
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc) or time.monotonic() >= deadline:
                    raise
            time.sleep(random.uniform(*RETRY_PAUSE))
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
