"""Open, save, load, list, history and settings: what the window and CLI rely on."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from deskapp.core.errors import NotFound, StoreError, TransitionRefused
from deskapp.core.workflow import State
from deskapp.store import SCHEMA_VERSION, Store


def test_open_creates_folder_and_file_with_current_schema(store_path: Path) -> None:
    with Store.open(store_path) as store:
        assert store.path == store_path and not store.read_only
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store_path.is_file()


def test_save_then_load_round_trips_text_marks_and_metadata(store, doc) -> None:
    saved = store.save(doc, reviewer="ana", note="first read")
    assert (saved.id, saved.version, saved.reviewer, saved.note) == (1, 1, "ana", "first read")
    loaded = store.load(saved.id)
    assert loaded.article == doc.article
    assert loaded.marks == doc.marks
    assert (loaded.id, loaded.version, loaded.reviewer, loaded.note) == (1, 1, "ana", "first read")


def test_every_save_is_a_new_version_and_old_ones_stay_readable(store, doc) -> None:
    first = store.save(doc, reviewer="ana")
    quote = first.marks.quotes[0]
    second = store.save(first.with_marks(first.marks.remove(quote.id)), reviewer="ben",
                        parent=first.version)
    assert second.version == 2 and second.id == first.id
    assert len(store.load(first.id).marks) == 1
    assert len(store.load(first.id, 1).marks) == 2


def test_reopening_finds_what_was_saved(location, doc) -> None:
    with Store.open(location) as store:
        saved = store.save(doc, reviewer="ana")
        store.set_setting("last_article", "0")
        store.set_setting("last_article", str(saved.id))  # replaced, not added
    with Store.open(location) as store:
        assert store.get_setting("last_article") == str(saved.id)
        assert store.get_setting("nothing", "default") == "default"
        assert store.load(saved.id).marks == doc.marks


def test_load_unknown_article_or_version_raises_not_found(store, doc) -> None:
    with pytest.raises(NotFound, match="no article 7"):
        store.load(7)
    saved = store.save(doc, reviewer="ana")
    with pytest.raises(NotFound, match="no version 5"):
        store.load(saved.id, 5)


def test_history_lists_versions_chained_by_hash(store, doc) -> None:
    first = store.save(doc, reviewer="ana")
    store.save(first, reviewer="ben", note="checked", parent=1)
    history = store.history(first.id)
    assert [h.version for h in history] == [1, 2]
    assert history[0].parent is None
    assert history[1].parent == history[0].hash
    assert (history[1].reviewer, history[1].note) == ("ben", "checked")
    assert all(len(h.hash) == 64 for h in history)
    assert history[0].time <= history[1].time


def test_list_articles_summarises_the_latest_version(store, doc) -> None:
    a = store.save(doc, reviewer="ana")
    b = store.save(replace(doc, marks=type(doc.marks)()), reviewer="ana")
    store.save(a, reviewer="ana", parent=1)
    rows = store.list_articles()
    assert [r.id for r in rows] == [a.id, b.id]  # most recently updated first
    top = rows[0]
    assert (top.title, top.outlet, top.state, top.versions, top.marks) == (
        doc.title, "Sahar News", "new", 2, 2)
    assert store.count_articles() == 2


def test_list_articles_filters_sorts_and_pages(store, doc) -> None:
    ids = [store.save(doc, reviewer="ana").id for _ in range(5)]
    store.transition(ids[1], State.IN_REVIEW, reviewer="ana")
    assert [r.id for r in store.list_articles(state="in_review")] == [ids[1]]
    assert store.count_articles(state="new") == 4
    by_id = store.list_articles(order="id", descending=False, offset=1, limit=2)
    assert [r.id for r in by_id] == ids[1:3]
    with pytest.raises(StoreError, match="cannot sort"):
        store.list_articles(order="nonsense")
    with pytest.raises(StoreError, match="unknown state"):
        store.list_articles(state="nonsense")


def test_find_by_sha256_finds_the_imported_file(store, doc) -> None:
    saved = store.save(doc, reviewer="ana")
    assert store.find_by_sha256(doc.article.meta.sha256) == saved.id
    assert store.find_by_sha256("00" * 32) is None
    assert store.find_by_sha256("") is None


def test_transition_records_who_when_and_why(store, doc) -> None:
    saved = store.save(doc, reviewer="ana")
    store.transition(saved.id, State.IN_REVIEW, reviewer="ben", note="please check")
    moved = store.transition(saved.id, State.NEEDS_CHANGES, reviewer="cy", note="speaker?")
    assert moved.state == State.NEEDS_CHANGES and moved.version == 3
    audit = store.transitions(saved.id)
    assert [(t.source, t.target, t.reviewer, t.note) for t in audit] == [
        (None, State.NEW, "ana", ""),
        (State.NEW, State.IN_REVIEW, "ben", "please check"),
        (State.IN_REVIEW, State.NEEDS_CHANGES, "cy", "speaker?"),
    ]
    assert store.list_articles()[0].state == "needs_changes"


def test_a_refused_transition_saves_nothing(store, doc) -> None:
    saved = store.save(doc, reviewer="ana")
    store.transition(saved.id, State.SPIKED, reviewer="ana")
    with pytest.raises(TransitionRefused):
        store.transition(saved.id, State.APPROVED, reviewer="ana")
    with pytest.raises(TransitionRefused):
        store.save(replace(store.load(saved.id), state=State.APPROVED), reviewer="ana")
    assert [h.version for h in store.history(saved.id)] == [1, 2]


def test_restore_makes_a_new_version_with_the_old_content(store, doc) -> None:
    first = store.save(doc, reviewer="ana")
    second = store.save(first.with_marks(type(doc.marks)()), reviewer="ana", parent=1)
    store.transition(first.id, State.APPROVED, reviewer="ben")
    restored = store.restore(first.id, 1, reviewer="cy")
    assert restored.version == 4
    assert store.load(first.id).marks == doc.marks
    assert store.load(first.id).state == State.IN_REVIEW  # approved → new is not allowed
    assert store.history(first.id)[-1].note == "restored from version 1"
    assert len(store.load(first.id, second.version).marks) == 0


def test_latest_version_and_diff_between_versions(store, doc) -> None:
    first = store.save(doc, reviewer="ana")
    quote = first.marks.quotes[0]
    store.save(first.with_marks(first.marks.remove(quote.id)), reviewer="ana", parent=1)
    assert store.latest_version(first.id) == 2
    diff = store.diff(first.id, 1)
    assert [m.id for m in diff.marks_removed] == [quote.id]
    assert not diff.marks_added and not diff.text_changes
    with pytest.raises(NotFound):
        store.latest_version(99)
