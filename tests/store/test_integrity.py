"""Versions are immutable; verify recomputes hashes and chains; backup copies safely."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from deskapp.core.errors import StoreError
from deskapp.core.versioning import version_hash
from deskapp.store import Store


def _three_versions(store: Store, doc) -> int:
    saved = store.save(doc, reviewer="ana")
    store.save(saved, reviewer="ben", parent=1)
    store.save(saved, reviewer="cy", parent=2)
    return saved.id


def _behind_deskapps_back(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER IF EXISTS versions_no_update")
    conn.execute("DROP TRIGGER IF EXISTS versions_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_versions_cannot_be_updated_or_deleted_through_sql(store, doc) -> None:
    article_id = _three_versions(store, doc)
    for statement in ("UPDATE versions SET note = 'x'", "DELETE FROM versions",
                      "DELETE FROM transitions"):
        with pytest.raises(Exception, match=r"immutable|append-only"):  # the engine's error
            store.engine.execute(statement)
    assert len(store.history(article_id)) == 3


def test_verify_passes_on_an_untouched_store(store, doc) -> None:
    _three_versions(store, doc)
    assert store.verify() == []


def test_verify_names_a_version_edited_behind_deskapps_back(store_path, doc) -> None:
    with Store.open(store_path) as store:
        _three_versions(store, doc)
        _three_versions(store, doc)
    _behind_deskapps_back(
        store_path, "UPDATE versions SET content = replace(content, 'Maduro', 'Guaidó') "
                    "WHERE article_id = 2 AND version = 2")
    with Store.open(store_path) as store:
        assert store.verify() == [
            "article 2 version 2: its content does not match its hash (changed outside deskapp)"]


def test_a_forged_hash_breaks_the_chain_at_the_next_version(store_path, doc) -> None:
    with Store.open(store_path) as store:
        _three_versions(store, doc)
        row = store.conn.execute("SELECT content, state, time, parent FROM versions "
                                 "WHERE version = 2").fetchone()
    forged = version_hash(article_id=1, version=2, content=row[0], state=row[1],
                          reviewer="mallory", note="", time=row[2], parent=row[3])
    _behind_deskapps_back(store_path, "UPDATE versions SET reviewer = 'mallory', "
                                      f"hash = '{forged}' WHERE version = 2")
    with Store.open(store_path) as store:
        assert store.verify() == [
            "article 1 version 2: its seal does not match its hash and audit (changed or "
            "forged outside deskapp)",
            "article 1 version 3: its parent hash does not match version 2"]


def test_verify_names_a_deleted_version(store_path, doc) -> None:
    with Store.open(store_path) as store:
        _three_versions(store, doc)
    _behind_deskapps_back(store_path, "DELETE FROM versions WHERE version = 2")
    with Store.open(store_path) as store:
        problems = store.verify()
    assert "article 1: version 2 is missing" in problems
    assert "article 1 version 3: its parent hash does not match version 2" in problems


def test_backup_is_a_complete_verifiable_copy(store, doc, tmp_path) -> None:
    article_id = _three_versions(store, doc)
    store.save_draft("1", {"document": doc.to_json()})
    target = tmp_path / "backups" / "copy.sqlite3"
    target.parent.mkdir()
    store.backup(target)
    with Store.open(target) as copy:
        assert copy.verify() == []
        assert copy.history(article_id) == store.history(article_id)
        assert [d.key for d in copy.drafts()] == ["1"]
    assert [p.name for p in target.parent.iterdir()] == ["copy.sqlite3"]  # no temp left


def test_backup_refuses_to_overwrite_unless_asked(store, doc, tmp_path) -> None:
    _three_versions(store, doc)
    target = tmp_path / "copy.sqlite3"
    target.write_text("precious")
    with pytest.raises(StoreError, match="exists already"):
        store.backup(target)
    assert target.read_text() == "precious"
    store.backup(target, overwrite=True)
    with Store.open(target) as copy:
        assert copy.count_articles() == 1
    with pytest.raises(StoreError, match="onto itself"):
        store.backup(store.path, overwrite=True)
    with pytest.raises(StoreError, match="cannot write the backup"):
        store.backup(tmp_path / "missing" / "copy.sqlite3")
