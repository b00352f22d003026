"""The person/source registry kept in the store, and stored spans that find their text again."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from deskapp.core.annotations import SourceKind
from deskapp.core.edits import TextEdit, apply_edit
from deskapp.core.errors import StoreError
from deskapp.core.registry import Entity, Registry
from deskapp.core.versioning import canonical_json, version_hash
from deskapp.store import ReadOnlyStore, Store, registry_table

SCHEMAS = Path(__file__).parents[1] / "fixtures" / "schemas"
LAPO = Entity("Amanda Lapo", ("Lapo", "she"), "defense and military analyst at the IISS",
              SourceKind.PERSON)
CNN = Entity("CNN", (), "", SourceKind.MEDIA)


def test_a_new_store_has_an_empty_registry(store) -> None:
    assert len(store.load_registry()) == 0


def test_the_registry_round_trips_every_field(store, location) -> None:
    store.save_registry(Registry.of([LAPO, CNN]))
    store.close()
    with Store.open(location) as again:
        loaded = again.load_registry()
    assert sorted(loaded, key=lambda e: e.name) == [LAPO, CNN]
    assert loaded.find("lapo") == LAPO


def test_saving_replaces_the_whole_registry(store) -> None:
    store.save_registry(Registry.of([LAPO, CNN]))
    edited = replace(LAPO, role="analyst", aliases=("Lapo",))
    store.save_registry(Registry.of([edited]))
    assert list(store.load_registry()) == [edited]


def test_a_failed_save_keeps_the_registry_as_it_was(store, monkeypatch) -> None:
    store.save_registry(Registry.of([LAPO]))

    def half_done(conn, registry):
        conn.execute("DELETE FROM registry")
        raise OSError("disk unplugged")

    monkeypatch.setattr(registry_table, "replace_registry", half_done)
    with pytest.raises(OSError):
        store.save_registry(Registry.of([CNN]))
    assert list(store.load_registry()) == [LAPO]


def test_a_read_only_store_reads_but_refuses_to_save(store, location) -> None:
    store.save_registry(Registry.of([LAPO]))
    store.close()
    with Store.open(location, read_only=True) as ro:
        assert list(ro.load_registry()) == [LAPO]
        with pytest.raises(ReadOnlyStore):
            ro.save_registry(Registry())


def test_a_v1_store_migrates_to_an_empty_registry(tmp_path) -> None:
    path = tmp_path / "v1.sqlite3"
    shutil.copy(SCHEMAS / "v1.sqlite3", path)
    with Store.open(path) as store:
        assert len(store.load_registry()) == 0
        store.save_registry(Registry.of([LAPO]))
        assert store.load_registry().find("Amanda Lapo") == LAPO
        assert store.verify() == []


def test_the_v2_fixture_keeps_its_registry(tmp_path) -> None:
    path = tmp_path / "v2.sqlite3"
    shutil.copy(SCHEMAS / "v2.sqlite3", path)
    expected = json.loads((SCHEMAS / "v2.json").read_text(encoding="utf-8"))["registry"]
    with Store.open(path) as store:
        assert store.load_registry().to_json() == sorted(expected, key=lambda e: e["name"].lower())


def test_clashing_names_in_the_table_are_reported_not_guessed(store) -> None:
    store.engine.execute("INSERT INTO registry (id, name, aliases, role, kind) VALUES "
                       "('a', 'Lapo', '[]', '', 'person'), ('b', 'lapo', '[]', '', 'person')")
    with pytest.raises(StoreError, match="clashing names"):
        store.load_registry()


# -- stored spans carry their context (W3C TextQuoteSelector) -------------------------------
def test_a_saved_version_stores_prefix_and_suffix_of_every_span(store, doc) -> None:
    saved = store.save(doc, reviewer="ana")
    content = json.loads(store.engine.execute(
        "SELECT content FROM versions WHERE article_id = ?", (saved.id,)).fetchone()[0])
    text = doc.article.text
    quote = content["quotes"][0]
    assert text[quote["start"] - len(quote["prefix"]) : quote["start"]] == quote["prefix"]
    assert text[quote["end"] : quote["end"] + len(quote["suffix"])] == quote["suffix"]
    assert content["attributions"][0]["source"]["prefix"]


def test_a_correction_saved_and_reloaded_keeps_marks_exact_or_orphaned(store, doc) -> None:
    text = doc.article.text
    before_quote = text.index("The defections don")
    fixed = apply_edit(doc, TextEdit(0, 0, "UPDATED: "))  # everything shifts
    fixed = apply_edit(fixed, TextEdit(before_quote + 9 + 4, before_quote + 9 + 14, "defectors"))
    saved = store.save(fixed, reviewer="ana")
    loaded = store.load(saved.id)
    quote, attribution = loaded.marks.quotes[0], loaded.marks.attributions[0]
    assert quote.orphaned and quote.span.text == doc.marks.quotes[0].span.text
    assert not attribution.orphaned
    assert attribution.content.holds_in(loaded.article.text)
    assert attribution.source.holds_in(loaded.article.text)


def _insert_raw_version(store: Store, article_id: int, content: dict) -> None:
    """A version written by another tool: new text, the old offsets left as they were."""
    conn = store.conn
    latest, = conn.execute("SELECT latest FROM articles WHERE id = ?", (article_id,)).fetchone()
    parent, = conn.execute("SELECT hash FROM versions WHERE article_id = ? AND version = ?",
                           (article_id, latest)).fetchone()
    body = canonical_json(content)
    fields = dict(article_id=article_id, version=latest + 1, content=body, state=content["state"],
                  reviewer="tool", note="", time="2026-01-01T00:00:00.000Z", parent=parent)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO versions (article_id, version, state, reviewer, note, time, "
                 "content, hash, parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (article_id, latest + 1, content["state"], "tool", "", fields["time"], body,
                  version_hash(**fields), parent))
    conn.execute("UPDATE articles SET latest = ? WHERE id = ?", (latest + 1, article_id))
    conn.execute("COMMIT")


@pytest.mark.sqlite_only  # writes a version behind deskapp's back, in SQLite
def test_stale_offsets_are_refound_by_exact_quote_and_context_never_a_look_alike(
    store, doc
) -> None:
    saved = store.save(doc, reviewer="ana")
    content = json.loads(store.engine.execute(
        "SELECT content FROM versions WHERE article_id = ?", (saved.id,)).fetchone()[0])
    quote_text = doc.marks.quotes[0].span.text
    source_text = doc.marks.attributions[0].source.text
    # another tool prepended a line and reworded the source, leaving every offset as it was;
    # the quote's words also appear elsewhere, in another context (a look-alike)
    text = "Editor's note: corrected.\n" + content["text"]
    text = text.replace(source_text, "Colombia's migration office", 1)
    text += f"\nEarlier: “{quote_text}” someone else said."
    _insert_raw_version(store, saved.id, {**content, "text": text})
    loaded = store.load(saved.id)
    quote, attribution = loaded.marks.quotes[0], loaded.marks.attributions[0]
    assert not quote.orphaned
    assert quote.span.start == text.index(quote_text) != text.rindex(quote_text)
    assert quote.span.holds_in(text)
    assert attribution.orphaned  # its source's words are gone: kept, flagged, not moved
    assert attribution.source.text == source_text
