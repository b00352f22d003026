"""The live desk in the store: who has an article open, and the changes other sessions see.

Two ``Store`` objects on one store are two sessions (two windows, or two editors' machines
sharing the store). Every test runs on both engines (SQLite, PostgreSQL).
"""

from __future__ import annotations

import select
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from deskapp.core.errors import NotFound
from deskapp.core.workflow import State
from deskapp.store import Change, Holder, Store, presence


@pytest.fixture
def two(location, doc):
    """Sessions ``a`` and ``b`` on one store holding one saved article (id 1)."""
    a = Store.open(location)
    a.save(doc, reviewer="Ana")
    b = Store.open(location)
    yield a, b
    b.close()
    a.close()


def test_a_session_sees_who_else_has_the_article_open_and_since_when(two) -> None:
    a, b = two
    before = datetime.now(UTC)
    a.hold(1, "Ana")
    [holder] = b.holders(1)
    assert isinstance(holder, Holder) and holder.reviewer == "Ana"
    assert holder.since.tzinfo is not None and before - timedelta(seconds=1) <= holder.since
    assert a.holders(1) == []  # never this session itself
    assert b.open_elsewhere() == frozenset({1}) and a.open_elsewhere() == frozenset()


def test_holding_again_refreshes_without_moving_since(two) -> None:
    a, b = two
    a.hold(1, "Ana")
    [first] = b.holders(1)
    a.hold(1, "Ana")
    assert b.holders(1) == [first]


def test_holders_come_oldest_first(location, two) -> None:
    a, b = two
    a.hold(1, "Ana")
    with Store.open(location) as c:
        c.hold(1, "Cy")
        assert [h.reviewer for h in b.holders(1)] == ["Ana", "Cy"]
    assert [h.reviewer for h in b.holders(1)] == ["Ana"]  # closing c released its hold


def test_release_and_close_end_presence(two) -> None:
    a, b = two
    a.hold(1, "Ana")
    a.release(1)
    assert b.holders(1) == [] and b.open_elsewhere() == frozenset()
    a.hold(1, "Ana")
    a.close()
    assert b.holders(1) == []


def test_a_silent_session_stops_counting_after_90_seconds(two) -> None:
    a, b = two
    a.hold(1, "Ana")
    old = presence.stamp(datetime.now(UTC) - presence.STALE_AFTER - timedelta(seconds=1))
    a.engine.execute("UPDATE presence SET heartbeat = ?", (old,))
    assert b.holders(1) == [] and b.open_elsewhere() == frozenset()
    a.hold(1, "Ana")  # the heartbeat: counted again
    assert [h.reviewer for h in b.holders(1)] == ["Ana"]


def test_a_crashed_process_leaves_no_presence_that_counts(location, two) -> None:
    """On SQLite its process is gone; on PostgreSQL its connection dropped with it."""
    _, b = two
    script = ("import os, sys; from deskapp.store import Store; "
              "s = Store.open(sys.argv[1]); s.hold(1, 'Gone'); os._exit(0)")
    subprocess.run([sys.executable, "-c", script, str(location)
                    if b.engine.embedded else location], check=True)
    rows = b.engine.execute("SELECT reviewer FROM presence").fetchall()
    assert rows == [("Gone",)]  # the row is there, fresh, but its process is not
    deadline = time.monotonic() + 5  # the server notices a dropped connection at once
    while b.holders(1) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert b.holders(1) == [] and b.open_elsewhere() == frozenset()


def test_holding_a_missing_article_is_refused(two) -> None:
    a, _ = two
    with pytest.raises(NotFound):
        a.hold(99, "Ana")


def test_the_work_queue_skips_an_article_open_elsewhere(two, doc) -> None:
    a, b = two
    a.save(replace(doc, id=None), reviewer="Ana")
    a.hold(1, "Ana")
    assert b.next_article("Bo").id == 2
    a.release(1)
    assert b.next_article("Bo").id == 1


def test_a_listener_reports_what_other_sessions_did(two, doc, sample_text) -> None:
    a, b = two
    listener = b.listener()
    try:
        # SQLite: the window polls; PostgreSQL: a socket to watch
        assert (listener.fileno() is None) == a.engine.embedded
        assert listener.poll() == []
        a.hold(1, "Ana")
        latest = a.load(1)
        a.save(latest, reviewer="Ana", parent=latest.version)
        a.transition(1, State.IN_REVIEW, reviewer="Ana")
        a.assign(1, "Bo")
        a.import_document(replace(doc, id=None, article=replace(
            doc.article, text=sample_text + "\nAnother paragraph.")), reviewer="Ana")
        a.release(1)
        changes = listener.poll()
        assert [(c.kind, c.article_id, c.reviewer) for c in changes] == [
            ("opened", 1, "Ana"), ("saved", 1, "Ana"), ("transition", 1, "Ana"),
            ("assigned", 1, "Bo"), ("imported", 2, "Ana"), ("closed", 1, "Ana")]
        assert all(isinstance(c, Change) and c.at.tzinfo is not None for c in changes)
        assert listener.poll() == []  # each change once
        b.hold(1, "Bo")  # this session's own changes are not news to it
        assert listener.poll() == []
    finally:
        listener.close()


