"""The mark set kept in chunks: every read agrees with a plain sorted list of marks.

Chunks are made two marks long here, so that the seams between chunks, lazily moved
chunks and chunks merged after a deletion all occur in small random documents.
"""

from __future__ import annotations

from dataclasses import replace
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.core.test_edits import documents, edit_for

from deskapp.core import mark_chunks
from deskapp.core.annotations import AnnotationSet, Attribution, Quote
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.edits import TextEdit, _Mapper, apply_edit
from deskapp.core.marks import order
from deskapp.core.spans import Span

FILTERS = (None, "quote", "attribution", "orphaned")


def eager(marks: tuple, edit: TextEdit, new_text: str) -> list:
    """The marks after ``edit`` worked out one by one, in text order (the reference):
    wholly before it kept, wholly after it moved, touched ones mapped span by span."""
    mapper = _Mapper(edit, new_text)
    out = []
    for mark in marks:
        lo, hi = mark_chunks.extent(mark)
        if hi <= edit.start:
            out.append(mark)
        elif lo >= edit.end:
            out.append(replace(mark, **{
                name: _moved(getattr(mark, name), edit.delta) for name in mark.span_fields}))
        else:
            out.append(mapper.mark(mark))
    return sorted(out, key=order)


def _moved(span: Span | None, delta: int) -> Span | None:
    if span is None:
        return None
    frags = tuple((s + delta, e + delta) for s, e in span.fragments)
    return Span(span.start + delta, span.end + delta, span.text, frags)


def check_reads(marks: AnnotationSet, expected: list) -> None:
    assert list(marks) == expected
    assert marks.marks == tuple(expected)
    assert len(marks) == len(expected)
    for which in FILTERS:
        listed = [m for m in expected if mark_chunks.matches(m, which)]
        assert marks.count(which) == len(listed)
        assert [marks.nth(i, which) for i in range(len(listed))] == listed
        for row in range(len(expected) + 1):
            assert marks.rank(row, which) == sum(
                1 for m in expected[:row] if mark_chunks.matches(m, which))
    for row, mark in enumerate(expected):
        assert marks.position(mark.id) == row
        assert marks.get(mark.id) == mark
        assert marks[row] == mark
    assert marks.get("no such id") is None
    top = max((mark_chunks.extent(m)[1] for m in expected), default=0)
    for pos in range(top + 1):  # marks under a caret: those a plain scan finds
        live = [m for m in expected if not m.orphaned]
        want = {m.id for m in live if any(
            a <= pos < b for name in m.span_fields if getattr(m, name) is not None
            for a, b in getattr(m, name).ranges)}
        assert {m.id for m in marks.covering(pos)} == want


def check_diff(old: AnnotationSet, new: AnnotationSet, moved: bool) -> None:
    """``diff`` names every changed mark; the rest are the same marks (moved, maybe)."""
    row, gone, came = old.diff(new)
    before, after = old.marks, new.marks
    assert before[row : row + len(gone)] == gone
    assert after[row : row + len(came)] == came
    assert len(before) - len(gone) == len(after) - len(came)
    rest_old = before[:row] + before[row + len(gone):]
    rest_new = after[:row] + after[row + len(came):]
    if moved:
        assert [m.id for m in rest_old] == [m.id for m in rest_new]
    else:
        assert all(a is b for a, b in zip(rest_old, rest_new, strict=True))


@settings(max_examples=300, deadline=None)
@given(data=st.data(), size=st.sampled_from([1, 2, 3, 128]))
def test_chunked_set_reads_like_a_sorted_list_through_edits_adds_and_removes(data, size):
    with patch.object(mark_chunks, "CHUNK", size):
        doc = data.draw(documents())
        expected = sorted(doc.marks, key=order)
        check_reads(doc.marks, expected)
        for _ in range(data.draw(st.integers(1, 6))):
            step = data.draw(st.sampled_from(["edit", "edit", "add", "remove"]))
            old = doc.marks
            if step == "edit":
                edit = data.draw(edit_for(doc.article.text))
                doc = apply_edit(doc, edit)
                expected = eager(tuple(expected), edit, doc.article.text)
            elif step == "add" and doc.article.text:
                text = doc.article.text
                start = data.draw(st.integers(0, len(text) - 1))
                end = data.draw(st.integers(start + 1, len(text)))
                mark = Quote(Span.of(text, start, end), speaker="y")
                doc = doc.add_mark(mark)
                expected = sorted([*expected, mark], key=order)
            elif step == "remove" and expected:
                gone = data.draw(st.sampled_from(expected))
                doc = doc.with_marks(doc.marks.remove(gone.id))
                expected = [m for m in expected if m.id != gone.id]
            check_reads(doc.marks, expected)
            check_diff(old, doc.marks, moved=step == "edit")


def test_a_correction_rebuilds_only_the_chunks_it_touches_and_moves_the_rest_lazily():
    text = "ab " * 2_000
    marks = [Quote(Span.of(text, i, i + 2)) for i in range(0, len(text), 3)]
    marks.append(Attribution(Span.of(text, 30, 32), source=Span.of(text, 5_000, 5_002)))
    with patch.object(mark_chunks, "CHUNK", 50):
        before = AnnotationSet.of(marks)
        doc = apply_edit(Document(Article(text), before), TextEdit(3_000, 3_001, "xy"))
    after = doc.marks
    kept = {id(c.stored) for c in before._chunks}
    rebuilt = [c for c in after._chunks if id(c.stored) not in kept]
    # the chunk of the edit, and the one with the attribution whose source spans it
    assert 1 <= len(rebuilt) <= 2
    moved = [c for c in after._chunks if c.delta]
    assert len(moved) >= 19 and all(c._marks is None for c in moved)  # nothing built yet
    assert after.get(marks[-1].id).source.start == 5_001  # touched: its source moved on
    last = after.nth(len(after) - 1)  # read: built at its new place, exact
    assert last.span.start == marks[-2].span.start + 1 and last.span.holds_in(doc.article.text)
    assert after.marks == tuple(eager(before.marks, TextEdit(3_000, 3_001, "xy"),
                                      doc.article.text))
