"""Marks that move with the text, lazily: a correction costs what it touches, not every mark.

A correction near the top of a 1 MB article moves every mark below it. Rebuilding 10,000
frozen marks (30,000 spans) on each keystroke costs ~50 ms, and nobody looks at most of
them before the next keystroke. So an ``AnnotationSet`` keeps its marks in chunks of about
``CHUNK`` marks in text order; a chunk holds its marks as they were stored and a pending
``delta``. A correction re-maps only the chunks it touches, and gives every chunk after
it a new delta (one small object per chunk, sharing the stored marks). A chunk's marks
are built at their real offsets the first time someone reads them (``MarkChunk.marks``)
and kept, so every reader still sees exact, immutable marks whose spans carry their text.

Building a chunk's moved marks sets each slot for all of them at once
(``map(slot.__set__, …)``, a loop in C): the values are valid by construction (a valid
span moved with the text around it), so ``__post_init__`` checks are not repeated.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from itertools import repeat
from operator import attrgetter
from types import MemberDescriptorType
from typing import TYPE_CHECKING

from deskapp.core.marks import Attribution, Quote, order
from deskapp.core.spans import Span

if TYPE_CHECKING:
    from deskapp.core.marks import Mark

CHUNK = 128  # marks per chunk: a correction rebuilds about one chunk
_new = object.__new__
_set = object.__setattr__


def fill_slots(cls: type, fields: dict[str, list]) -> list:
    """New ``cls`` objects, the ``i``-th with slot ``name`` set to ``fields[name][i]``,
    made a field at a time for all of them (no ``__init__``: only for valid values)."""
    count = len(next(iter(fields.values())))
    objects = list(map(_new, repeat(cls, count)))
    for name, values in fields.items():
        slot = getattr(cls, name, None)
        if isinstance(slot, MemberDescriptorType):  # the slot's own setter: a third faster
            _drain(map(slot.__set__, objects, values))
        else:
            _drain(map(_set, objects, repeat(name), values))
    return objects


def _drain(calls: Iterator[None]) -> None:
    deque(calls, maxlen=0)  # runs the calls in C


def shift_spans(spans: Sequence[Span], delta: int) -> list[Span]:
    """Every span moved by ``delta``."""
    frags = [
        tuple([(s + delta, e + delta) for s, e in f]) if f else ()
        for f in map(attrgetter("fragments"), spans)
    ]
    return fill_slots(
        Span,
        {
            "start": [s + delta for s in map(attrgetter("start"), spans)],
            "end": [e + delta for e in map(attrgetter("end"), spans)],
            "text": list(map(attrgetter("text"), spans)),
            "fragments": frags,
        },
    )


def _shift_optional(spans: list[Span | None], delta: int) -> list[Span | None]:
    present = [i for i, s in enumerate(spans) if s is not None]
    if len(present) == len(spans):
        return shift_spans(spans, delta)  # type: ignore[arg-type]
    moved = shift_spans([spans[i] for i in present], delta)
    out: list[Span | None] = [None] * len(spans)
    for i, span in zip(present, moved, strict=True):
        out[i] = span
    return out


def shift_marks(marks: Sequence[Mark], delta: int) -> list[Mark]:
    """Every mark with all its spans moved by ``delta``, in the same order."""
    if not delta:
        return list(marks)
    out: list[Mark | None] = [None] * len(marks)
    for cls in {type(m) for m in marks}:
        where = [i for i, m in enumerate(marks) if type(m) is cls]
        group = [marks[i] for i in where]
        fields = {name: list(map(attrgetter(name), group)) for name in cls.__slots__}
        for name in cls.span_fields:
            fields[name] = _shift_optional(fields[name], delta)
        for i, mark in zip(where, fill_slots(cls, fields), strict=True):
            out[i] = mark
    return out  # type: ignore[return-value]


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
    """Whether ``mark`` is listed under the filter ``which`` (None: every mark)."""
    if which is None:
        return True
    if which == "orphaned":
        return mark.orphaned
    return mark.kind == which


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
