"""Text corrections: marks and parts follow the text; a changed mark is orphaned, never wrong."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskapp.core.annotations import AnnotationSet, Attribution, Quote
from deskapp.core.article import Article, Part, PartKind
from deskapp.core.document import Document
from deskapp.core.edits import TextEdit, apply_edit, map_position
from deskapp.core.spans import Span

# ---------------------------------------------------------------------------- properties
# A tiny alphabet makes look-alikes everywhere: an edit that re-creates a mark's text
# elsewhere must not attract the mark.
ALPHABET = "ab .\n"


def spans_of(mark) -> list[Span]:
    spans = (mark.span, mark.speaker_span, mark.cue) if isinstance(mark, Quote) else (
        mark.content, mark.source, mark.cue)  # fmt: skip
    return [s for s in spans if s is not None]


@st.composite
def documents(draw) -> Document:
    text = draw(st.text(alphabet=ALPHABET, min_size=2, max_size=60))
    n = len(text)

    def span() -> Span:
        start = draw(st.integers(0, n - 1))
        return Span.of(text, start, draw(st.integers(start + 1, n)))

    marks = []
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            cue = span() if draw(st.booleans()) else None
            marks.append(Quote(span(), speaker="x", speaker_span=span(), cue=cue))
        else:
            cuts = sorted(draw(st.lists(st.integers(0, n), min_size=2, max_size=4, unique=True)))
            pieces = list(zip(cuts[::2], cuts[1::2], strict=False))
            marks.append(Attribution(Span.pieces(text, pieces), source=span()))
    bounds = sorted(draw(st.lists(st.integers(0, n), min_size=2, max_size=6, unique=True)))
    parts = tuple(Part(PartKind.BODY, Span.of(text, s, e)) for s, e in itertools.pairwise(bounds))
    return Document(Article(text, parts), AnnotationSet.of(marks))


@st.composite
def edit_for(draw, text: str) -> TextEdit:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 8)))
    return TextEdit(start, end, draw(st.text(alphabet=ALPHABET, max_size=6)))


class Tracked:
    """The article as a list of character identities, to know which spans an edit touched.

    ``broken`` holds every character whose right-hand neighbour an edit changed, so an
    insertion later deleted again still counts as having touched the span.
    """

    def __init__(self, text: str) -> None:
        self.ids = list(range(len(text)))
        self.fresh = len(text)
        self.broken: set[int] = set()

    def apply(self, edit: TextEdit) -> None:
        if edit.start > 0 and (edit.end > edit.start or edit.replacement):
            self.broken.add(self.ids[edit.start - 1])
        self.broken.update(self.ids[edit.start : edit.end])
        new = list(range(self.fresh, self.fresh + len(edit.replacement)))
        self.fresh += len(new)
        self.ids[edit.start : edit.end] = new

    def where(self, start: int, end: int) -> int | None:
        """The new start of original ``[start, end)`` if no edit ever touched its inside."""
        if any(i in self.broken for i in range(start, end - 1)) or start not in self.ids:
            return None
        at = self.ids.index(start)
        return at if self.ids[at : at + end - start] == list(range(start, end)) else None


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_marks_follow_edits_exactly_or_are_orphaned(data):
    doc = data.draw(documents())
    originals = {m.id: m for m in doc.marks}
    tracked = Tracked(doc.article.text)
    for _ in range(data.draw(st.integers(1, 5))):
        edit = data.draw(edit_for(doc.article.text))
        doc = apply_edit(doc, edit)
        tracked.apply(edit)
    text = doc.article.text
    assert len(doc.marks) == len(originals)  # nothing dropped
    for mark in doc.marks:
        before, after = spans_of(originals[mark.id]), spans_of(mark)
        survived = [[tracked.where(s, e) for s, e in span.ranges] for span in before]
        untouched = all(None not in pieces for pieces in survived)
        if untouched:  # untouched: exact text at the offsets the characters moved to
            assert not mark.orphaned
            for old, new, starts in zip(before, after, survived, strict=True):
                assert [s for s, _ in new.ranges] == starts
                assert new.piece_text == old.piece_text
        if not mark.orphaned:  # never wrong: every piece reads what it read before
            for old, new in zip(before, after, strict=True):
                assert new.holds_in(text)
                assert [text[s:e] for s, e in new.ranges] == [
                    old.text[s - old.start : e - old.start] for s, e in old.ranges
                ]
        else:  # orphaned: the last known text is kept
            for old, new in zip(before, after, strict=True):
                if not old.fragments:
                    assert new.text == old.text
    ends = [0]
    for part in doc.article.parts:
        assert ends[-1] <= part.span.start < part.span.end <= len(text)
        assert part.span.holds_in(text)
        ends.append(part.span.end)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_inverse_edit_restores_the_text(data):
    doc = data.draw(documents())
    edit = data.draw(edit_for(doc.article.text))
    edited = apply_edit(doc, edit)
    restored = apply_edit(edited, edit.inverse(doc.article.text))
    assert restored.article.text == doc.article.text


# ------------------------------------------------------------------------- sample cases
GOLD_QUOTE = "The defections don’t appear to be on a senior enough level to undermine Maduro,"


@pytest.fixture
def doc(sample_text) -> Document:
    cut = sample_text.index("Check Also")
    parts = (
        Part(PartKind.BODY, Span.of(sample_text, 0, cut - 1)),
        Part(PartKind.BOILERPLATE, Span.of(sample_text, cut, len(sample_text))),
    )
    text = sample_text
    quote_at = text.index(GOLD_QUOTE)
    quote = Quote(Span.of(text, quote_at, quote_at + len(GOLD_QUOTE)), speaker="Amanda Lapo")
    lapo = text.index("Amanda Lapo,")
    source = Attribution(
        Span.of(text, text.index("that it is not yet"), text.index(" to Maduro.") + 10),
        source=Span.of(text, lapo, lapo + len("Amanda Lapo")),
        cue=Span.of(text, lapo + 57, lapo + 61),
    )
    assert source.cue.text == "said"
    return Document(Article(text, parts), AnnotationSet.of([quote, source]))


def test_fixing_a_typo_keeps_every_mark_and_the_body(doc):
    typo = doc.article.text.index("world worst’s")
    edit = TextEdit(typo, typo + len("world worst’s"), "world’s worst")
    fixed = apply_edit(doc, edit)
    assert "the world’s worst economic crises" in fixed.article.text
    assert not any(m.orphaned for m in fixed.marks)
    assert all(s.holds_in(fixed.article.text) for m in fixed.marks for s in spans_of(m))
    body = fixed.article.part(PartKind.BODY)
    old_body = doc.article.part(PartKind.BODY).span.text
    assert body.span.text == old_body.replace("world worst’s", "world’s worst")
    assert fixed.article.part(PartKind.BOILERPLATE).span.text.startswith("Check Also")


def test_a_wrong_name_corrected_inside_a_mark_orphans_it_with_its_last_text(doc):
    text = doc.article.text
    where = text.index("Amanda Lapo,")
    fixed = apply_edit(doc, TextEdit(where + 7, where + 11, "Lapó"))
    attribution = fixed.marks.attributions[0]
    assert attribution.orphaned
    assert attribution.source.text == "Amanda Lapo"
    assert attribution.cue.holds_in(fixed.article.text)  # untouched spans stay exact
    assert not fixed.marks.quotes[0].orphaned


def test_insertion_at_a_span_boundary_is_outside_it():
    text = "say hello now"
    mark = Quote(Span.of(text, 4, 9))
    doc = Document(Article(text), AnnotationSet.of([mark]))
    at_start = apply_edit(doc, TextEdit(4, 4, "well, "))
    assert at_start.marks.quotes[0].span == Span.of(at_start.article.text, 10, 15)
    at_end = apply_edit(doc, TextEdit(9, 9, " there"))
    assert at_end.marks.quotes[0].span == mark.span
    inside = apply_edit(doc, TextEdit(6, 6, "l"))
    assert inside.marks.quotes[0].orphaned


def test_same_text_replaced_is_still_exact():
    text = "he said yes"
    doc = Document(Article(text), AnnotationSet.of([Quote(Span.of(text, 3, 7))]))
    again = apply_edit(doc, TextEdit(3, 7, "said"))
    assert not again.marks.quotes[0].orphaned


def test_edit_between_pieces_of_a_split_quote_keeps_it_exact():
    text = "“We stay,” she said, “and fight.”"
    pieces = [(1, text.index("”")), (text.index("and"), len(text) - 1)]
    doc = Document(Article(text), AnnotationSet.of([Attribution(Span.pieces(text, pieces))]))
    fixed = apply_edit(doc, TextEdit(text.index("she"), text.index("she") + 3, "Ms. Lapo"))
    content = fixed.marks.attributions[0].content
    assert not fixed.marks.attributions[0].orphaned
    assert content.piece_text == "We stay, and fight."
    assert content.text == "We stay,” Ms. Lapo said, “and fight."


def test_a_deleted_part_is_dropped_and_the_next_one_shifts():
    text = "Headline\n\nBody text."
    parts = (
        Part(PartKind.HEADLINE, Span.of(text, 0, 8)),
        Part(PartKind.BODY, Span.of(text, 10, 20)),
    )
    edited = apply_edit(Document(Article(text, parts)), TextEdit(0, 10, ""))
    assert [(p.kind, p.span.text) for p in edited.article.parts] == [(PartKind.BODY, "Body text.")]


def test_text_typed_at_a_part_start_joins_the_part():
    text = "Head\nody"
    parts = (Part(PartKind.HEADLINE, Span.of(text, 0, 4)), Part(PartKind.BODY, Span.of(text, 5, 8)))
    edited = apply_edit(Document(Article(text, parts)), TextEdit(5, 5, "B"))
    assert [p.span.text for p in edited.article.parts] == ["Head", "Body"]


def test_edit_outside_the_text_is_refused():
    with pytest.raises(ValueError):
        apply_edit(Document(Article("abc")), TextEdit(2, 9, "x"))
    with pytest.raises(ValueError):
        TextEdit(3, 1)


def test_map_position_for_a_caret():
    edit = TextEdit(2, 4, "xyz")
    assert [map_position(p, edit) for p in (0, 2, 3, 4, 6)] == [0, 2, 5, 5, 7]
    assert map_position(2, TextEdit(2, 2, "ab"), side="start") == 4
