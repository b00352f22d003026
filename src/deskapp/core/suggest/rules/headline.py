"""Quotes in the headline (``headline.py``): the rules read no headline otherwise."""

from __future__ import annotations

from deskapp.core.suggest.rules.base import Example, Rule

_STORY = "\n\nA shop owner was threatened with a knife on Monday.\n"

HEADLINE_QUOTE = Rule(
    id="headline-quote",
    suggests="quote",
    reads="“'…': shop owner describes robbery”: a verb of saying in the headline",
    reason="A quote in the headline; “{cue}” there names who said it",
    confidence=0.45,
    examples=(
        Example("'He just kept saying sorry': shop owner describes armed robbery" + _STORY,
                quote="He just kept saying sorry", speaker="shop owner", cue="describes",
                imported=True),
    ),
    counter_examples=(
        Example("'Enough is enough': Green Belt on the brink\n\nDevelopers want the Green "
                "Belt. The land is cheap.\n", imported=True),
    ),
)

HEADLINE_ON = Rule(
    id="headline-on",
    suggests="quote",
    reads="“'…': Nadia Karimi on her novel”: an interview headline",
    reason="A quote in the headline, followed by who it is from: “{speaker} on …”",
    confidence=0.45,
    examples=(
        Example("“I stopped asking for permission”: Nadia Karimi on writing at night\n\n"
                "Nadia Karimi was 41 when she finished the novel. Karimi now writes at "
                "night.\n", quote="I stopped asking for permission", speaker="Nadia Karimi",
                imported=True),
    ),
    counter_examples=(
        Example("'Enough is enough': Green Belt on the brink\n\nDevelopers want the Green "
                "Belt. The land is cheap.\n", imported=True),
    ),
)

RULES = (HEADLINE_QUOTE, HEADLINE_ON)
