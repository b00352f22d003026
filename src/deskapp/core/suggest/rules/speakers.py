"""Quotes with no cue of their own, spoken by someone named before them: the quote
before, the paragraph's attributions, a sentence ending in a colon (``engine.py``,
``local.py``)."""

from __future__ import annotations

from deskapp.core.suggest.rules.base import Example, Rule

_AFTER = "“We will not give up,” the mayor said."

CONTINUATION = Rule(
    id="continuation",
    suggests="quote",
    reads="a second quote in the paragraph of a quote by X, with no new speaker",
    reason="Follows a quote by {speaker} in the same paragraph, with no new speaker",
    confidence=0.65,
    examples=(
        Example(_AFTER + " “The water will go down.”", quote="The water will go down.",
                speaker="the mayor", cue="said"),
        # the speaker's own mention next to the quote is the one shown
        Example("“We will not give up,” said Dana Whitlow, the mayor, who added that the "
                "pumps were “running day and night.”", quote="running day and night.",
                speaker="who", cue="said"),
    ),
    counter_examples=(
        Example(_AFTER + "\n\n“The water will go down and we will rebuild every street.”"),
    ),
)

NEXT_PARAGRAPH = Rule(
    id="next-paragraph",
    suggests="quote",
    reads="a quote opening the paragraph after one by X, with no new speaker",
    reason="Opens the paragraph after a quote by {speaker}, with no new speaker",
    confidence=0.5,
    examples=(
        Example(_AFTER + "\n\n“The water will go down and we will rebuild every street.”",
                quote="The water will go down and we will rebuild every street.",
                speaker="the mayor", cue="said"),
        # after a quote whose speaker a later step found (here the colon before it)
        Example("Dana Whitlow leaned in and boomed: “We will finish the bridge.”\n\n“And we "
                "will finish it before the winter comes. Nobody will stop us now.”",
                quote="And we will finish it before the winter comes. Nobody will stop us now.",
                speaker="Dana Whitlow"),
    ),
    counter_examples=(
        Example(_AFTER + " “The water will go down.”"),
    ),
)

CONTEXT_SPEAKER = Rule(
    id="context-speaker",
    suggests="quote",
    reads="a quote after an attribution in its paragraph: “X warned that …. “…””",
    reason="The paragraph's last attribution, by {speaker}, comes just before",
    confidence=0.55,
    examples=(
        Example("The mayor warned that the dam could burst. “We have no time left to lose "
                "here.”", quote="We have no time left to lose here.", speaker="The mayor",
                cue="warned"),
    ),
    counter_examples=(
        Example("The dam could burst. “We have no time left to lose here.”"),
    ),
)

PREVIOUS_PARAGRAPH = Rule(
    id="previous-paragraph",
    suggests="quote",
    reads="a quote opening the paragraph after an attribution by X",
    reason="Opens the paragraph after an attribution by {speaker}, with no cue",
    confidence=0.45,
    examples=(
        Example("Headline\n\nMaria Lopez said the shelter was full.\n“We have never seen "
                "numbers like this. Every bed is taken.”", speaker="Maria Lopez", cue="said",
                quote="We have never seen numbers like this. Every bed is taken."),
        Example("Headline\n\nCarter said that for decades some critics had been predicting "
                "a withdrawal, but this would not happen.\n\n“That is because the region "
                "matters to the whole world.”", speaker="Carter", cue="said",
                quote="That is because the region matters to the whole world."),
    ),
    counter_examples=(
        Example("Headline\n\nThe shelter was full.\n“We have never seen numbers like this. "
                "Every bed is taken.”"),
    ),
)

