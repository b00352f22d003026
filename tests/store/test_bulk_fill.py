"""The store's bulk path (``Store.add_articles``): filling a store with many articles at
once, as the desk benchmark does, gives the same store that saving them one by one would."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from tests.desk_load import template_document

from deskapp.core.desk import BadReviewerName
from deskapp.core.document import Document
from deskapp.store import Store


def _documents(count: int, seed: int = 3) -> list[Document]:
    rng = random.Random(seed)
    return [template_document(rng, n) for n in range(1, count + 1)]


def test_bulk_articles_are_stored_sealed_indexed_and_verified(store: Store, location, doc
                                                             ) -> None:
    docs = [doc, *_documents(30)]
    with Store.open(location) as other:
        listener = other.listener()
        ids = store.add_articles(docs, reviewer="bench", note="filled")
        seen = listener.poll()
        listener.close()
    assert [(c.kind, c.article_id) for c in seen] == [("imported", i) for i in ids]
    assert len(ids) == 31 == store.count_articles() == len(set(ids))
    loaded = store.load(ids[0])
    assert loaded.article == doc.article and loaded.marks == doc.marks
    assert [(v.version, v.reviewer, v.note) for v in store.history(ids[5])] == [
        (1, "bench", "filled")]
    word = docs[7].article.title.split()[0]
    assert ids[7] in {row.id for row in store.search(f'"{word}"', counted=False)}
    assert store.verify() == []
    again = store.save(replace(loaded, note=""), reviewer="ana", parent=1)
    assert again.version == 2  # a bulk article is an article like any other


def test_bulk_fill_is_all_or_nothing(store: Store) -> None:
    def failing():
        yield from _documents(5)
        raise ValueError("the source of articles broke")

    with pytest.raises(ValueError):
        store.add_articles(failing(), reviewer="bench")
    assert store.count_articles() == 0
    with pytest.raises(BadReviewerName):
        store.add_articles(_documents(2), reviewer="  ")
    assert store.count_articles() == 0


@pytest.mark.sqlite_only
def test_a_store_filled_in_bulk_that_loses_articles_says_so(store_path) -> None:
    with Store.open(store_path) as store:
        store.add_articles(_documents(20), reviewer="bench")
        store.conn.execute("PRAGMA foreign_keys = OFF")  # tampering, outside deskapp
        store.conn.execute("DROP TRIGGER versions_no_delete")
        store.conn.execute("DELETE FROM versions WHERE article_id > 15")
        store.conn.execute("DELETE FROM articles WHERE id > 15")
        problems = store.verify()
    assert any("holds less than it did" in p and "20 articles" in p for p in problems)
