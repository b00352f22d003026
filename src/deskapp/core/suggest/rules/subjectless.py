"""Cues with no subject of their own: the passive (a claim, a clause before it, “is said
to”, a source after “by”) and a participle that carries on an attribution or speaks for
the sentence's subject (``passive.py``)."""

from __future__ import annotations

from deskapp.core.suggest.rules.base import Example, Rule

PASSIVE = Rule(
    id="passive",
    suggests="attribution",
    reads="“It was reported that …”: no source",
    reason="The passive “{cue}” reports a claim without saying who made it",
    confidence=0.5,
    examples=(
        Example("It was reported that the president had resigned.", cue="It was reported",
                content="that the president had resigned"),
    ),
    counter_examples=(
        Example("Residents were told to leave their homes before dawn."),  # an instruction
        Example("The president is said to have resigned on Monday night.", cue="is said"),
    ),
)

PASSIVE_AFTER_CONTENT = Rule(
    id="passive-after-content",
    suggests="attribution",
    reads="“…, it was announced on Monday.”: the passive after the reported clause, no source",
    reason="The passive “{cue}” after a comma reports the clause before it without saying who "
           "made it",
    confidence=0.5,
    examples=(
        Example("The election will be held in June, it was announced on Monday.",
                cue="it was announced", content="The election will be held in June"),
    ),
    counter_examples=(
        Example("It was reported that the president had resigned.", cue="It was reported"),
    ),
)

SAID_TO = Rule(
    id="said-to",
    suggests="attribution",
    reads="“He is said to have …”, “is believed to have …”: the subject and what it is said "
          "to have done, no source",
    reason="The passive “{cue}” reports what is said of its subject without saying who said it",
    confidence=0.5,
    examples=(
        Example("The president is said to have resigned on Monday night.", cue="is said",
                content="The president to have resigned on Monday night"),
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
    reads="“X said …, adding that …”: the source of the sentence's earlier attribution goes on",
    reason="“{cue}” carries on the attribution made earlier in the sentence",
    confidence=0.6,
    examples=(
        Example("The minister said the talks had failed, adding that a new round would start "
                "in May.", cue="adding", source="The minister",
                content="that a new round would start in May"),
    ),
    counter_examples=(
        Example("The party rejected the results, saying nothing more."),
        # no attribution before it: the sentence's subject speaks (participle-subject)
        Example("The party rejected the results, saying the count had been rigged from the "
                "start.", cue="saying"),
    ),
)

PARTICIPLE_SUBJECT = Rule(
    id="participle-subject",
    suggests="attribution",
    reads="“The party rejected the results, saying …”: a participle of saying after what the "
          "sentence's subject did",
    reason="“{cue}”, after a comma, reports the words of the sentence's subject, {source}",
    confidence=0.6,
    examples=(
        Example("The party rejected the results, saying the count had been rigged from the "
                "start.", cue="saying", source="The party",
                content="the count had been rigged from the start"),
    ),
    counter_examples=(
        Example("The party rejected the results, saying nothing more."),
        Example("The minister said the talks had failed, adding that a new round would start "
                "in May.", cue="adding"),
    ),
)

RULES = (PASSIVE, PASSIVE_AFTER_CONTENT, SAID_TO, PASSIVE_BY, PARTICIPLE, PARTICIPLE_SUBJECT)
