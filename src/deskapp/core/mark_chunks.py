"""Marks that move with the text, lazily: a correction costs what it touches, not every mark.

A correction near the top of a 1 MB article moves every mark below it. Rebuilding 10,000
frozen marks (30,000 spans) on each keystroke costs ~50 ms, and nobody looks at most of
them before the next keystroke. So an ``AnnotationSet`` keeps its marks in chunks of about
``CHUNK`` marks in text order; a chunk holds its marks as they were stored and a pending
``delta``. A correction re-maps only the chunks it touches, and gives every chunk after
it a new delta (one small object per chunk, sharing the stored marks). A chunk's marks
are built at their real offsets the first time someone reads them (``MarkChunk.marks``)
and kept, so every reader still sees exact, immutable marks whose spans carry their text.

A chunk's moved marks are built by ``shifting.shift_marks``. ``covering`` and the seams
between chunks (``in_order``) are worked out here too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING

from deskapp.core.claim_kinds import ClaimKind, of_mark
from deskapp.core.marks import Attribution, Quote, order
from deskapp.core.shifting import shift_marks

if TYPE_CHECKING:
    from deskapp.core.marks import Mark

CHUNK = 128  # marks per chunk: a correction rebuilds about one chunk


def extent(mark: Mark) -> tuple[int, int]:
    """The first and last offset any span of ``mark`` covers."""
    spans = [s for s in _SPANS[type(mark)](mark) if s is not None]
    return min(map(_START, spans)), max(map(_END, spans))


_SPANS = {cls: attrgetter(*cls.span_fields) for cls in (Quote, Attribution)}
_START, _END = attrgetter("start"), attrgetter("end")


class MarkChunk:
    """Marks in text order, stored at old offsets, that sit ``delta`` further on now.

    Immutable in meaning: the caches (built marks, extent, counts, ids) only remember
    what was worked out once; a chunk moved again shares its stored marks and caches.
    """

    __slots__ = ("_counts", "_extent", "_ids", "_marks", "delta", "stored")

    def __init__(self, stored: tuple[Mark, ...], delta: int = 0) -> None:
        self.stored = stored
        self.delta = delta
        self._marks: tuple[Mark, ...] | None = stored if delta == 0 else None
        self._extent: tuple[int, int] | None = None
        self._counts: tuple[int, int] | None = None
        self._ids: tuple[str, ...] | None = None

    def __len__(self) -> int:
        return len(self.stored)

    @property
    def marks(self) -> tuple[Mark, ...]:
        """The marks at their real offsets (built once, on first read)."""
        if self._marks is None:
            self._marks = tuple(shift_marks(self.stored, self.delta))
        return self._marks

    def moved(self, delta: int) -> MarkChunk:
        """This chunk ``delta`` further on: no mark is built now."""
        chunk = MarkChunk(self.stored, self.delta + delta)
        chunk._extent, chunk._counts, chunk._ids = self._extent, self._counts, self._ids
        return chunk

    @property
    def extent(self) -> tuple[int, int]:
        """The first and last offset (now) that any span of any of its marks covers."""
        if self._extent is None:
            spans = [s for m in self.stored for s in _SPANS[type(m)](m) if s is not None]
            self._extent = (min(map(_START, spans)), max(map(_END, spans)))
        return self._extent[0] + self.delta, self._extent[1] + self.delta

    @property
    def counts(self) -> tuple[int, int]:
        """How many quotes, and how many orphaned marks."""
        if self._counts is None:
            self._counts = (
                sum(1 for m in self.stored if m.kind == "quote"),
                sum(1 for m in self.stored if m.orphaned),
            )
        return self._counts

    @property
    def ids(self) -> tuple[str, ...]:
        if self._ids is None:
            self._ids = tuple(m.id for m in self.stored)
        return self._ids

    def first_key(self) -> tuple[int, int, str]:
        mark = self.stored[0]
        return (mark.anchor.start + self.delta, mark.anchor.end + self.delta, mark.id)

    def last_key(self) -> tuple[int, int, str]:
        mark = self.stored[-1]
        return (mark.anchor.start + self.delta, mark.anchor.end + self.delta, mark.id)


def chunked(marks: Sequence[Mark], size: int | None = None) -> list[MarkChunk]:
    """``marks`` (in text order) cut into chunks of ``size`` (default ``CHUNK``)."""
    size = size or CHUNK
    return [MarkChunk(tuple(marks[i : i + size])) for i in range(0, len(marks), size)]


def matches(mark: Mark, which: str | None) -> bool:
    """Whether ``mark`` is listed under the filter ``which`` (None: every mark; a claim
    kind, "statement", "thought" or "document": the marks of that kind, quotes being
    statements)."""
    if which is None:
        return True
    if which == "orphaned":
        return mark.orphaned
    if which in _CLAIM_KINDS:
        return of_mark(mark) == which
    return mark.kind == which


_CLAIM_KINDS = frozenset(ClaimKind)


def listed(chunk: MarkChunk, which: str | None) -> int:
    """How many marks of ``chunk`` the filter ``which`` lists."""
    if which is None:
        return len(chunk)
    quotes, orphaned = chunk.counts
    if which == "quote":
        return quotes
    if which == "attribution":
        return len(chunk) - quotes
    if which == "orphaned":
        return orphaned
    return sum(1 for m in chunk.stored if matches(m, which))


def edit_marks(
    marks: tuple[Mark, ...], start: int, end: int, delta: int, remap: Callable[[Mark], Mark]
) -> list[Mark]:
    """``marks`` through an edit of ``[start, end)``: before it kept, after it moved,
    touched ones through ``remap``."""
    out = list(marks)
    after: list[int] = []
    for i, mark in enumerate(marks):
        lo, hi = extent(mark)
        if hi <= start:
            continue
        if lo >= end:
            after.append(i)
        else:
            out[i] = remap(mark)
    for i, mark in zip(after, shift_marks([marks[i] for i in after], delta),
                       strict=True):
        out[i] = mark
    return out


def in_order(chunks: list[MarkChunk]) -> list[MarkChunk]:
    """Chunks in text order across their seams: a touched mark that moved past its
    neighbour in the next chunk merges the two (rare: a deletion collapsing marks)."""
    k = 0
    while k < len(chunks) - 1:
        if chunks[k].last_key() > chunks[k + 1].first_key():
            merged = sorted(chunks[k].marks + chunks[k + 1].marks, key=order)
            chunks[k : k + 2] = [MarkChunk(tuple(merged))]
            k = max(k - 1, 0)
        else:
            k += 1
    return chunks


def resized(chunks: list[MarkChunk]) -> list[MarkChunk]:
    """Chunks grown past twice ``CHUNK`` marks cut in ``CHUNK``-sized ones."""
    if all(len(c) <= 2 * CHUNK for c in chunks):
        return chunks
    out: list[MarkChunk] = []
    for c in chunks:
        out.extend(chunked(c.marks) if len(c) > 2 * CHUNK else [c])
    return out


def diff(old: Sequence[MarkChunk], new: Sequence[MarkChunk], moved: bool) -> tuple:
    """``(chunk, first, gone, came)``: from the ``first`` mark of ``old[chunk]`` on, the
    marks ``gone`` became ``came``; chunks sharing their stored marks (with ``moved``,
    whatever their delta) count as the same, then marks compare by identity."""

    def same(a: MarkChunk, b: MarkChunk) -> bool:
        return a.stored is b.stored and (moved or a.delta == b.delta)

    n = min(len(old), len(new))
    i = 0
    while i < n and same(old[i], new[i]):
        i += 1
    j = 0
    while j < n - i and same(old[-1 - j], new[-1 - j]):
        j += 1
    gone = tuple(chain.from_iterable(c.marks for c in old[i : len(old) - j]))
    came = tuple(chain.from_iterable(c.marks for c in new[i : len(new) - j]))
    m = min(len(gone), len(came))
    p = 0
    while p < m and gone[p] is came[p]:
        p += 1
    q = 0
    while q < m - p and gone[-1 - q] is came[-1 - q]:
        q += 1
    return i, p, gone[p : len(gone) - q], came[p : len(came) - q]


def covering(chunks: Sequence[MarkChunk], pos: int) -> list[Mark]:
    """Live marks with a span covering ``pos``, shortest covering span first, read from
    the chunks whose marks reach ``pos`` only (no index over every span is built for each
    new set: that took ~45 ms at 10,000 marks on the first caret move after a mark)."""
    best: dict[str, tuple[int, Mark]] = {}
    for chunk in chunks:
        lo, hi = chunk.extent
        if not lo <= pos < hi:
            continue
        for mark in chunk.marks:
            if mark.orphaned:
                continue
            for span in _SPANS[type(mark)](mark):
                if span is None or not span.start <= pos < span.end:
                    continue
                size = span.end - span.start
                inside = not span.fragments or any(s <= pos < e for s, e in span.fragments)
                if inside and (mark.id not in best or size < best[mark.id][0]):
                    best[mark.id] = (size, mark)
    return [mark for _, mark in sorted(best.values(), key=lambda sm: (sm[0], order(sm[1])))]
