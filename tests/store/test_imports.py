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
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        store.conn.execute(
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
