"""How marks look: one character format per role, readable in greyscale too.

Each role has a colour *and* a second cue that survives without colour: quotes are
underlined, attributed content is overlined, sources are bold, cues are italic with
a dotted underline, suggestions have a dashed underline, boilerplate is grey italic.
"""

from __future__ import annotations

import gc
import itertools
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from enum import IntEnum
from itertools import repeat
from operator import itemgetter
from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from deskapp.core.annotations import Attribution, Quote
from deskapp.core.article import PartKind
from deskapp.core.document import Document


class Role(IntEnum):
    """Drawing order: later roles are merged over earlier ones."""

    BOILERPLATE = 0
    SUGGESTION = 1
    CONTENT = 2
    QUOTE = 3
    SOURCE = 4
    CUE = 5


class Highlight(NamedTuple):
    """A range drawn in one role (a tuple, so that sorting 30,000 of them is quick)."""

    start: int
    end: int
    role: Role


def _format(role: Role) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if role is Role.BOILERPLATE:
        fmt.setForeground(QColor("#8a8a8a"))
        fmt.setFontItalic(True)
    elif role is Role.SUGGESTION:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor("#6b6b6b"))
    elif role is Role.CONTENT:
        fmt.setBackground(QColor("#d8ebff"))
        fmt.setFontOverline(True)
    elif role is Role.QUOTE:
        fmt.setBackground(QColor("#fff0a0"))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor("#8a5a00"))
    elif role is Role.SOURCE:
        fmt.setBackground(QColor("#cdeec9"))
        fmt.setFontWeight(QFont.Weight.Bold)
    elif role is Role.CUE:
        fmt.setBackground(QColor("#f3d3ee"))
        fmt.setFontItalic(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    return fmt


FORMATS: dict[Role, QTextCharFormat] = {}


def role_format(role: Role) -> QTextCharFormat:
    if not FORMATS:
        FORMATS.update({r: _format(r) for r in Role})
    return FORMATS[role]


def mark_highlights(mark: Quote | Attribution) -> list[Highlight]:
    """The highlights one accepted mark draws (none while it is orphaned)."""
    if mark.orphaned:
        return []
    out: list[Highlight] = []
    if isinstance(mark, Quote):
        out += [Highlight(s, e, Role.QUOTE) for s, e in mark.span.ranges]
        speaker = mark.speaker_span
    else:
        out += [Highlight(s, e, Role.CONTENT) for s, e in mark.content.ranges]
        speaker = mark.source
    if speaker is not None:
        out += [Highlight(s, e, Role.SOURCE) for s, e in speaker.ranges]
    if mark.cue is not None:
        out += [Highlight(s, e, Role.CUE) for s, e in mark.cue.ranges]
    return [h for h in out if h.end > h.start]


def document_highlights(doc: Document) -> list[Highlight]:
    """Every highlight of a document: boilerplate parts and accepted marks."""
    out = [
        Highlight(p.span.start, p.span.end, Role.BOILERPLATE)
        for p in doc.article.parts
        if p.kind is PartKind.BOILERPLATE
    ]
    for mark in doc.marks:
        out += mark_highlights(mark)
    return out


class HighlightIndex:
    """Highlights sorted by start, for quick lookup of those overlapping a range."""

    def __init__(self, items: Iterable[Highlight] = ()) -> None:
        self._items = sorted(items)
        self._starts = [h.start for h in self._items]
        self._longest = max((h.end - h.start for h in self._items), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def add(self, item: Highlight) -> None:
        index = bisect_left(self._items, item)
        self._items.insert(index, item)
        self._starts.insert(index, item.start)
        self._longest = max(self._longest, item.end - item.start)

    def remove(self, item: Highlight) -> None:
        index = bisect_left(self._items, item)
        if index < len(self._items) and self._items[index] == item:
            del self._items[index]
            del self._starts[index]

    def replace(self, gone: Iterable[Highlight], came: Iterable[Highlight]) -> None:
        """Remove ``gone`` and add ``came`` (each counted as often as it occurs) in one
        pass: quicker than one at a time when thousands change."""
        left = Counter(gone)
        kept = []
        for item in self._items:
            if left[item] > 0:
                left[item] -= 1
            else:
                kept.append(item)
        added = list(came)
        kept += added
        kept.sort()
        self._items = kept
        self._starts = [h[0] for h in kept]
        self._longest = max(self._longest, max((h[1] - h[0] for h in added), default=0))

    def shift(self, start: int, end: int, delta: int) -> None:
        """Follow a text edit of ``[start, end)`` growing the text by ``delta``: highlights
        after it move, those across it keep their start and stretch or shrink."""
        cut = bisect_left(self._starts, end)
        first = bisect_left(self._starts, start - self._longest)
        middle = [h if h.end <= start else Highlight(h.start, max(h.start, h.end + delta), h.role)
                  for h in self._items[first:cut]]
        rest = self._items[cut:]  # moved in bulk: tuple.__new__ runs in C (10,000 marks)
        starts = [s + delta for s in self._starts[cut:]]
        ends = [h[1] + delta for h in rest]
        was_on = gc.isenabled()
        gc.disable()  # 10,000s of acyclic tuples: no collections started while they are made
        try:
            tail = list(map(tuple.__new__, repeat(Highlight),
                            zip(starts, ends, map(itemgetter(2), rest), strict=True)))
        finally:
            if was_on:
                gc.enable()
        middle.sort()
        self._items[first:] = middle + tail
        self._starts[first:] = [h[0] for h in middle] + starts

    def overlapping(self, start: int, end: int) -> list[Highlight]:
        """Highlights that cover any character of ``[start, end)``."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [h for h in self._items[lo:hi] if h.end > start]


def segments(items: list[Highlight], start: int, end: int) -> list[tuple[int, int, list[Role]]]:
    """Split ``[start, end)`` into runs that share the same set of roles."""
    cuts = {start, end}
    for h in items:
        cuts.add(max(start, h.start))
        cuts.add(min(end, h.end))
    edges = sorted(cuts)
    runs = []
    for a, b in itertools.pairwise(edges):
        roles = sorted({h.role for h in items if h.start < b and h.end > a})
        if roles:
            runs.append((a, b, roles))
    return runs
