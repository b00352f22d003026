"""Full-text search over title, text, speakers and sources, kept in sync on every save."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.errors import StoreError


def test_search_finds_words_in_text_speakers_and_sources(store, doc) -> None:
    saved = store.save(doc, reviewer="ana")
    plain = store.save(Document(Article("Colombia counts defectors.\nNothing quoted.")),
                       reviewer="ana")
    assert [r.id for r in store.search("speakers:Lapo")] == [saved.id]
    assert [r.id for r in store.search("sources:migration")] == [saved.id]
    assert {r.id for r in store.search("Colombia")} == {saved.id, plain.id}
    assert store.search("nicolás") and store.search("nicolas")  # accents folded
    assert store.search("zebra") == []


def test_the_index_follows_the_latest_version_only(store, doc) -> None:
    saved = store.save(doc, reviewer="ana")
    edited = replace(saved, article=Article("A wholly different text about penguins."),
                     marks=type(doc.marks)())
    store.save(edited, reviewer="ana", parent=1)
    assert [r.id for r in store.search("penguins")] == [saved.id]
    assert store.search("defected") == []
    assert store.search("speakers:Lapo") == []
    assert store.verify() == []


def test_title_hits_rank_first(store, sample_text) -> None:
    in_text = store.save(Document(Article("Weather today\n\nSoldiers went home.")),
                         reviewer="ana")
    in_title = store.save(Document(Article(sample_text)), reviewer="ana")
    assert [r.id for r in store.search("soldiers")][:2] == [in_title.id, in_text.id]


def test_list_articles_with_a_query_filters_and_counts(store, doc) -> None:
    hit = store.save(doc, reviewer="ana")
    store.save(Document(Article("Nothing to see")), reviewer="ana")
    assert [r.id for r in store.list_articles(query="Maduro")] == [hit.id]
    assert store.count_articles(query="Maduro") == 1
    assert store.count_articles(query="Maduro", state="approved") == 0


@pytest.mark.parametrize("query", ['"unclosed', "AND", "nosuchcolumn:word", "(", "a NEAR("])
def test_a_malformed_query_is_a_store_error_not_a_crash(store, doc, query) -> None:
    store.save(doc, reviewer="ana")
    with pytest.raises(StoreError, match="cannot search for"):
        store.search(query)
    with pytest.raises(StoreError, match="cannot search for"):
        store.list_articles(query=query)


def test_blank_query_finds_nothing_in_search_and_everything_in_the_list(store, doc) -> None:
    store.save(doc, reviewer="ana")
    assert store.search("  ") == []
    assert len(store.list_articles(query="  ")) == 1


@pytest.mark.parametrize("order", ["updated", "created", "title", "outlet", "state", "marks",
                                   "flags", "versions", "id"])
@pytest.mark.sqlite_only  # SQLite's query plan
def test_every_library_order_is_served_by_an_index(store, order) -> None:
    """Sorting 100,000 articles must not build a temporary sort tree (the state column
    once took a second)."""
    from deskapp.store.library import COLUMNS, ORDERS

    keys = ", ".join(f"{key} DESC" for key in (*ORDERS[order], "a.id"))
    plan = store.conn.execute(
        f"EXPLAIN QUERY PLAN SELECT {COLUMNS} FROM articles AS a ORDER BY {keys} LIMIT 100"
    ).fetchall()
    assert not any("TEMP B-TREE" in row[-1] for row in plan), plan
