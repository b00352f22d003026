"""Quotes whose speaker a cue next to them names (``quotes.py``, ``local.py``,
``written.py``, ``nested.py``), the quote without one, and the attribution a quote's
speaker makes."""

from __future__ import annotations

from deskapp.core.suggest.rules.base import Example, Rule

_UNNAMED = "0.5 when the cue names no speaker"
UNNAMED = {"unnamed": 0.5}  # the cue names no speaker

QUOTE_SPEAKER_CUE = Rule(
    id="quote-speaker-cue",
    suggests="quote",
    reads="“…,” the mayor said.",
    reason="“{cue}” after the closing quotation mark names the speaker before it",
    confidence=0.9,
    confidence_note=_UNNAMED,
    cases=UNNAMED,
    examples=(
        Example("“We will not give up,” the mayor said.", quote="We will not give up,",
                speaker="the mayor", cue="said"),
        # "states" after a verb is a noun, no cue reporting the clause the quote opens in
        Example("When the governor offered states more money, “the towns were losing it,” "
                "Morrow said.", quote="the towns were losing it,", speaker="Morrow",
                cue="said"),
    ),
    counter_examples=(
        Example("“We will not give up,” said Mayor Anne Hill."),
    ),
)

QUOTE_UNLISTED_VERB = Rule(
    id="quote-unlisted-verb",
    suggests="quote",
    reads="“…,” Jones elaborated.",
    reason="“{cue}”, alone with its subject right after the closing quotation mark, says who "
           "spoke",
    confidence=0.75,
    confidence_note=_UNNAMED,
    cases=UNNAMED,
    examples=(
        Example("“We will not give up,” Jones elaborated.", quote="We will not give up,",
                speaker="Jones", cue="elaborated"),
        Example("“We will not give up,” opined Anne Hill.", quote="We will not give up,",
                speaker="Anne Hill", cue="opined"),
    ),
    counter_examples=(
        Example("“We will not give up,” Jones leaders."),
    ),
)

QUOTE_CUE_SPEAKER = Rule(
    id="quote-cue-speaker",
    suggests="quote",
    reads="“…,” said Mayor Anne Hill.",
    reason="“{cue}” after the closing quotation mark names the speaker after it",
    confidence=0.9,
    confidence_note=_UNNAMED,
    cases=UNNAMED,
    examples=(
        Example("“We will not give up,” said Mayor Anne Hill.", quote="We will not give up,",
                speaker="Mayor Anne Hill", cue="said"),
        # a quote ending on a nested one: ,' then a space, then the closing mark
        Example("\"They told us, 'Not this year,' \" said Mayor Anne Hill.",
                quote="They told us, 'Not this year,'", speaker="Mayor Anne Hill", cue="said"),
    ),
    counter_examples=(
        Example("“We will not give up,” the mayor said."),
    ),
)

CUE_THEN_QUOTE = Rule(
    id="cue-then-quote",
    suggests="quote",
    reads="The mayor said: “…”",
    reason="“{cue}” right before the opening quotation mark introduces the quote",
    confidence=0.9,
    confidence_note=_UNNAMED,
    cases=UNNAMED,
    examples=(
        Example("The mayor said: “We will not give up.”", quote="We will not give up.",
                speaker="The mayor", cue="said"),
        Example("Cruz won the backing of Mike Lee, who declared in the debate spin room, "
                "“It is time to unite.”", quote="It is time to unite.", speaker="Mike Lee",
                cue="declared"),
        Example("She announced on her Facebook page, in capital letters, “I am leaving the "
                "party.”", quote="I am leaving the party.", speaker="She", cue="announced"),
        Example("Michael Demastus, pastor of a church in Des Moines and a Cruz supporter, "
                "said: “I have heard a lot of candidates pray.”", speaker="Michael Demastus",
                quote="I have heard a lot of candidates pray.", cue="said"),
    ),
    counter_examples=(
        Example("The mayor called the plan “a disgrace”."),
        # a show's name after "told" and an outlet (``titles.py``)
        Example("The mayor told NBC’s “Good Morning America” the dam would hold."),
    ),
)

