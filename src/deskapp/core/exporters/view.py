"""What every exporter shows of a mark: its role pieces, canonical name, cue and texts.

A content or quote in several pieces is shown as its pieces, joined by " … " in text,
never as one string the article does not contain.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from deskapp.core.document import Document
from deskapp.core.exporters.names import canonical_names, written
from deskapp.core.marks import Mark, Quote
from deskapp.core.registry import Registry
from deskapp.core.spans import Span

ROLES = ("quote", "content", "source", "cue")
GAP = " … "


def joined(span: Span | None) -> str:
    """The pieces of ``span`` joined by " … " ("" for no span)."""
    if span is None:
        return ""
    return GAP.join(span.text[s - span.start : e - span.start] for s, e in span.ranges)


@dataclass(frozen=True, slots=True)
class Piece:
    """One contiguous range of the text that a mark covers in one role."""

    start: int
    end: int
    role: str
    view: MarkView


@dataclass(frozen=True, slots=True)
class MarkView:
    """A mark as the exports show it (``number`` counts from 1 in text order)."""

    mark: Mark
    number: int
    name: str

    @property
    def is_quote(self) -> bool:
        return isinstance(self.mark, Quote)

    @property
    def main_role(self) -> str:
        return "quote" if self.is_quote else "content"

    @property
    def written(self) -> str:
        return written(self.mark)

    @property
    def cue(self) -> str:
        return joined(self.mark.cue)

    @property
    def words(self) -> str:
        """The quote or content, pieces joined by " … "."""
        return joined(self.mark.anchor)

    @property
    def source_kind(self) -> str:
        return "person" if self.is_quote else str(self.mark.source_kind)

    @property
    def who_span(self) -> Span | None:
        return self.mark.speaker_span if self.is_quote else self.mark.source

    def spans(self) -> list[tuple[str, Span]]:
        """(role, span) of every span the mark has, main role first."""
        out = [(self.main_role, self.mark.anchor)]
        out += [(role, s) for role, s in (("source", self.who_span), ("cue", self.mark.cue))
                if s is not None]
        return out

    def pieces(self) -> list[Piece]:
        if self.mark.orphaned:
            return []
        return [Piece(s, e, role, self) for role, span in self.spans() for s, e in span.ranges]


def mark_views(doc: Document, registry: Registry | None = None) -> list[MarkView]:
    """Every mark of ``doc`` in text order with its canonical name."""
    names = canonical_names(doc, registry)
    return [MarkView(m, i, names[m.id]) for i, m in enumerate(doc.marks, 1)]


def segments(start: int, end: int, pieces: list[Piece]) -> list[tuple[int, int, list[Piece]]]:
    """``[start, end)`` cut at every piece boundary: (start, end, pieces covering it), the
    longest piece first so that nesting follows it."""
    inside = [p for p in pieces if p.start < end and p.end > start]
    cuts = sorted({start, end, *(max(p.start, start) for p in inside),
                   *(min(p.end, end) for p in inside)})
    out = []
    for a, b in itertools.pairwise(cuts):
        over = [p for p in inside if p.start <= a and p.end >= b]
        over.sort(key=lambda p: (p.start, -p.end, ROLES.index(p.role), p.view.number))
        out.append((a, b, over))
    return out


def by_paragraph(paragraphs: list[tuple[int, int]], pieces: list[Piece]) -> list[list[Piece]]:
    """For each paragraph (in text order), the pieces reaching into it: one sweep over the
    pieces sorted by start, so a long article costs its marks once, not once a paragraph."""
    ordered = sorted(pieces, key=lambda p: p.start)
    out: list[list[Piece]] = []
    active: list[Piece] = []
    at = 0
    for start, end in paragraphs:
        while at < len(ordered) and ordered[at].start < end:
            active.append(ordered[at])
            at += 1
        active = [p for p in active if p.end > start]
        out.append([p for p in active if p.start < end])
    return out
