"""Quotes inside quotes: “People keep asking me, ‘Are you running?’ and I tell them, ‘No.’”

A single-quoted stretch inside a double-quoted quote is a quote of its own when a cue
right before it, inside the outer quote, names who said it ("People keep asking me,
'…'"). "I"/"we" there is the outer quote's speaker; anyone else is named as written (a
pronoun inside someone's words is not resolved against the article's names).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from deskapp.core.spans import Span
from deskapp.core.suggest import rules
from deskapp.core.suggest.reasons import quote_reason
from deskapp.core.suggest.speakers import Resolver

# An opening single mark before a word, the words (apostrophes inside words allowed), a
# closing mark after a word or punctuation and before no word.
_NESTED_RE = re.compile(
    r"[‘'](?<![\w’'][‘'])(?=\w)((?:[^‘’'\n]|(?<=\w)['’](?=\w)){2,300}?)(?<=[\w.,!?])[’'](?!\w)")
_HEARER = r"(?:\s+(?:me|us|him|her|them|you|everyone|people))?"
# Right before the inner quote, inside the outer one: "People keep asking me,", "My
# father always said:", "I told them,", "the officer said".
_SAID_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\"“‘'])|(?<=[,;.!?:—–])\s*|(?<=\band)\s+|(?<=\bbut)\s+|(?<=\bthen)\s+)"
    r"(?P<who>I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Pp]eople|[Ee]veryone|[Ee]verybody|"
    r"(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Tt]he)\s+[a-z]+|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
    r"\s+(?:(?:always|just|then|once|still|would|kept|keep|keeps|were|was|are|is|had|have|"
    r"would\s+always)\s+)?"
    rf"(?P<cue>(?:said|say|says|saying|told|tell|tells|telling|asked|ask|asks|asking|"
    rf"shouted|yelled|replied|wrote|warned|added|goes|went){_HEARER})\s*[,:]?\s*$")
_FIRST_PERSON = {"i", "we"}
_PRONOUNS = {"he", "she", "they", "you", "it"}


def _openers(text: str) -> list[int]:
    """Where a single mark may open a quote: before a word, after no word (str.find, in C,
    over the whole text; a regex reading every character is ten times slower)."""
    out = []
    for mark in ("'", "‘"):
        at = text.find(mark)
        while at >= 0:
            before = text[at - 1] if at else " "
            after = text[at + 1:at + 2]
            if (after.isalnum() or after == "_") and not (before.isalnum() or before in "_’'"):
                out.append(at)
            at = text.find(mark, at + 1)
    out.sort()
    return out


def nested_quotes(text: str, quotes: list[tuple], resolver: Resolver) -> list[tuple]:
    """Quote tuples (as the engine builds them) for the quotes nested in ``quotes``."""
    out: list[tuple] = []
    openers = _openers(text)  # few: the quotes that hold one are looked up by bisection
    if not openers:
        return out
    starts = [q[0].start for q in quotes]
    if starts != sorted(starts):
        quotes = sorted(quotes, key=lambda q: q[0].start)
        starts = [q[0].start for q in quotes]
    held = sorted({i for o in openers if (i := bisect_right(starts, o) - 1) >= 0
                   and o < quotes[i][0].end})
    for outer in (quotes[i] for i in held):
        span: Span = outer[0]
        for start, end in span.ranges:
            for m in _NESTED_RE.finditer(text, start, min(len(text), end + 2)):
                said = _SAID_BEFORE_RE.search(text, max(start, m.start() - 80), m.start())
                if said is None:
                    continue
                s, e = said.span("who")
                said_by = text[s:e]
                if said_by.lower() in _FIRST_PERSON:
                    speaker = outer[1]
                elif said_by.lower() in _PRONOUNS:
                    speaker = said_by
                else:
                    speaker = resolver.resolve(s, e)
                if not speaker:
                    continue
                cue = Span.of(text, *said.span("cue"))
                out.append((Span.of(text, m.start(1), m.end(1)), speaker, Span.of(text, s, e),
                            cue, rules.NESTED_QUOTE,
                            quote_reason(rules.NESTED_QUOTE, cue, speaker),
                            rules.NESTED_QUOTE.conf()))
    return out
