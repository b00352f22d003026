"""Words a proposal is made of: cue words scored in a sentence, names and noun phrases."""

from __future__ import annotations

import re

from deskapp.core.clause_units import Range
from deskapp.core.selection import sentence_at
from deskapp.core.suggest.learned.attributions import sentence_cues
from deskapp.core.suggest.learned.features import NONE, quoted_flags, tokens
from deskapp.core.suggest.learned.weights import learned_model
from deskapp.core.suggest.lexicon import AUX_WORDS, FORM_TO_LEMMA, INNER_ADVERBS


def _set(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_IRREGULAR = _set(
    "saw said told wrote thought felt knew found gave made put took heard spoke read forecast "
    "says tells sees thinks feels knows finds believes warns")
_DETERMINERS = _set("the a an his her its their our my your main")
_UNLIKELY = _set("is was are were be been being has have had does did do news")
_PHRASES = re.compile(r"\b(?:according to|in a statement|citing|(?:(?:was|were|is|are)\s+)?"
                      r"quoted as saying|(?:it\s+)?(?:is|was|are|were)\s+(?:understood|"
                      r"believed|thought|expected)(?=\s+(?:that|to)\b)|it\s+is\s+understood)\b",
                      re.IGNORECASE)
_PARTICLE = re.compile(r"\s+(?:on|for|back|out)\b(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|"
                       r"Friday|Saturday|Sunday)\b)")
_KEEP = frozenset({"keep", "keeps", "kept"})
_PHRASAL = _set("call calls called calling write writes wrote written hit hits lash lashes "
                "lashed point points pointed speak speaks spoke rule rules ruled spell spells "
                "spelled spelt")  # "called on", "wrote back", "pointed out"
_NAME = re.compile(
    r"[A-Z][\w’'.-]*(?:\s+(?:of|for|the|de|al|and)\s+[A-Z][\w’'.-]*|\s+[A-Z][\w’'.-]*"
    r"|\s+\([A-Z]+\))*")
_NOUN_PHRASE = re.compile(
    r"\b(?:the|a|an|many|some|most|several|analysts|officials|experts|his|her|their|its)"
    r"(?:\s+(?!(?:said|says|told|was|is|were|are|has|had|have|who|which|that|and|but|of|to|"
    r"in|on|at|by|for|with|from|over|as|than|the|a|an)\b)[\w’'-]+){1,4}(?:\s+of\s+[A-Z]"
    r"[\w’'-]*)?", re.IGNORECASE)
_PRONOUNS = re.compile(r"\b(?:he|she|they|it|we|I)\b")
_SKIP_NAMES = _set("The A An But And In On At It He She They We This That")


def sentence_of(text: str, pos: int) -> Range:
    return sentence_at(text, pos)


def _verb_shape(lower: list[str], i: int) -> float:
    """How much word ``i`` looks like a finite verb or participle."""
    w = lower[i]
    prev = lower[i - 1] if i else ""
    if w in _UNLIKELY or w in INNER_ADVERBS or w.endswith("ly") or not w.isalpha():
        return -30.0
    score = 0.0
    if w in _IRREGULAR or w in FORM_TO_LEMMA:
        score += 12.0
    if w.endswith(("ed", "es")) or (w.endswith("s") and not w.endswith("ss") and len(w) > 3):
        score += 12.0
    if w.endswith("ing") and prev == ",":  # ", ruling that …"
        score += 12.0
    if prev in AUX_WORDS:
        score += 6.0
    if prev in _DETERMINERS or prev.endswith(("'s", "’s")):
        score -= 20.0
    return score


QUOTED_PENALTY = 20.0


def cue_scores(text: str, sentence: Range, quoted_too: bool = False
               ) -> list[tuple[Range, float]]:
    """Every word of the sentence that could be a cue (with the auxiliaries before it),
    and how likely it is one; "according to"-like phrases score highest. Words inside
    quotation marks only with ``quoted_too`` (a quote's own "he told us"), scored lower."""
    toks = tokens(text, *sentence)
    lower = [w.lower() for w, _, _ in toks]
    model = learned_model()
    scores: dict[int, float] = {}
    if model is not None and toks:
        line_start = sentence[0] == 0 or text[sentence[0] - 1] == "\n"
        _, scores = sentence_cues(model, toks, lower, [NONE] * len(toks), [True] * len(toks),
                                  line_start)
    quoted = quoted_flags(lower)
    out: list[tuple[Range, float]] = []
    for i, (_, _start, end) in enumerate(toks):
        shape = _verb_shape(lower, i)
        model_cue = model is not None and scores.get(i, -99.0) > model.cue_threshold \
            and not (i and lower[i - 1] in _DETERMINERS)  # "a repeat of": a noun
        if (quoted[i] and not quoted_too) or (shape < 12 and not model_cue):
            continue  # neither shaped like a verb nor a cue the model is sure of
        first = i
        if first > 0 and lower[first - 1] in _KEEP and lower[i].endswith("ing"):
            first -= 1  # "keep asking"
        while first > 1 and lower[first - 1] in INNER_ADVERBS and lower[first - 2] in AUX_WORDS:
            first -= 1  # "have both warned"
        while first > 0 and lower[first - 1] in AUX_WORDS and lower[first - 1] != "'s":
            first -= 1
        penalty = QUOTED_PENALTY if quoted[i] else 0.0
        score = scores.get(i, -25.0) + shape - penalty
        out.append(((toks[first][1], end), score))
        if lower[i] in _PHRASAL and (particle := _PARTICLE.match(text, end, sentence[1])):
            out.append(((toks[first][1], particle.end()), score + 1.0))  # "called on"
    for match in _PHRASES.finditer(text, *sentence):
        out.append((match.span(), 40.0))
    return out


def name_runs(text: str, start: int, end: int) -> list[Range]:
    """Capitalised runs ("the International Institute for Strategic Studies (IISS)" less
    its article), with pronouns."""
    out = []
    for match in _NAME.finditer(text, start, end):
        if match.group() in _SKIP_NAMES:
            continue
        out.append(match.span())
    out += [m.span() for m in _PRONOUNS.finditer(text, start, end)]
    return out


def noun_phrases(text: str, start: int, end: int) -> list[Range]:
    """Noun phrases led by a determiner or a plural of people, up to five words."""
    return [m.span() for m in _NOUN_PHRASE.finditer(text, start, end)]
