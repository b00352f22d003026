"""Many programs writing one SQLite store take the write lock in turn: a save waits for
its turn instead of being refused as "locked" while others keep saving (issue 16: with 20
editors on one file, saves failed after the 5 s busy timeout though the store never
stopped)."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from deskapp.core.errors import StoreError
from deskapp.store import Store


def _keep_writing(path: Path, stop: threading.Event, hold: float, gap: float) -> None:
    """Another program that saves all the time: the lock is free for ``gap`` seconds
    between writes of ``hold`` seconds (it waits with SQLite's own busy timeout)."""
    conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
    try:
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            time.sleep(hold)
            conn.execute("UPDATE settings SET value = value WHERE key = 'x'")
            conn.execute("COMMIT")
            time.sleep(gap)
    finally:
        conn.close()


def test_a_save_gets_its_turn_between_the_saves_of_a_busy_program(store_path, doc) -> None:
    with Store.open(store_path, busy_timeout=1.5) as store:
        store.set_setting("x", "1")
        stop = threading.Event()
        other = threading.Thread(target=_keep_writing, args=(store_path, stop, 0.03, 0.001))
        other.start()
        try:
            time.sleep(0.1)
            saves = [store.save(doc, reviewer="ana") for _ in range(10)]
        finally:
            stop.set()
            other.join()
        assert [s.version for s in saves] == [1] * 10 and len({s.id for s in saves}) == 10
        assert store.verify() == []


def test_a_store_held_longer_than_the_timeout_still_says_it_is_locked(store_path, doc) -> None:
    with Store.open(store_path, busy_timeout=0.3) as store:
        holder = sqlite3.connect(str(store_path), isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        try:
            with pytest.raises(StoreError, match="locked by another program"):
                store.save(doc, reviewer="ana")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert 0.3 <= time.monotonic() - started < 2
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 300
        assert store.save(doc, reviewer="ana").version == 1  # free again: saved at once