def test_a_listener_starts_from_now(two) -> None:
    a, b = two
    a.hold(1, "Ana")
    listener = b.listener()
    try:
        assert listener.poll() == []
        a.release(1)
        assert [c.kind for c in listener.poll()] == ["closed"]
    finally:
        listener.close()


def test_a_failed_write_leaves_no_event(two, doc) -> None:
    a, b = two
    listener = b.listener()
    try:
        stale = a.load(1)
        a.save(stale, reviewer="Ana", parent=stale.version)
        listener.poll()
        with pytest.raises(Exception, match="has changed"):
            a.save(stale, reviewer="Ana", parent=stale.version)
        assert listener.poll() == []
    finally:
        listener.close()


def test_old_events_are_pruned_and_ids_never_go_back(two) -> None:
    a, b = two
    listener = b.listener()
    try:
        a.hold(1, "Ana")
        listener.poll()
        old = presence.stamp(datetime.now(UTC) - presence.KEEP_EVENTS - timedelta(minutes=1))
        a.engine.execute("UPDATE events SET at = ?", (old,))
        a.release(1)  # a write: prunes the old events, its own stays
        assert a.engine.execute("SELECT kind FROM events").fetchall() == [("closed",)]
        assert [c.kind for c in listener.poll()] == ["closed"]
        a.engine.execute("DELETE FROM events")
        a.hold(1, "Ana")  # after an emptied log the next id is still new to the listener
        assert [c.kind for c in listener.poll()] == ["opened"]
    finally:
        listener.close()


def test_a_read_only_session_records_no_presence_but_listens(location, two) -> None:
    a, _ = two
    with Store.open(location, read_only=True) as reader:
        reader.hold(1, "Reader")
        assert a.holders(1) == []
        listener = reader.listener()
        try:
            a.hold(1, "Ana")
            assert [c.kind for c in listener.poll()] == ["opened"]
            assert [h.reviewer for h in reader.holders(1)] == ["Ana"]
        finally:
            listener.close()


def test_presence_and_events_are_not_content(two) -> None:
    """Holding and releasing write no version and leave ``verify`` clean."""
    a, b = two
    a.hold(1, "Ana")
    b.hold(1, "Bo")
    a.release(1)
    assert len(b.history(1)) == 1 and b.verify() == []
    assert b.engine.execute("SELECT count(*) FROM versions").fetchone()[0] == 1


def test_on_a_server_the_listeners_socket_wakes_when_another_session_commits(
        pg_url, doc) -> None:
    with Store.open(pg_url) as a, Store.open(pg_url) as b:
        a.save(doc, reviewer="Ana")
        listener = b.listener()
        try:
            assert select.select([listener.fileno()], [], [], 0)[0] == []
            a.hold(1, "Ana")
            assert select.select([listener.fileno()], [], [], 5)[0] == [listener.fileno()]
            assert [c.kind for c in listener.poll()] == ["opened"]
            assert select.select([listener.fileno()], [], [], 0)[0] == []  # drained
            with pytest.raises(Exception, match="has changed"):
                a.save(a.load(1), reviewer="Ana", parent=0)
            assert select.select([listener.fileno()], [], [], 0.2)[0] == []  # rolled back
        finally:
            listener.close()


def test_on_a_server_a_dropped_connection_ends_presence_at_once(pg_url, doc) -> None:
    with Store.open(pg_url) as a, Store.open(pg_url) as b:
        a.save(doc, reviewer="Ana")
        a.hold(1, "Ana")
        b.engine.execute("SELECT pg_terminate_backend(?)", (a.engine.session_pid(),))
        deadline = time.monotonic() + 5
        while b.holders(1) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert b.holders(1) == [] and b.open_elsewhere() == frozenset()


@pytest.mark.sqlite_only  # SQLite's trace of statements
def test_closing_a_store_that_holds_nothing_writes_nothing(store_path, two) -> None:
    """A command (``deskapp list`` …) never waits for the write lock as it closes."""
    a, _ = two
    reader = Store.open(store_path)
    statements: list[str] = []
    reader.conn.set_trace_callback(statements.append)
    reader.close()
    assert statements == []
    a.hold(1, "Ana")
    a.conn.set_trace_callback(statements.append)
    a.close()
    assert any(s.startswith("DELETE FROM presence") for s in statements)


def test_on_a_server_a_listener_whose_connection_dropped_listens_anew(pg_url, doc) -> None:
    with Store.open(pg_url) as a, Store.open(pg_url) as b:
        a.save(doc, reviewer="Ana")
        listener = b.listener()
        try:
            a.engine.execute("SELECT pg_terminate_backend(?)",
                             (listener.db.conn.info.backend_pid,))
            a.hold(1, "Ana")  # while the listener is cut off
            time.sleep(0.1)
            assert [c.kind for c in listener.poll()] == ["opened"]  # nothing missed
            a.release(1)
            assert select.select([listener.fileno()], [], [], 5)[0] == [listener.fileno()]
            assert [c.kind for c in listener.poll()] == ["closed"]
        finally:
            listener.close()
