"""Finite reporting verbs, in the three places their content can take (the content after
the cue in its named cases: a belief, a cue after a conjunction, data that show, a named
hearer, words before “that”; the content before it, or around it), and the noun a source denies
(``cue_shapes.py``)."""

from __future__ import annotations

from deskapp.core.suggest.rules.base import Example, Rule

# the confidence of a finite cue by its lemma (else the rule's own, 0.7)
VERB_CONFIDENCE = {"say": 0.9, "tell": 0.85, "report": 0.85, "claim": 0.85, "tweet": 0.85,
                   "announce": 0.8, "confirm": 0.8, "deny": 0.8, "warn": 0.8, "add": 0.8,
                   "write": 0.8, "state": 0.8}
BELIEF_CASE = {"belief": 0.5}  # a verb of belief (``vocab/belief.txt``: "believe", "think" …)
THAT = {"that": 0.05}  # the content opens with "that"

_BY_VERB = ("by verb: 0.9 “say”, 0.85 “tell”, “report”, “claim”, “tweet”, 0.8 “announce”, "
            "“confirm”, “deny”, “warn”, “add”, “write”, “state”; 0.5 beliefs (“believe”, "
            "“think”, “hope”, “fear”, “expect”)")

CUE_THEN_CONTENT = Rule(
    id="cue-then-content",
    suggests="attribution",
    reads="“X said that …”: the content after the cue",
    reason="“{cue}” follows {source} and introduces what is reported",
    confidence=0.7,
    confidence_note=_BY_VERB.split(";")[0] + "; +0.05 with “that” (at most 0.95)",
    by_verb=VERB_CONFIDENCE, bonus=THAT, ceiling=0.95,
    examples=(
        Example("The minister said that the talks had failed.", cue="said",
                source="The minister", content="that the talks had failed"),
        Example("Police said the river could burst its banks overnight.",
                cue="said", source="Police",
                content="the river could burst its banks overnight"),
        Example("The minister said on Monday the talks had failed.", cue="said",
                source="The minister", content="the talks had failed"),
    ),
    counter_examples=(
        Example("The minister said nothing as he was led away."),
        Example("The ministry did not respond to a request for comment."),
        Example("The ministry added about six miles to the route."),  # an amount, no clause
        # the named cases have rules of their own
        Example("The judge said in her ruling that the law was unconstitutional.",
                cue="said"),
        Example("Analysts believe the central bank will raise rates in June.",
                cue="believe"),
    ),
)

BELIEF_THEN_CONTENT = Rule(
    id="belief-then-content",
    suggests="attribution",
    reads="“X believes (thinks, hopes, fears, expects) …”: a belief, the content after it",
    reason="“{cue}” after {source} reports a belief, hope or expectation: the clause after it",
    confidence=0.5,
    confidence_note="+0.05 with “that” (at most 0.95)",
    bonus=THAT, ceiling=0.95,
    examples=(
        Example("Analysts believe the central bank will raise rates in June.", cue="believe",
                source="Analysts", content="the central bank will raise rates in June"),
        Example("Most economists expect that inflation will ease this year.", cue="expect",
                source="Most economists", content="that inflation will ease this year"),
    ),
    counter_examples=(
        Example("The minister believes in hard work."),
        Example("The minister said that the talks had failed.", cue="said"),
    ),
)

CUE_AFTER_CONJUNCTION = Rule(
    id="cue-after-conjunction",
    suggests="attribution",
    reads="“X rejected the offer but warned that …”: a cue after “and”/“but” takes the "
          "sentence's subject",
    reason="“{cue}”, after “and” or “but”, shares its subject {source} with the verb before "
           "and introduces what is reported",
    confidence=0.7,
    confidence_note=_BY_VERB.split(";")[0] + "; +0.05 with “that” (at most 0.95)",
    by_verb=VERB_CONFIDENCE, bonus=THAT, ceiling=0.95,
    examples=(
        Example("The union rejected the offer but warned that strikes would follow.",
                cue="warned", source="The union", content="that strikes would follow"),
    ),
    counter_examples=(
        Example("The union rejected the offer and warned members."),
        Example("The minister said that the talks had failed.", cue="said"),
    ),
)

DATA_SHOWS = Rule(
    id="data-shows",
    suggests="attribution",
    reads="“Figures showed prices rose 2%”: data or figures that show a clause, without “that”",
    reason="“{cue}” after {source} (figures, data) introduces what they show",
    confidence=0.7,
    examples=(
        Example("Figures from the statistics office showed prices rose 2% in May.",
                cue="showed", source="Figures from the statistics office",
                content="prices rose 2% in May"),
        Example("Data from the Commerce Department showed spending fell in March.",
                cue="showed", source="Data from the Commerce Department",
                content="spending fell in March"),
    ),
    counter_examples=(
        # a person who shows something: no data
        Example("The minister showed reporters the new bridge."),
        Example("The mayor showed the plan had support.", cue="showed", source="The mayor"),
    ),
)

