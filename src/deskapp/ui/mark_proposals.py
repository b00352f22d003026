"""From a proposal (``core.proposal``) to what the mark dialog shows: its prefill, the
candidate spans of source and cue, and the callback that highlights them in the text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from deskapp.core.annotations import SourceKind
from deskapp.core.locate import locate_near
from deskapp.core.proposal import (
    Proposal,
    cue_candidates,
    propose_for,
    propose_with_cue,
    source_candidates,
    step_content,
    step_content_start,
)
from deskapp.core.selection import sentence_at
from deskapp.ui.mark_dialog import MarkDetails

Range = tuple[int, int]


def opening(text: str, start: int, end: int, guess: MarkDetails | None, pending: list,
            proposal: Proposal | None) -> MarkDetails | None:
    """What the attribution dialog opens with for the content ``[start, end)``: a
    proposal at the caret, else (a selection) the source and cue proposed around it;
    an overlapping suggestion's words only when its content is the selection."""
    if proposal is None:
        same = any(item.content.start == start and item.content.end == end
                   for item in pending)
        if guess is not None and same:
            return guess
        proposal = propose_for(text, start, end, pending)
    return proposed(text, proposal, guess)


def proposed(text: str, proposal: Proposal, initial: MarkDetails | None) -> MarkDetails:
    """The dialog's prefill: the proposal's source and cue as written, with their spans
    (a suggestion's kind and full name are kept)."""
    base = initial or MarkDetails("", "", SourceKind.UNKNOWN, "")
    src, cue = proposal.source, proposal.cue
    if src is not None and text[src[0]:src[1]] != base.who:  # another suggestion's source
        base = MarkDetails("", "", SourceKind.UNKNOWN, "")
    return replace(base, who=text[src[0]:src[1]] if src else base.who,
                   cue=text[cue[0]:cue[1]] if cue else base.cue,
                   source_span=src or base.source_span, cue_span=cue or base.cue_span)


def picking(text: str, start: int, end: int, initial: MarkDetails | None,
            show: Callable[[Range | None, Range | None, Range | None], None],
            suggestions: list | None = None) -> dict:
    """The dialog's keyword arguments for picking source and cue in the text (``initial``
    too, with the spans its source and cue were found at), and for moving the content's
    end. With ``suggestions`` (a mark proposed at the caret) a cue picked brings the
    content and source proposed for it."""
    initial = initial or MarkDetails("", "", SourceKind.UNKNOWN, "")
    cue = initial.cue_span or (locate_near(text, initial.cue, start, end) if initial.cue
                               else None)
    source = initial.source_span or (locate_near(text, initial.who, start, end)
                                     if initial.who else None)
    sentences = {sentence_at(text, start), sentence_at(text, max(start, end - 1))}
    if suggestions is None:  # the content stays: cues outside it, nearest first
        cues = [c for s in sorted(sentences) for c in cue_candidates(text, s)
                if c[1] <= start or c[0] >= end]
        cues.sort(key=lambda c: max(c[0] - end, start - c[1], 0))
    else:  # a proposal: any verb of its sentences, the likeliest first, brings its own
        cues = [c for s in sorted(sentences) for c in cue_candidates(text, s, quoted_too=True)]
    if cue is not None:
        cues = [cue, *[c for c in cues if c != cue]]
    sources = _sources(text, cue or (start, end), source, (start, end))
    initial = replace(initial, source_span=source, cue_span=cue)
    stop = cue[0] if cue is not None and cue[0] >= end else None

    def follow(new_cue: Range) -> tuple[Range | None, Range | None, list[Range]]:
        """A new cue's content (None: the selection stays), source and candidates."""
        if suggestions is None:  # the selected content stays
            proposal = propose_for(text, start, end, (), cue=new_cue)
        else:
            proposal = propose_with_cue(text, new_cue, suggestions)
        content = proposal.content if suggestions is not None else None
        return (content, proposal.source,
                _sources(text, new_cue, proposal.source, proposal.content))

    return {"initial": initial, "text": text, "content_span": (start, end), "sources": sources,
            "cue_spans": cues, "show_parts": show,
            "step_content": lambda content, by: _step(text, content, by, stop),
            "follow_cue": follow}


def _step(text: str, content: Range, by: int, stop: int | None) -> Range:
    """The dialog's content moves: its end by ``by`` = ±1, its start by ``by`` = ±2."""
    if abs(by) == 2:
        return step_content_start(text, content, by // 2)
    return step_content(text, content, by, stop)


def _sources(text: str, cue: Range, first: Range | None, content: Range) -> list[Range]:
    """Source candidates for ``cue`` outside ``content``, ``first`` leading."""
    found = source_candidates(text, cue, first)
    return [s for s in found if s[1] <= content[0] or s[0] >= content[1]]
