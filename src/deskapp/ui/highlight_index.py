"""Highlights sorted by start, in runs that a text correction moves lazily.

A keystroke above 30,000 highlights re-maps the runs that reach into the edit and adds
the edit's size to the ``delta`` of every run after it; the highlights are kept as plain
``(start, end, role number)`` tuples, which the garbage collector stops scanning (30,000
``Highlight`` objects stayed in every full collection).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from operator import itemgetter, sub

from deskapp.ui.highlights import Highlight, Role

_START, _END, _ROLE = itemgetter(0), itemgetter(1), itemgetter(2)


class _Run:
    """Highlights in start order, stored ``delta`` before where they are now, as plain
    ``(start, end, role number)`` tuples: tuples of ints leave the garbage collector's
    scans, 30,000 ``Highlight`` objects stayed in every full collection."""

    __slots__ = ("delta", "items", "reach", "starts")

    def __init__(self, items: list[tuple[int, int, int]], delta: int = 0) -> None:
        self.items = items
        self.starts = list(map(_START, items))
        self.delta = delta
        self.reach = max(map(_END, items), default=0)  # the furthest end (stored)

    def now(self) -> list[Highlight]:
        d = self.delta
        return [Highlight(s + d, e + d, r) for s, e, r in self.items]


def _plain(items: list) -> list[tuple[int, int, int]]:
    """``(start, end, role number)`` tuples (``Highlight`` objects converted, in C)."""
    if all(type(h) is tuple for h in items):
        return items
    return list(zip(map(_START, items), map(_END, items), map(int, map(_ROLE, items)),
                    strict=True))


class HighlightIndex:
    """Highlights sorted by start, for quick lookup of those overlapping a range.

    Kept in runs of about ``RUN`` highlights; a text correction re-maps the runs that reach
    into the edit and only adds the edit's size to the ``delta`` of every run after it, so
    a keystroke above 30,000 highlights costs a few runs, not 30,000 new tuples.
    """

    RUN = 256

    def __init__(self, items: Iterable[Highlight | tuple[int, int, int]] = ()) -> None:
        items = sorted(_plain(list(items)))
        self._build(items)
        self._longest = max(map(sub, map(itemgetter(1), items), map(itemgetter(0), items)),
                            default=0)

    def _build(self, items: list[tuple[int, int, int]]) -> None:
        size = self.RUN
        self._runs = [_Run(items[i : i + size]) for i in range(0, len(items), size)]
        self._firsts = [r.starts[0] + r.delta for r in self._runs]
        self._count = len(items)

    def _all(self) -> list[Highlight]:
        return [h for run in self._runs for h in run.now()]

    def __len__(self) -> int:
        return self._count

    def __iter__(self):
        return iter(self._all())

    def add(self, item: Highlight) -> None:
        if not self._runs:
            self._build(_plain([item]))
        else:
            at = max(0, bisect_right(self._firsts, item[0]) - 1)
            run = self._runs[at]
            s, e = item[0] - run.delta, item[1] - run.delta
            i = bisect_right(run.starts, s)
            run.items.insert(i, (s, e, int(item[2])))
            run.starts.insert(i, s)
            run.reach = max(run.reach, e)
            self._firsts[at] = run.starts[0] + run.delta
            self._count += 1
            if len(run.items) > 2 * self.RUN:
                half = len(run.items) // 2
                self._runs[at : at + 1] = [_Run(run.items[:half], run.delta),
                                           _Run(run.items[half:], run.delta)]
                self._firsts[at : at + 1] = [r.starts[0] + r.delta
                                             for r in self._runs[at : at + 2]]
        self._longest = max(self._longest, item[1] - item[0])

    def remove(self, item: Highlight) -> None:
        """Remove one highlight equal to ``item`` (none if there is none)."""
        at = max(0, bisect_left(self._firsts, item[0]) - 1)
        while at < len(self._runs) and self._firsts[at] <= item[0]:
            run = self._runs[at]
            s = item[0] - run.delta
            wanted = (s, item[1] - run.delta, int(item[2]))
            i = bisect_left(run.starts, s)
            while i < len(run.starts) and run.starts[i] == s:
                if run.items[i] == wanted:
                    del run.items[i], run.starts[i]
                    self._count -= 1
                    if run.items:
                        self._firsts[at] = run.starts[0] + run.delta
                    else:
                        del self._runs[at], self._firsts[at]
                    return
                i += 1
            at += 1

    def replace(self, gone: Iterable[Highlight], came: Iterable[Highlight]) -> None:
        """Remove ``gone`` and add ``came`` (each counted as often as it occurs) in one
        pass: quicker than one at a time when thousands change."""
        left = Counter(_plain(list(gone)))
        kept = self._now()
        if left:
            rest = []
            for item in kept:
                if left[item] > 0:
                    left[item] -= 1
                else:
                    rest.append(item)
            kept = rest
        self._rebuilt(kept, _plain(list(came)))

    def of_role(self, role: Role) -> list[tuple[int, int, int]]:
        """The highlights of ``role`` where they are now."""
        number = int(role)
        return [h for h in self._now() if h[2] == number]

    def _now(self) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        for run in self._runs:
            d = run.delta
            out += run.items if not d else [(s + d, e + d, r) for s, e, r in run.items]
        return out

    def _rebuilt(self, kept: list[tuple[int, int, int]],
                 added: list[tuple[int, int, int]]) -> None:
        added.sort()
        kept += added  # two sorted runs: the sort below merges them
        kept.sort()
        self._build(kept)
        self._longest = max(self._longest, max((h[1] - h[0] for h in added), default=0))

    def shift(self, start: int, end: int, delta: int) -> None:
        """Follow a text edit of ``[start, end)`` growing the text by ``delta``: highlights
        after it move (lazily, a run at a time), those reaching into it are mapped as mark
        spans are (``edits``): their start kept or moved past the replacement, their end
        moved with the text."""
        size = end - start + delta
        first = max(0, bisect_left(self._firsts, start - self._longest) - 1)
        cut = bisect_left(self._firsts, end)  # runs from here on start at or after the edit
        for at in range(first, cut):
            run = self._runs[at]
            if run.reach + run.delta < start:
                continue  # ends before the edit: unchanged (an empty highlight right at
                # an insertion moves past it, as a mark's span does)
            mapped = sorted(follow_edit(h, start, end, size) for h in run.now())
            self._runs[at] = fresh = _Run(mapped)
            self._firsts[at] = fresh.starts[0]
            self._longest = max(self._longest, max(h[1] - h[0] for h in mapped))
        for at in range(cut, len(self._runs)):
            self._runs[at].delta += delta
            self._firsts[at] += delta

    def overlapping(self, start: int, end: int) -> list[Highlight]:
        """Highlights that cover any character of ``[start, end)``."""
        lo = start - self._longest
        at = max(0, bisect_left(self._firsts, lo) - 1)
        out: list[Highlight] = []
        runs, firsts = self._runs, self._firsts
        while at < len(runs) and firsts[at] < end:
            run = runs[at]
            d = run.delta
            i, j = bisect_left(run.starts, lo - d), bisect_left(run.starts, end - d)
            for s, e, r in run.items[i:j]:
                if e + d > start:
                    out.append(Highlight(s + d, e + d, r) if d else Highlight(s, e, r))
            at += 1
        return out


def follow_edit(h: Highlight, start: int, end: int, size: int) -> tuple[int, int, int]:
    """Where highlight ``h`` goes when ``[start, end)`` becomes ``size`` characters: the
    rules of a mark's span (``core.edits``), as a ``(start, end, role number)`` tuple."""
    s, e = h[0], h[1]
    if s >= end:
        s += size - (end - start)
    elif s > start:
        s = start + size
    if e > start:
        e = start + size if e < end else e + size - (end - start)
    return (s, max(s, e), int(h[2]))
