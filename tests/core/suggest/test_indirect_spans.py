"""Where a source and a content of indirect speech begin and end: a role without an
article in apposition, an approximate number opening the content, the outlet that carried
a statement, the broadcaster that was told, a demand after the content, the reporter's
caveat, and participles or passives that are no cues."""

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import suggest


def _attributions(text: str) -> list[tuple[str | None, str | None, str]]:
    found = suggest(Article("Headline\n\n" + text + "\n"), reuse=False)
    return [(a.source.text if a.source else None, a.cue.piece_text if a.cue else None,
             a.content.piece_text) for a in found.attributions]


@pytest.mark.parametrize(("text", "source"), [
    ("Councillor Denise Hollins, cabinet member for communities, said no decision had been "
     "taken.", "Councillor Denise Hollins"),
    ("Mark Reed, economist at ING, said the bank would cut rates in June.", "Mark Reed"),
    ("Prof. Martin Hale, a cardiologist at the University of Leeds, who was also not "
     "involved, said the trial was robust.", "Prof. Martin Hale"),
])
def test_a_role_in_apposition_after_a_name_is_skipped(text: str, source: str) -> None:
    assert [a[0] for a in _attributions(text)] == [source]


@pytest.mark.parametrize("text", [
    "Police, firefighters, said the fire had spread to the roof.",
    "The report, released Tuesday, said the fire had spread to the roof.",
])
def test_no_role_apposition_without_a_name_before_it(text: str) -> None:
    """Neither word is read as the other's role: no source "Police" or "firefighters" alone
    (the whole list, "Police, firefighters", may be read as the source)."""
    assert not any(a[0] in {"Police", "firefighters", "Police, firefighters,"}
                   for a in _attributions(text))


@pytest.mark.parametrize(("text", "content"), [
    ("The Red Cross said about 6,000 people had been evacuated.",
     "about 6,000 people had been evacuated"),
    ("Officials said over half the homes had been destroyed.",
     "over half the homes had been destroyed"),
    ("The ministry said under 200 soldiers remained in the town.",
     "under 200 soldiers remained in the town"),
])
def test_an_approximate_number_may_open_the_content(text: str, content: str) -> None:
    assert [a[2] for a in _attributions(text)] == [content]


def test_a_preposition_opens_no_content_but_may_end_a_cue() -> None:
    """"spoke about" is a cue in all 7 of its uses in PolNeAR's development fold; the
    preposition belongs to the cue, never to the content."""
    found = _attributions("The minister spoke about the plan to rebuild the bridge.")
    assert found == [("The minister", "spoke about", "the plan to rebuild the bridge")]


@pytest.mark.parametrize(("text", "content"), [
    ("The foreign ministry said in a statement carried by the state news agency APP that "
     "troops had opened fire.", "that troops had opened fire"),
    ("The army said in a statement released on Sunday that the road was closed.",
     "that the road was closed"),
    ("Local residents told Afghan broadcaster Tolo News they had heard gunfire overnight.",
     "they had heard gunfire overnight"),
    ("The mayor told state broadcaster RTE the roads would reopen on Friday.",
     "the roads would reopen on Friday"),
    ("The mayor told public radio the roads would reopen on Friday.",
     "the roads would reopen on Friday"),
    ("Opposition leader Radek Bures said the coalition was falling apart and called for an "
     "early election.", "the coalition was falling apart"),
    ("Israel denies restricting aid and blames the United Nations for the delays.",
     "restricting aid"),
    ("The union said members had voted to strike and accused the company of bad faith.",
     "members had voted to strike"),
    ("It was reported last year that he had worked as a guard, though that could not be "
     "confirmed.", "that he had worked as a guard"),
])
def test_what_is_no_part_of_the_content(text: str, content: str) -> None:
    """The first cue's content stops where the sentence goes on to something else (which
    may be an attribution of its own: "and called for an early election")."""
    assert _attributions(text)[0][2] == content


def test_a_demand_inside_the_content_stays() -> None:
    text = "Witnesses said the police called for backup and the crowd dispersed."
    assert [a[2] for a in _attributions(text)] == [
        "the police called for backup and the crowd dispersed"]


