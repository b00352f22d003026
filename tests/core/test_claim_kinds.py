"""The kind of an attribution's claim: statement, thought or document/data."""

from __future__ import annotations

import pytest

from deskapp.core.annotations import Attribution, Quote
from deskapp.core.article import Article
from deskapp.core.claim_kinds import ClaimKind, claim_kind, kinded_reason, of_mark
from deskapp.core.claim_kinds.words import vocabulary
from deskapp.core.spans import Span
from deskapp.core.suggest import suggest

S, T, D = ClaimKind.STATEMENT, ClaimKind.THOUGHT, ClaimKind.DOCUMENT


@pytest.mark.parametrize(("cue", "source"), [
    ("said", "Smith"), ("says", "the minister"), ("told", "she"), ("tweeted", "Trump"),
    (":", "Trump"), ("according to", "a spokesman"), ("saying", None), ("asked", "He"),
    ("the allegation that", None), ("criticism of", "Democrats"), ("requests for", None),
    ("reported", "The Times"), ("known as", "the group"),
    ("said", "a key figure in the party"), ("said", "a number of officials"),
])
def test_statements(cue, source):
    assert claim_kind(cue, source) is S


@pytest.mark.parametrize(("cue", "source"), [
    ("believes", "Smith"), ("thinks", "he"), ("wants", "she"), ("hoped", "They"),
    ("plans", "The company"), ("planned", "They"), ("worries", "Jones"), ("worried", "Officials"),
    ("expects", "the bank"), ("considering", "Ministers"), ("fears that", None),
    ("feel", "Voters"), ("knew", "he"), ("intends", "She"), ("prefers", "He"),
    ("sees", "He"), ("views", "She"), ("thought", "Many"), ("beliefs", None),
])
def test_thoughts(cue, source):
    assert claim_kind(cue, source) is T


@pytest.mark.parametrize(("cue", "source"), [
    ("is expected", "Smith"), ("is expected to", "Smith"), ("are expected", "Analysts"),
    ("is known for", "He"), ("in the view of", "analysts"), ("would like", "The mayor"),
    ("in the eyes of", "voters"),
])
def test_multiword_thought_cues(cue, source):
    assert claim_kind(cue, source) is T


@pytest.mark.parametrize(("cue", "source"), [
    ("said he hopes", "Smith"), ("expressed hope", "Smith"), ("let reporters know", "He"),
    ("derisively known as", "the faction"), ("raised concerns", "Critics"),
])
def test_a_verb_of_saying_keeps_a_thought_word_a_statement(cue, source):
    assert claim_kind(cue, source) is S


@pytest.mark.parametrize(("cue", "source"), [
    ("showed", "the survey"), ("show", "Polls"), ("found", "The report"),
    ("suggests", "a study"), ("according to", "data from the Commerce Department"),
    ("indicated", "figures released by the bureau"), ("said", "The inspector general’s report"),
    ("found", "Results of a Gallup poll"), ("show", "the latest statistics"),
    ("polls show", None), ("according to", "a study published in the journal"),
    ("found", "A review of the records"), ("showed", "census figures"),
])
def test_documents_and_data(cue, source):
    assert claim_kind(cue, source) is D


def test_a_data_cue_alone_is_no_document():
    assert claim_kind("found", "Investigators") is S
    assert claim_kind("showed", "the minister") is S


def test_the_vocabularies_are_data_files_with_a_header():
    for name in ("thought", "statement", "document_nouns", "data_cues"):
        single, _phrases = vocabulary(name)
        assert single and all(w == w.lower() and "#" not in w for w in single), name
    assert ("is", "known", "for") in vocabulary("thought")[1]


def test_the_reason_leads_with_the_kind_once():
    assert kinded_reason(T, "“hopes” follows X") == "Thought: “hopes” follows X"
    assert kinded_reason(T, "Thought: x") == "Thought: x"
    assert D.label == "Document/data" and str(D) == "document"


def test_a_marks_kind_comes_from_its_cue_and_source():
    text = "Smith believes it will rain. The poll showed gains."
    def span(word: str) -> Span:
        start = text.index(word)
        return Span.of(text, start, start + len(word))
    thought = Attribution(content=span("it will rain"), source=span("Smith"),
                          cue=span("believes"))
    data = Attribution(content=span("gains"), source=span("The poll"), cue=span("showed"))
    assert of_mark(thought) is T and of_mark(data) is D
    assert of_mark(Attribution(content=span("gains"))) is S
    assert of_mark(Quote(span=span("it will rain"))) is S


def test_each_suggestion_carries_its_kind_in_its_reason(fixtures):
    text = (fixtures / "claim-kinds.txt").read_text(encoding="utf-8")
    found = suggest(Article(text=text))
    kinds = {a.cue.text: a.claim_kind for a in found.attributions}
    assert kinds["believe"] is T and kinds["showed"] is D and kinds["said"] is S
    for a in found.attributions:
        assert a.reason.startswith(f"{a.claim_kind.label}: ")
        assert a.kind == "attribution"  # the queue's kind is unchanged
    assert all(q.claim_kind is S for q in found.quotes)


def test_the_marks_list_filters_count_marks_by_kind(fixtures):
    from deskapp.core.annotations import AnnotationSet

    text = (fixtures / "claim-kinds.txt").read_text(encoding="utf-8")
    marks = AnnotationSet.of(s.to_mark() for s in suggest(Article(text)).items)
    assert marks.count("thought") == 1 and marks.nth(0, "thought").cue.text == "believe"
    assert marks.count("document") == 1
    assert marks.count("statement") == len(marks) - 2
