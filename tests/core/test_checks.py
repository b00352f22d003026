"""Approval checks that combine the suggestion engine with the marks."""

from __future__ import annotations

from dataclasses import replace

from deskapp.core.article import Article
from deskapp.core.checks import document_blockers, pending_suggestions, unattributed_claims
from deskapp.core.document import Document
from deskapp.core.marking import make_attribution
from deskapp.core.review import BlockerKind
from deskapp.core.suggest import suggest


def test_rejected_and_accepted_suggestions_are_no_longer_pending(sample_text):
    doc = Document(Article(sample_text))
    found = suggest(doc.article)
    total = pending_suggestions(doc)
    assert total == len(found.items) > 0
    first, second = found.items[0], found.items[1]
    doc = doc.add_mark(first.to_mark())
    doc = replace(doc, rejected=doc.rejected | {second.id})
    assert pending_suggestions(doc) == total - 2
    assert Document.from_json(doc.to_json()).rejected == {second.id}


def test_an_accepted_attribution_over_a_figure_clears_the_claim(sample_text):
    doc = Document(Article(sample_text))
    (claim,) = unattributed_claims(doc)
    assert claim.text == "between 95,000 and 150,000 active soldiers"
    sentence = sample_text.index("Venezuela’s military, which")
    doc = doc.add_mark(make_attribution(doc, (sentence, claim.end + 40), cue=None,
                                        entity="IISS"))
    assert unattributed_claims(doc) == []
    kinds = {b.kind for b in document_blockers(doc)}
    assert BlockerKind.UNATTRIBUTED_CLAIM not in kinds


def test_pending_thoughts_block_approval_unless_they_take_no_part(fixtures):
    """Issue 12: a setting says whether thought attributions take part in the checks."""
    text = (fixtures / "claim-kinds.txt").read_text(encoding="utf-8")
    doc = Document(Article(text))
    found = suggest(doc.article)
    thoughts = [a for a in found.attributions if a.claim_kind == "thought"]
    assert thoughts
    for item in found.items:
        if item.claim_kind != "thought":
            doc = doc.add_mark(item.to_mark())
    assert pending_suggestions(doc, found) == len(thoughts)
    assert pending_suggestions(doc, found, thoughts=False) == 0
    assert BlockerKind.UNREVIEWED_SUGGESTIONS in {b.kind for b in document_blockers(doc, found)}
    assert document_blockers(doc, found, thoughts=False) == []