INSIDE_ATTRIBUTION = Rule(
    id="inside-attribution",
    suggests="quote",
    reads="The mayor said the city would “never surrender”: a quote inside reported words",
    reason="The quoted words sit inside what “{cue}” reports",
    confidence=0.75,
    confidence_note="0.5 for one or two quoted words; a short quote (a few words) that only "
                    "a content holds: 0.6, at most that of the attribution",
    cases={"few words": 0.5, "short": 0.6},
    examples=(
        Example("The mayor said that the city would “never surrender” to the floods.",
                quote="never surrender", speaker="The mayor", cue="said"),
        # a later "X said" in a relative clause does not take the quote away
        Example("Ada Morrow said she was “a firm believer” in the levy, which the council "
                "said would pass.", quote="a firm believer", speaker="Ada Morrow", cue="said"),
    ),
    counter_examples=(
        Example("The mayor said: “We will not give up.”"),
    ),
)

PARTIAL_QUOTE = Rule(
    id="partial-quote",
    suggests="quote",
    reads="The mayor called the plan “a disgrace”: a cue and its object before the quote",
    reason="“{cue}” before the quoted words names who used them",
    confidence=0.6,
    examples=(
        Example("The mayor called the plan “a disgrace”.", quote="a disgrace",
                speaker="The mayor", cue="called"),
    ),
    counter_examples=(
        Example("The mayor said that the city would “never surrender” to the floods."),
    ),
)

WRITTEN_MESSAGE = Rule(
    id="written-message",
    suggests="quote",
    reads="“posted a message that read: …”, “As one farmer put it: …”, “The statement read:”",
    reason="“{cue}” a message that reads the quoted words names who wrote them",
    confidence=0.55,
    examples=(
        Example("The singer hinted at the breakup on Instagram, posting a cryptic message "
                "that read: “Letting go is the bravest thing.”",
                quote="Letting go is the bravest thing.", speaker="The singer", cue="posting"),
        Example("As one farmer put it: “The rain came too late for the whole valley this "
                "year.”", speaker="one farmer", cue="put it"),
        Example("The statement read: “The company regrets the delay and apologises to its "
                "customers.”", speaker="The statement", cue="read"),
    ),
    counter_examples=(
        Example("The singer posted a message on Monday. “Letting go is the bravest thing.”"),
    ),
)

NESTED_QUOTE = Rule(
    id="nested-quote",
    suggests="quote",
    reads="“People keep asking me, ‘…?’”: a quote inside a quote, after a verb of saying",
    reason="Quoted inside a quote; “{cue}” before it names who said it",
    confidence=0.5,
    examples=(
        Example("“People keep asking me, ‘Are you running for mayor?’ and I keep telling them "
                "no,” she told supporters.", quote="Are you running for mayor?",
                speaker="People", cue="asking me"),
    ),
    counter_examples=(
        Example("“We are not ‘giving up’ on anyone in this town,” she told supporters."),
    ),
)

NO_SPEAKER = Rule(
    id="no-speaker",
    suggests="quote",
    reads="words of three or more between quotation marks, with no speaker found",
    reason="Words between quotation marks; no speaker found nearby",
    confidence=0.35,
    examples=(
        Example("“We have no time left to lose here at all.”",
                quote="We have no time left to lose here at all."),
    ),
    counter_examples=(
        Example("The so-called “experts” were wrong about the bridge."),  # a scare quote
    ),
)

DIRECT_QUOTE = Rule(
    id="direct-quote",
    suggests="attribution",
    reads="the attribution a quote's speaker and cue make of it (not of a quote inside one)",
    reason="The direct quote is attributed by “{cue}” to {source}",
    confidence=None,
    confidence_note="the confidence of its quote",
    examples=(
        Example("“We will not give up,” the mayor said.", cue="said", source="the mayor",
                content="We will not give up,"),
        Example("“We will not give up,” the mayor said. “The water will go down.”",
                cue="said", source="the mayor",
                content="We will not give up, The water will go down."),
    ),
    counter_examples=(
        # the quote sits inside an attribution of its own
        Example("The mayor said that the city would “never surrender” to the floods.",
                content="never surrender"),
    ),
)

RULES = (QUOTE_SPEAKER_CUE, QUOTE_UNLISTED_VERB, QUOTE_CUE_SPEAKER, CUE_THEN_QUOTE,
         INSIDE_ATTRIBUTION, PARTIAL_QUOTE, WRITTEN_MESSAGE, NESTED_QUOTE, NO_SPEAKER, DIRECT_QUOTE)
