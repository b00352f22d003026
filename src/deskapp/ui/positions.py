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

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) if self._astral else offset

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        return position - bisect_right(self._astral_qt, position - 1)
