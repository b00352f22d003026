"""What the hand-written rules already found, asked word by word by the learned layer."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
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
        if toks:
            lo, hi = toks[0][1], toks[-1][2]
            word_starts: list[int] = []
            for tag, ranges in reversed(self._layers):  # the first layer wins
                _mark(out, tag, ranges, lo, hi, toks, word_starts)
        return out

    def free(self, toks: Sequence[Token], tags: Sequence[str]) -> list[bool]:
        """Whether each word (of one sentence, in text order) is outside every attribution of
        the rules: no tag, and not inside the hull of one (``in_hull``)."""
        out = [tag == NONE for tag in tags]
        if toks:
            _mark(out, False, self._hulls, toks[0][1], toks[-1][2], toks, [])
        return out

    def in_hull(self, pos: int) -> bool:
        """Whether ``pos`` lies between the first and last word of a rule's attribution
        (its cue's adverbials and hearers: "said in a statement released on Sunday that")."""
        starts, ends = self._hulls
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]


def _mark(out: list, value: object, ranges: tuple[list[int], list[int]], lo: int, hi: int,
          toks: Sequence[Token], word_starts: list[int]) -> None:
    """``out[k] = value`` for each word ``k`` of ``toks`` (spanning ``[lo, hi)``) that
    starts inside one of the merged ``ranges``; ``word_starts``: the words' starts, filled
    in at the first range that reaches the words."""
    starts, ends = ranges
    i = bisect_right(starts, lo) - 1
    if i < 0:
        i = 0
    n = len(starts)
    while i < n and starts[i] < hi:
        if ends[i] > lo:
            if not word_starts:
                word_starts.extend([t[1] for t in toks])
            a, b = bisect_left(word_starts, starts[i]), bisect_left(word_starts, ends[i])
            out[a:b] = [value] * (b - a)
        i += 1


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
