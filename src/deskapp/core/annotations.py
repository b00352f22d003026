"""Marks an editor puts on an article (``marks``) and the set that keeps them in text order."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, chain

from deskapp.core import mark_chunks
from deskapp.core.mark_chunks import MarkChunk
from deskapp.core.marks import (
    Attribution,
    Mark,
    Quote,
    SourceKind,
    new_id,
    with_note,
)
from deskapp.core.marks import order as _order

__all__ = [
    "AnnotationSet",
    "Attribution",
    "Mark",
    "Quote",
    "SourceKind",
    "new_id",
    "with_note",
]


class AnnotationSet:
    """An immutable collection of marks kept in text order.

    The marks live in chunks (``mark_chunks.MarkChunk``): a text correction re-maps only the
    marks it touches and moves the chunks after it lazily, adding or removing a mark
    rebuilds one chunk. ``marks`` builds every mark (once per set); the chunk-wise reads
    (``len``, ``count``, ``nth``, ``rank``, ``position``, ``get``, ``diff``) build only the
    chunks they look into. Two sets are equal when they hold the same marks.

    Why chunks: a correction must not cost every mark, yet every reader of ``marks`` must
    see exact, immutable marks whose spans carry their text. A chunk moved by a
    correction is one small object sharing its stored marks (about 80 of them for
    10,000 marks, a tenth of a millisecond); its marks are built at their new offsets
    when first read. A balanced tree of offsets would make a correction O(log n) instead
    of O(n / CHUNK + CHUNK), for a cost that is already far below a keystroke's budget.
    """

    __slots__ = ("_chunks", "_marks", "_offsets", "_prefix")

    def __init__(self, marks: Iterable[Mark] = ()) -> None:
        """``marks`` in text order (``of`` sorts them)."""
        marks = tuple(marks)
        self._setup(mark_chunks.chunked(marks), marks)

    def _setup(self, chunks: list[MarkChunk], marks: tuple[Mark, ...] | None = None) -> None:
        self._chunks = tuple(chunks)
        self._marks = marks
        self._offsets = list(accumulate((len(c) for c in chunks), initial=0))
        self._prefix: dict[str | None, list[int]] = {}

    @classmethod
    def _of_chunks(cls, chunks: Iterable[MarkChunk]) -> AnnotationSet:
        new = cls.__new__(cls)
        new._setup([c for c in chunks if len(c)])
        return new

    @classmethod
    def of(cls, marks: Iterable[Mark]) -> AnnotationSet:
        return cls(tuple(sorted(marks, key=_order)))

    @property
    def marks(self) -> tuple[Mark, ...]:
        """Every mark, in text order, at its current offsets."""
        if self._marks is None:
            self._marks = tuple(chain.from_iterable(c.marks for c in self._chunks))
        return self._marks

    def __iter__(self) -> Iterator[Mark]:
        if self._marks is not None:
            return iter(self._marks)
        return chain.from_iterable(c.marks for c in self._chunks)

    def __len__(self) -> int:
        return self._offsets[-1]

    def __getitem__(self, row: int) -> Mark:
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(row)
        return self.nth(row)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AnnotationSet):
            return NotImplemented
        return self is other or self.marks == other.marks

    def __hash__(self) -> int:
        return hash(self.marks)

    def __repr__(self) -> str:
        return f"AnnotationSet({self.marks!r})"

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return tuple(m for m in self.marks if isinstance(m, Quote))

    @property
    def attributions(self) -> tuple[Attribution, ...]:
        return tuple(m for m in self.marks if isinstance(m, Attribution))

    # -- reading by row and by filter (None, "quote", "attribution" or "orphaned") -----
    def count(self, which: str | None = None) -> int:
        """How many marks ``which`` lists (all of them for None)."""
        return self._counts_before(which)[-1]

    def nth(self, row: int, which: str | None = None) -> Mark:
        """The ``row``-th mark (from 0) among those ``which`` lists."""
        before = self._counts_before(which)
        at = bisect.bisect_right(before, row) - 1
        if not 0 <= row < before[-1]:
            raise IndexError(row)
        chunk, left = self._chunks[at], row - before[at]
        if which is None:
            return chunk.marks[left]
        for j, mark in enumerate(chunk.stored):
            if mark_chunks.matches(mark, which):
                if left == 0:
                    return chunk.marks[j]
                left -= 1
        raise IndexError(row)  # pragma: no cover - the counts say otherwise

    def rank(self, row: int, which: str | None = None) -> int:
        """How many of the marks before ``row`` (a row of all marks) ``which`` lists."""
        if which is None or row <= 0:
            return max(row, 0)
        if row >= len(self):
            return self.count(which)
        at = bisect.bisect_right(self._offsets, row) - 1
        chunk = self._chunks[at].stored[: row - self._offsets[at]]
        return self._counts_before(which)[at] + sum(
            1 for m in chunk if mark_chunks.matches(m, which))

    def position(self, mark_id: str) -> int:
        """The row of the mark ``mark_id`` among all marks, -1 if there is none."""
        for at, chunk in enumerate(self._chunks):
            ids = chunk.ids
            if mark_id in ids:
                return self._offsets[at] + ids.index(mark_id)
        return -1

    def _counts_before(self, which: str | None) -> list[int]:
        """Per chunk, how many marks ``which`` lists in the chunks before it (and all)."""
        found = self._prefix.get(which)
        if found is None:
            found = list(accumulate((mark_chunks.listed(c, which) for c in self._chunks),
                                    initial=0))
            self._prefix[which] = found
        return found

    def covering(self, pos: int) -> list[Mark]:
        """Live (not orphaned) marks with a span covering character ``pos``, innermost
        (shortest covering span) first; only the chunks whose marks reach ``pos`` are read
        (``mark_chunks.covering``)."""
        return mark_chunks.covering(self._chunks, pos)

    def get(self, mark_id: str) -> Mark | None:
        row = self.position(mark_id)
        return self.nth(row) if row >= 0 else None

    # -- changes: each a new set sharing the chunks it did not change -----------------
    def add(self, mark: Mark) -> AnnotationSet:
        """The set with ``mark`` inserted in text order (one chunk rebuilt)."""
        if not self._chunks:
            return AnnotationSet((mark,))
        chunks = list(self._chunks)
        at = max(0, bisect.bisect_right([c.first_key() for c in chunks], _order(mark)) - 1)
        marks = list(chunks[at].marks)
        bisect.insort(marks, mark, key=_order)
        chunks[at : at + 1] = mark_chunks.resized([MarkChunk(tuple(marks))])
        return AnnotationSet._of_chunks(chunks)

    def remove(self, mark_id: str) -> AnnotationSet:
        row = self.position(mark_id)
        if row < 0:
            return self
        at = bisect.bisect_right(self._offsets, row) - 1
        chunks = list(self._chunks)
        marks, j = chunks[at].marks, row - self._offsets[at]
        chunks[at] = MarkChunk(marks[:j] + marks[j + 1 :])
        return AnnotationSet._of_chunks(chunks)

    def replace(self, mark: Mark) -> AnnotationSet:
        """The set with the mark of the same id swapped for ``mark`` (kept in text order)."""
        if self.position(mark.id) < 0:
            return self
        return self.remove(mark.id).add(mark)

    def edited(
        self, start: int, end: int, delta: int, remap: Callable[[Mark], Mark]
    ) -> AnnotationSet:
        """The set after an edit of ``[start, end)`` that made the text ``delta`` longer:
        marks wholly before it stay, marks wholly after it move by ``delta`` (lazily, a
        chunk at a time), ``remap`` maps each mark the edit touches (the rules are in
        ``edits``). Only the chunks holding a touched mark are rebuilt."""
        out: list[MarkChunk] = []
        for chunk in self._chunks:
            lo, hi = chunk.extent
            if hi <= start:
                out.append(chunk)
            elif lo >= end and lo > start:  # (an empty mark at an insertion stays)
                out.append(chunk.moved(delta))
            else:
                marks = mark_chunks.edit_marks(chunk.marks, start, end, delta, remap)
                out.append(MarkChunk(tuple(sorted(marks, key=_order))))
        return AnnotationSet._of_chunks(mark_chunks.resized(mark_chunks.in_order(out)))

    def diff(
        self, new: AnnotationSet, *, moved: bool = True
    ) -> tuple[int, tuple[Mark, ...], tuple[Mark, ...]]:
        """``(row, gone, came)``: this set's marks ``gone`` from ``row`` on became ``new``'s
        marks ``came``; every other mark is the same in both, or with ``moved`` perhaps
        moved by corrections (a chunk moved lazily). Costs the chunks that differ."""
        at, first, gone, came = mark_chunks.diff(self._chunks, new._chunks, moved)
        return self._offsets[at] + first, gone, came

    def to_json(self) -> dict:
        return {
            "quotes": [q.to_json() for q in self.quotes],
            "attributions": [a.to_json() for a in self.attributions],
        }

    @classmethod
    def from_json(cls, data: dict) -> AnnotationSet:
        quotes = [Quote.from_json(q) for q in data.get("quotes") or ()]
        attributions = [Attribution.from_json(a) for a in data.get("attributions") or ()]
        return cls.of([*quotes, *attributions])


