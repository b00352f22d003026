"""Listening to a server store: PostgreSQL's LISTEN/NOTIFY wakes the window at once.

The listener has a connection of its own that LISTENs on ``deskapp``; every write that
records an event also NOTIFYs in its transaction (``presence.record_event``), so the
socket (``fileno()``) becomes readable the moment another session commits. ``poll()``
drains the notifications and reads the ``events`` rows after the last id it saw — the
table, not the notifications, is the record, so nothing is lost if a notification is.
A connection the server dropped is made anew by the next ``poll()``, which then reports
what happened meanwhile; ``fileno()`` is then the new connection's socket.
"""

from __future__ import annotations

from deskapp.core.errors import StoreError
from deskapp.store import presence
from deskapp.store.postgres import PostgresDialect, ServerLocation, connect_to
from deskapp.store.records import Change


class ServerChangeListener:
    """Reports the changes other sessions make to one server store; ``close()`` when done."""

    def __init__(self, location: ServerLocation, session: str, *,
                 busy_timeout: float = 5.0) -> None:
        self.session = session
        self.location, self.busy_timeout = location, busy_timeout
        self.db: PostgresDialect | None = None
        self._listen()
        with self._translated():
            self.last_id = presence.last_event_id(self.db)

    def _listen(self) -> None:
        conn = connect_to(self.location, busy_timeout=self.busy_timeout, purpose="listener")
        db = PostgresDialect(conn, self.location)
        try:
            with db.translated("listening to the store"):
                conn.execute("LISTEN deskapp")
        except BaseException:
            conn.close()
            raise
        self.db = db

    def _translated(self):
        return self.db.translated("listening to the store")

    def fileno(self) -> int | None:
        """The connection's socket: readable when another session wrote something."""
        if self.db is None or self.db.conn.closed:
            return None
        return self.db.conn.fileno()

    def poll(self) -> list[Change]:
        """Everything other sessions did since the previous poll (never blocks)."""
        if self.db is None:
            return []
        for attempt in (1, 2):
            if self.db.conn.closed or self.db.conn.broken:
                self.db.close()
                self._listen()  # listening again first, then reading: nothing is missed
            try:
                with self._translated():
                    for _ in self.db.conn.notifies(timeout=0):
                        pass
                    self.last_id, changes = presence.events_after(self.db, self.last_id,
                                                                  self.session)
                return changes
            except StoreError:
                lost = self.db.conn.closed or self.db.conn.broken
                if attempt == 2 or not lost:
                    raise
        return []

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
