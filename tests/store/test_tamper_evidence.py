"""Tampering behind deskapp's back is caught by verify: keyed seals, the library rows, and
the record of each store's heads kept outside it."""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from deskapp.core.errors import StoreError
from deskapp.core.versioning import version_hash
from deskapp.core.workflow import State
from deskapp.store import Store
from deskapp.store.sealing import ChainKey

SEAL = "its seal does not match its hash and audit (changed or forged outside deskapp)"


def _two_articles(path: Path, doc) -> None:
    with Store.open(path) as store:
        first = store.save(doc, reviewer="ana")
        second = store.save(first, reviewer="ben", parent=1)
        store.transition(first.id, State.IN_REVIEW, reviewer="cy", note="please check")
        store.save(replace(doc, article=replace(doc.article, text=doc.article.text + " More.")),
                   reviewer="ana")
        assert second.version == 2


def _behind_deskapps_back(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for trigger in ("versions_no_update", "versions_no_delete", "transitions_no_update",
                    "transitions_no_delete"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _verify(path: Path) -> list[str]:
    with Store.open(path) as store:
        return store.verify()


def test_an_untouched_store_verifies(store_path, doc) -> None:
    _two_articles(store_path, doc)
    assert _verify(store_path) == []


def test_a_recomputed_chain_without_the_key_is_caught(store_path, doc) -> None:
    _two_articles(store_path, doc)
    conn = sqlite3.connect(store_path)
    rows = conn.execute("SELECT version, content, state, reviewer, note, time FROM versions "
                        "WHERE article_id = 1 ORDER BY version").fetchall()
    conn.close()
    parent, statements = None, []
    for version, content, state, reviewer, note, time in rows:
        reviewer = "mallory" if version == 2 else reviewer
        digest = version_hash(article_id=1, version=version, content=content, state=state,
                              reviewer=reviewer, note=note, time=time, parent=parent)
        statements.append(f"UPDATE versions SET reviewer = '{reviewer}', hash = '{digest}', "
                          f"parent = {'NULL' if parent is None else repr(parent)} "
                          f"WHERE article_id = 1 AND version = {version}")
        parent = digest
    _behind_deskapps_back(store_path, *statements)
    problems = _verify(store_path)
    assert f"article 1 version 2: {SEAL}" in problems
    assert not any("article 2" in p for p in problems)


@pytest.mark.parametrize("statement", [
    "UPDATE transitions SET reviewer = 'mallory' WHERE article_id = 1 AND version = 3",
    "DELETE FROM transitions WHERE article_id = 1 AND version = 3",
    "INSERT INTO transitions (article_id, version, source, target, reviewer, time) "
    "VALUES (1, 2, 'new', 'approved', 'mallory', '2020-01-01T00:00:00.000Z')",
])
def test_an_edited_deleted_or_added_audit_row_is_caught(store_path, doc, statement) -> None:
    _two_articles(store_path, doc)
    _behind_deskapps_back(store_path, statement)
    version = 2 if "INSERT" in statement else 3
    assert _verify(store_path) == [f"article 1 version {version}: {SEAL}"]


def test_an_audit_row_of_no_version_is_caught(store_path, doc) -> None:
    _two_articles(store_path, doc)
    _behind_deskapps_back(
        store_path, "INSERT INTO transitions (article_id, version, source, target, reviewer, "
        "time) VALUES (1, 9, 'in_review', 'approved', 'mallory', '2020-01-01T00:00:00.000Z')")
    assert _verify(store_path) == [
        "article 1 version 9: an audit record belongs to no stored version"]


def test_a_forged_library_title_is_caught(store_path, doc) -> None:
    _two_articles(store_path, doc)
    _behind_deskapps_back(store_path, "UPDATE articles SET title = 'Forged' WHERE id = 2")
    assert _verify(store_path) == [
        "article 2: the library shows other title than version 1 holds (changed outside "
        "deskapp)"]


def test_a_deleted_newest_version_is_reported(store_path, doc) -> None:
    _two_articles(store_path, doc)
    with Store.open(store_path) as store:
        previous = store.conn.execute("SELECT time FROM versions WHERE article_id = 1 AND "
                                      "version = 2").fetchone()[0]
    _behind_deskapps_back(
        store_path, "DELETE FROM versions WHERE article_id = 1 AND version = 3",
        "DELETE FROM transitions WHERE article_id = 1 AND version = 3",
        f"UPDATE articles SET latest = 2, state = 'new', updated = '{previous}' WHERE id = 1")
    problems = _verify(store_path)
    assert len(problems) == 1 and problems[0].startswith(
        "store: it holds less than it did: 2 articles and 3 versions now, 2 articles and 4 "
        "versions (last save: article 2 version 1 at ")


def test_a_deleted_article_is_reported(store_path, doc) -> None:
    _two_articles(store_path, doc)
    _behind_deskapps_back(
        store_path, "INSERT INTO articles_fts(articles_fts, rowid, title, text, speakers, "
        "sources) SELECT 'delete', id, title, text, speakers, sources FROM article_search "
        "WHERE id = 2", "DELETE FROM versions WHERE article_id = 2",
        "DELETE FROM transitions WHERE article_id = 2", "DELETE FROM articles WHERE id = 2")
    problems = _verify(store_path)
    assert problems[0].startswith("store: it holds less than it did: 1 article and 3 versions "
                                  "now, 2 articles and 4 versions")
    assert problems[1].startswith("article 2 version 1, saved at ")
    assert problems[1].endswith(", is missing from the store")


def test_the_key_is_made_once_outside_the_store(tmp_path, monkeypatch, doc) -> None:
    monkeypatch.setenv("DESKAPP_CONFIG_DIR", str(tmp_path / "config"))
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.save(doc, reviewer="ana")
    key_file = tmp_path / "config" / "chain.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    secret = key_file.read_text()
    assert secret.strip() not in (tmp_path / "s.sqlite3").read_bytes().decode("latin-1")
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.save(doc, reviewer="ana")
        assert store.verify() == []
    assert key_file.read_text() == secret


def test_a_store_sealed_with_another_key_says_so(tmp_path, monkeypatch, doc) -> None:
    path = tmp_path / "s.sqlite3"
    with Store.open(path, key=ChainKey(os.urandom(32))) as store:
        store.save(doc, reviewer="ana")
    with Store.open(path) as store:
        assert store.verify() == ["seals: the store is sealed with another deskapp key than "
                                  "this user's, so its seals cannot be checked here"]
        with pytest.raises(StoreError, match="sealed with another deskapp key"):
            store.save(doc, reviewer="ana")
