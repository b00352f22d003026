"""Cues that carry no subject of their own: the passive ("it was reported that …", "… was
confirmed by the army") and a participle that continues an attribution ("…, adding that …").
"""

from __future__ import annotations

import re

from deskapp.core.suggest.lexicon import ADVERBIAL_RUN_RE, FORM_TO_LEMMA
from deskapp.core.suggest.model import Range, RawAttribution
from deskapp.core.suggest.phrases import has_words, phrase_after, subject_before


def passive(text: str, cue_start: int, cue_end: int, body: int, end: int) -> RawAttribution | None:
    """"It was reported that …", "He is said to have …", "… was confirmed by the army"."""
    subject = subject_before(text, body, cue_start)
    after = ADVERBIAL_RUN_RE.match(text, cue_end, end).end()
    while after < end and text[after] == " ":
        after += 1
    source = None
    if text.startswith("by ", after):
        source = phrase_after(text, after + 3, end)
        return None if source is None else RawAttribution(
            ((body, cue_start),), source, ((cue_start, cue_end),), "passive-by", 0.55)
    if not text.startswith(("that ", "to "), after) or not has_words(text, after, end, 3):
        return None
    if subject and text[subject[0]:subject[1]].lower() == "it":
        content: tuple[Range, ...] = ((after, end),)
    elif subject:
        content = ((subject[0], subject[1]), (after, end))
    else:
        return None
    return RawAttribution(content, None, ((cue_start, cue_end),), "passive", 0.5)


def participle(text: str, m: re.Match, end: int,
                same_sentence: list[RawAttribution]) -> RawAttribution | None:
    """"…, adding that …" — the source is the earlier attribution's in the sentence."""
    pos = m.start()
    if text[max(0, pos - 2):pos] != ", " or not same_sentence:
        return None
    previous = same_sentence[-1]
    after = ADVERBIAL_RUN_RE.match(text, m.end(), end).end()
    while after < end and text[after] in " :":
        after += 1
    if not text.startswith("that ", after) and not has_words(text, after, end, 4):
        return None
    return RawAttribution(((after, end),), previous.source, ((pos, m.end()),), "participle",
                          0.6, FORM_TO_LEMMA[m.group("verb")])