AFTER_COLON = Rule(
    id="after-colon",
    suggests="quote",
    reads="a quote opening the paragraph after one whose last sentence has a cue and a colon",
    reason="Opens the paragraph after “{cue}” and a colon, so {speaker} speaks it",
    confidence=0.6,
    confidence_note="at most that of the attribution whose cue it follows",
    examples=(
        Example("Headline\n\nThe debate turned sharp. The senator explained it this way, "
                "according to aides:\n\n“The questions asked in this debate illustrate why "
                "the voters do not trust the media at all.”", speaker="aides",
                cue="according to"),
    ),
    counter_examples=(
        Example("Headline\n\nThe debate turned sharp.\n\nCruz continued:\n\n“The questions "
                "asked in this debate illustrate why the voters do not trust the media at "
                "all.”"),
    ),
)

COLON_SUBJECT = Rule(
    id="colon-subject",
    suggests="quote",
    reads="a quote after “Cruz continued:” (ending the paragraph before or opening the "
          "quote's own): the subject speaks it",
    reason="Comes right after a sentence by {speaker} that ends in a colon",
    confidence=0.45,
    examples=(
        Example("Dana Whitlow waved at the crowd, then leaned in and boomed: “We will finish "
                "the bridge.”", speaker="Dana Whitlow", quote="We will finish the bridge."),
        Example("Headline\n\nThe debate turned sharp.\n\nCruz continued:\n\n“The questions "
                "asked in this debate illustrate why the voters do not trust the media at "
                "all.”", speaker="Cruz",
                quote="The questions asked in this debate illustrate why the voters do not "
                      "trust the media at all."),
    ),
    counter_examples=(
        Example("Headline\n\nThe debate turned sharp.\n\n“The questions asked in this "
                "debate illustrate why the voters do not trust the media at all.”"),
        # the name after the dash is the speaker, not the sentence's subject
        Example("The mood has shifted in the valley - Dana Whitlow: “We will finish the "
                "bridge.”"),
    ),
)

CONTENT_INTO_QUOTE = Rule(
    id="content-into-quote",
    suggests="quote",
    reads="an attributed content that runs into a quote (“… saying he is “weak. Weak like a "
          "baby.””): the quote is part of it, up to its closing mark",
    reason="Continues what “{cue}” reports, so {speaker} speaks it",
    confidence=0.6,
    confidence_note="at most that of the attribution whose content runs into it",
    examples=(
        Example("Headline\n\nTrump attacked Rubio on Thursday, saying he is “weak on "
                "illegal immigration. Weak like a baby.”", speaker="Trump", cue="saying",
                quote="weak on illegal immigration. Weak like a baby."),
    ),
    counter_examples=(
        Example("Headline\n\nTrump attacked Rubio on Thursday. “Weak on illegal "
                "immigration. Weak like a baby.”"),
    ),
)

SENTENCE_SUBJECT = Rule(
    id="sentence-subject",
    suggests="quote",
    reads="a quote inside a sentence whose subject (a person or a body) no cue ties to it: "
          "“The mayor opened the bridge, vowing to “…””",
    reason="Quoted in a sentence whose subject is {speaker}",
    confidence=0.4,
    examples=(
        Example("Headline\n\nThe mayor opened the bridge on Monday, vowing to “keep every "
                "lane open all winter.”", speaker="The mayor",
                quote="keep every lane open all winter."),
        Example("Headline\n\nMaria Hale, celebrating the reopening of the bridge, is "
                "pledging to “keep every lane open all winter.”", speaker="Maria Hale",
                quote="keep every lane open all winter."),
    ),
    counter_examples=(
        # the subject is a thing, not someone who speaks
        Example("Headline\n\nThe new bridge opened on Monday with “every lane open all "
                "winter long.”", quote="every lane open all winter long.",
                speaker="The new bridge"),
        # the sentence opens with a clause ("When Hale arrived"), not with its subject
        Example("Headline\n\nWhen Hale arrived on Monday the crowd sang “every lane open "
                "all winter long.”", quote="every lane open all winter long."),
    ),
)

RULES = (CONTINUATION, NEXT_PARAGRAPH, CONTEXT_SPEAKER, PREVIOUS_PARAGRAPH, AFTER_COLON,
         COLON_SUBJECT, CONTENT_INTO_QUOTE, SENTENCE_SUBJECT)
