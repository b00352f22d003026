"""The learned layer: cues the rules do not know, found with a reason that shows the
evidence, never overruling what the rules decided, and absent without its model."""

from __future__ import annotations

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import engine, suggest
from deskapp.core.suggest.learned import attributions as learned
from deskapp.core.suggest.learned.weights import learned_model


def _found(text: str):
    return suggest(Article("Headline\n\n" + text + "\n"), reuse=False).attributions


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The senator wants the bill to pass before the recess.", "wants",
     "the bill to pass before the recess"),
    ("Sanders has endorsed Clinton for president.", "has endorsed", "Clinton for president"),
    ("The minister is known for his blunt views on tax.", "is known for",
     "his blunt views on tax"),
    ("Farmers worry that the drought will ruin the harvest.", "worry",
     "that the drought will ruin the harvest"),
    ("The mayor faced criticism of his handling of the floods.", "criticism of",
     "his handling of the floods"),
])
def test_thoughts_intentions_and_nominal_cues_are_found(text: str, cue: str,
                                                       content: str) -> None:
    found = {(a.cue.text, a.content.text): a for a in _found(text)}
    assert (cue, content) in found, sorted(found)
    item = found[(cue, content)]
    assert item.rule == learned.RULE.id
    assert "expert-annotated news articles" in item.reason
    assert 0.3 <= item.confidence <= 0.75


def test_the_reason_quotes_the_corpus_evidence_for_the_word() -> None:
    model = learned_model()
    cue_uses, uses = model.uses("wants")
    assert 0 < cue_uses <= uses
    (item,) = _found("The senator wants the bill to pass before the recess.")
    assert f"in {cue_uses} of its {uses} uses" in item.reason


def test_learned_attributions_leave_the_rules_words_alone(sample_text: str) -> None:
    found = suggest(Article(sample_text), reuse=False).attributions
    rules = [a for a in found if a.rule != learned.RULE.id]
    taken = {i for a in rules for part in (a.content, a.source, a.cue) if part
             for s, e in part.ranges for i in range(s, e)}
    for a in found:
        if a.rule == learned.RULE.id:
            assert not any(s <= i < e for s, e in a.cue.ranges for i in taken), a


def test_without_the_model_the_rules_work_alone(monkeypatch) -> None:
    text = "The senator wants the bill to pass. Police said the road was shut."
    monkeypatch.setattr(learned, "learned_model", lambda: None)
    engine.clear_cache()
    found = _found(text)
    assert [a.cue.text for a in found] == ["said"]


def test_a_rerun_gives_what_a_cold_run_gives(sample_text: str) -> None:
    engine.clear_cache()
    cold = suggest(Article(sample_text), reuse=False)
    first = suggest(Article(sample_text))
    again = suggest(Article(sample_text.replace("reported", "said", 1)))
    assert first == cold
    assert [a.cue.text for a in again.attributions if a.rule == learned.RULE.id] == \
        [a.cue.text for a in suggest(Article(sample_text.replace("reported", "said", 1)),
                                     reuse=False).attributions if a.rule == learned.RULE.id]


def test_a_quote_inside_a_learned_content_takes_its_source() -> None:
    text = "Headline\n\nThe senator has endorsed “a fair deal for every family in the state.”\n"
    found = suggest(Article(text), reuse=False)
    (quote,) = found.quotes
    assert (quote.speaker, quote.rule) == ("The senator", "learned-attribution")
    assert quote.cue.text == "has endorsed"


def test_a_quote_after_a_paragraph_ending_in_a_colon_is_spoken_by_its_subject() -> None:
    text = ("Headline\n\nThe debate turned sharp.\n\nCruz continued:\n\n“The questions asked "
            "in this debate illustrate why the voters do not trust the media at all.”\n")
    (quote,) = suggest(Article(text), reuse=False).quotes
    assert (quote.speaker, quote.rule) == ("Cruz", "colon-subject")


def test_a_short_quote_inside_a_reported_content_is_the_sources_words() -> None:
    text = ("Headline\n\nThe shooting was first treated as a “workplace” issue.\n\n"
            "The senator wants the bill to bring “real relief” to families.\n")
    quotes = {q.span.text: q for q in suggest(Article(text), reuse=False).quotes}
    assert quotes["real relief"].speaker_span.text == "The senator"  # in a learned content
    assert "workplace" not in quotes  # a scare quote in no reported content stays unproposed


