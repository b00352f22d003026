"""What other parts of the window read from the suggestions (no widgets here):
the dashed highlights of pending suggestions and the mark dialog's prefill."""

from __future__ import annotations

from deskapp.core.annotations import SourceKind
from deskapp.core.suggest import QuoteSuggestion, ReviewQueue, Suggestion, Suggestions
from deskapp.ui.highlights import Highlight, Role
from deskapp.ui.mark_dialog import MarkDetails
from deskapp.ui.review_memory import underline_ranges


def item_highlights(item: Suggestion) -> list[Highlight]:
    """The dashed underlines of one suggestion: its anchor, speaker or source, and cue."""
    return [Highlight(s, e, Role.SUGGESTION) for s, e in underline_ranges(item)]


def pending_highlights(queue: ReviewQueue) -> list[Highlight]:
    """Dashed underlines for every suggestion still waiting for a decision."""
    return [h for item, decision in zip(queue.items, queue.decisions, strict=True)
            if decision is None for h in item_highlights(item)]


def _overlap(item: Suggestion, start: int, end: int) -> int:
    if start == end:  # a caret: inside counts as a little overlap
        return 1 if any(a <= start < b for a, b in item.anchor.ranges) else 0
    return sum(max(0, min(b, end) - max(a, start)) for a, b in item.anchor.ranges)


def guess_details(result: Suggestions, start: int, end: int, *, quote: bool) -> MarkDetails | None:
    """Speaker/source as written, cue, kind and full name from the best overlapping
    suggestion (a quote suggestion first when marking a quote)."""
    best, score = None, (0, 0)
    for item in result.items:
        overlap = _overlap(item, start, end)
        if overlap <= 0:
            continue
        rank = (int((item.kind == "quote") == quote), overlap)
        if rank > score:
            best, score = item, rank
    if best is None:
        return None
    cue = best.cue.text if best.cue is not None else ""
    if isinstance(best, QuoteSuggestion):
        who = best.speaker_span.text if best.speaker_span is not None else (best.speaker or "")
        refers = best.speaker if best.speaker and best.speaker != who else ""
        return MarkDetails(who, cue, SourceKind.PERSON, "", refers)
    who = best.source.text if best.source is not None else ""
    refers = best.entity if best.entity and best.entity != who else ""
    return MarkDetails(who, cue, best.source_kind, "", refers)
