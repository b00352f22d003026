"""Review decisions across reruns of the suggestion engine (no Qt here).

Suggestion ids are hashes of offsets, so a correction earlier in the text changes the
ids of everything after it. To keep a rejected suggestion rejected (``Document.rejected``
holds ids), the window follows each suggestion's *identity* (kind and ranges) through
the correction: ranges after it shift, ranges it touches are forgotten (that text
needs a fresh look), and the rejection moves to the id the rerun gives it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from deskapp.core.annotations import AnnotationSet, Attribution, Mark, Quote
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


def underline_ranges(item: Suggestion) -> list[tuple[int, int]]:
    """Where a suggestion is underlined: its anchor, speaker or source, and cue."""
    who = item.speaker_span if isinstance(item, QuoteSuggestion) else item.source
    return [(s, e) for span in (item.anchor, who, item.cue) if span is not None
            for s, e in span.ranges if e > s]


def cover_key(item: Suggestion) -> tuple:
    """What a mark must match to cover ``item``: the span for a quote, the content and
    the source for an attribution (what the approval checks count)."""
    key = identity(item)
    return key[:2] if key[0] == "quote" else key[:3]


def _mark_key(mark: Mark) -> tuple | None:
    """What a mark covers (``cover_key`` of a suggestion on the same spans); made without
    ``Span.ranges`` calls: every mark of a long article gets one when its run arrives."""
    if type(mark) is Quote:
        span = mark.span
        return ("quote", span.fragments or ((span.start, span.end),))
    if type(mark) is Attribution:
        content, source = mark.content, mark.source
        return ("attribution", content.fragments or ((content.start, content.end),),
                () if source is None else source.fragments or ((source.start, source.end),))
    return None


def decide(
    items: Iterable[Suggestion], keys: Iterable[tuple], covered, rejected: frozenset[str]
) -> tuple[Decision | None, ...]:
    """Accepted when ``covered`` holds the item's cover key, rejected when the document
    says so, else None (undecided)."""
    return tuple(Decision.ACCEPTED if key in covered
                 else Decision.REJECTED if item.id in rejected else None
                 for item, key in zip(items, keys, strict=True))


def decisions_for(
    items: Iterable[Suggestion], marks: Iterable[Mark], rejected: frozenset[str]
) -> tuple[Decision | None, ...]:
    """Accepted when a mark covers the suggestion (same span, and for attributions the
    same source: what the approval checks count), rejected when the document says so."""
    items = tuple(items)
    covered = {_mark_key(mark) for mark in marks}
    return decide(items, [cover_key(i) for i in items], covered, rejected)


class Coverage:
    """The cover keys of a set of marks, updated from the marks that changed
    (``AnnotationSet.diff``: marks moved by a correction count as changed, their keys hold
    offsets), so a one-mark change costs no per-mark keys."""

    def __init__(self) -> None:
        self._marks = AnnotationSet()
        self._counts: Counter[tuple] = Counter()

    def __contains__(self, key: tuple) -> bool:
        return key in self._counts

    def update(self, marks: AnnotationSet) -> set[tuple]:
        """Follow ``marks``; the keys that became covered or uncovered."""
        if marks is self._marks:
            return set()
        _row, gone, came = self._marks.diff(marks, moved=False)
        if not self._counts and not gone:  # a first look: counted in C
            self._counts = Counter(k for k in map(_mark_key, came) if k is not None)
            self._marks = marks
            return set(self._counts)
        changed: set[tuple] = set()
        for mark in came:
            if (key := _mark_key(mark)) is not None:
                if self._counts[key] == 0:
                    changed.add(key)
                self._counts[key] += 1
        for mark in gone:
            if (key := _mark_key(mark)) is not None:
                self._counts[key] -= 1
                if self._counts[key] <= 0:
                    del self._counts[key]
                    changed.add(key)
        self._marks = marks
        return changed
