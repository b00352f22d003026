"""Checks that run before an article is approved, and the rule for overriding them.

The window and ``deskapp approve`` call the same function, ``approval_blockers``; what
the core cannot know by itself (suggestions still waiting for a decision, claims the
suggestion rules flagged as unattributed) is passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from deskapp.core.annotations import Mark, Quote
from deskapp.core.document import Document
from deskapp.core.errors import DeskappError
from deskapp.core.spans import Span


class BlockerKind(StrEnum):
    UNREVIEWED_SUGGESTIONS = "unreviewed_suggestions"
    QUOTE_WITHOUT_SPEAKER = "quote_without_speaker"
    UNATTRIBUTED_CLAIM = "unattributed_claim"
    ORPHANED_MARK = "orphaned_mark"


@dataclass(frozen=True, slots=True)
class Blocker:
    """One reason not to approve yet; ``span``/``mark_id`` say where to jump, if anywhere."""

    kind: BlockerKind
    message: str
    span: Span | None = None
    mark_id: str | None = None


class ApprovalBlocked(DeskappError):
    """Approval asked for while checks fail and no override note was given."""

    def __init__(self, blockers: Iterable[Blocker]) -> None:
        self.blockers = tuple(blockers)
        count = len(self.blockers)
        super().__init__(
            f"cannot approve: {count} check{'s' if count != 1 else ''} failed "
            "(give a note to approve anyway): "
            + "; ".join(b.message for b in self.blockers))


def _excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def is_orphaned(mark: Mark, text: str) -> bool:
    """True when the mark is flagged orphaned or its span no longer reads its text."""
    return mark.orphaned or not mark.anchor.holds_in(text)


def _mark_blockers(doc: Document) -> list[Blocker]:
    text = doc.article.text
    out: list[Blocker] = []
    for mark in doc.marks:
        if is_orphaned(mark, text):
            out.append(Blocker(
                BlockerKind.ORPHANED_MARK,
                f"the {mark.kind} “{_excerpt(mark.anchor.text)}” no longer matches the text",
                mark.anchor, mark.id))
        elif isinstance(mark, Quote) and not (mark.speaker or "").strip():
            out.append(Blocker(
                BlockerKind.QUOTE_WITHOUT_SPEAKER,
                f"the quote “{_excerpt(mark.span.text)}” has no speaker", mark.span, mark.id))
    return out


def approval_blockers(
    doc: Document, *, unreviewed_suggestions: int = 0,
    unattributed_claims: Iterable[Span] = (),
) -> list[Blocker]:
    """Everything that blocks approval, in text order (suggestions first: they have no place)."""
    out: list[Blocker] = []
    if unreviewed_suggestions > 0:
        plural = "s" if unreviewed_suggestions != 1 else ""
        out.append(Blocker(
            BlockerKind.UNREVIEWED_SUGGESTIONS,
            f"{unreviewed_suggestions} suggestion{plural} not yet accepted or rejected"))
    located = _mark_blockers(doc) + [
        Blocker(BlockerKind.UNATTRIBUTED_CLAIM,
                f"the claim “{_excerpt(span.text)}” is not attributed", span)
        for span in unattributed_claims
    ]
    located.sort(key=lambda b: (b.span.start, b.span.end) if b.span else (-1, -1))
    return out + located


def document_flags(doc: Document) -> int:
    """How many checks the document's marks fail by themselves (orphaned marks, quotes
    without a speaker). The library's "flags" column is ``core.checks.review_counts``."""
    return len(_mark_blockers(doc))


def require_approval(blockers: Iterable[Blocker], note: str) -> tuple[str, ...]:
    """The messages of the overridden blockers; raise when some block and ``note`` is blank."""
    found = tuple(blockers)
    if found and not note.strip():
        raise ApprovalBlocked(found)
    return tuple(b.message for b in found)
