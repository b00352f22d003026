"""Text corrections: a new text, and every span of every mark and part mapped through it.

Rules for a span ``[s, e)`` and an edit replacing ``[a, b)``:

* the edit ends at or before ``s`` (``b <= s``) → the span shifts by the edit's size change;
  an insertion exactly at ``s`` is outside: the span moves, it does not grow;
* the edit starts at or after ``e`` (``a >= e``) → the span does not move; an insertion
  exactly at ``e`` is outside too;
* otherwise the edit touches the span: the span is mapped (start kept or moved to the
  end of the replacement, end moved with the text) and, when it no longer reads its own
  text, its mark is flagged ``orphaned`` and the span keeps its last known text. Nothing
  is dropped, nothing is searched for elsewhere.

A span in pieces is checked piece by piece: an edit in the gap between the pieces (in
the “she said” between two halves of a quote) leaves the mark exact. Article parts follow
the same mapping but grow or shrink with edits inside them (a fixed typo stays in the
body), and text inserted exactly at a part's start joins that part (parts side by side
never overlap); a part an edit deletes entirely is dropped. Orphaned marks stay orphaned until
the editor fixes or removes them; their spans keep following the text approximately.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from deskapp.core.annotations import Mark
from deskapp.core.article import Part
from deskapp.core.document import Document
from deskapp.core.spans import Span


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace ``[start, end)`` of the article text with ``replacement``."""

    start: int
    end: int
    replacement: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit range [{self.start}, {self.end})")

    @property
    def delta(self) -> int:
        """How much longer the text gets."""
        return len(self.replacement) - (self.end - self.start)

    def apply(self, text: str) -> str:
        if self.end > len(text):
            raise ValueError(f"edit [{self.start}, {self.end}) outside a text of {len(text)}")
        return text[: self.start] + self.replacement + text[self.end :]

    def inverse(self, old_text: str) -> TextEdit:
        """The edit that undoes this one on the edited text."""
        return TextEdit(
            self.start, self.start + len(self.replacement), old_text[self.start : self.end]
        )


def apply_edit(doc: Document, edit: TextEdit) -> Document:
    """``doc`` with ``edit`` applied to its text, its parts and all its marks.

    Only the marks the edit touches are mapped now; those after it move lazily with their
    chunk (``AnnotationSet.edited``): a keystroke costs the marks near it, not all of them.
    """
    new_text = edit.apply(doc.article.text)
    mapper = _Mapper(edit, new_text)
    marks = doc.marks.edited(edit.start, edit.end, edit.delta, mapper.mark)
    parts = tuple(p for p in (mapper.part(p) for p in doc.article.parts) if p is not None)
    article = replace(doc.article, text=new_text, parts=parts)
    return replace(doc, article=article, marks=marks)


def map_position(pos: int, edit: TextEdit, *, side: str = "end") -> int:
    """Where caret ``pos`` goes: ``side="start"`` treats it as a span start, else an end."""
    a, b, size = edit.start, edit.end, len(edit.replacement)
    if side == "start":
        return _map_start(pos, a, b, size)
    return _map_end(pos, a, b, size)


def _map_start(p: int, a: int, b: int, size: int) -> int:
    if p < a or (p == a and a < b):
        return p
    if p < b:
        return a + size
    return p + size - (b - a)


def _map_end(p: int, a: int, b: int, size: int) -> int:
    if p <= a:
        return p
    if p < b:
        return a + size
    return p + size - (b - a)


class _Mapper:
    """Maps spans, marks and parts through one edit."""

    __slots__ = ("a", "b", "delta", "size", "text")

    def __init__(self, edit: TextEdit, new_text: str) -> None:
        self.a, self.b = edit.start, edit.end
        self.size = len(edit.replacement)
        self.delta = edit.delta
        self.text = new_text

    def mark(self, mark: Mark) -> Mark:
        """A mark the edit touches: every span mapped; orphaned unless all still exact."""
        spans = [getattr(mark, name) for name in mark.span_fields]
        mapped = [None if s is None else self.span(s) for s in spans]
        exact = all(m is None or m[1] for m in mapped)
        new = [None if m is None else m[0] for m in mapped]
        moved = dict(zip(mark.span_fields, new, strict=True))
        return replace(mark, **moved, orphaned=mark.orphaned or not exact)

    def span(self, span: Span) -> tuple[Span, bool]:
        """The mapped span, and whether it still reads its own text exactly."""
        s, e = span.start, span.end
        if e <= self.a:
            return span, True
        if self.b <= s:
            d = self.delta
            frags = tuple((fs + d, fe + d) for fs, fe in span.fragments)
            return Span(s + d, e + d, span.text, frags), True
        if span.fragments:
            return self._pieces(span)
        new_start = _map_start(s, self.a, self.b, self.size)
        new_end = max(new_start, _map_end(e, self.a, self.b, self.size))
        return Span(new_start, new_end, span.text), self.text[new_start:new_end] == span.text

    def _pieces(self, span: Span) -> tuple[Span, bool]:
        ranges = []
        exact = True
        for fs, fe in span.fragments:
            piece_text = span.text[fs - span.start : fe - span.start]
            new, _ = self.span(Span(fs, fe, piece_text))
            ranges.append((new.start, new.end))
            exact = exact and new.end > new.start and self.text[new.start : new.end] == piece_text
        if exact:
            return Span.pieces(self.text, ranges), True
        new_start = _map_start(span.start, self.a, self.b, self.size)
        new_end = max(new_start, _map_end(span.end, self.a, self.b, self.size))
        return Span(new_start, new_end, span.text, tuple(ranges)), False

    def part(self, part: Part) -> Part | None:
        s, e = part.span.start, part.span.end
        new_start = _map_end(s, self.a, self.b, self.size)  # text typed at its start joins it
        new_end = _map_end(e, self.a, self.b, self.size)
        if new_end <= new_start:
            return None
        if (new_start, new_end) == (s, e) and e <= self.a:
            return part
        return Part(part.kind, Span.of(self.text, new_start, new_end))
