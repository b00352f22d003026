"""What review mode remembers across reruns of the suggestion engine (no Qt here).

Suggestion ids are hashes of offsets, so a correction earlier in the text changes the
ids of everything after it. To keep a rejected suggestion rejected, the window keeps
its *identity* (kind and ranges) and follows it through text changes: ranges after the
change shift, ranges the change touches are forgotten (that text needs a fresh look).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from deskapp.core.annotations import Attribution, Mark, Quote
from deskapp.core.spans import Span
from deskapp.core.suggest import Decision, QuoteSuggestion, Suggestion

Ranges = tuple[tuple[int, int], ...]
Identity = tuple[str, Ranges, Ranges, Ranges]


def _ranges(span: Span | None) -> Ranges:
    return () if span is None else tuple(span.ranges)


def identity(item: Suggestion) -> Identity:
    """Kind and ranges: what makes two suggestions the same (mirrors how ids are made)."""
    if isinstance(item, QuoteSuggestion):
        return ("quote", _ranges(item.span), (), ())
    return ("attribution", _ranges(item.content), _ranges(item.source), _ranges(item.cue))


@dataclass(frozen=True, slots=True)
class TextDelta:
    """The old text's ``[start, old_end)`` became the new text's ``[start, new_end)``."""

    start: int
    old_end: int
    new_end: int

    def shift(self, ranges: Ranges) -> Ranges | None:
        """The ranges in the new text; None when the change touches one of them."""
        delta = self.new_end - self.old_end
        out = []
        for a, b in ranges:
            if b <= self.start:
                out.append((a, b))
            elif a >= self.old_end:
                out.append((a + delta, b + delta))
            else:
                return None
        return tuple(out)

    def follow(self, key: Identity) -> Identity | None:
        kind, *parts = key
        moved = [self.shift(r) for r in parts]
        if any(m is None for m in moved):
            return None
        return (kind, *moved)  # type: ignore[return-value]


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:  # slices compare in C: a binary search stays fast on long texts
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def text_delta(old: str, new: str) -> TextDelta | None:
    """The one region where ``old`` and ``new`` differ; None when they are equal."""
    if old == new:
        return None
    start = _common_prefix(old, new)
    tail = _common_prefix(old[start:][::-1], new[start:][::-1])
    return TextDelta(start, len(old) - tail, len(new) - tail)


@dataclass
class RejectedMemory:
    """The suggestions rejected in one article, valid for ``text``."""

    text: str
    rejected: set[Identity] = field(default_factory=set)

    def follow(self, new_text: str) -> None:
        """Carry the rejections over a change of the text."""
        delta = text_delta(self.text, new_text)
        self.text = new_text
        if delta is None:
            return
        moved = (delta.follow(key) for key in self.rejected)
        self.rejected = {key for key in moved if key is not None}


def decisions_for(
    items: Iterable[Suggestion], marks: Iterable[Mark], rejected: set[Identity]
) -> tuple[Decision | None, ...]:
    """Accepted when the document holds the suggestion's mark (or a hand-made mark of
    the same span and source), rejected when remembered so, else undecided."""
    ids: set[str] = set()
    covered: set[tuple] = set()
    for mark in marks:
        ids.add(mark.id)
        if isinstance(mark, Quote):
            covered.add(("quote", _ranges(mark.span)))
        elif isinstance(mark, Attribution):
            covered.add(("attribution", _ranges(mark.content), _ranges(mark.source)))
    out: list[Decision | None] = []
    for item in items:
        key = identity(item)
        if item.id in ids or key[:2] in covered or key[:3] in covered:
            out.append(Decision.ACCEPTED)
        elif key in rejected:
            out.append(Decision.REJECTED)
        else:
            out.append(None)
    return tuple(out)
