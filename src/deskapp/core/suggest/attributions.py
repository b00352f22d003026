"""Indirect speech: "X said that …", "…, X reported.", passive "it was reported that …".

``find_attributions`` walks every cue of the text once; each cue looks only at its own
sentence. "according to" and "citing" live in ``according.py``, the passive and "…, adding
that …" in ``passive.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from deskapp.core.suggest.according import according_to, citing, quoted_x_as_saying
from deskapp.core.suggest.lexicon import (
    ADVERBIAL_RUN_RE,
    BE_WORDS,
    CUE_RE,
    FORM_TO_LEMMA,
    HEARER_RE,
    HEARER_VERBS,
    NOT_VERB_BEFORE,
    NOUNISH_FORMS,
    PAST_PARTICIPLES,
    QUOTE_ONLY_LEMMAS,
    WEAK_LEMMAS,
    aux_before,
)
from deskapp.core.suggest.model import Range, RawAttribution
from deskapp.core.suggest.passive import participle, passive
from deskapp.core.suggest.phrases import (
    has_words,
    phrase_after,
    previous_word,
    subject_before,
)
from deskapp.core.suggest.sentences import DATELINE_RE, Layout

_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|will|would|could|can|has|have|had|did|does|do|should|may|might|"
    r"must|shall|[a-z]+ed|[a-z]+n't)\b|\bto\s+[a-z]+"
)
_CUT_RE = re.compile(r",\s+(?:according\s+to|citing|[a-z]{3,}ing\b(?<!including)(?<!during))")
_BELIEF = {"believe", "think", "hope", "fear", "expect"}
_STRONG_CONF = {"say": 0.9, "tell": 0.85, "report": 0.85, "claim": 0.85, "announce": 0.8,
                "confirm": 0.8, "deny": 0.8, "warn": 0.8, "add": 0.8, "write": 0.8,
                "tweet": 0.85, "state": 0.8}


def find_attributions(layout: Layout, quote_hulls: list[Range],
                      used_cues: set[int]) -> list[RawAttribution]:
    text = layout.text
    quote_starts = [s for s, _ in quote_hulls]
    starts, sentences, skipped = layout.starts, layout.sentences, layout.skipped
    datelines = layout.dateline_ends
    found: list[RawAttribution] = []
    at = -1  # the sentence of the previous cue, whose content end and line start are kept
    end = 0
    line_start = False
    dateline = None
    for m in CUE_RE.finditer(text):
        pos = m.start()
        if pos in used_cues:
            continue
        if quote_starts:
            i = bisect_right(quote_starts, pos) - 1
            if i >= 0 and quote_hulls[i][0] <= pos < quote_hulls[i][1]:
                continue  # inside a quote
        if skipped and layout.is_skipped(pos):
            continue
        i = bisect_right(starts, pos) - 1  # layout.sentence_at, inline
        if i < 0:
            continue
        s_start, s_end = sentences[i]
        if pos > s_end or (pos == s_end and s_start == s_end):
            continue
        if i != at:
            at = i
            end = _content_end(text, s_start, s_end)
            line_start = s_start == 0 or text[s_start - 1] == "\n"
            # a dateline read to the end of the text: the same match as body_start's,
            # which stops at the cue, whenever it ends before the cue (the pattern
            # has no end assertion), and none if there is none
            dateline = DATELINE_RE.match(text, s_start) if line_start and not datelines else None
        if not line_start:
            body = s_start
        elif datelines or (dateline is not None and dateline.end() > pos):
            body = layout.body_start(s_start, pos)
        else:
            body = s_start if dateline is None else dateline.end()
        group = m.group
        if group("according"):
            found.extend(according_to(text, m, body, end))
            continue
        if group("citing"):
            hit = citing(text, m, body, end, _same_sentence(found, body))
        elif group("quoted_x"):
            hit = quoted_x_as_saying(text, m, end)
        elif group("quoted"):
            hit = _finite(text, pos, m.end(), "quote", body, end)
        else:
            verb = group("verb")
            lemma = FORM_TO_LEMMA[verb]
            if lemma in QUOTE_ONLY_LEMMAS:
                continue
            if verb.endswith("ing") and not _has_aux(text, body, pos):
                hit = participle(text, m, end, _same_sentence(found, body))
            else:
                hit = _finite(text, pos, m.end(), lemma, body, end)
        if hit is not None:
            found.append(hit)
    return found


def _same_sentence(found: list[RawAttribution], body: int) -> list[RawAttribution]:
    """The last attributions found, of those among them that start in this sentence."""
    return [a for a in found[-3:] if a.content[0][0] >= body]


def _content_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".!? ":
        end -= 1
    return end


def _has_aux(text: str, body: int, pos: int) -> bool:
    return aux_before(text, max(body, pos - 60), pos) is not None


def _looks_verbal(text: str, body: int, pos: int, form: str) -> bool:
    prev = previous_word(text, max(body, pos - 30), pos)
    if prev is None:
        return pos > body
    word = prev.lower()
    if word[0].isdigit() or (form in NOUNISH_FORMS and word in NOT_VERB_BEFORE):
        return False
    return not (form.endswith("s") and form in NOUNISH_FORMS and text[pos - 2] in "’'")


def _finite(text: str, pos: int, cue_end: int, lemma: str, body: int,
            end: int) -> RawAttribution | None:
    form = text[pos:cue_end]
    if not _looks_verbal(text, body, pos, form):
        return None
    aux = aux_before(text, max(body, pos - 60), pos)
    cue_start = pos
    if aux is not None:
        cue_start = aux.start()
        if form in PAST_PARTICIPLES and lemma != "quote" and \
                not BE_WORDS.isdisjoint(aux.group().split()):
            return passive(text, cue_start, cue_end, body, end)
    after = ADVERBIAL_RUN_RE.match(text, cue_end, end).end()
    if lemma in HEARER_VERBS:
        hearer = HEARER_RE.match(text, after, end)
        if hearer and not text.startswith(" that", after):
            after = ADVERBIAL_RUN_RE.match(text, hearer.end(), end).end()
    if text.startswith(", that ", after):  # "she cautioned, however, that …"
        after += 1
    rest = text[after:end].strip()
    if not rest or rest.startswith(","):
        return _post_posed(text, cue_start, cue_end, after, body, end, lemma)
    if lemma not in _BELIEF and text[body:cue_start].rstrip().endswith(","):
        inverted = _inverted(text, cue_start, cue_end, body, end, lemma)
        if inverted:
            return inverted
    return _pre_posed(text, cue_start, cue_end, after, body, end, lemma)


def _pre_posed(text: str, cue_start: int, cue_end: int, after: int, body: int, end: int,
               lemma: str) -> RawAttribution | None:
    while after < end and text[after] in " :,":
        after += 1
    has_that = text.startswith("that ", after)
    if lemma in WEAK_LEMMAS and not has_that:
        return None
    if text[after:after + 1] in "“\"" and _quote_runs_to(text, after, end):
        return None
    cut = _CUT_RE.search(text, after, end)
    c_end = cut.start() if cut else end
    if not has_words(text, after, c_end, 2) or (
            not has_that and lemma not in {"say", "tell", "write", "tweet"}
            and not _FINITE_RE.search(text, after, min(c_end, after + 90))):
        return None
    # the subject last: every test above is about the content alone
    source = subject_before(text, body, cue_start)
    if source is None:
        return None
    conf = _STRONG_CONF.get(lemma, 0.7) if lemma not in _BELIEF else 0.5
    return RawAttribution(((after, c_end),), source, ((cue_start, cue_end),), "cue-then-content",
                          min(0.95, conf + (0.05 if has_that else 0)), lemma)


def _quote_runs_to(text: str, open_at: int, end: int) -> bool:
    close = max(text.rfind("”", open_at, end + 1), text.rfind('"', open_at + 1, end + 1))
    return close >= end - 2


def _post_posed(text: str, cue_start: int, cue_end: int, after: int, body: int, end: int,
                lemma: str) -> RawAttribution | None:
    source = subject_before(text, body, cue_start)
    if source is None or source[0] <= body:
        return None
    c_end = source[0]
    while c_end > body and text[c_end - 1] in " ":
        c_end -= 1
    if c_end <= body or text[c_end - 1] != ",":
        return None
    c_end -= 1
    if text[c_end - 1] in "”\"":
        return None  # a direct quote: the quote rules own it
    pieces = [(body, c_end)]
    rest_start = after
    while rest_start < end and text[rest_start] in " ,":
        rest_start += 1
    if rest_start < end:
        pieces.append((rest_start, end))
    if not has_words(text, body, c_end, 3):
        return None
    conf = _STRONG_CONF.get(lemma, 0.7) if lemma not in _BELIEF else 0.5
    return RawAttribution(tuple(pieces), source, ((cue_start, cue_end),), "content-then-cue",
                          conf, lemma)


def _inverted(text: str, cue_start: int, cue_end: int, body: int, end: int,
              lemma: str) -> RawAttribution | None:
    """"…, said John Smith, a spokesman for the ministry." """
    source = phrase_after(text, cue_end, end)
    if source is None:
        return None
    tail = text[source[1]:end].strip()
    if tail and not tail.startswith(","):
        return None
    c_end = text.rfind(",", body, cue_start)
    if c_end <= body or not has_words(text, body, c_end, 3) or text[c_end - 1] in "”\"":
        return None
    return RawAttribution(((body, c_end),), source, ((cue_start, cue_end),), "content-cue-source",
                          _STRONG_CONF.get(lemma, 0.7), lemma)
