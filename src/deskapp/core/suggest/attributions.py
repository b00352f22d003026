"""Indirect speech: "X said that …", "…, X reported.", passive "it was reported that …".

``find_attributions`` walks every cue of the text once; each cue looks only at its own
sentence. "according to" and "citing" live in ``according.py``, the passive and "…, adding
that …" in ``passive.py``, where a finite cue's content and source sit in ``cue_shapes.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from deskapp.core.suggest import vocab
from deskapp.core.suggest.according import according_to, citing, citing_first, quoted_x_as_saying
from deskapp.core.suggest.clauses import verbless
from deskapp.core.suggest.content_edges import trailing_phrase
from deskapp.core.suggest.cue_shapes import (
    BELIEF,
    denied_noun,
    inverted,
    post_posed,
    pre_posed,
    same_sentence,
)
from deskapp.core.suggest.learned.weights import word_class
from deskapp.core.suggest.lexicon import (
    ADVERBIAL_RUN_RE,
    BE_WORDS,
    CUE_RE,
    FORM_TO_LEMMA,
    HEARER_RE,
    HEARER_VERBS,
    NEVER_ADJECTIVE,
    NOT_VERB_BEFORE,
    NOUN_BEFORE_VERB,
    NOUNISH_FORMS,
    PAST_PARTICIPLES,
    QUOTE_ONLY_LEMMAS,
    aux_before,
)
from deskapp.core.suggest.model import Range, RawAttribution
from deskapp.core.suggest.passive import participle, passive
from deskapp.core.suggest.phrases import previous_word
from deskapp.core.suggest.sentences import DATELINE_RE, Layout
from deskapp.core.suggest.subjects import subject_before

_CITING_ASIDE_RE = re.compile(
    r"\s*,\s+(?:citing|quoting|according\s+to)\s+[^,;.“”\"]{1,80},\s+(?=that\s)")
_DETERMINERS = set(vocab.read("attributions_determiners"))
_ARTICLES = {"the", "a", "an", "this", "that"}
_CONTRACTED = set(vocab.read("contracted"))  # "he’s said": "he has"
# forms read as nouns far more often than as verbs: a verb only before "that" or a colon,
# or after a pronoun, an auxiliary or "to" ("a news report published", "Soviet states")
_MOSTLY_NOUNS = set(vocab.read("mostly_nouns"))
_VERB_OPENERS = set(vocab.read("verb_openers"))
_QUANTIFIERS = {"few", "several", "many", "most"}  # "a few say …": people, then a verb
_NUMBER_WORDS = set(vocab.read("number_words"))
_NOT_PASSIVE = {"expect"}  # "X is expected to …" tells what will happen, not who said it
_DUTY_RE = re.compile(r"(?:must|should|shall)\b")
_INFINITIVE_RE = re.compile(r"\s+(?:not\s+)?to\s+[a-z]")
# An adverb between a subject and its cue belongs to the cue ("also claimed").
_CUE_ADVERBS = set(vocab.read("cue_adverbs"))


def find_attributions(layout: Layout, quote_hulls: list[Range],
                      used_cues: set[int]) -> list[RawAttribution]:
    text = layout.text
    quote_starts = [s for s, _ in quote_hulls]
    starts, sentences, skipped = layout.starts, layout.sentences, layout.skipped
    datelines = layout.dateline_ends
    found: list[RawAttribution] = []
    opening_citing: list[tuple[re.Match, int, int]] = []
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
            hit = citing(text, m, body, end, same_sentence(found, body))
            if hit is None:  # "Citing officials, CNN reported that …": the content comes later
                opening_citing.append((m, body, end))
                continue
        elif group("quoted_x"):
            hit = quoted_x_as_saying(text, m, end, body)
        elif group("quoted"):
            hit = _finite(text, pos, m.end(), "quote", body, end)
        else:
            verb = group("verb")
            lemma = FORM_TO_LEMMA[verb]
            if lemma in QUOTE_ONLY_LEMMAS:
                continue
            if verb.endswith("ing") and not _has_aux(text, body, pos):
                hit = participle(text, m, end, same_sentence(found, body), body)
            else:
                hit = _finite(text, pos, m.end(), lemma, body, end, found)
        if hit is not None:
            found.append(hit)
    for m, body, end in opening_citing:
        hit = citing_first(text, m, body, end, found)
        if hit is not None:
            found.append(hit)
    return found


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
    if word[0].isdigit() and text[pos - 2] != ",":  # "Kelly Brennan, 34, said"
        return False
    if word in _DETERMINERS and word != "that" and FORM_TO_LEMMA.get(form) == form:
        return False  # "in its report that …", "the estimate": a noun
    if form in NOUNISH_FORMS and word in NOT_VERB_BEFORE and (
            prev[0].islower() or word in _DETERMINERS  # not "Sky News reported"
            or text.startswith(prev, body)):  # "Police reports show …"
        if form.endswith("s"):  # "police reports", "the claims"
            return False
        if form in NEVER_ADJECTIVE:  # "Some said", but "That said, …"
            return word not in _ARTICLES
        if word in _DETERMINERS or word not in NOUN_BEFORE_VERB:
            return False  # "the reported attack", "unconfirmed reported cases"
    plural = form.endswith("s") and form in NOUNISH_FORMS
    nounish = plural or FORM_TO_LEMMA.get(form) == form
    if (nounish and word.endswith(("’s", "'s")) and word not in _CONTRACTED) \
            or (plural and word in _NUMBER_WORDS):
        return False  # "Clark’s comments", "Editor’s note:", "nine states held contests"
    if nounish and word_class(word) == "ADJ" and word not in _QUANTIFIERS:
        return False  # "An early tweet quoted …", "crude remarks he’d made"
    return not (plural and text[pos - 2] in "’'")


def _verb_before(text: str, body: int, pos: int) -> bool:
    """A pronoun, an auxiliary or "to" right before ``pos`` ("they report", "will note")."""
    prev = previous_word(text, max(body, pos - 30), pos)
    return prev is not None and prev.lower() in _VERB_OPENERS


def _finite(text: str, pos: int, cue_end: int, lemma: str, body: int,
            end: int, found: list[RawAttribution] | tuple = ()) -> RawAttribution | None:
    form = text[pos:cue_end]
    if not _looks_verbal(text, body, pos, form) or (
            form in _MOSTLY_NOUNS and not text.startswith((" that ", ":"), cue_end)
            and not _verb_before(text, body, pos)):  # "Syrian state TV", "battleground states"
        return None
    aux = aux_before(text, max(body, pos - 60), pos)
    cue_start = pos
    if aux is not None:
        cue_start = aux.start()
        if _DUTY_RE.match(aux.group()):
            return None  # "companies must report a hazard": a duty, not a statement
        if form in PAST_PARTICIPLES and lemma != "quote" and \
                not BE_WORDS.isdisjoint(aux.group().split()):
            return None if lemma in _NOT_PASSIVE else passive(text, cue_start, cue_end, body, end)
    elif text[pos - 1:pos] == " ":  # "also claimed": the adverb belongs to the cue
        space = text.rfind(" ", max(body, pos - 16), pos - 1)
        if space >= body and text[space + 1:pos - 1] in _CUE_ADVERBS:
            cue_start = space + 1
    after = ADVERBIAL_RUN_RE.match(text, cue_end, end).end()
    told = False  # "told reporters that": ``after`` is past the hearer
    if lemma in HEARER_VERBS:
        hearer = HEARER_RE.match(text, after, end)
        if hearer and not text.startswith(" that", after) \
                and not _INFINITIVE_RE.match(text, hearer.end()):  # "urged Britain to stop"
            after = ADVERBIAL_RUN_RE.match(text, hearer.end(), end).end()
            told = True
    if text.startswith(", that ", after):  # "she cautioned, however, that …"
        after += 1
    rest = text[after:end].strip()
    if rest.startswith(",") and (skip := _CITING_ASIDE_RE.match(text, after, end)):
        after = skip.end()  # "CNN reported, citing sources, that …"
    elif not rest or rest.startswith(","):
        if lemma == "deny" and (hit := denied_noun(text, cue_start, cue_end, body)):
            return hit
        return post_posed(text, cue_start, cue_end, after, body, end, lemma)
    if end - after <= 80 and text.count(" ", after, end) <= 7 \
            and text.rfind(", ", body, cue_start) >= 0 \
            and trailing_phrase(text, after, end):  # "…, researchers reported in The Lancet."
        hit = post_posed(text, cue_start, cue_end, end, body, end, lemma)
        if hit and verbless(text, hit.source[0], hit.source[1]):
            return hit
    if lemma not in BELIEF and text[body:cue_start].rstrip().endswith(","):
        hit = inverted(text, cue_start, cue_end, body, end, lemma)
        if hit and not _subject_fills(text, body, cue_start):
            return hit
    return pre_posed(text, cue_start, cue_end, after, body, end, lemma, found, told)


def _subject_fills(text: str, body: int, cue_start: int) -> bool:
    """"A council official, speaking on condition of anonymity, said …": all before the
    cue is its subject with an apposition, so the cue is no inverted "…, said X"."""
    subject = subject_before(text, body, cue_start)
    return subject is not None and subject[0] <= body + 1
