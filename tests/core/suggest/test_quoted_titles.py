"""A show, book or film named in quotation marks is no quote: nobody said those words."""

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import suggest


def _quoted(text: str) -> list[str]:
    found = suggest(Article("Headline\n\n" + text + "\n"))
    return [q.span.text for q in found.quotes]


@pytest.mark.parametrize("text", [
    "Dana Whitlow told NBC’s “Good Morning America” on Monday that the ferry would run.",
    "Dana Whitlow spoke about the ferry on “Meet the Harbour.”",
    "Omar Pike, author of the book “The Long Crossing,” backed the plan.",
    "The council released a memo titled “The Facts on the Ferry” on Tuesday.",
])
def test_a_title_after_a_show_or_outlet_is_not_proposed_as_a_quote(text):
    assert _quoted(text) == []


@pytest.mark.parametrize("text, quote", [
    # words in small letters, or a whole sentence: somebody's words
    ("Dana Whitlow told NBC’s “the ferry will run all night.”", "the ferry will run all night."),
    # capitalised words right after a cue, not after a show or an outlet
    ("The crowd chanted “Finish The Bridge” as Dana Whitlow spoke.", "Finish The Bridge"),
    ("Dana Whitlow called the plan “A Total Disaster” on Monday.", "A Total Disaster"),
])
def test_capitalised_words_elsewhere_stay_a_quote(text, quote):
    assert quote in _quoted(text)
