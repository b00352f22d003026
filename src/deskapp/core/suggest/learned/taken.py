"""What the hand-written rules already found, asked word by word by the learned layer."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from deskapp.core.suggest.learned.features import CONTENT, CUE, NONE, SOURCE, Token
from deskapp.core.suggest.model import Range


class Taken:
    """Where the rules already put cues, sources and contents, and quotes: asked per word."""

    def __init__(self, cues: Sequence[Range], sources: Sequence[Range],
                 contents: Sequence[Range], quotes: Sequence[Range],
                 hulls: Sequence[Range] = ()) -> None:
        self._layers = [(tag, _merged(ranges)) for tag, ranges in
                        ((CUE, cues), (SOURCE, sources), (CONTENT, contents), (CONTENT, quotes))]
        self._hulls = _merged(hulls)

    def tags(self, toks: Sequence[Token]) -> list[str]:
        """What the rules made of each word's start, for the words of one sentence (in text
        order): part of a cue, a source, a content or quote (the first layer wins), or none."""
        out = [NONE] * len(toks)
        if not toks:
            return out
        lo, hi = toks[0][1], toks[-1][2]
        for tag, (starts, ends) in reversed(self._layers):  # the first layer wins
            i = max(bisect_right(starts, lo) - 1, 0)
            n = len(starts)
            if i == n or starts[i] >= hi:
                continue
            for k, (_, pos, _) in enumerate(toks):
                while i < n and ends[i] <= pos:
                    i += 1
                if i == n or starts[i] >= hi:
                    break
                if starts[i] <= pos:
                    out[k] = tag
        return out

    def in_hull(self, pos: int) -> bool:
        """Whether ``pos`` lies between the first and last word of a rule's attribution
        (its cue's adverbials and hearers: "said in a statement released on Sunday that")."""
        starts, ends = self._hulls
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]


def _merged(ranges: Sequence[Range]) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(ranges):
        if starts and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends
