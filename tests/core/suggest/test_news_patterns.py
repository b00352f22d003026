"""Constructions of everyday news copy: who said what, where the reported words end, and
who a pronoun, a surname or a role stands for."""

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import suggest


def _attributions(text: str) -> list[tuple[str | None, str | None, str]]:
    found = suggest(Article("Headline\n\n" + text + "\n"))
    return [(a.source.text if a.source else None, a.cue.piece_text if a.cue else None,
             a.content.piece_text) for a in found.attributions]


def _speakers(text: str) -> dict[str, str | None]:
    found = suggest(Article("Headline\n\n" + text + "\n"))
    return {q.span.piece_text: q.speaker for q in found.quotes}


@pytest.mark.parametrize(("sentence", "expected"), [
    # a second verb of saying shares the subject; each content ends where the next begins
    ("The minister said the deal was fair but acknowledged that more work was needed.",
     [("The minister", "said", "the deal was fair"),
      ("The minister", "acknowledged", "that more work was needed")]),
    # a participle after a verb that is no cue takes the sentence's subject
    ("The party rejected the results on Tuesday, saying the count had been rigged.",
     [("The party", "saying", "the count had been rigged")]),
    # nested: the inner attribution's content stops before the outer post-posed cue
    ("Talks stalled after Moscow insisted that sanctions be lifted first, two diplomats said.",
     [("Moscow", "insisted", "that sanctions be lifted first"),
      ("two diplomats", "said",
       "Talks stalled after Moscow insisted that sanctions be lifted first")]),
    # words between the cue and "that" belong to neither
    ("Judge Helen Marsh said in her ruling that the policy was unlawful.",
     [("Judge Helen Marsh", "said", "that the policy was unlawful")]),
    # a short phrase after a post-posed cue is no content
    ("A new vaccine cut deaths by a third, researchers reported in The Lancet.",
     [("researchers", "reported", "A new vaccine cut deaths by a third")]),
    ("Firefighters rescued 23 people overnight, a spokesman for Yorkshire Fire and Rescue said.",
     [("a spokesman for Yorkshire Fire and Rescue", "said",
       "Firefighters rescued 23 people overnight")]),
    # passive cues with "it"
    ("It was reported that several agents had been barred from the count.",
     [(None, "It was reported", "that several agents had been barred from the count")]),
    ("The inquiry will report within a month, it was confirmed on Wednesday.",
     [(None, "it was confirmed", "The inquiry will report within a month")]),
    # "citing" before its attribution, and in the middle of one
    ("Citing unnamed officials, The Wall Street Journal reported that Israel was behind it.",
     [("unnamed officials", "Citing", "that Israel was behind it"),
      ("The Wall Street Journal", "reported", "that Israel was behind it")]),
    ("Sky News reported, citing a source in the government, that the border had closed.",
     [("Sky News", "reported", "that the border had closed"),
      ("a source in the government", "citing", "that the border had closed")]),
    # a clause that describes the source belongs to it; a plain apposition does not
    ("A council official, speaking on condition of anonymity, said the service cost too much.",
     [("A council official, speaking on condition of anonymity", "said",
       "the service cost too much")]),
    ("Kelly Brennan, 34, said the water came out of nowhere.",
     [("Kelly Brennan", "said", "the water came out of nowhere")]),
    ("The firm also claimed that profits rose.",
     [("The firm", "also claimed", "that profits rose")]),
])
def test_indirect_speech_in_news_copy(sentence, expected):
    assert sorted(_attributions(sentence), key=str) == sorted(expected, key=str)


def test_no_attribution_where_nobody_reports_anything():
    assert _attributions("Smith did not respond to a request for comment.") == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The FA is expected to review the incident next week.",
     (None, "is expected", "to review the incident next week")),
    ("The ministry, citing security concerns, cancelled the event.",
     ("The ministry", "citing", "security concerns")),
])
def test_expectations_and_reasons_cited_are_attributions(sentence, expected):
    """Expert annotators of news mark "is expected to" (48 of 53 uses in PolNeAR's
    development fold) and "citing" (26 of 29) as cues: an editor asks "expected by whom?"."""
    assert _attributions(sentence) == [expected]


def test_a_pronoun_goes_to_the_last_person_who_spoke_not_the_last_name_written():
    text = ("Harrow manager Paul Whitlock praised his side. Castleford boss Martin Healy was "
            "furious.\nWhitlock said the win was deserved. \"We never stopped,\" he said.")
    assert _speakers(text)["We never stopped,"] == "Paul Whitlock"


def test_a_role_goes_to_the_person_introduced_with_it():
    text = ("Judge Rebecca Hart ruled that the council had acted unlawfully. The mother, "
            "Joanne Price, said she was relieved.\nBut the judge said the council had failed. "
            "She described its decision as \"irrational\".\n"
            "The Prime Minister told MPs the government would \"not hesitate to act\".")
    speakers = _speakers(text)
    assert speakers["irrational"] == "Rebecca Hart"
    assert speakers["not hesitate to act"] == "The Prime Minister"  # no prime minister named


def test_a_quote_opening_the_paragraph_after_an_attribution_gets_its_speaker():
    text = ('Maria Lopez said the shelter was full.\n'
            '"We have never seen numbers like this. Every bed is taken."\n')
    found = suggest(Article("Headline\n\n" + text))
    quote = found.quotes[0]
    assert quote.speaker == "Maria Lopez" and quote.rule == "previous-paragraph"
    assert not any(a.content.ranges == quote.span.ranges for a in found.attributions)


def test_a_second_quote_in_a_paragraph_continues_the_first_quotes_speaker():
    text = ('MacLeod said he had known the change was coming. "They have been saying it for '
            'years," he said. "This time they mean it."')
    found = suggest(Article("Ewan MacLeod keeps the light.\n\n" + text + "\n"))
    last = next(q for q in found.quotes if q.span.text == "This time they mean it.")
    assert last.rule == "continuation" and last.speaker == "Ewan MacLeod"
