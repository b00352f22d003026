"""Sources and contents at their edges: a place with its region or a party tag inside an
apposition, a subject after an opening adverbial or with an apposition before a
participle, and a clause of the writer's after "according to X,"."""

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import suggest


def _attributions(text: str) -> list[tuple[str | None, str, str]]:
    found = suggest(Article("Headline\n\n" + text + "\n"), reuse=False)
    return [(a.source.text if a.source else None, a.cue.piece_text if a.cue else "",
             a.content.piece_text) for a in found.attributions]


def _sources(text: str) -> list[str | None]:
    return [s for s, _, _ in _attributions(text)]


@pytest.mark.parametrize(("text", "source"), [
    ("Jenna Alvarez, a nurse in Tucson, Arizona, said she heard about it from a neighbour.",
     "Jenna Alvarez"),
    ("Mark Olsen, the mayor of Springfield, Ohio, said the plan would fail.", "Mark Olsen"),
    ("Police in Leeds, West Yorkshire, said the man had been arrested.",
     "Police in Leeds, West Yorkshire"),
    ("The ministry denied it, but officials in Kyiv, Ukraine, said the man had been held.",
     "officials in Kyiv, Ukraine"),
    ("Sen. Rosalind Achebe, D-N.M., who wrote the bill, said the vote was a promise kept.",
     "Sen. Rosalind Achebe"),
    ("Rep. Tom Baker, R-Texas, who chairs the panel, said the bill was dead.",
     "Rep. Tom Baker"),
])
def test_a_place_or_party_tag_inside_an_apposition_is_not_the_source(text, source):
    assert source in _sources(text)


@pytest.mark.parametrize(("text", "source"), [
    ("Senate leader Curtis Hale, R-Ky., opposed the measure, arguing that it duplicated "
     "programs already funded.", "Senate leader Curtis Hale"),
    ("Jane Doe, a nurse at the hospital, resigned last week, saying that she had been "
     "overworked for years.", "Jane Doe"),
    ("In the interview, Morrow also addressed rumours, saying the split had been sad and "
     "private.", "Morrow"),
    ("In Paris, protesters blocked roads, saying the reform was unfair to young workers.",
     "protesters"),
])
def test_the_subject_of_a_participle_after_an_opening_or_an_apposition(text, source):
    assert source in _sources(text)


def test_a_list_is_no_subject_with_an_apposition():
    assert _attributions("Apples, pears and plums rose in price, saying nothing.") == []


@pytest.mark.parametrize(("text", "content"), [
    ("Inflation slowed to 3.4% in May, according to the statistics office, but services "
     "prices are still rising.", "Inflation slowed to 3.4% in May"),
    ("Sales fell 3% in May, according to the trade body, while online spending grew by 6%.",
     "Sales fell 3% in May"),
])
def test_a_clause_of_its_own_after_according_to_is_not_content(text, content):
    assert [c for _, cue, c in _attributions(text) if cue == "according to"] == [content]


def test_a_verb_phrase_after_according_to_stays_content():
    text = ("Inflation slowed to 3.4% in May, according to the statistics office, but remains "
            "above the target.")
    assert [c for _, _, c in _attributions(text)] == [
        "Inflation slowed to 3.4% in May but remains above the target"]


@pytest.mark.parametrize(("text", "content"), [
    ("The speaker has said the chamber will take up the measure “when it is ready,” a phrase "
     "that critics read as a delay.", "the chamber will take up the measure “when it is ready,”"),
    ("The company said it would close the plant, a move that analysts had expected.",
     "it would close the plant"),
])
def test_the_writers_remark_on_a_content_is_cut(text, content):
    assert [c for _, _, c in _attributions(text)] == [content]


def test_a_step_inside_the_content_is_no_remark():
    text = "The minister said the country had taken a step that few had dared to take."
    assert [c for _, _, c in _attributions(text)] == [
        "the country had taken a step that few had dared to take"]


def test_a_passive_by_content_ends_where_another_source_speaks():
    text = ("Traders have been told by the council that they can apply for a discount on "
            "their rates, but Mr Gill said he had heard nothing since January.")
    assert _attributions(text) == [
        ("the council", "have been told", "that they can apply for a discount on their rates"),
        ("Mr Gill", "said", "he had heard nothing since January")]


def test_a_passive_by_content_keeps_its_relative_clause():
    text = ("Traders have been told by the council that they can apply for a discount, which "
            "could save them hundreds.")
    assert [c for _, _, c in _attributions(text)] == [
        "that they can apply for a discount, which could save them hundreds"]
