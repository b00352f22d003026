"""`deskapp store migrate`: a whole store copied between SQLite and PostgreSQL, both ways,
with nothing lost and every chain checked; a non-empty destination is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from deskapp.cli import main
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.registry import Entity, Registry
from deskapp.core.workflow import State
from deskapp.store import Store


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _fill(store: Store, sample_text: str) -> None:
    imported = store.import_document(Document(Article(sample_text)), reviewer="ana")
    doc = store.load(imported.article_id)
    store.save(doc, reviewer="bea", note="second look", parent=1)
    store.transition(imported.article_id, State.IN_REVIEW, reviewer="bea")
    other = store.save(Document(Article("Council story\n\nThe council met on Tuesday.")),
                       reviewer="ana")
    store.assign(other.id, "Bea")
    store.save_registry(Registry.of([Entity("Amanda Lapo", ("Lapo",), "analyst")]))
    store.set_setting("reviewer", "Ana")
    store.save_draft("new:1", {"document": "unsaved"})


def _snapshot(store: Store) -> dict:
    rows = store.list_articles(order="id", descending=False)
    return {
        "articles": [(r.id, r.title, r.state, r.versions, r.assignee, r.created, r.updated)
                     for r in rows],
        "history": {r.id: store.history(r.id) for r in rows},
        "transitions": {r.id: store.transitions(r.id) for r in rows},
        "registry": sorted(store.load_registry(), key=lambda e: e.name),
        "setting": store.get_setting("reviewer"),
        "drafts": [(d.key, d.payload) for d in store.drafts()],
        "search": [r.id for r in store.search("Maduro")],
    }


def test_a_store_goes_to_postgresql_and_back_with_nothing_lost(
        tmp_path: Path, pg_url: str, sample_text: str) -> None:
    source = tmp_path / "desk.sqlite3"
    with Store.open(source) as store:
        _fill(store, sample_text)
        before = _snapshot(store)
    result = _run("store", "migrate", str(source), pg_url)
    assert result.exit_code == 0, result.output
    assert "copied 2 articles, 4 versions" in result.output
    assert pg_url.split("@")[0].split(":")[-1] not in result.output  # no password shown
    verified = _run("verify", "--store", pg_url)
    assert verified.exit_code == 0 and verified.output.startswith("ok: 2 articles")
    assert "the search index covers every article" in verified.output
    with Store.open(pg_url) as server:
        assert _snapshot(server) == before
        assert server.verify() == []
        saved = server.save(server.load(1), reviewer="cy", parent=3)  # chain goes on
        assert saved.version == 4
    back = tmp_path / "back.sqlite3"
    result = _run("store", "migrate", pg_url, str(back))
    assert result.exit_code == 0, result.output
    with Store.open(back) as copy:
        assert copy.verify() == []
        assert [h.hash for h in copy.history(1)][:3] == [h.hash for h in before["history"][1]]
        assert copy.latest_version(1) == 4
        assert copy.search("council")[0].id == 2


def test_a_destination_with_articles_is_refused_and_left_as_it_was(
        tmp_path: Path, pg_url: str, sample_text: str) -> None:
    source = tmp_path / "desk.sqlite3"
    with Store.open(source) as store:
        _fill(store, sample_text)
    with Store.open(pg_url) as server:
        server.save(Document(Article("Already here\n\nA story.")), reviewer="ana")
    result = _run("store", "migrate", str(source), pg_url)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "is not empty" in result.output
    with Store.open(pg_url) as server:
        assert server.count_articles() == 1


def test_a_broken_chain_is_never_copied(tmp_path: Path, sample_text: str) -> None:
    source = tmp_path / "desk.sqlite3"
    with Store.open(source) as store:
        _fill(store, sample_text)
    conn = sqlite3.connect(source)
    conn.execute("DROP TRIGGER versions_no_update")
    conn.execute("UPDATE versions SET note = 'rewritten' WHERE article_id = 1 AND version = 2")
    conn.commit()
    conn.close()
    dest = tmp_path / "copy.sqlite3"
    result = _run("store", "migrate", str(source), str(dest))
    assert result.exit_code == 1
    assert "fails verification (article 1 version 2: its content does not match" in result.output
    assert not dest.exists()


@pytest.mark.parametrize("make", ["sqlite", "missing"])
def test_bad_sources_are_one_line_errors(tmp_path: Path, make: str) -> None:
    source = tmp_path / "nothing.sqlite3"
    if make == "sqlite":
        source.write_text("not a database at all, long enough to be read as a header " * 4)
    result = _run("store", "migrate", str(source), str(tmp_path / "dest.sqlite3"))
    assert result.exit_code == 1 and result.output.startswith("deskapp: error: ")
    assert result.output.count("\n") == 1 and not (tmp_path / "dest.sqlite3").exists()


def test_backup_of_a_server_store_is_an_sqlite_file(
        tmp_path: Path, pg_url: str, sample_text: str) -> None:
    with Store.open(pg_url) as server:
        _fill(server, sample_text)
        before = _snapshot(server)
    target = tmp_path / "backup.sqlite3"
    result = _run("backup", str(target), "--store", pg_url)
    assert result.exit_code == 0, result.output
    with Store.open(target) as copy:
        assert _snapshot(copy) == before and copy.verify() == []