CUE_HEARER_CONTENT = Rule(
    id="cue-hearer-content",
    suggests="attribution",
    reads="“X told reporters (that) …”: the hearer named between the cue and the content",
    reason="“{cue}” names whom {source} told, then introduces what is reported",
    confidence=0.7,
    confidence_note=_BY_VERB.split(";")[0] + "; +0.05 with “that” (at most 0.95)",
    by_verb=VERB_CONFIDENCE, bonus=THAT, ceiling=0.95,
    examples=(
        Example("The minister told reporters that the talks had failed.", cue="told",
                source="The minister", content="that the talks had failed"),
        Example("Police warned residents the river could burst its banks overnight.",
                cue="warned", source="Police",
                content="the river could burst its banks overnight"),
    ),
    counter_examples=(
        Example("The minister told reporters about the talks.", cue="told"),
        Example("The minister said that the talks had failed.", cue="said"),
    ),
)

CUE_GAP_THAT = Rule(
    id="cue-gap-that",
    suggests="attribution",
    reads="“X said in her ruling that …”: words between the cue and “that”",
    reason="“{cue}” follows {source}; past the words after it (a place, a medium, a time), "
           "“that” introduces what is reported",
    confidence=0.7,
    confidence_note=_BY_VERB.split(";")[0] + "; +0.05 with “that” (at most 0.95)",
    by_verb=VERB_CONFIDENCE, bonus=THAT, ceiling=0.95,
    examples=(
        Example("The judge said in her ruling that the law was unconstitutional.", cue="said",
                source="The judge", content="that the law was unconstitutional"),
        Example("The minister said outside the court on Monday that he would appeal.",
                cue="said", source="The minister", content="that he would appeal"),
    ),
    counter_examples=(
        Example("The minister told reporters that the talks had failed.", cue="told"),
        Example("The minister said that the talks had failed.", cue="said"),
    ),
)

CONTENT_THEN_CUE = Rule(
    id="content-then-cue",
    suggests="attribution",
    reads="“…, X said.”: the content before the source and cue",
    reason="“{cue}” after a comma closes the reported clause before it",
    confidence=0.7,
    confidence_note=_BY_VERB,
    by_verb=VERB_CONFIDENCE, cases=BELIEF_CASE,
    examples=(
        Example("The talks had failed, the minister said.", cue="said", source="the minister",
                content="The talks had failed"),
    ),
    counter_examples=(
        # a direct quote: the quote rules own it
        Example("“We will not give up,” the mayor said."),
        Example("Her mother, she says, was her first reader.", cue="says"),
    ),
)

CUE_INSIDE_CONTENT = Rule(
    id="cue-inside-content",
    suggests="attribution",
    reads="“Her mother, she says, was her first reader”: the source and cue set between "
          "commas inside the content",
    reason="“{cue}” and {source}, set between commas, report the clause around them",
    confidence=0.7,
    confidence_note=_BY_VERB,
    by_verb=VERB_CONFIDENCE, cases=BELIEF_CASE,
    examples=(
        Example("Her mother, she says, was her first reader.", cue="says", source="she",
                content="Her mother was her first reader"),
        Example("The talks, the minister said, had failed.", cue="said", source="the minister",
                content="The talks had failed"),
    ),
    counter_examples=(
        Example("The talks had failed, the minister said.", cue="said"),
        Example("“We will not give up,” the mayor said."),
    ),
)

CONTENT_CUE_SOURCE = Rule(
    id="content-cue-source",
    suggests="attribution",
    reads="“…, said X.”: the content before the cue, the source after it",
    reason="“{cue}” after the reported clause names {source} after it",
    confidence=0.7,
    confidence_note=_BY_VERB.split(";")[0],
    by_verb=VERB_CONFIDENCE,
    examples=(
        Example("The talks had failed, said John Smith, a spokesman for the ministry.",
                cue="said", source="John Smith, a spokesman for the ministry",
                content="The talks had failed"),
    ),
    counter_examples=(
        Example("“We will not give up,” said Mayor Anne Hill."),
    ),
)

DENIED_NOUN = Rule(
    id="denied-noun",
    suggests="attribution",
    reads="“…, a charge the Kremlin denies”: the noun before the source is what is denied",
    reason="“{cue}” after {source} says what is denied: the noun before them",
    confidence=0.6,
    examples=(
        Example("The company faces a charge of fraud, a charge the firm denies.",
                cue="denies", source="the firm", content="a charge"),
    ),
    counter_examples=(
        Example("The charges were dropped after the firm denied any wrongdoing."),
    ),
)

RULES = (CUE_THEN_CONTENT, BELIEF_THEN_CONTENT, CUE_AFTER_CONJUNCTION, DATA_SHOWS,
         CUE_HEARER_CONTENT, CUE_GAP_THAT, CONTENT_THEN_CUE, CUE_INSIDE_CONTENT,
         CONTENT_CUE_SOURCE, DENIED_NOUN)
