"""Store.import_document: one transaction decides "the same article" and the first state."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from deskapp.core.workflow import State


def _with_meta(doc, **meta):
    return replace(doc, article=replace(doc.article, meta=replace(doc.article.meta, **meta)))


def test_the_same_text_is_the_same_article_whatever_the_file_claims(store, doc) -> None:
    first = store.import_document(doc, reviewer="ana")
    again = store.import_document(_with_meta(doc, sha256="cd" * 32), reviewer="ben")
    assert (first.duplicate, again.duplicate, again.article_id) == (False, True, first.article_id)
    assert again.document is None and store.count_articles() == 1
    other_text = replace(doc, article=replace(doc.article, text=doc.article.text + " Also."))
    claimed_twin = store.import_document(other_text, reviewer="ana")  # same claimed sha256
    assert claimed_twin.duplicate is False and store.count_articles() == 2


def test_a_unique_index_refuses_a_twin_even_past_the_check(store, doc) -> None:
    store.import_document(doc, reviewer="ana")
    with pytest.raises(Exception, match=r"UNIQUE|unique"):  # the engine's integrity error
        store.engine.execute(
            "INSERT INTO articles (title, state, created, updated, latest, identity) "
            "SELECT 'twin', 'new', '', '', 1, identity FROM articles WHERE id = 1")


def test_an_import_starts_new_whatever_state_it_claims(store, doc) -> None:
    for claimed in (State.APPROVED, State.SPIKED, State.NEEDS_CHANGES):
        text = doc.article.text + f" ({claimed})"
        imported = store.import_document(
            replace(doc, state=claimed, article=replace(doc.article, text=text)),
            reviewer="ana", note="imported from x.json")
        saved = imported.document
        assert saved.state == State.NEW and saved.version == 1
        assert saved.note == (f"imported from x.json; the file claims state “{claimed}”; it "
                              "starts as new here (approval needs the review checks)")
        (audit,) = store.transitions(saved.id)
        assert (audit.source, audit.target) == (None, State.NEW)


def test_saving_a_new_article_is_not_an_import(store, doc) -> None:
    store.import_document(doc, reviewer="ana")
    copy = store.save(doc, reviewer="ana")  # the window's own new article: no identity
    assert copy.id == 2 and store.find_same_article(doc) == 1


def _earlier(doc, n: int):
    """Version ``n`` of an export's history: a shorter text, claimed approved by bo."""
    text = doc.article.text[: 200 * n]
    old = replace(doc, article=replace(doc.article, text=text, parts=()),
                  marks=type(doc.marks)(), state=State.APPROVED)
    return {"version": n, "reviewer": "bo", "time": f"2026-01-0{n}T00:00:00Z",
            "note": "checked"}, old


def test_an_export_history_is_stored_first_as_new_versions(store, doc) -> None:
    history = [_earlier(doc, 1), _earlier(doc, 2)]
    imported = store.import_document(doc, reviewer="ana", note="imported from x.json",
                                     history=history)
    assert imported.document.version == 3 and store.find_same_article(doc) == imported.article_id
    versions = store.history(imported.article_id)
    assert [(v.version, v.state, v.reviewer) for v in versions] == [
        (1, "new", "ana"), (2, "new", "ana"), (3, "new", "ana")]
    assert versions[0].note == (
        "imported from x.json: version 1 of the file's history; the file claims state "
        "“approved”, reviewer “bo”, time “2026-01-01T00:00:00Z”, note “checked”; it is "
        "stored as new here")
    assert store.load(1, 2).article.text == doc.article.text[:400]
    assert [(t.source, t.target) for t in store.transitions(1)] == [(None, State.NEW)]
    assert store.verify() == []


def test_an_import_with_history_is_stored_whole_or_not_at_all(store, doc, monkeypatch) -> None:
    from deskapp.store import versions

    real, calls = versions.insert_version, []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        return real(*args, **kwargs)

    monkeypatch.setattr(versions, "insert_version", failing)
    with pytest.raises(Exception, match="disk I/O error"):
        store.import_document(doc, reviewer="ana", history=[_earlier(doc, 1)])
    monkeypatch.undo()
    assert store.count_articles() == 0 and store.find_same_article(doc) is None
    assert store.verify() == []
