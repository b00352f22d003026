"""Indirect speech: "X said that …", "…, X reported.", passive "it was reported that …".

``find_attributions`` walks every cue of the text once; each cue looks only at its own
sentence. "according to" and "citing" live in ``according.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from deskapp.core.suggest.according import according_to, citing, citing_first, quoted_x_as_saying
from deskapp.core.suggest.clauses import (
    after_conjunction,
    comma_cut,
    coordinated_cut,
    gap_before_that,
    lead_subject,
    name_after,
    trailing_phrase,
    verbless,
)
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
from deskapp.core.suggest.phrases import phrase_after, previous_word, subject_before, words
from deskapp.core.suggest.sentences import Layout

_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|will|would|could|can|has|have|had|did|does|do|should|may|might|"
    r"must|shall|[a-z]+ed|[a-z]+n't)\b|\bto\s+[a-z]+"
)
_CUT_RE = re.compile(r",\s+(?:according\s+to|citing|[a-z]{3,}ing\b(?<!including)(?<!during))")
_WITHOUT_RE = re.compile(r", without [a-z]+ing\b")  # ", without giving details"
_CITING_ASIDE_RE = re.compile(
    r"\s*,\s+(?:citing|quoting|according\s+to)\s+[^,;.“”\"]{1,80},\s+(?=that\s)")
_ASIDE_START_RE = re.compile(r"(?:[a-z]+ing|according\s+to|without)\b")
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these",
                "those", "this", "that", "such", "no", "any", "some", "several", "many"}
# A content does not open with a bare preposition ("will report within a month").
_PREPOSITION_RE = re.compile(r"(?:in|on|at|within|by|for|to|from|after|before|during|over|"
                             r"until|with|without|into|about|under)\s")
_NOT_PASSIVE = {"expect"}  # "X is expected to …" tells what will happen, not who said it
_INFINITIVE_RE = re.compile(r"\s+(?:not\s+)?to\s+[a-z]")
# An adverb between a subject and its cue belongs to the cue ("also claimed").
_CUE_ADVERBS = {"also", "repeatedly", "previously", "publicly", "privately", "reportedly",
                "allegedly", "later", "earlier", "again", "further", "separately", "initially",
                "originally", "subsequently", "recently", "often", "once"}
_BELIEF = {"believe", "think", "hope", "fear", "expect"}
_TO_WHAT = {"respond", "reply", "comment", "react"}  # "respond to X" names no content
_STRONG_CONF = {"say": 0.9, "tell": 0.85, "report": 0.85, "claim": 0.85, "announce": 0.8,
                "confirm": 0.8, "deny": 0.8, "warn": 0.8, "add": 0.8, "write": 0.8,
                "tweet": 0.85, "state": 0.8}


def find_attributions(layout: Layout, quote_hulls: list[Range],
                      used_cues: set[int]) -> list[RawAttribution]:
    text = layout.text
    quote_starts = [s for s, _ in quote_hulls]
    found: list[RawAttribution] = []
    opening_citing: list[tuple[re.Match, int, int]] = []
    for m in CUE_RE.finditer(text):
        pos = m.start()
        if pos in used_cues or _inside(quote_hulls, quote_starts, pos) or layout.is_skipped(pos):
            continue
        sentence = layout.sentence_at(pos)
        if sentence is None:
            continue
        body = layout.body_start(sentence[0], pos)
        end = _content_end(text, sentence[0], sentence[1])
        same_sentence = [a for a in found[-3:] if a.content[0][0] >= body]
        if m.group("according"):
            found.extend(according_to(text, m, body, end))
        elif m.group("citing"):
            hit = citing(text, m, body, end, same_sentence)
            if hit:
                found.append(hit)
            else:  # "Citing officials, CNN reported that …": the content comes later
                opening_citing.append((m, body, end))
        elif m.group("quoted_x"):
            hit = quoted_x_as_saying(text, m, end, body)
            if hit:
                found.append(hit)
        elif m.group("quoted"):
            hit = _finite(text, pos, m.end(), "quote", body, end)
            if hit:
                found.append(hit)
        else:
            verb = m.group("verb")
            if FORM_TO_LEMMA[verb] in QUOTE_ONLY_LEMMAS:
                continue
            if verb.endswith("ing") and not _has_aux(text, body, pos):
                hit = _participle(text, m, end, same_sentence, body)
            else:
                hit = _finite(text, pos, m.end(), FORM_TO_LEMMA[verb], body, end, same_sentence)
            if hit:
                found.append(hit)
    for m, body, end in opening_citing:
        hit = citing_first(text, m, body, end, found)
        if hit:
            found.append(hit)
    return found


def _inside(hulls: list[Range], starts: list[int], pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and hulls[i][0] <= pos < hulls[i][1]


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
    if (word[0].isdigit() and text[pos - 2] != ",") or (  # "Kelly Brennan, 34, said"
            form in NOUNISH_FORMS and word in NOT_VERB_BEFORE
            and (prev[0].islower() or word in _DETERMINERS)):  # not "Sky News reported"
        return False
    return not (form.endswith("s") and form in NOUNISH_FORMS and text[pos - 2] in "’'")


def _finite(text: str, pos: int, cue_end: int, lemma: str, body: int,
            end: int, same_sentence: list[RawAttribution] = ()) -> RawAttribution | None:
    form = text[pos:cue_end]
    if not _looks_verbal(text, body, pos, form):
        return None
    aux = aux_before(text, max(body, pos - 60), pos)
    cue_start = aux.start() if aux else pos
    if aux is None and text[pos - 1:pos] == " ":
        space = text.rfind(" ", max(body, pos - 16), pos - 1)
        if space >= body and text[space + 1:pos - 1] in _CUE_ADVERBS:
            cue_start = space + 1
    aux_words = set(aux.group().split()) if aux else set()
    if aux_words & BE_WORDS and form in PAST_PARTICIPLES and lemma != "quote":
        return None if lemma in _NOT_PASSIVE else _passive(text, cue_start, cue_end, body, end)
    after = ADVERBIAL_RUN_RE.match(text, cue_end, end).end()
    if lemma in HEARER_VERBS:
        hearer = HEARER_RE.match(text, after, end)
        if hearer and not text.startswith(" that", after) \
                and not _INFINITIVE_RE.match(text, hearer.end()):  # "urged Britain to stop"
            after = ADVERBIAL_RUN_RE.match(text, hearer.end(), end).end()
    if text.startswith(", that ", after):  # "she cautioned, however, that …"
        after += 1
    before = text[body:cue_start].rstrip()
    rest = text[after:end].strip()
    if rest.startswith(",") and (skip := _CITING_ASIDE_RE.match(text, after, end)):
        after = skip.end()  # "CNN reported, citing sources, that …"
    elif not rest or rest.startswith(","):
        return _post_posed(text, cue_start, cue_end, after, body, end, lemma)
    if end - after <= 80 and text.count(" ", after, end) <= 7 \
            and text.rfind(", ", body, cue_start) >= 0 \
            and trailing_phrase(text, after, end):  # "…, researchers reported in The Lancet."
        hit = _post_posed(text, cue_start, cue_end, end, body, end, lemma)
        if hit and verbless(text, hit.source[0], hit.source[1]):
            return hit
    if before.endswith(",") and lemma not in _BELIEF:
        inverted = _inverted(text, cue_start, cue_end, body, end, lemma)
        if inverted and not _subject_fills(text, body, cue_start):
            return inverted
    return _pre_posed(text, cue_start, cue_end, after, body, end, lemma, same_sentence)


def _subject_fills(text: str, body: int, cue_start: int) -> bool:
    """"A council official, speaking on condition of anonymity, said …": all before the
    cue is its subject with an apposition, so the cue is no inverted "…, said X"."""
    subject = subject_before(text, body, cue_start)
    return subject is not None and subject[0] <= body + 1


def _pre_posed(text: str, cue_start: int, cue_end: int, after: int, body: int, end: int,
               lemma: str, same_sentence: list[RawAttribution] = ()) -> RawAttribution | None:
    source = subject_before(text, body, cue_start)
    if source is None and after_conjunction(text, body, cue_start):  # "… but warned that"
        previous = same_sentence[-1].source if same_sentence else None
        source = previous or lead_subject(text, body, cue_start)
    if source is None:
        return None
    while after < end and text[after] in " :,":
        after += 1
    if not text.startswith("that ", after):  # "said in her ruling that …"
        after = gap_before_that(text, after, end, lemma in HEARER_VERBS)
    has_that = text.startswith("that ", after)
    if lemma in WEAK_LEMMAS and not has_that:
        return None
    if lemma in _TO_WHAT and text.startswith(("to ", "on "), after):
        return None  # "did not respond to a request for comment"
    if not has_that and _PREPOSITION_RE.match(text, after):
        return None
    if text[after:after + 1] in "“\"" and _quote_runs_to(text, after, end):
        return None
    cut = _CUT_RE.search(text, after, end)
    c_end = cut.start() if cut else end
    if (without := text.find(", without ", after, c_end)) >= 0 and _WITHOUT_RE.match(text, without):
        c_end = without
    if text.find(" and ", after, c_end) >= 0 or text.find(" but ", after, c_end) >= 0:
        c_end = coordinated_cut(text, after, c_end)  # "… and warned that"
    if text.find(", ", after, c_end) >= 0:
        c_end = comma_cut(text, after, c_end)  # ", while Jones said", ", two diplomats said"
    ws = words(text, after, c_end)
    if len(ws) < (1 if lemma == "deny" else 2) or (
            not has_that and lemma not in {"say", "tell", "write", "tweet", "deny"}
            and not _FINITE_RE.search(text, after, min(c_end, after + 90))):
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
    if rest_start < end and not _ASIDE_START_RE.match(text, rest_start):  # ", citing X"
        pieces.append((rest_start, end))
    if len(words(text, body, c_end)) < 3:
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
    source = (source[0], name_after(text, source[1], end))  # "…, the governor, Jane Doe"
    tail = text[source[1]:end].strip()
    if tail and not tail.startswith(","):
        return None
    c_end = text.rfind(",", body, cue_start)
    if c_end <= body or len(words(text, body, c_end)) < 3 or text[c_end - 1] in "”\"":
        return None
    return RawAttribution(((body, c_end),), source, ((cue_start, cue_end),), "content-cue-source",
                          _STRONG_CONF.get(lemma, 0.7), lemma)


def _passive(text: str, cue_start: int, cue_end: int, body: int, end: int) -> RawAttribution | None:
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
    lead = text[body:cue_start].rstrip().lower()
    if after >= end and lead.endswith(", it"):  # "…, it was announced on Monday."
        c_end = body + len(lead) - 4
        if len(words(text, body, c_end)) < 3:
            return None
        return RawAttribution(((body, c_end),), None, ((c_end + 2, cue_end),), "passive", 0.5)
    if not text.startswith(("that ", "to "), after) or len(words(text, after, end)) < 3:
        return None
    if lead == "it" or (subject and text[subject[0]:subject[1]].lower() == "it"):
        content: tuple[Range, ...] = ((after, end),)
        if lead == "it":  # the cue is "It was reported"
            cue_start = body
    elif subject:
        content = ((subject[0], subject[1]), (after, end))
    else:
        return None
    return RawAttribution(content, None, ((cue_start, cue_end),), "passive", 0.5)


def _participle(text: str, m: re.Match, end: int,
                same_sentence: list[RawAttribution], body: int = -1) -> RawAttribution | None:
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
    if not has_that and len(words(text, after, end)) < 4:
        return None
    if same_sentence:
        source = same_sentence[-1].source
    elif has_that or lemma in {"say", "add"}:
        source = lead_subject(text, body, pos)
    else:
        return None
    if source is None:
        return None
    return RawAttribution(((after, end),), source, ((pos, m.end()),), "participle", 0.6, lemma)
