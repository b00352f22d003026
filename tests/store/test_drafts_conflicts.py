"""Crash-recovery drafts and conflicts between two windows or programs on one store."""

from __future__ import annotations

import pytest

from deskapp.store import Store, VersionConflict


def test_drafts_survive_reopening_until_discarded(store_path, doc) -> None:
    with Store.open(store_path) as store:
        store.save_draft("new:1234", {"document": doc.to_json(), "base": None})
        store.save_draft("7", {"document": doc.to_json(), "base": 3})
        store.save_draft("7", {"document": doc.to_json(), "base": 4})  # autosave replaces
    with Store.open(store_path) as store:
        drafts = {d.key: d for d in store.drafts()}
        assert set(drafts) == {"new:1234", "7"}
        assert drafts["7"].payload["base"] == 4 and drafts["7"].article_id == 7
        assert drafts["new:1234"].article_id is None
        assert drafts["7"].payload["document"]["text"] == doc.article.text
        store.discard_draft("7")
        assert [d.key for d in store.drafts()] == ["new:1234"]


def test_saving_with_draft_key_discards_the_draft_in_the_same_transaction(store, doc) -> None:
    store.save_draft("new:abc", {"document": doc.to_json()})
    store.save(doc, reviewer="ana", draft_key="new:abc")
    assert store.drafts() == []


def test_second_store_saving_on_a_stale_parent_gets_a_conflict(store_path, doc) -> None:
    with Store.open(store_path) as first, Store.open(store_path) as second:
        base = first.save(doc, reviewer="ana")
        mine = second.load(base.id)
        first.save(base, reviewer="ana", note="theirs", parent=1)  # another window saves
        with pytest.raises(VersionConflict) as conflict:
            second.save(mine, reviewer="ben", parent=mine.version)
        assert conflict.value.latest == 2 and conflict.value.parent == 1
        assert "version 2 was saved by another" in str(conflict.value)
        assert [h.version for h in second.history(base.id)] == [1, 2]
        # "save mine as a new version on top": retry against the latest
        on_top = second.save(mine, reviewer="ben", parent=conflict.value.latest)
        assert on_top.version == 3
        assert first.load(base.id).reviewer == "ben"


def test_conflict_leaves_the_store_unchanged(store, doc) -> None:
    base = store.save(doc, reviewer="ana")
    store.save(base, reviewer="ana", parent=1)
    before = store.history(base.id)
    with pytest.raises(VersionConflict):
        store.save(base, reviewer="ben", parent=1)
    assert store.history(base.id) == before
    assert store.verify() == []
