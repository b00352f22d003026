"""Making marks as the editor's shortcuts do: snapping, refusals, navigation, names."""

import random

import pytest

from deskapp.core.annotations import AnnotationSet, Quote, SourceKind
from deskapp.core.article import Article, Part, PartKind
from deskapp.core.document import Document
from deskapp.core.errors import MarkRejected
from deskapp.core.marking import (
    make_attribution,
    make_quote,
    mark_at,
    names_in_text,
    next_mark,
    previous_mark,
)
from deskapp.core.spans import Span

GOLD_QUOTE = "The defections don’t appear to be on a senior enough level to undermine Maduro,"
CNN_CONTENT = (
    "Colombia has counted 567 defectors since violent clashes between security forces and "
    "activists trying to bring US aid to Venezuela"
)


def at(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    return (start, start + len(needle))


def she_at(text: str) -> tuple[int, int]:
    """The “she” of “she told” (the first “she” in the sample is inside “clashes”)."""
    start = text.index("she told")
    return (start, start + 3)


@pytest.fixture
def doc(sample_text) -> Document:
    cut = sample_text.index("Check Also")
    parts = (
        Part(PartKind.BODY, Span.of(sample_text, 0, cut)),
        Part(PartKind.BOILERPLATE, Span.of(sample_text, cut, len(sample_text))),
    )
    return Document(Article(sample_text, parts))


def quote_of_sample(doc: Document):
    text = doc.article.text
    start, end = at(text, GOLD_QUOTE)
    she = at(text, "she told")
    return make_quote(
        doc,
        start + 1,  # a sloppy selection: mid-word start
        end,
        speaker="Amanda Lapo",
        speaker_span=(she[0], she[0] + 3),
        cue=(she[0] + 4, she[1]),
    )


def test_quote_snaps_and_carries_speaker_and_cue(doc):
    quote = quote_of_sample(doc)
    assert quote.span.text == GOLD_QUOTE
    assert quote.span.holds_in(doc.article.text)
    assert (quote.speaker, quote.speaker_span.text, quote.cue.text) == (
        "Amanda Lapo",
        "she",
        "told",
    )


def test_speaker_name_defaults_to_the_selected_mention(doc):
    text = doc.article.text
    quote = make_quote(doc, *at(text, GOLD_QUOTE), speaker_span=at(text, "Amanda Lapo"))
    assert quote.speaker == "Amanda Lapo"


def test_attribution_in_pieces_with_source_and_cue(doc):
    text = doc.article.text
    first, second = at(text, "The defections don’t appear"), at(text, "undermine Maduro")
    mark = make_attribution(
        doc,
        [first, second],
        source=she_at(text),
        cue=at(text, "told"),
        source_kind=SourceKind.PERSON,
        entity="Amanda Lapo",
    )
    assert mark.content.ranges == (first, second)
    assert mark.content.piece_text == "The defections don’t appear undermine Maduro"
    assert (mark.source.text, mark.cue.text, mark.entity) == ("she", "told", "Amanda Lapo")


def test_one_cue_two_sources_are_two_marks_not_duplicates(doc):
    text = doc.article.text
    kwargs = {"cue": at(text, "according to"), "source_kind": SourceKind.MEDIA}
    cnn = make_attribution(doc, at(text, CNN_CONTENT), source=at(text, "CNN"), **kwargs)
    doc = doc.add_mark(cnn)
    tiempo = make_attribution(
        doc, at(text, CNN_CONTENT), source=at(text, "Colombia’s El Tiempo"), **kwargs
    )
    assert tiempo.source.text == "Colombia’s El Tiempo"
    with pytest.raises(MarkRejected, match="already marked"):
        make_attribution(doc, at(text, CNN_CONTENT), source=at(text, "CNN"), **kwargs)


def test_a_quote_and_an_attribution_on_the_same_words_may_coexist(doc):
    doc = doc.add_mark(quote_of_sample(doc))
    mark = make_attribution(doc, at(doc.article.text, GOLD_QUOTE))
    assert mark.content.text == GOLD_QUOTE


@pytest.mark.parametrize(
    ("selection", "message"),
    [
        (lambda t: (10, 10), "Nothing selected"),
        (lambda t: (t.index("Maduro,”") + 6, t.index("Maduro,”") + 9), "only spaces or punct"),
        (lambda t: (t.index("Desk)"), t.index("Check Also") + 5), "boilerplate"),
        (lambda t: at(t, "More US Troops"), "boilerplate"),
    ],
)
def test_bad_selections_are_refused_with_a_message(doc, selection, message):
    with pytest.raises(MarkRejected, match=message):
        make_quote(doc, *selection(doc.article.text))


def test_duplicate_quote_is_refused_even_from_a_sloppy_selection(doc):
    doc = doc.add_mark(quote_of_sample(doc))
    start, end = at(doc.article.text, GOLD_QUOTE)
    with pytest.raises(MarkRejected, match="already marked"):
        make_quote(doc, start + 1, end)


def test_editing_a_mark_in_place_is_not_a_duplicate(doc):
    quote = quote_of_sample(doc)
    doc = doc.add_mark(quote)
    edited = make_quote(
        doc, quote.span.start, quote.span.end, speaker="A. Lapo", replacing=quote.id
    )
    assert (edited.id, edited.speaker) == (quote.id, "A. Lapo")


def test_named_source_needs_a_name(doc):
    content = at(doc.article.text, CNN_CONTENT)
    with pytest.raises(MarkRejected, match="needs a name"):
        make_attribution(doc, content, source_kind=SourceKind.PERSON)
    with pytest.raises(MarkRejected, match="name is empty"):
        make_attribution(doc, content, source_kind=SourceKind.MEDIA, entity="  ")
    with pytest.raises(MarkRejected, match="source"):
        make_attribution(doc, content, source=(0, 0), source_kind=SourceKind.MEDIA)
    anonymous = make_attribution(doc, content, source_kind=SourceKind.ANONYMOUS)
    assert anonymous.source is None


def test_mark_at_finds_innermost_first_and_by_source_or_cue(doc):
    text = doc.article.text
    outer = make_quote(doc, *at(text, GOLD_QUOTE))
    doc = doc.add_mark(outer)
    inner = make_attribution(
        doc, at(text, "senior enough level"), source=she_at(text), cue=at(text, "told")
    )
    doc = doc.add_mark(inner)
    assert [m.id for m in mark_at(doc, text.index("enough"))] == [inner.id, outer.id]
    assert [m.id for m in mark_at(doc, text.index("she told"))] == [inner.id]
    assert mark_at(doc, text.index("Business")) == []


def test_mark_at_agrees_with_a_plain_scan_of_many_marks():
    text = "ab cd ef gh ij kl mn op " * 40
    rng = random.Random(5)
    marks = []
    for _ in range(200):
        start = rng.randrange(len(text) - 1)
        end = rng.randrange(start + 1, min(len(text), start + 60) + 1)
        cue = rng.randrange(len(text) - 1)
        marks.append(Quote(Span.of(text, start, end), cue=Span.of(text, cue, cue + 1)))
    doc = Document(Article(text), AnnotationSet.of(marks))
    for pos in range(len(text)):
        covering = {m.id for m in marks if any(s.start <= pos < s.end for s in (m.span, m.cue))}
        found = mark_at(doc, pos)
        assert {m.id for m in found} == covering
        lengths = [min(len(s) for s in (m.span, m.cue) if s.start <= pos < s.end) for m in found]
        assert lengths == sorted(lengths)


def test_f8_walks_marks_in_text_order_and_wraps(doc):
    text = doc.article.text
    marks = [
        make_attribution(doc, at(text, "Guaidó", 4), cue=at(text, "has claimed")),
        make_quote(doc, *at(text, GOLD_QUOTE)),
        make_attribution(doc, at(text, GOLD_QUOTE)),
    ]
    for mark in marks:
        doc = doc.add_mark(mark)
    first, quote_like = marks[0], {marks[1].id, marks[2].id}
    assert next_mark(doc, 0).id == first.id
    after_first = next_mark(doc, first.anchor.start, current=first.id)
    assert after_first.id in quote_like
    third = next_mark(doc, after_first.anchor.start, current=after_first.id)
    assert {after_first.id, third.id} == quote_like
    assert next_mark(doc, third.anchor.start, current=third.id).id == first.id
    assert next_mark(doc, third.anchor.start, current=third.id, wrap=False) is None
    assert previous_mark(doc, first.anchor.start, current=first.id).id == third.id
    assert previous_mark(doc, len(text)).id == third.id
    assert previous_mark(doc, 0, wrap=False) is None


def test_names_in_text_offers_sources_of_the_sample(doc):
    names = names_in_text(doc.article)
    for expected in ["Amanda Lapo", "Associated Press", "El Tiempo", "CNN", "IISS"]:
        assert expected in names
    assert "International Institute for Strategic Studies" in names
    assert not any("Check Also" in n or "Troops" in n for n in names)  # boilerplate
    assert not any(n.startswith("The ") for n in names)
