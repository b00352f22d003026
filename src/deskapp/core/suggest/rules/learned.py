"""What the learned layer proposes where no rule fired (``learned/``), and the speaker a
quote takes from a learned attribution (``engine.py``)."""

from __future__ import annotations

import math

from deskapp.core.suggest.rules.base import Example, Rule

LOWEST, SPREAD, SCALE = 0.3, 0.45, 4  # what ``scored`` makes of the model's score

LEARNED_CUE = Rule(
    id="learned-cue",
    suggests="attribution",
    reads="a cue the learned model reads from its context, with its source and content",
    reason="Read as a cue from its context: {evidence}",
    confidence=None,
    confidence_note="0.3 to 0.75 from the model's score s of the cue: "
                    "0.3 + 0.45 / (1 + exp(−s / 4)), to two decimals (``scored``)",
    examples=(
        Example("Headline\n\nThe senator has endorsed a fair deal for every family in the "
                "state.", cue="has endorsed", source="The senator",
                content="a fair deal for every family in the state"),
        Example("Headline\n\nThe debate turned sharp. The senator wants the bill to pass "
                "before the recess.", cue="wants", source="The senator"),
    ),
    counter_examples=(
        # the rules read "said": the model does not overrule them
        Example("Headline\n\nThe minister said nothing as he was led away."),
    ),
)

LEARNED_ATTRIBUTION = Rule(
    id="learned-attribution",
    suggests="quote",
    reads="a quote inside the content of a learned attribution takes its source",
    reason="The quoted words sit inside what “{cue}” reports, a cue learned from annotated news",
    confidence=0.6,
    confidence_note="at most that of the learned attribution",
    examples=(
        Example("Headline\n\nThe senator has endorsed “a fair deal for every family in the "
                "state.”", quote="a fair deal for every family in the state.",
                speaker="The senator", cue="has endorsed"),
    ),
    counter_examples=(
        Example("Headline\n\nThe senator said: “A fair deal for every family in the state.”"),
    ),
)

RULES = (LEARNED_CUE, LEARNED_ATTRIBUTION)


def scored(score: float) -> float:
    """The confidence of a learned cue whose model score is ``score``."""
    return round(LOWEST + SPREAD / (1 + math.exp(-score / SCALE)), 2)
