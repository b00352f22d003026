"""Indirect attributions of everyday news copy: "police said", "according to new research",
"told BBC Radio Humber the club would …", a source in apposition after "said", and
clauses that do or do not belong to the content."""

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import suggest


def _attributions(text: str) -> list[tuple[str | None, str | None, str]]:
    found = suggest(Article("Headline\n\n" + text + "\n"), reuse=False)
    return [(a.source.text if a.source else None, a.cue.piece_text if a.cue else None,
             a.content.piece_text) for a in found.attributions]


@pytest.mark.parametrize(("text", "expected"), [
    ("A man threatened a shop worker and escaped with cash, police said.",
     ("police", "said", "A man threatened a shop worker and escaped with cash")),
    ("The official said the hardest question remained whether the truce would hold.",
     ("The official", "said", "the hardest question remained whether the truce would hold")),
    ("The ministry earlier said that the bridge would reopen in May.",
     ("The ministry", "earlier said", "that the bridge would reopen in May")),
    ("Some said the deal was unfair to farmers.",
     ("Some", "said", "the deal was unfair to farmers")),
    ("The talks stalled overnight, local media reported.",
     ("local media", "reported", "The talks stalled overnight")),
])
def test_a_past_form_after_a_noun_is_a_verb(text: str, expected: tuple) -> None:
    assert expected in _attributions(text)


@pytest.mark.parametrize("text", [
    "The first reported case was in the capital.",
    "Several reported cases were found in the north.",
    "That said, the deal was unfair to farmers.",
    "Police reports of the attack were published on Monday.",
    "An estimated 300 people were displaced by the floods.",
])
def test_an_adjective_or_noun_is_no_cue(text: str) -> None:
    assert _attributions(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Three people were killed in the blast, according to police.",
     ("police", "according to", "Three people were killed in the blast")),
    ("Teenagers who use phones at night sleep less, according to new research.",
     ("new research", "according to", "Teenagers who use phones at night sleep less")),
    ("According to preliminary data, exports fell by a third.",
     ("preliminary data", "According to", "exports fell by a third")),
    ("The bridge will reopen on Monday, state television reported.",
     ("state television", "reported", "The bridge will reopen on Monday")),
])
def test_a_bare_lowercase_source(text: str, expected: tuple) -> None:
    assert expected in _attributions(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Chairman Roy Simmons told BBC Radio Humber the club would reflect before deciding.",
     ("Chairman Roy Simmons", "told", "the club would reflect before deciding")),
    ("Hamas official Basem Naim told Wire the group had not received the proposal.",
     ("Hamas official Basem Naim", "told", "the group had not received the proposal")),
    ("He told Secretary of State Blinken the plan would fail.",
     ("He", "told", "the plan would fail")),
])
def test_a_named_hearer_does_not_take_the_contents_article(text: str, expected: tuple) -> None:
    assert expected in _attributions(text)
