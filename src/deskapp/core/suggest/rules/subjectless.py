"""Cues with no subject of their own: the passive and a participle that carries on an
attribution (``passive.py``)."""

from __future__ import annotations

from deskapp.core.suggest.rules.base import Example, Rule

PASSIVE = Rule(
    id="passive",
    suggests="attribution",
    reads="“It was reported that …”, “He is said to have …”: no source",
    reason="The passive “{cue}” reports a claim without saying who made it",
    confidence=0.5,
    examples=(
        Example("It was reported that the president had resigned.", cue="It was reported",
                content="that the president had resigned"),
    ),
    counter_examples=(
        Example("Residents were told to leave their homes before dawn."),  # an instruction
    ),
)

PASSIVE_BY = Rule(
    id="passive-by",
    suggests="attribution",
    reads="“… was confirmed by the army”, “was told by X that …”: the source after “by”",
    reason="The passive “{cue}” names its source after “by”",
    confidence=0.55,
    examples=(
        Example("The ceasefire was confirmed by the army on Monday.", cue="was confirmed",
                source="the army", content="The ceasefire"),
        Example("Ministers were told by officials that the bridge would close.",
                cue="were told", source="officials", content="that the bridge would close"),
    ),
    counter_examples=(
        Example("It was confirmed by the army."),  # nothing is reported
    ),
)

PARTICIPLE = Rule(
    id="participle",
    suggests="attribution",
    reads="“…, adding that …”, “…, saying …”: the source of the sentence goes on",
    reason="“{cue}” carries on the attribution made earlier in the sentence",
    confidence=0.6,
    examples=(
        Example("The party rejected the results, saying the count had been rigged from the "
                "start.", cue="saying", source="The party",
                content="the count had been rigged from the start"),
    ),
    counter_examples=(
        Example("The party rejected the results, saying nothing more."),
    ),
)

RULES = (PASSIVE, PASSIVE_BY, PARTICIPLE)