@pytest.mark.parametrize(("text", "source", "cue"), [
    ("In an editorial, two cardiologists who were not involved in the research argued that "
     "the findings should change practice.",
     "two cardiologists who were not involved in the research", "argued"),
    ("Harbor Home and Nestwell have both warned in recent weeks that demand remains weak.",
     "Harbor Home and Nestwell", "have both warned"),
])
def test_a_counted_subject_and_both(text: str, source: str, cue: str) -> None:
    assert (source, cue) in [(a[0], a[1]) for a in _attributions(text)]


@pytest.mark.parametrize("text", [
    "All times stated are UK.",
    "The figures reported are provisional and may change.",
    "Their names are written in a school copybook that lives on the dresser.",
])
def test_a_participle_after_a_noun_or_a_passive_without_that_is_no_cue(text: str) -> None:
    assert _attributions(text) == []


def test_the_passive_with_an_infinitive_keeps_its_subject() -> None:
    assert _attributions("He is said to have fled the country in May.") == [
        (None, "is said", "He to have fled the country in May")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Dog walker Sandra, 52, who lives nearby, admitted she makes a detour every evening.",
     ("Dog walker Sandra, 52, who lives nearby", "admitted",
      "she makes a detour every evening")),
    ("The government has estimated the damage at 400 million euros.",
     ("The government", "has estimated", "the damage at 400 million euros")),
    ("Insurers estimated the cost at more than $2 billion.",
     ("Insurers", "estimated", "the cost at more than $2 billion")),
    ("Residents said the river rose within minutes, giving many families no time to leave.",
     ("Residents", "said", "the river rose within minutes, giving many families no time to "
      "leave")),
    ("Most don’t, according to neighbours.", ("neighbours", "according to", "Most don’t")),
])
def test_a_content_in_the_present_a_figure_and_a_consequence(text: str, expected: tuple) -> None:
    assert expected in _attributions(text)


@pytest.mark.parametrize("text", [
    "The minister admitted defeat.",
    "Officials estimated the crowd in the square.",
])
def test_an_object_without_a_clause_or_figure_is_no_content(text: str) -> None:
    assert _attributions(text) == []


def test_giving_no_details_is_the_source_s() -> None:
    assert _attributions("The ministry said 12 people had died, giving no further details.") \
        == [("The ministry", "said", "12 people had died")]


def test_a_cue_inside_the_second_clause_of_a_sentence() -> None:
    found = _attributions("She is 63, and her knees, she says, are older than the rest of her.")
    assert [a[2] for a in found] == ["her knees are older than the rest of her"]


@pytest.mark.parametrize(("text", "sources"), [
    ("A daily pill cut strokes by a fifth, according to a large trial in Bangladesh, Nepal "
     "and Sri Lanka published on Thursday.",
     ["a large trial in Bangladesh, Nepal and Sri Lanka published on Thursday"]),
    ("The ceasefire held overnight, according to CNN, Reuters and the BBC.",
     ["CNN", "Reuters", "the BBC"]),
])
def test_a_list_of_names_after_according_to(text: str, sources: list) -> None:
    found = _attributions(text)
    assert [a[0] for a in found] == sources
    assert {a[2] for a in found} == {text.split(", according")[0]}


@pytest.mark.parametrize(("text", "expected"), [
    ("Data from the Commerce Department last week showed spending at furniture stores fell "
     "2.6% in January.", ("Data from the Commerce Department", "showed",
                          "spending at furniture stores fell 2.6% in January")),
    ("A survey by the chamber showed prices rose 3% last year.",
     ("A survey by the chamber", "showed", "prices rose 3% last year")),
    ("According to figures from the council’s annual report, the branch recorded 41,000 "
     "visits.", ("figures from the council’s annual report", "According to",
                 "the branch recorded 41,000 visits")),
])
def test_figures_that_show_a_clause(text: str, expected: tuple) -> None:
    assert expected in _attributions(text)


@pytest.mark.parametrize("text", [
    "The video showed police dragged a man from the car.",
    "The map showed the town was cut off.",
    "Figures showed a rise in prices.",
])
def test_what_is_shown_without_figures_or_a_clause_is_no_attribution(text: str) -> None:
    assert _attributions(text) == []


def test_a_content_never_opens_with_the_comma_before_it() -> None:
    found = _attributions('He left the stage, saying, "We will win this race."')
    assert [c for _, cue, c in found if cue == "saying"] == ['"We will win this race."']
