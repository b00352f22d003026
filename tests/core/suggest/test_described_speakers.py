"""Speakers written as a description: "the woman" after "A woman who was waiting …
said", and "the statement" after "X said in a statement"."""

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import suggest


def _speakers(text: str) -> dict[str, str | None]:
    found = suggest(Article("Headline\n\n" + text + "\n"), reuse=False)
    return {q.span.piece_text.strip(" ,.“”\"\n"): q.speaker for q in found.quotes}


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("“We are looking into it,” Det. Sgt. Lauren Okafor told reporters.\n\n"
     "A woman who was waiting for a taxi across the street said she heard shouting.\n\n"
     "“It happened so fast,” said the woman, who asked not to be named.",
     "It happened so fast", "A woman who was waiting for a taxi across the street"),
    ("Mayor Jane Pike said the road would reopen.\n\n"
     "A man in the queue said he had waited an hour.\n\n"
     "“Nobody tells us anything,” the man said.", "Nobody tells us anything",
     "A man in the queue"),
])
def test_the_description_goes_back_to_how_the_person_was_introduced(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


def test_without_an_introduction_the_man_is_the_last_person_named():
    text = ("Peter Olsen, 58, runs the farm. He has kept it for decades.\n\n"
            "“We will survive,” the man said.")
    assert _speakers(text)["We will survive"] == "Peter Olsen"


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("Pakistan’s foreign ministry said in a statement carried by the state news agency "
     "that the border would stay shut.\n\n“We will not be threatened,” the statement said.",
     "We will not be threatened", "Pakistan’s foreign ministry"),
    ("Daniel Forsyth quit on Friday. In a statement released shortly after 7pm, Forsyth "
     "said he had done nothing wrong.\n\n“I look forward to clearing my name,” the "
     "statement said.", "I look forward to clearing my name", "Daniel Forsyth"),
    ("The company issued a brief statement on Tuesday.\n\n“We regret the delay,” the "
     "statement said.", "We regret the delay", "The company"),
])
def test_the_statement_speaks_for_whoever_issued_it(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


def test_a_statement_with_no_named_issuer_stays_the_statement():
    text = ("A statement was posted on the door of the clinic on Monday.\n\n"
            "“We are closed until further notice,” the statement said.")
    assert _speakers(text)["We are closed until further notice"] == "the statement"


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # a name set off by commas keeps all its words (honorifics, middle names)
    ("A spokesman for the defence ministry, Qari Nasrullah Wardak, wrote on X that troops "
     "had fired on “a water channel, not a military post”.",
     "a water channel, not a military post", "Qari Nasrullah Wardak"),
    ("The party’s leader, Juan Carlos Pérez, said: “We will win this seat.”",
     "We will win this seat", "Juan Carlos Pérez"),
    # a capitalised word before a name written without commas is a role or a place
    ("Secretary of State Antony Blinken said: “We are close to a deal.”",
     "We are close to a deal", "Antony Blinken"),
    ("Commuter Tom Reilly said: “Four hours to get to work.”", "Four hours to get to work",
     "Tom Reilly"),
])
def test_a_name_in_apposition_keeps_all_its_words(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # the source read as the description after the name: the name is the speaker
    ("Prof. Martin Hale, a cardiologist at the University of Leeds, who was also not "
     "involved, said the trial was “robust and well conducted”.", "robust and well conducted",
     "Martin Hale"),
    ("Rosa Lindqvist, an economist at the Bank of Sweden, who has studied the scheme, said it "
     "was “a bold bet”.", "a bold bet", "Rosa Lindqvist"),
])
def test_a_description_after_a_name_speaks_for_the_name(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


def test_a_place_after_a_preposition_is_not_a_speaker():
    text = ("A cardiologist at the University of Leeds, who was not involved, said the trial "
            "was “robust and well conducted”.")
    assert _speakers(text)["robust and well conducted"] != "Leeds"
