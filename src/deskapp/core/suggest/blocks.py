"""An article cut into blocks that the rules read independently, and a cache of their results.

A block is one line, or the lines that a quote runs across (each paragraph of a long
quote opens with a mark), or that a cue written over a line break joins ("according\\n
to"). The rules inside a block never look past it (``local.py``), so a block's result is
a function of its key: its text, its quotes and the parts it overlaps, all relative to
its start. After a correction only the blocks whose key changed are read again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterator
from itertools import accumulate, compress
from threading import Lock

from deskapp.core.suggest.local import EMPTY, BlockResult, Ranges, analyse_block
from deskapp.core.suggest.quotes import RawQuote

# A cue that may continue on the next line: CUE_RE's "according\s+to", "quoted\s+as\s+saying".
_CUE_OVER_BREAK_RE = re.compile(r"(?:[Aa]ccording|quoted(?:\s+as)?)\s*\n")
CACHE_SIZE = 4096  # blocks (a 20 KB article has about 80)
_SPLIT_EVERY = 4


def block_bounds(text: str, quotes: list[RawQuote]) -> list[tuple[int, int]]:
    """``(start, end)`` of every block, in order; ends exclude the line's newline.

    A block ends after a line whose length is a multiple of ``_SPLIT_EVERY`` (blank lines
    included), unless a quote or a cue runs on: a few lines per block on average, cut by
    content, so a correction moves no block boundary but those around it.
    """
    lines = text.split("\n")
    n = len(lines)
    starts = list(accumulate(map((1).__add__, map(len, lines[:-1])), initial=0))
    reach: dict[int, int] = {}  # the last line a block holding line i must reach, if past i
    for q in quotes:
        if text.find("\n", q.open_at, q.close_end) >= 0:
            first = bisect_right(starts, q.open_at) - 1
            last = bisect_right(starts, q.close_end - 1) - 1
            if last > reach.get(first, first):
                reach[first] = last
    for m in _CUE_OVER_BREAK_RE.finditer(text):
        first = bisect_right(starts, m.start()) - 1
        last = bisect_right(starts, m.end()) - 1
        if last > reach.get(first, first):
            reach[first] = last
    cuts = [len(line) % _SPLIT_EVERY == 0 for line in lines]
    cuts[-1] = True
    for first, last in reach.items():  # no cut inside a join: lines first … last - 1
        cuts[first:last] = [False] * (last - first)
    bounds = []
    first = 0
    for i in compress(range(n), cuts):
        bounds.append((starts[first], starts[i] + len(lines[i])))
        first = i + 1
    return bounds


def _clipped(ranges: Ranges, start: int, end: int) -> Ranges:
    return tuple((max(s, start) - start, min(e, end) - start)
                 for s, e in ranges if s < end and e > start)


class BlockCache:
    """A bounded LRU map from block keys to block results; safe to share between threads."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[tuple, BlockResult] = OrderedDict()
        self._lock = Lock()

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: tuple) -> BlockResult | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: tuple, value: BlockResult) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def block_keys(text: str, quotes: list[RawQuote], skipped: Ranges,
               dateline_ends: tuple[int, ...]) -> Iterator[tuple[int, tuple | None]]:
    """Each block's start and key: the arguments of ``analyse_block`` relative to the start
    (its text, quotes, skipped parts, dateline ends); None for a blank block without quotes."""
    qi = 0
    for start, end in block_bounds(text, quotes):
        inside: list[RawQuote] = []
        while qi < len(quotes) and quotes[qi].open_at < end:
            inside.append(quotes[qi])
            qi += 1
        block = text[start:end]
        if not inside and (not block or block.isspace()):
            yield start, None
            continue
        rel_quotes = tuple([RawQuote(tuple([(s - start, e - start) for s, e in q.pieces]),
                                     q.open_at - start, q.close_end - start) for q in inside])
        rel_skipped = _clipped(skipped, start, end) if skipped else ()
        rel_datelines = tuple([d - start for d in dateline_ends if start <= d <= end])
        yield start, (block, rel_quotes, rel_skipped, rel_datelines)


def analysed_blocks(text: str, quotes: list[RawQuote], skipped: Ranges,
                    dateline_ends: tuple[int, ...],
                    cache: BlockCache | None) -> Iterator[tuple[int, BlockResult]]:
    """Each block's start and result (relative offsets), read again only when not cached."""
    for start, key in block_keys(text, quotes, skipped, dateline_ends):
        if key is None:
            yield start, EMPTY
            continue
        if cache is None:
            yield start, analyse_block(*key)
            continue
        found = cache.get(key)
        if found is None:
            found = analyse_block(*key)
            cache.put(key, found)
        yield start, found
