"""Review decisions across reruns of the suggestion engine (no Qt here).

Suggestion ids are hashes of offsets, so a correction earlier in the text changes the
ids of everything after it. To keep a rejected suggestion rejected (``Document.rejected``
holds ids), the window follows each suggestion's *identity* (kind and ranges) through
the correction: ranges after it shift, ranges it touches are forgotten (that text
needs a fresh look), and the rejection moves to the id the rerun gives it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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


def carry_rejections(
    rejected: frozenset[str],
    before: tuple[Suggestion, ...],
    after: tuple[Suggestion, ...],
    delta: TextDelta | None,
) -> frozenset[str]:
    """The ids in ``after`` that stand for the rejected ids: the same id, or the same
    suggestion moved by a correction (``before`` is the run on the text before it)."""
    moved: set[Identity] = set()
    if delta is not None:
        for item in before:
            if item.id in rejected:
                key = delta.follow(identity(item))
                if key is not None:
                    moved.add(key)
    return frozenset(i.id for i in after if i.id in rejected or identity(i) in moved)


def decisions_for(
    items: Iterable[Suggestion], marks: Iterable[Mark], rejected: frozenset[str]
) -> tuple[Decision | None, ...]:
    """Accepted when a mark covers the suggestion (same span, and for attributions the
    same source: what the approval checks count), rejected when the document says so."""
    covered: set[tuple] = set()
    for mark in marks:
        if isinstance(mark, Quote):
            covered.add(("quote", _ranges(mark.span)))
        elif isinstance(mark, Attribution):
            covered.add(("attribution", _ranges(mark.content), _ranges(mark.source)))
    out: list[Decision | None] = []
    for item in items:
        key = identity(item)
        if (key[:2] if key[0] == "quote" else key[:3]) in covered:
            out.append(Decision.ACCEPTED)
        elif item.id in rejected:
            out.append(Decision.REJECTED)
        else:
            out.append(None)
    return tuple(out)
