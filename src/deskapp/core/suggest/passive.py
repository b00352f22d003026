"""Cues that carry no subject of their own: the passive ("it was reported that …", "… was
confirmed by the army") and a participle that continues an attribution ("…, adding that …").
"""

from __future__ import annotations

import re

from deskapp.core.suggest import rules
from deskapp.core.suggest.clauses import comma_cut, lead_subject, past_opening_quote
from deskapp.core.suggest.content_edges import gap_before_that, remark_cut
from deskapp.core.suggest.lexicon import ADVERBIAL_RUN_RE, FORM_TO_LEMMA, HEARER_VERBS
from deskapp.core.suggest.model import Range, RawAttribution
from deskapp.core.suggest.phrases import has_words, phrase_after
from deskapp.core.suggest.subjects import subject_before


def passive(text: str, cue_start: int, cue_end: int, body: int, end: int) -> RawAttribution | None:
    """"It was reported that …", "He is said to have …", "… was confirmed by the army"."""
    subject = subject_before(text, body, cue_start)
    after = ADVERBIAL_RUN_RE.match(text, cue_end, end).end()
    while after < end and text[after] == " ":
        after += 1
    source = None
    if text.startswith("by ", after):
        source = phrase_after(text, after + 3, end)
        if source is None:
            return None
        that = gap_before_that(text, source[1], end, False)
        while that < end and text[that] == " ":
            that += 1
        if text.startswith("that ", that):  # "He was told by doctors that …"
            c_end = comma_cut(text, that, end) if text.find(", ", that, end) >= 0 else end
            return RawAttribution(((that, c_end),), source, ((cue_start, cue_end),),
                                  rules.PASSIVE_BY, rules.PASSIVE_BY.conf())
        c_end = cue_start
        while c_end > body and text[c_end - 1] == " ":
            c_end -= 1
        if not has_words(text, body, c_end, 2):
            return None
        return RawAttribution(((body, c_end),), source, ((cue_start, cue_end),),
                              rules.PASSIVE_BY, rules.PASSIVE_BY.conf())
    lead = text[body:cue_start].rstrip().lower()
    if after >= end and lead.endswith(", it"):  # "…, it was announced on Monday."
        c_end = body + len(lead) - 4
        if not has_words(text, body, c_end, 3):
            return None
        return RawAttribution(((body, c_end),), None, ((c_end + 2, cue_end),),
                              rules.PASSIVE_AFTER_CONTENT, rules.PASSIVE_AFTER_CONTENT.conf())
    if not text.startswith(("that ", "to "), after):  # "was announced in the evening that"
        after = gap_before_that(text, after, end, False)
    if not text.startswith(("that ", "to "), after) or not has_words(text, after, end, 3):
        return None
    if text.startswith("to ", after) and _lemma(text, cue_start, cue_end) in HEARER_VERBS:
        return None  # "Residents were told to leave": an instruction, not a report
    end = remark_cut(text, after, end)
    rule = rules.PASSIVE
    if lead == "it" or (subject and text[subject[0]:subject[1]].lower() == "it"):
        content: tuple[Range, ...] = ((after, end),)
        if lead == "it":  # the cue is "It was reported"
            cue_start = body
    elif subject and text.startswith("to ", after):  # "He is said to have …"
        content = ((subject[0], subject[1]), (after, end))
        rule = rules.SAID_TO
    else:
        return None
    return RawAttribution(content, None, ((cue_start, cue_end),), rule, rule.conf())


def _lemma(text: str, cue_start: int, cue_end: int) -> str:
    """The lemma of the cue's last word ("were told" → "tell")."""
    word = text[cue_start:cue_end].rsplit(None, 1)[-1].lower()
    return FORM_TO_LEMMA.get(word, word)


def participle(text: str, m: re.Match, end: int, same_sentence: list[RawAttribution],
               body: int = -1) -> RawAttribution | None:
    """"…, adding that …" — the source is the earlier attribution's in the sentence, or
    the sentence's subject ("The party rejected the results, saying the count …")."""
    pos = m.start()
    if text[max(0, pos - 2):pos] != ", " or (not same_sentence and body < 0):
        return None
    lemma = FORM_TO_LEMMA[m.group("verb")]
    after = ADVERBIAL_RUN_RE.match(text, m.end(), end).end()
    while after < end and text[after] in " :":
        after += 1
    if lemma in HEARER_VERBS and not text.startswith("that ", after):
        after = gap_before_that(text, after, end, True)
    has_that = text.startswith("that ", after)
    if not has_that and not has_words(text, after, end, 4):
        return None
    if same_sentence:
        source, rule = same_sentence[-1].source, rules.PARTICIPLE
    elif has_that or lemma in {"say", "add"}:
        source = lead_subject(text, past_opening_quote(text, body, pos), pos)
        rule = rules.PARTICIPLE_SUBJECT
    else:
        return None
    if source is None:
        return None
    return RawAttribution(((after, end),), source, ((pos, m.end()),), rule, rule.conf(), lemma)

