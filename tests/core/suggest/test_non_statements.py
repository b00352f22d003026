"""Cue verbs that state nothing: "said nothing as …", an amount added or recalled, a duty
("must report"), and "wrote" with a thing written as its object."""

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import suggest


def _contents(text: str) -> list[str]:
    found = suggest(Article("Headline\n\n" + text + "\n"), reuse=False)
    return [a.content.piece_text for a in found.attributions]


@pytest.mark.parametrize("text", [
    "Dobbs, wearing a grey suit, said nothing as he was led to the cells.",
    "The minister said little during the visit.",
    "The official diversion adds about six miles to journeys between the two towns.",
    "The new rule would add £40 to the average household bill.",
    "Voltrix is recalling about 1.2 million portable power banks sold in the United States.",
    "Under federal law, companies must report a potential hazard within 24 hours.",
    "Ministers should announce a decision on the runway before the summer.",
    "She wrote the part with the actress in mind.",
    "His client had written a letter of apology to the family.",
])
def test_no_attribution(text):
    assert _contents(text) == []


@pytest.mark.parametrize(("text", "content"), [
    ("He said nothing had changed since the crash.", "nothing had changed since the crash"),
    ("She said nothing more could be done for the patient.",
     "nothing more could be done for the patient"),
    ("Police added two men had been arrested overnight.", "two men had been arrested overnight"),
    ("He wrote the minister had misled parliament.", "the minister had misled parliament"),
    ("The agency said the bill would add about $9 billion to deficits.",
     "the bill would add about $9 billion to deficits"),
])
def test_near_misses_stay_attributions(text, content):
    assert _contents(text) == [content]
