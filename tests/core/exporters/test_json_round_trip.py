"""The JSON export is lossless: importing it gives back the same text, parts, marks,
metadata and registry entries (hypothesis draws the articles)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskapp.core.annotations import AnnotationSet, Attribution, Quote, SourceKind
from deskapp.core.article import Article, Metadata, Part, PartKind
from deskapp.core.document import Document
from deskapp.core.exporters import document_to_export, to_json_text
from deskapp.core.importers.json import (
    document_from_export,
    history_from_export,
    registry_from_export,
)
from deskapp.core.importers.source import Provenance
from deskapp.core.registry import Entity, Registry
from deskapp.core.spans import Span
from deskapp.core.workflow import State

REGISTRY = Registry.of([Entity("Amanda Lapo", aliases=("Lapo",), role="analyst"),
                        Entity("IISS", kind=SourceKind.ORGANISATION)])
NAMES = st.sampled_from([None, "Amanda Lapo", "Lapo", "IISS", "Marieke de Vries", "she"])
ORIGIN = Provenance("other.json", "f" * 64, "2030-01-01T00:00:00Z")
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               min_size=1, max_size=200).filter(lambda t: t.strip())
WORDS = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                max_size=30)


@st.composite
def spans(draw, text: str, pieces: bool = True) -> Span:
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=6))))
    if len(cuts) < 2:
        cuts = [0, len(text)]
    ranges = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if b > a]
    if not pieces or len(ranges) < 2:
        return Span.of(text, cuts[0], cuts[-1])
    return Span.pieces(text, ranges)


@st.composite
def documents(draw) -> Document:
    text = draw(TEXT)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=6))))
    parts = tuple(Part(draw(st.sampled_from(list(PartKind))), Span.of(text, a, b))
                  for a, b in zip(cuts[::2], cuts[1::2], strict=False))
    marks = []
    for _ in range(draw(st.integers(0, 5))):
        maybe = st.one_of(st.none(), spans(text, pieces=False))
        if draw(st.booleans()):
            marks.append(Quote(draw(spans(text)), speaker=draw(NAMES),
                               speaker_span=draw(maybe), cue=draw(maybe), note=draw(WORDS),
                               orphaned=draw(st.booleans())))
        else:
            marks.append(Attribution(draw(spans(text)), source=draw(maybe), cue=draw(maybe),
                                     source_kind=draw(st.sampled_from(list(SourceKind))),
                                     entity=draw(NAMES), note=draw(WORDS)))
    meta = Metadata(title=draw(WORDS), dateline=draw(WORDS), byline=draw(WORDS),
                    source_url=draw(WORDS), file_name="a.txt", sha256="0" * 64,
                    imported_at="2029-01-01T00:00:00Z", encoding="utf-8")
    return Document(Article(text, parts, meta), AnnotationSet.of(marks),
                    state=draw(st.sampled_from(list(State))), reviewer=draw(WORDS),
                    note=draw(WORDS), rejected=frozenset(draw(st.lists(WORDS, max_size=2))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_importing_the_json_export_gives_the_same_article_back(doc):
    data = json.loads(to_json_text(doc, REGISTRY))
    back = document_from_export(data, ORIGIN, "x.json")
    assert back.article == doc.article
    assert back.marks.marks == doc.marks.marks
    assert (back.state, back.reviewer, back.note, back.rejected) == (
        doc.state, doc.reviewer, doc.note, doc.rejected)
    registry = registry_from_export(data)
    assert document_to_export(back, registry) == document_to_export(doc, REGISTRY)


def test_the_registry_entries_named_by_the_marks_come_back_whole():
    text = "Lapo said it."
    doc = Document(Article(text)).add_mark(
        Quote(Span.of(text, 10, 12), speaker="Lapo", speaker_span=Span.of(text, 0, 4)))
    data = json.loads(to_json_text(doc, REGISTRY))
    assert data["quotes"][0]["canonical"] == "Amanda Lapo"
    assert registry_from_export(data).to_json() == [REGISTRY.find("Lapo").to_json()]


def test_every_version_comes_back_from_a_history_export():
    first = Document(Article("One text."))
    second = Document(Article("One text, corrected."), state=State.IN_REVIEW)
    history = [({"version": 1, "state": "new"}, first),
               ({"version": 2, "state": "in_review"}, second)]
    data = json.loads(to_json_text(second, None, history))
    back = history_from_export(data)
    assert [info["version"] for info, _ in back] == [1, 2]
    assert [d.to_json() for _, d in back] == [first.to_json(), second.to_json()]
    document_from_export(data, ORIGIN, "x.json")  # the history passes the one schema


def test_a_damaged_history_or_registry_is_a_one_line_error():
    import pytest

    from deskapp.core.errors import ImportFailed

    base = json.loads(to_json_text(Document(Article("One text."))))
    for key, value, words in (
        ("history", [{"version": 1, "document": {"text": "x", "quotes": [{"start": 5}]}}],
         "history[0].document: quotes[0].start"),
        ("history", [{"version": 0, "document": {"text": "x"}}], "history[0].version"),
        ("registry", [{"name": "", "aliases": []}], "registry[0].name"),
        ("registry", [{"name": "A", "kind": "alien"}], "registry[0].kind"),
    ):
        with pytest.raises(ImportFailed) as raised:
            document_from_export({**base, key: value}, ORIGIN, "x.json")
        message = str(raised.value)
        assert words in message and "\n" not in message
