"""Speakers in tabloid and feature copy: first names alone, pronouns whose gender the text
gives, quotes that run over paragraphs and "with X writing:" layouts."""

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import suggest


def _speakers(text: str) -> dict[str, str | None]:
    found = suggest(Article("Headline\n\n" + text + "\n"), reuse=False)
    return {q.span.piece_text.strip(" ,.“”\"\n"): q.speaker for q in found.quotes}


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # a first name alone as the subject, after another person with an unlisted first name
    ("Gary Pollitt, 44, spent six weekends on the lights.\n\n"
     "Neighbour Maureen Gibbs, 71, said she had complained twice.\n\n"
     "But dad-of-two Gary insists he is doing nothing wrong.\n\n"
     "“It’s Christmas, for goodness’ sake,” he said.", "It’s Christmas, for goodness’ sake",
     "Gary Pollitt"),
    ("Sarah Lund opened the cafe in May. Her landlord, Piers Okonjo, says the rent is fair.\n\n"
     "Regulars say Sarah has kept the street alive.\n\n"
     "“It is hard work,” she said.", "It is hard work", "Sarah Lund"),
    # a first name never written in full stays as it is
    ("Dog walker Sandra, 52, who lives nearby, admitted she makes a detour.\n\n"
     "She said: “It’s like something out of a film.”", "It’s like something out of a film",
     "Sandra"),
])
def test_a_pronoun_finds_a_person_named_by_the_first_name(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    # "she" after the name tells its gender when the first name is not a listed one
    ("Ottilie Brandt, the mayor, said she would stay. Councillor Rufus Hale, 60, said "
     "he disagreed.\n\n“We can wait,” she said.", "We can wait", "Ottilie Brandt"),
    ("Perpetua Ames said she had seen enough. Tobiah Crane said he had not.\n\n"
     "“I have,” he added.", "I have", "Tobiah Crane"),
])
def test_the_text_gives_the_gender_of_an_unlisted_name(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


def test_ordinary_words_are_not_first_names():
    text = ("Peter Olsen runs the farm. Mark the date, the sign says. "
            "“We are open,” he said.")
    assert _speakers(text)["We are open"] == "Peter Olsen"


def test_a_quote_over_two_paragraphs_keeps_the_cue_before_its_opening_mark():
    text = ("One resident, who asked not to be named, told the paper: “We can’t get off our "
            "drive. The ambulance could not get past.\n\n“It’s lovely for the kids. But it’s "
            "every night.”\n\nThe council said it would look at it.")
    found = suggest(Article("Headline\n\n" + text + "\n"), reuse=False)
    assert found.quotes[0].speaker == "One resident"
    assert found.quotes[0].span.piece_text.startswith("We can’t")


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("The post drew 600 likes, with one supporter writing: “Leave the man alone.”",
     "Leave the man alone", "one supporter"),
    ("The video spread quickly, with a local councillor posting: “This is a disgrace.”",
     "This is a disgrace", "a local councillor"),
    ("Another was less festive, replying: “Pull the other one.”", "Pull the other one",
     "Another"),
    ("The minister hit back at critics on Friday, saying: “We will not be moved.”",
     "We will not be moved", "The minister"),
])
def test_a_participle_of_saying_before_a_colon_gives_its_subject(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


def test_a_participle_without_a_colon_never_gives_the_sentence_subject_as_speaker():
    """"with fans saying …": the fans may speak the quoted words (expert annotators mark
    "fans – saying – the singer was …"), the clip never does."""
    text = "The clip went viral, with fans saying the singer was “a legend of the stage”."
    assert _speakers(text).get("a legend of the stage") in {None, "fans"}