def test_a_learned_content_in_an_opening_clause_ends_at_its_comma() -> None:
    text = ("Headline\n\nWhen Donald Trump attacked a federal judge whose parents were born in "
            "Mexico, Hispanic Americans were outraged.\n")
    found = [a for a in suggest(Article(text), reuse=False).attributions
             if a.cue and a.cue.text == "attacked"]
    (attacked,) = found
    assert attacked.content.text.startswith("a federal judge whose parents were born")
    assert "Hispanic" not in attacked.content.text  # the main clause is not its content


@pytest.mark.parametrize(("text", "cue", "source"), [
    # a second verb joined by "and" keeps the first one's subject
    ("She has proposed appointing a special trade prosecutor, and called for tripling the "
     "number of trade enforcement officers.", "called for", "She"),
    # a participle's source is the subject that opens the sentence, never a verb
    ("In responding Friday, Clinton's campaign took the unusual step of criticizing the "
     "intelligence community, accusing spy agencies of engaging in overclassification.",
     "accusing", "Clinton's campaign"),
    # after a relative pronoun, the pronoun (as expert annotators mark it) with its noun
    ("Local senators who wanted a recount were turned away.", "wanted", "Local senators who"),
    # a passive's agent after "by"
    ("The tax plan was criticized by economists across the country.", "was criticized",
     "economists across the country"),
])
def test_a_learned_cue_takes_the_source_its_sentence_gives(text: str, cue: str,
                                                          source: str) -> None:
    found = {a.cue.text: a for a in _found(text)}
    assert cue in found, sorted(found)
    assert found[cue].source is not None and found[cue].source.text == source


def test_a_learned_source_is_never_only_a_verb_or_quoted_words() -> None:
    text = ("In responding Friday, the campaign took the unusual step of criticizing the "
            "intelligence community. “Forward thinking leaders must unite,” he said, adding "
            "that the network could protect against “worrying actions” by Russia.")
    for a in _found(text):
        if a.source is not None:
            assert a.source.text not in {"responding", "In responding", "Forward"}, a


def test_a_passive_cue_reports_its_subject() -> None:
    found = {a.cue.text: a for a in _found(
        "The tax plan was criticized by economists across the country.")}
    assert found["was criticized"].content.text == "The tax plan"


def _read_words(text: str) -> list[str]:
    """The words the cue model reads in ``text`` (one sentence after a headline)."""
    from deskapp.core.suggest.learned.features import tokens

    full, sentences, taken, _ = engine.learned_input(Article("Headline\n\n" + text + "\n"))
    start, end = next(s for s in sentences if full[s[0]:s[1]].strip() == text)
    toks = tokens(full, start, end)
    lower = [w.lower() for w, _, _ in toks]
    tags = taken.tags(toks)
    found = learned.candidate_words(learned_model(), toks, lower, tags,
                                    learned.free_words(toks, tags, taken))
    return [lower[i] for i in found]


def test_a_cue_in_a_clause_after_a_rules_cue_is_read() -> None:
    # the quote's attribution runs on to its second piece; "dismissed" lies between them,
    # after "and"; "said in a statement …" keeps its words to the rule
    assert "dismissed" in _read_words(
        "“The plan is dead,” Smith said on Friday, and later dismissed the idea that the "
        "council would “never agree to it.”")
    assert "statement" not in _read_words(
        "The foreign ministry said in a statement carried by the state news agency that "
        "troops had opened fire.")


def test_no_learned_cue_in_the_clause_of_a_rules_cue() -> None:
    text = ("The foreign ministry said in a statement carried by the state news agency that "
            "troops had opened fire.")
    assert [a.cue.text for a in _found(text)] == ["said"]


def test_no_learned_cue_inside_what_another_reports() -> None:
    found = _found("Party leaders fear voters will favor a candidate who opposes the deal.")
    cues = {a.cue.text: a for a in found}
    assert "fear" in cues and cues["fear"].content.text.startswith("voters will favor")
    assert "favor" not in cues
