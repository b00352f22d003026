"""Who a quote's speaker is, when the sentence that names them also names places, bodies,
titles or party tags."""

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import suggest


def _speakers(text: str) -> dict[str, str | None]:
    found = suggest(Article("Headline\n\n" + text + "\n"))
    return {q.span.piece_text.strip(" ,.“”\""): q.speaker for q in found.quotes}


@pytest.mark.parametrize("text", [
    "Ray Gill, who runs a cafe on Bridge Street, says takings have fallen.\n\n"
    "“Nobody comes over any more,” he says.",
    "Dr Kwame Mensah, a hydrologist at the Accra Centre for Climate Research who was not "
    "involved, said the findings matched his own.\n\n“The ice is going,” he told reporters.",
    "Tom Reyes, an economist at the Bank of Ghana, said rates would stay high.\n\n"
    "“We see no relief this year,” he said.",
    "Ray Gill, 52, sells bread in a shop off Market Square.\n\n“It is hard,” he says.",
])
def test_a_place_or_body_after_a_preposition_is_nobody_a_pronoun_stands_for(text):
    speaker = list(_speakers(text).values())[-1]
    assert speaker in ("Ray Gill", "Kwame Mensah", "Tom Reyes")


def test_a_first_name_after_for_is_still_a_person():
    text = ("The prize went this year to a song for Maria Lopez.\n\n"
            "“I cried when I heard it,” she said.")
    assert _speakers(text)["I cried when I heard it"] == "Maria Lopez"


@pytest.mark.parametrize("text", [
    "Her co-star Dev Raman came to her defence. “Leave her alone,” he wrote.",
    "His teammate Jon Ekwueme was blunter. “We were awful,” he said.",
    "Her fiancée Lena Ortiz stood by the door. “We are not leaving,” she said.",
])
def test_a_name_after_who_they_are_to_someone_is_a_person(text):
    assert list(_speakers(text).values())[-1] in ("Dev Raman", "Jon Ekwueme", "Lena Ortiz")


_LONG = " ".join(["The hall fills up with lamps, toasters and radios every other week."] * 25)


@pytest.mark.parametrize("opener", ["Has Brennan thought about stopping?",
                                    "But Brennan is not done yet.",
                                    "Will Brennan ever stop?"])
def test_a_surname_after_a_sentence_opener_is_who_a_later_pronoun_stands_for(opener):
    text = (f"Walter Brennan fixes things. {_LONG}\n\n{opener} He shakes his head.\n\n"
            "“I will be buried with a screwdriver,” he says.")
    assert _speakers(text)["I will be buried with a screwdriver"] == "Walter Brennan"


def test_a_surname_of_the_other_gender_after_an_opener_is_skipped():
    text = (f"Walter Brennan fixes things. Aoife Kerrigan runs the hall. {_LONG}\n\n"
            "Has Kerrigan thought about stopping? She laughs.\n\n"
            "“I will be buried with a screwdriver,” he says.")
    assert _speakers(text)["I will be buried with a screwdriver"] != "Aoife Kerrigan"


@pytest.mark.parametrize("text, name", [
    ("Voltrix said in a statement that a small number of cells were faulty.\n\n"
     "“Safety is our priority,” the company said.", "Voltrix"),
    ("Brightwell said on Monday that it would close two stores. "
     "“This was a hard decision,” the firm said.", "Brightwell"),
])
def test_the_company_is_the_lone_brand_name_that_opened_a_sentence_before(text, name):
    assert list(_speakers(text).values())[-1] == name


@pytest.mark.parametrize("text", [
    "Daniel Okafor runs the plant. Okafor said the cells were faulty.\n\n"
    "“Safety is our priority,” the company said.",
    "Maria said the cells were faulty. “Safety is our priority,” the company said.",
])
def test_a_surname_or_first_name_is_no_company(text):
    assert list(_speakers(text).values())[-1] == "the company"


@pytest.mark.parametrize("text, name", [
    ("Sen. Rosalind Achebe, D-N.M., who wrote the bill, called the vote “a promise kept.”",
     "Rosalind Achebe"),
    ("Rep. Tom Brannock, R-Texas, said the bill was “the same program with new paint.”",
     "Tom Brannock"),
    ("House Speaker Dale Whitcombe has said the chamber will take up the measure “when it "
     "is ready,” a phrase Democrats read as a delay.", "Dale Whitcombe"),
    ("Senate Majority Whip Karen Osei told reporters the vote was “not in doubt.”",
     "Karen Osei"),
])
def test_a_politician_is_named_without_title_or_party_tag(text, name):
    assert list(_speakers(text).values())[-1] == name


def test_a_body_with_no_name_after_its_title_keeps_its_name():
    text = "The House Ways and Means Committee said the plan was “dead on arrival.”"
    assert list(_speakers(text).values())[-1] == "The House Ways and Means Committee"


@pytest.mark.parametrize("text, name", [
    ("A spokesperson for the commission declined to say more. “We don't comment,” the "
     "spokesperson said.", "A spokesperson for the commission"),
    ("A spokeswoman for the agriculture department declined to comment on the figures. "
     "“The review is ongoing,” the spokeswoman said.",
     "A spokeswoman for the agriculture department"),
    ("A spokesman for Thames Valley Police would not give details. “Inquiries continue,” "
     "the spokesman said.", "A spokesman for Thames Valley Police"),
    # near miss: no one spoken for
    ("A spokesman declined to give details. “Inquiries continue,” the spokesman said.",
     "A spokesman"),
])
def test_the_spokesperson_is_named_with_whom_they_speak_for(text, name):
    assert list(_speakers(text).values())[-1] == name


def test_a_name_never_takes_a_first_name_from_the_line_before():
    found = suggest(Article("Trump Slams Rivals\n\nRubio spoke in Miami.\n\n"
                            "“We will win this state,” Rubio said.\n"))
    assert [q.speaker for q in found.quotes] == ["Rubio"]
