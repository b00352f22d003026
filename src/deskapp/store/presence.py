"""The live desk: who has which article open, and the log of what sessions did.

A *session* is one open ``Store`` (one window's connection), named by a random token.
``presence`` rows say a session has an article open; a row stops counting when its
heartbeat is older than ``STALE_AFTER`` or when it was written on this host by a process
that is gone (a crash leaves no row that counts for long). ``events`` rows are appended in
the same transaction as the write they report; listeners read the rows after the last id
they saw (``store/live.py``). The caller holds the transaction for every write here.

On PostgreSQL a session is also its server connection: a row counts only while that
backend is connected (``Dialect.alive``), so a dropped connection ends its presence at
once; each event is also announced with ``NOTIFY deskapp`` in its transaction, and events
are appended one transaction at a time (``lock("events")``), so their ids commit in
order and a listener reading "after the last id" never skips one.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import UTC, datetime, timedelta

from deskapp.core.errors import NotFound
from deskapp.store.dialect import Dialect
from deskapp.store.records import Change, Holder
from deskapp.store.versions import utc_now

STALE_AFTER = timedelta(seconds=90)
"""A session that has not refreshed its presence for this long no longer counts."""
KEEP_EVENTS = timedelta(days=1)
"""Events older than this are pruned during writes (a listener polls every second)."""

HOST = socket.gethostname()


def stamp(moment: datetime) -> str:
    """``moment`` as the store writes times (ISO 8601 UTC, milliseconds, ``Z``)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_stamp(text: str) -> datetime:
    """A stored time as an aware UTC datetime."""
    return datetime.fromisoformat(text).astimezone(UTC)


def record_event(conn: Dialect, session: str, kind: str, article_id: int | None,
                 reviewer: str) -> None:
    """Append one event and prune those older than ``KEEP_EVENTS`` (indexed: cheap)."""
    now = datetime.now(UTC)
    conn.lock("events")
    conn.execute("INSERT INTO events (at, session, kind, article_id, reviewer) "
                 "VALUES (?, ?, ?, ?, ?)", (stamp(now), session, kind, article_id, reviewer))
    conn.execute("DELETE FROM events WHERE at < ?", (stamp(now - KEEP_EVENTS),))
    conn.notify(json.dumps({"kind": kind, "article_id": article_id, "session": session}))


def hold(conn: Dialect, session: str, article_id: int, reviewer: str) -> bool:
    """Mark ``article_id`` open in ``session`` (or refresh its heartbeat); True when the
    presence is new (an ``opened`` event is due). Rows gone stale anywhere are pruned."""
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
        raise NotFound(f"there is no article {article_id} in the store")
    now = utc_now()
    conn.execute("DELETE FROM presence WHERE heartbeat < ?" + conn.gone("presence"),
                 (_stale_before(),))
    updated = conn.execute(
        "UPDATE presence SET heartbeat = ?, reviewer = ?, pid = ? "
        "WHERE session = ? AND article_id = ?",
        (now, reviewer, conn.session_pid(), session, article_id)).rowcount
    if updated:
        return False
    conn.execute("INSERT INTO presence (session, article_id, reviewer, since, heartbeat, "
                 "host, pid) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 (session, article_id, reviewer, now, now, HOST, conn.session_pid()))
    return True


def release(conn: Dialect, session: str, article_id: int | None = None
            ) -> list[tuple[int, str]]:
    """End ``session``'s presence on ``article_id`` (None: on every article); the
    (article, reviewer) pairs that ended, for their ``closed`` events."""
    where, args = "session = ?", [session]
    if article_id is not None:
        where, args = where + " AND article_id = ?", [*args, article_id]
    ended = conn.execute(f"SELECT article_id, reviewer FROM presence WHERE {where} "
                         "ORDER BY article_id", args).fetchall()
    conn.execute(f"DELETE FROM presence WHERE {where}", args)
    return [(row[0], row[1]) for row in ended]


def holders(conn: Dialect, session: str, article_id: int) -> list[Holder]:
    """The other sessions that have ``article_id`` open now, oldest first."""
    rows = conn.execute(
        "SELECT reviewer, since, host, pid FROM presence WHERE article_id = ? "
        f"AND session != ? AND heartbeat >= ?{conn.alive('presence')} "
        "ORDER BY since, session",
        (article_id, session, _stale_before())).fetchall()
    return [Holder(reviewer, parse_stamp(since)) for reviewer, since, host, pid in rows
            if not conn.embedded or _alive(host, pid)]


def held_elsewhere(conn: Dialect, session: str) -> frozenset[int]:
    """Every article another session has open now."""
    rows = conn.execute("SELECT article_id, host, pid FROM presence WHERE session != ? "
                        f"AND heartbeat >= ?{conn.alive('presence')}",
                        (session, _stale_before())).fetchall()
    return frozenset(article_id for article_id, host, pid in rows
                     if not conn.embedded or _alive(host, pid))


def last_event_id(conn: Dialect) -> int:
    """The id of the newest event (0 when none): where a new listener starts."""
    if not conn.embedded:  # identity ids are never reused either
        return conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
    return row[0] if row else 0


def events_after(conn: Dialect, last_id: int, session: str
                 ) -> tuple[int, list[Change]]:
    """Other sessions' events after ``last_id``, in order, and the id to continue from."""
    rows = conn.execute("SELECT id, kind, article_id, reviewer, at, session FROM events "
                        "WHERE id > ? ORDER BY id", (last_id,)).fetchall()
    if not rows:
        return last_id, []
    changes = [Change(kind, article_id, reviewer, parse_stamp(at))
               for _id, kind, article_id, reviewer, at, who in rows if who != session]
    return rows[-1][0], changes


def _stale_before() -> str:
    return stamp(datetime.now(UTC) - STALE_AFTER)


def _alive(host: str, pid: int) -> bool:
    """False only when the row was written on this host by a process that is gone."""
    if host != HOST or pid == os.getpid() or os.name == "nt":
        return True  # (on Windows, os.kill(pid, 0) would send Ctrl+C, not ask)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or a platform that cannot tell: it counts
    return True
