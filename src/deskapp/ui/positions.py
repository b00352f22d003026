"""Python str offsets <-> Qt document positions (UTF-16 code units).

They differ only after a character outside the Basic Multilingual Plane (an emoji in
a quoted tweet, say); texts without one map one to one at no cost.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile(r"[\U00010000-\U0010FFFF]")


class PositionMap:
    """Converts offsets for one text."""

    def __init__(self, text: str) -> None:
        # code-point index of each astral character, and its UTF-16 position
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    def edited(self, start: int, end: int, replacement: str) -> PositionMap:
        """The map of the text after ``[start, end)`` became ``replacement``: only the
        replacement is searched (a keystroke no longer scans a 1 MB text)."""
        new = PositionMap("")
        cut, rest = bisect_left(self._astral, start), bisect_left(self._astral, end)
        delta = len(replacement) - (end - start)
        typed = [start + m.start() for m in _ASTRAL.finditer(replacement)]
        new._astral = self._astral[:cut] + typed + [i + delta for i in self._astral[rest:]]
        new._astral_qt = [i + n for n, i in enumerate(new._astral)]
        return new

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) if self._astral else offset

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        return position - bisect_right(self._astral_qt, position - 1)
