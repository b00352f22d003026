"""Approval checks: what blocks, where it points, and how a note overrides."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deskapp.core.annotations import Attribution, Quote
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.review import (
    ApprovalBlocked,
    BlockerKind,
    approval_blockers,
    document_flags,
    require_approval,
)
from deskapp.core.spans import Span

QUOTE = "The defections don’t appear to be on a senior enough level to undermine Maduro,"


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


@pytest.fixture
def clean(sample_text: str) -> Document:
    return Document(Article(sample_text)).add_mark(
        Quote(_span(sample_text, QUOTE), speaker="Amanda Lapo")).add_mark(
        Attribution(content=_span(sample_text, "More than 500 Venezuelan soldiers"),
                    source=_span(sample_text, "the Colombian migration authority"),
                    cue=_span(sample_text, "reported")))


def test_a_fully_reviewed_document_has_no_blockers(clean: Document) -> None:
    assert approval_blockers(clean) == []
    assert require_approval([], "") == ()
    assert document_flags(clean) == 0


def test_quote_without_speaker_blocks_and_points_at_the_quote(clean: Document) -> None:
    quote = clean.marks.quotes[0]
    doc = clean.with_marks(clean.marks.replace(replace(quote, speaker="  ")))
    [blocker] = approval_blockers(doc)
    assert blocker.kind == BlockerKind.QUOTE_WITHOUT_SPEAKER
    assert (blocker.span, blocker.mark_id) == (quote.span, quote.id)
    assert "has no speaker" in blocker.message and "The defections" in blocker.message


def test_orphaned_marks_block_whether_flagged_or_no_longer_matching(clean: Document) -> None:
    quote, attribution = clean.marks.quotes[0], clean.marks.attributions[0]
    moved = Span(attribution.content.start + 1, attribution.content.end + 1,
                 attribution.content.text)  # the text it claims is no longer there
    doc = clean.with_marks(clean.marks.replace(replace(quote, orphaned=True))
                           .replace(replace(attribution, content=moved)))
    blockers = approval_blockers(doc)
    assert [b.kind for b in blockers] == [BlockerKind.ORPHANED_MARK] * 2
    assert [b.mark_id for b in blockers] == [attribution.id, quote.id]  # text order
    assert document_flags(doc) == 2


def test_passed_in_suggestions_and_unattributed_claims_block(clean: Document) -> None:
    claim = _span(clean.article.text, "Military leaders in Venezuela publicly backed him")
    blockers = approval_blockers(clean, unreviewed_suggestions=3, unattributed_claims=[claim])
    assert [b.kind for b in blockers] == [BlockerKind.UNREVIEWED_SUGGESTIONS,
                                          BlockerKind.UNATTRIBUTED_CLAIM]
    assert blockers[0].span is None and "3 suggestions" in blockers[0].message
    assert blockers[1].span == claim and "not attributed" in blockers[1].message


def test_blockers_without_a_note_refuse_approval(clean: Document) -> None:
    blockers = approval_blockers(clean, unreviewed_suggestions=1)
    with pytest.raises(ApprovalBlocked) as refused:
        require_approval(blockers, "   ")
    assert refused.value.blockers == tuple(blockers)
    assert "1 suggestion not yet" in str(refused.value)


def test_a_written_note_overrides_and_returns_what_was_overridden(clean: Document) -> None:
    blockers = approval_blockers(clean, unreviewed_suggestions=2)
    assert require_approval(blockers, "suggestions are all noise") == (blockers[0].message,)
