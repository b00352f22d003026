"""Listening to the store: what other sessions did since the last look.

On SQLite there is no socket to wake on (``fileno()`` is None): the window polls, and a
poll is one indexed query for the events after the last id seen, on a connection of the
listener's own (so a poll never waits behind, or disturbs, the window's transactions).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from deskapp.store import presence
from deskapp.store.connection import connect, translated
from deskapp.store.dialect import SQLiteDialect
from deskapp.store.records import Change


class ChangeListener:
    """Reports the changes other sessions make to one store; ``close()`` when done."""

    def __init__(self, path: Path, session: str, *, read_only: bool,
                 busy_timeout: float = 1.0) -> None:
        self.path = path
        self.session = session
        self.conn: sqlite3.Connection | None = connect(
            path, read_only=read_only, busy_timeout=busy_timeout, create=False)
        self.db = SQLiteDialect(self.conn, path)
        with translated(path, "listening to the store"):
            self.last_id = presence.last_event_id(self.db)

    def fileno(self) -> int | None:
        """A socket to watch for news; None on SQLite: poll on a timer instead."""
        return None

    def poll(self) -> list[Change]:
        """Everything other sessions did since the previous poll (never blocks long)."""
        if self.conn is None:
            return []
        with translated(self.path, "listening to the store"):
            self.last_id, changes = presence.events_after(self.db, self.last_id,
                                                          self.session)
        return changes

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
