"""Cues that name the source after them: “according to X”, “citing X”, “quoted X as
saying” (``according.py``)."""

from __future__ import annotations

from deskapp.core.suggest.rules.base import Example, Rule

ACCORDING_TO = Rule(
    id="according-to",
    suggests="attribution",
    reads="“C, according to X”: one attribution per source, sharing the cue",
    reason="“according to” names {source} as the source of the clause",
    confidence=0.9,
    confidence_note="0.85 for each of several sources (“according to X and Y”)",
    cases={"several sources": 0.85},
    examples=(
        Example("Prices rose sharply in May, according to the statistics office.",
                cue="according to", source="the statistics office",
                content="Prices rose sharply in May"),
        Example("According to the coastguard, three boats sank off the island overnight.",
                cue="According to", source="the coastguard",
                content="three boats sank off the island overnight"),
    ),
    counter_examples=(
        Example("Nobody, according to neighbours."),  # one word is no claim
    ),
)

CITING = Rule(
    id="citing",
    suggests="attribution",
    reads="“…, X reported, citing Y”: the content shared with the sentence's other cue",
    reason="“citing” names {source} as where the claim comes from",
    confidence=0.6,
    examples=(
        Example("Oil exports fell by a third, Reuters reported, citing officials.",
                cue="citing", source="officials", content="Oil exports fell by a third"),
    ),
    counter_examples=(
        Example("The airline cancelled all flights, citing security concerns."),  # no source
    ),
)

QUOTED_AS_SAYING = Rule(
    id="quoted-as-saying",
    suggests="attribution",
    reads="“Reuters quoted X as saying …”, “X was quoted by Y as saying …”",
    reason="“{cue}” names {source} as the speaker",
    confidence=0.8,
    examples=(
        Example("Reuters quoted a senior official as saying that the deal was close.",
                cue="quoted as saying", source="a senior official",
                content="that the deal was close"),
    ),
    counter_examples=(
        Example("The newspaper quoted the figures from a report by the central bank."),
    ),
)

RULES = (ACCORDING_TO, CITING, QUOTED_AS_SAYING)
