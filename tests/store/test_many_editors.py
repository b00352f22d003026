"""Twenty editors, each a separate process, working on one store at once (issue 16, part 6):
nothing an editor was told is saved goes missing, every chain verifies, and two editors
saving one article meet a VersionConflict — never another error.

The loop is short here (a few seconds per engine); ``bench/desk.py`` runs it longer on a
store of 100,000 articles and prints the throughput.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tests.desk_load import check_load, fill, run_load, store_version_count

from deskapp.store import Store

EDITORS = 20
ARTICLES = 12  # few, so that editors meet on the same article often
ROUNDS = 6


@pytest.fixture(params=["sqlite", "postgresql"])
def desk_location(request, tmp_path: Path) -> str:
    """Where the desk's store lives: an SQLite file (WAL), or a fresh database on the
    throwaway server of the PostgreSQL tests (skipped with the reason when none can be
    started, see ``tests/conftest.py``)."""
    if request.param == "sqlite":
        return str(tmp_path / "desk" / "deskapp.sqlite3")
    return request.getfixturevalue("pg_url")


def test_twenty_editors_lose_nothing(desk_location: str) -> None:
    with Store.open(desk_location) as store:
        articles = fill(store, ARTICLES)
        before = store_version_count(store)

    report = run_load(desk_location, articles, editors=EDITORS, rounds=ROUNDS)

    assert report.errors == []
    assert len({e.pid for e in report.editors}) == EDITORS  # separate processes
    assert all(len(e.saves) == ROUNDS for e in report.editors)  # every step was saved
    assert report.operations == len(report.saves) + report.conflicts
    assert report.conflicts > 0  # the editors did meet: the test exercised conflicts
    with Store.open(desk_location) as store:
        assert check_load(store, report, before) == []
        # each version saved exactly once: no two editors were told they made the same one
        assert len({(s.article_id, s.version) for s in report.saves}) == len(report.saves)


def test_editors_taking_from_the_queue_at_once_never_get_the_same_article(store_path) -> None:
    with Store.open(store_path) as ana, Store.open(store_path) as ben:
        first, second = fill(ana, 2)
        assert ana.next_article("Ana").id == ben.next_article("Ben").id == first  # only asked
        taken = ana.next_article("Ana", take=True)
        assert taken.id == first and ben.holders(first)[0].reviewer == "Ana"
        assert ben.next_article("Ben", take=True).id == second
        assert ana.open_elsewhere() == {second}
        assert ana.next_article("Ana", skip={first}, take=True) is None  # Ben has the other


def test_editors_pressing_next_together_get_one_article_each(location) -> None:
    """Eight sessions take from a queue of eight articles at the same moment (on a server
    the taking is serialised by a lock; SQLite's write lock does it for the file)."""
    count = 8
    with Store.open(location) as seed:
        articles = set(fill(seed, count))
    sessions = [Store.open(location) for _ in range(count)]
    start = threading.Barrier(count)

    def take(store: Store) -> int | None:
        start.wait()
        found = store.next_article(f"Editor {id(store)}", take=True)
        return None if found is None else found.id

    try:
        with ThreadPoolExecutor(count) as pool:
            taken = list(pool.map(take, sessions))
    finally:
        for store in sessions:
            store.close()
    assert sorted(taken) == sorted(articles)
