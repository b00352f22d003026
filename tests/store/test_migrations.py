"""Migrations through PRAGMA user_version, from a stored fixture of every earlier schema."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from deskapp.core.checks import review_counts
from deskapp.core.errors import StoreError
from deskapp.store import SCHEMA_VERSION, Store, schema

SCHEMAS = Path(__file__).parents[1] / "fixtures" / "schemas"
FIXTURES = sorted(SCHEMAS.glob("v*.sqlite3"))


@pytest.fixture(autouse=True)
def _fixture_key(tmp_path: Path, monkeypatch) -> None:
    """The key ``v3.sqlite3`` (and later fixtures) were sealed with, in a private config."""
    config = tmp_path / "config"
    config.mkdir()
    shutil.copy(SCHEMAS / "chain.key", config / "chain.key")
    monkeypatch.setenv("DESKAPP_CONFIG_DIR", str(config))


def _copy(fixture: Path, tmp_path: Path) -> Path:
    target = tmp_path / fixture.name
    shutil.copy(fixture, target)
    return target


def test_there_is_a_fixture_for_every_schema_so_far() -> None:
    assert [int(p.stem[1:]) for p in FIXTURES] == list(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_an_earlier_store_opens_with_nothing_lost(fixture: Path, tmp_path: Path) -> None:
    expected = json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    with Store.open(_copy(fixture, tmp_path)) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.verify() == []
        rows = store.list_articles(order="id", descending=False)
        assert len(rows) == len(expected["articles"])
        for row, want in zip(rows, expected["articles"], strict=True):
            assert (row.id, row.title, row.state, row.versions, row.marks,
                    row.outlet) == (want["id"], want["title"], want["state"], want["versions"],
                                    want["marks"], want["outlet"])
            # from schema 4 on, the library counts review flags and pending suggestions
            # as the article's own panel does; older stores are counted when listed
            counts = review_counts(store.load(row.id))
            assert (row.flags, row.pending) == (counts.flags, counts.pending)
            assert row.assignee == want.get("assignee", "")
            assert [h.hash for h in store.history(row.id)] == want["hashes"]
            doc = store.load(row.id)
            assert [q.span.text for q in doc.marks.quotes] == want["export"]["quotes"]
            for mark in doc.marks:
                assert mark.anchor.holds_in(doc.article.text)
        for article_id, count in expected["transitions"].items():
            assert len(store.transitions(int(article_id))) == count
        assert [d.key for d in store.drafts()] == expected["drafts"]
        for key, value in expected["settings"].items():
            assert store.get_setting(key) == value
        for query, ids in expected["search"].items():
            assert sorted(r.id for r in store.search(query)) == sorted(ids)
        first = store.load(1)
        assert store.save(first, reviewer="today", parent=first.version).version == (
            expected["articles"][0]["versions"] + 1)
        assert store.verify() == []


@pytest.mark.parametrize("fixture", FIXTURES[:2], ids=lambda p: p.stem)
def test_an_upgrade_seals_every_version_and_gives_imports_their_identity(
    fixture: Path, tmp_path: Path,
) -> None:
    with Store.open(_copy(fixture, tmp_path)) as store:
        seals = store.conn.execute("SELECT count(*) FROM versions WHERE seal IS NULL")
        assert seals.fetchone()[0] == 0
        twin = store.load(2)  # imported from the same file as article 1 (a twin)
        assert store.find_same_article(twin) == 1
        again = store.import_document(twin, reviewer="ana")
        assert (again.article_id, again.duplicate) == (1, True)
        assert store.find_same_article(store.load(3)) is None  # typed in, not imported
        assert store.verify() == []


def test_an_upgrade_never_seals_a_version_already_broken(tmp_path: Path) -> None:
    path = _copy(FIXTURES[1], tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER versions_no_update")
    conn.execute("UPDATE versions SET note = 'rewritten' WHERE article_id = 3 AND version = 2")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert store.verify() == ["article 3 version 2: its content does not match its hash "
                                  "(changed outside deskapp)"]
        unsealed = store.conn.execute("SELECT article_id, version FROM versions "
                                      "WHERE seal IS NULL").fetchall()
        assert unsealed == [(3, 2)]


def test_an_upgrade_merges_look_alike_registry_twins(tmp_path: Path) -> None:
    path = _copy(FIXTURES[1], tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO registry (id, name, aliases, role, kind) VALUES "
                 "('e-twin', 'Aman\u200bda Lapo', '[\"A. Lapo\"]', '', 'person'), "
                 "('e-wide', 'ＣＮＮ', '[]', '', 'media')")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        registry = store.load_registry()
    assert len(registry) == 3 and registry.get("e-twin") is None
    assert registry.find("A. Lapo").id == "e-lapo" and registry.find("ＣＮＮ").id == "e-cnn"


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    with Store.open(path) as store:
        assert store.count_articles() == 0
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def _add_v_next(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE articles ADD COLUMN desk TEXT NOT NULL DEFAULT ''")


def _broken_v_next(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE articles ADD COLUMN desk TEXT")
    raise sqlite3.OperationalError("simulated failure half-way through a migration")


def _with_next_step(monkeypatch, step) -> int:
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, step])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    return SCHEMA_VERSION + 1


def test_a_new_migration_step_runs_once_and_keeps_the_data(monkeypatch, tmp_path) -> None:
    path = _copy(FIXTURES[-1], tmp_path)
    target = _with_next_step(monkeypatch, _add_v_next)
    for _ in range(2):  # the second open finds nothing to do
        with Store.open(path) as store:
            assert store.conn.execute("PRAGMA user_version").fetchone()[0] == target
            assert store.verify() == []
            assert store.count_articles() == len(
                json.loads(FIXTURES[-1].with_suffix(".json").read_text())["articles"])


def test_a_failing_migration_changes_nothing(monkeypatch, tmp_path) -> None:
    path = _copy(FIXTURES[-1], tmp_path)
    _with_next_step(monkeypatch, _broken_v_next)
    with pytest.raises(StoreError, match="simulated failure"):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    columns = [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
    conn.close()
    assert "desk" not in columns


def test_an_old_store_opened_read_only_asks_for_write_access(monkeypatch, tmp_path) -> None:
    path = _copy(FIXTURES[-1], tmp_path)
    _with_next_step(monkeypatch, _add_v_next)
    with pytest.raises(StoreError, match=r"needs an upgrade .* read-only"):
        Store.open(path, read_only=True)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_an_upgraded_store_has_the_live_desk(fixture: Path, tmp_path: Path) -> None:
    """From schema 5 on, sessions see each other; ``v5`` holds a presence its crashed
    process left behind, which does not count."""
    path = _copy(fixture, tmp_path)
    with Store.open(path) as a, Store.open(path) as b:
        assert a.open_elsewhere() == frozenset()
        listener = b.listener()
        try:
            a.hold(1, "Ana")
            assert [h.reviewer for h in b.holders(1)] == ["Ana"]
            assert b.open_elsewhere() == frozenset({1})
            assert [(c.kind, c.article_id) for c in listener.poll()] == [("opened", 1)]
        finally:
            listener.close()
