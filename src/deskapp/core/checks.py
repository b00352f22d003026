"""The approval checks of a document, with what only the suggestion engine knows.

The window and ``deskapp approve`` both call ``document_blockers`` so that they block
for the same reasons: suggestions neither accepted (covered by a mark) nor rejected,
figures and claims no accepted attribution covers, quotes without a speaker, orphaned
marks. Pending *thought* attributions ("believes", "plans") count unless the caller says
they take no part (``thoughts=False``: the window's setting, ``approve --skip-thoughts``).
"""

from __future__ import annotations

from dataclasses import dataclass

from deskapp.core.claim_kinds import ClaimKind
from deskapp.core.document import Document
from deskapp.core.review import Blocker, approval_blockers
from deskapp.core.spans import Span
from deskapp.core.suggest import Flag, ReviewQueue, Suggestions, suggest

CLAIM_FLAGS = frozenset({"unattributed figure", "unattributed claim"})


def pending_suggestions(doc: Document, suggestions: Suggestions | None = None, *,
                        thoughts: bool = True) -> int:
    """Suggestions that no mark covers and that the editor has not rejected (without
    thought attributions when ``thoughts`` is False)."""
    found = suggestions if suggestions is not None else suggest(doc.article)
    queue = ReviewQueue.of(found, doc.marks)
    return sum(1 for item in queue.items if item.id not in doc.rejected
               and (thoughts or item.claim_kind is not ClaimKind.THOUGHT))


def unattributed_claims(doc: Document, suggestions: Suggestions | None = None) -> list[Span]:
    """Claim flags whose text lies outside every accepted attribution's content."""
    found = suggestions if suggestions is not None else suggest(doc.article)
    contents = [a.content for a in doc.marks.attributions if not a.orphaned]
    return [
        flag.span
        for flag in found.flags
        if flag.kind in CLAIM_FLAGS and not any(c.contains(flag.span) for c in contents)
    ]


def document_blockers(doc: Document, suggestions: Suggestions | None = None, *,
                      thoughts: bool = True) -> list[Blocker]:
    """Everything that blocks approving ``doc``; ``thoughts=False`` leaves pending thought
    attributions out of the count of suggestions not yet decided."""
    found = suggestions if suggestions is not None else suggest(doc.article)
    return approval_blockers(
        doc,
        unreviewed_suggestions=pending_suggestions(doc, found, thoughts=thoughts),
        unattributed_claims=unattributed_claims(doc, found),
    )


def article_flags(suggestions: Suggestions) -> tuple[Flag, ...]:
    """The review flags an article shows ("1 flag to check"): the window's flags panel
    lists exactly these, and the library counts them (``review_counts``)."""
    return suggestions.flags


@dataclass(frozen=True, slots=True)
class ReviewCounts:
    """What the library shows of an article's checks: its review flags (as the article's
    flags panel counts them) and its suggestions not yet accepted or rejected."""

    flags: int
    pending: int


def review_counts(doc: Document, suggestions: Suggestions | None = None) -> ReviewCounts:
    """The library's counts for ``doc``, from the same code as the article's own panel
    (``article_flags``) and approval checks (``pending_suggestions``, thoughts included)."""
    found = suggestions if suggestions is not None else suggest(doc.article)
    return ReviewCounts(flags=len(article_flags(found)),
                        pending=pending_suggestions(doc, found))
