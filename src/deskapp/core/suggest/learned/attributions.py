"""Attributions at the cues the learned model finds where no rule fired.

For each sentence that holds a word ever seen in a cue, the cue model scores those words;
a run of words above its threshold is a cue. The source is the nearest run of words the
source model marks before the cue (or just after it: "…, said X"); the content is the run
the content model marks on the side of the cue it favours. Words that the rules already
put in an attribution or a quote are left to the rules.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from deskapp.core.suggest import rules
from deskapp.core.suggest.clauses import verbless
from deskapp.core.suggest.cue_shapes import PREPOSITION_RE, no_clause_object
from deskapp.core.suggest.learned.features import (
    CONTENT,
    CUE,
    NONE,
    SOURCE,
    Token,
    cue_features,
    quoted_flags,
    role_features,
    tokens,
)
from deskapp.core.suggest.learned.weights import LearnedModel, learned_model
from deskapp.core.suggest.lexicon import (
    AUX_WORDS,
    BE_WORDS,
    FORM_TO_LEMMA,
    HEARER_VERBS,
    INNER_ADVERBS,
)
from deskapp.core.suggest.model import Range, RawAttribution
from deskapp.core.suggest.subjects import subject_before

RULE = rules.LEARNED_CUE.id
# Words the hand-written rules read: where they made no attribution, they decided so
# ("said nothing", "the reported case", "Syrian state TV"); the model does not overrule them.
RULE_WORDS = frozenset(FORM_TO_LEMMA) | {"according", "citing", "quoting", "quoted"}
_INFINITIVE_RE = re.compile(r"to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|"
                            r"these|those|him|them|us|me)\b)[a-z]+\b")  # "is expected to rise"
_INDEFINITE_RE = re.compile(r"an?\s")
RULE_WORD_MARGIN = 4.0  # chosen on the tuning fold (0: +0.3 recall, -0.6 precision)
_MAX_SOURCE_GAP = 12  # words between a source and its cue
_SENTENCE_END = frozenset(".!?")
# what "said nothing", "said little" report: no content
_EMPTY_CONTENT = frozenset({"nothing", "little", "much", "more", "less", "otherwise", "so"})
_TIME_WORDS = frozenset({
    "today", "yesterday", "tonight", "now", "then", "ago", "earlier", "later", "week",
    "month", "year", "day", "night", "morning", "evening", "afternoon", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "next", "this", "last"})
# words that make no cue on their own ("publicly", "has", "not")
_CUE_MODIFIERS = frozenset(AUX_WORDS) | frozenset(INNER_ADVERBS) | {"n’t", "n't"}
# words that end no source and make no content on their own ("The" before "FA", "him")
_FUNCTION_WORDS = frozenset({
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that",
    "these", "those", "first", "last", "him", "them", "it", "us", "me", "you", ",", "who",
    "which", "of", "for", "to", "in", "on", "and", "or", "but"})


class Taken:
    """Where the rules already put cues, sources and contents, and quotes: asked per word."""

    def __init__(self, cues: Sequence[Range], sources: Sequence[Range],
                 contents: Sequence[Range], quotes: Sequence[Range],
                 hulls: Sequence[Range] = ()) -> None:
        self._layers = [(tag, _merged(ranges)) for tag, ranges in
                        ((CUE, cues), (SOURCE, sources), (CONTENT, contents), (CONTENT, quotes))]
        self._hulls = _merged(hulls)

    def tag(self, pos: int) -> str:
        for tag, (starts, ends) in self._layers:
            i = bisect_right(starts, pos) - 1
            if i >= 0 and pos < ends[i]:
                return tag
        return NONE

    def tags(self, toks: Sequence[Token]) -> list[str]:
        """``tag`` of each word's start, for the words of one sentence (in text order)."""
        out = [NONE] * len(toks)
        if not toks:
            return out
        lo, hi = toks[0][1], toks[-1][2]
        for tag, (starts, ends) in reversed(self._layers):  # the first layer wins
            i = max(bisect_right(starts, lo) - 1, 0)
            n = len(starts)
            if i == n or starts[i] >= hi:
                continue
            for k, (_, pos, _) in enumerate(toks):
                while i < n and ends[i] <= pos:
                    i += 1
                if i == n or starts[i] >= hi:
                    break
                if starts[i] <= pos:
                    out[k] = tag
        return out

    def in_hull(self, pos: int) -> bool:
        """Whether ``pos`` lies between the first and last word of a rule's attribution
        (its cue's adverbials and hearers: "said in a statement released on Sunday that")."""
        starts, ends = self._hulls
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]


def _merged(ranges: Sequence[Range]) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(ranges):
        if starts and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


@dataclass(frozen=True, slots=True)
class LearnedAttribution:
    raw: RawAttribution
    reason: str


class SentenceCache:
    """What the models found in each sentence, by its words and the rules' findings in it
    (a rerun after a one-word correction reads again only the sentence it touched)."""

    LIMIT = 50_000

    def __init__(self) -> None:
        self._found: dict[tuple, list[LearnedAttribution]] = {}

    def clear(self) -> None:
        self._found.clear()

    def get(self, key: tuple) -> list[LearnedAttribution] | None:
        return self._found.get(key)

    def put(self, key: tuple, found: list[LearnedAttribution]) -> None:
        if len(self._found) >= self.LIMIT:
            self._found.clear()
        self._found[key] = found


def learned_attributions(text: str, sentences: Sequence[Range], taken: Taken,
                         skipped: Sequence[Range] = (), model: LearnedModel | None = None,
                         cache: SentenceCache | None = None) -> list[LearnedAttribution]:
    """Attributions at learned cues in ``sentences`` of ``text`` (none if no model)."""
    model = model or learned_model()
    if model is None:
        return []
    found: list[LearnedAttribution] = []
    skip_starts = [s for s, _ in skipped]
    is_candidate = model.is_candidate
    for s, e in sentences:
        if skipped:
            i = bisect_right(skip_starts, s) - 1
            if i >= 0 and s < skipped[i][1]:
                continue
        toks = tokens(text, s, e)
        lower = [w.lower() for w, _, _ in toks]
        if not any(map(is_candidate, lower)):
            continue
        line_start = s == 0 or text[s - 1] == "\n"
        tags = taken.tags(toks)
        free = free_words(toks, tags, taken)
        key = (text[s:e], line_start, "".join(tags), tuple(free))
        here = cache.get(key) if cache is not None else None
        if here is None:
            here = _in_sentence(model, text, s, e, toks, lower, tags, free, line_start)
            if cache is not None:
                cache.put(key, here)
        found.extend(_moved(a, s) for a in here)
    return found


def _moved(found: LearnedAttribution, d: int) -> LearnedAttribution:
    """``found`` (offsets from its sentence's start) at offsets from the text's start."""
    raw = found.raw
    return LearnedAttribution(replace(
        raw, content=tuple((a + d, b + d) for a, b in raw.content),
        source=(raw.source[0] + d, raw.source[1] + d) if raw.source else None,
        cue=tuple((a + d, b + d) for a, b in raw.cue)), found.reason)


def _score(weights: dict[str, float], features: list[str]) -> float:
    get = weights.get
    return sum([get(f, 0.0) for f in features])


def sentence_cues(model: LearnedModel, toks: list[Token], lower: list[str], tags: list[str],
                  free: list[bool], line_start: bool) -> tuple[list[Range], dict[int, float]]:
    """The learned cues of one sentence (word ranges) and the scores of its candidate
    words; ``free``: the words outside every rule's attribution."""
    quoted = quoted_flags(lower)
    is_candidate = model.is_candidate
    get = model.cue.get
    scores: dict[int, float] = {}
    for i, w in enumerate(lower):
        if free[i] and is_candidate(w):
            features = cue_features(toks, lower, quoted, tags, i, line_start)
            scores[i] = model.word_score(w) + sum([get(f, 0.0) for f in features])
    return _cue_runs(scores, model.cue_threshold, lower), scores


def free_words(toks: list[Token], tags: list[str], taken: Taken) -> list[bool]:
    return [tag == NONE and not taken.in_hull(t[1]) for t, tag in zip(toks, tags, strict=True)]


def _in_sentence(model: LearnedModel, text: str, start: int, end: int, toks: list[Token],
                 lower: list[str], tags: list[str], free: list[bool],
                 line_start: bool) -> list[LearnedAttribution]:
    """The sentence's learned attributions, in offsets from ``start`` (they are kept)."""
    cues, scores = sentence_cues(model, toks, lower, tags, free, line_start)
    if not cues:
        return []
    role = [role_features(toks, lower, cues, i) for i in range(len(toks))]
    source = [_score(model.source, f) > 0 for f in role]
    content = [_score(model.content, f) for f in role]
    out = []
    for i, tag in enumerate(tags):  # a word the rules gave a role is theirs
        if tag != NONE:
            source[i] = False
            content[i] = -math.inf
    for a, b in cues:
        src = (_carried_source(tags, lower, a) or _source(source, lower, a, b)
               or (None if lower[a] in BE_WORDS else _subject(text, start, toks, a, tags)))
        while src and src[0] < src[1] and lower[src[0]] in _SOURCE_LEADERS:
            src = (src[0] + 1, src[1])  # "with fans saying" → "fans"
        kept = _content(content, lower, a, b, src)
        # the word the reason names: the best scored that is no modifier ("happily supporting")
        head = max(range(a, b), key=lambda i: (lower[i] not in _CUE_MODIFIERS
                                               and not lower[i].endswith("ly"), scores[i]))
        if not kept or _empty(lower[kept[0]:kept[1] + 1]) or (
                kept[0] >= b and _no_content_after(text, toks[kept[0]][1], end, lower[head],
                                                   a > 0 and lower[a - 1] in _DETERMINERS)):
            continue
        raw = RawAttribution(
            content=((toks[kept[0]][1] - start, toks[kept[1]][2] - start),),
            source=(toks[src[0]][1] - start, toks[src[1]][2] - start) if src else None,
            cue=((toks[a][1] - start, toks[b - 1][2] - start),), rule=RULE,
            confidence=_confidence(scores[head]), verb=lower[head])
        out.append(LearnedAttribution(raw, cue_reason(model, lower[head])))
    return out


_DUTY = frozenset({"must", "should", "shall"})  # "ministers should announce": a duty
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my",
                          "your", "this", "these", "those", "several", "many", "some"})
_ORDINALS = frozenset({"first", "second", "third", "last", "latest", "early", "initial"})
_SOURCE_LEADERS = frozenset({"with", "by", "from", "as", "and", "but", "while", "after",
                             "of", "for", "to", "in", "on", ","})
_PRONOUN_SOURCES = frozenset({"it", "you", "this", "that"})


def _cue_runs(scores: dict[int, float], threshold: float,
              lower: list[str]) -> list[tuple[int, int]]:
    """Runs of words that score above ``threshold`` for one of them (a word of a rule
    needs ``RULE_WORD_MARGIN`` more), grown over neighbours scoring above zero ("publicly
    backed"); never a participle used as an adjective ("the first reported case")."""
    runs: list[tuple[int, int]] = []
    for i in sorted(scores):
        needed = threshold + (RULE_WORD_MARGIN if lower[i] in RULE_WORDS else 0)
        if scores[i] <= needed or (runs and runs[-1][0] <= i < runs[-1][1]):
            continue
        a, b = i, i + 1
        while scores.get(a - 1, -1.0) > 0:
            a -= 1
        while scores.get(b, -1.0) > 0:
            b += 1
        if _adjectival(lower, a, b) or (a and lower[a - 1] in _DUTY) or all(
                w in _CUE_MODIFIERS or w.endswith("ly") for w in lower[a:b]):
            continue
        if runs and runs[-1][1] >= a:
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
    return runs


def _adjectival(lower: list[str], a: int, b: int) -> bool:
    """A participle between a determiner (and perhaps an ordinal) and its noun."""
    head = lower[b - 1]
    before = lower[a - 1] if a else ""
    if before in _ORDINALS and a > 1:
        before = lower[a - 2]
    return head.endswith("ed") and before in _DETERMINERS and b < len(lower) \
        and lower[b].isalpha() and lower[b] not in _FUNCTION_WORDS


def _subject(text: str, start: int, toks: list[Token], a: int,
             tags: list[str]) -> tuple[int, int] | None:
    """The rules' reading of the noun phrase that ends right before the cue ("Israel
    refuses"), as word indexes, where the source model marked none (never for a passive
    cue: "The FA is expected to …" names what is expected, not who expects it)."""
    found = subject_before(text, start, toks[a][1])
    if found is None:
        return None
    first = next((i for i in range(a) if toks[i][2] > found[0]), None)
    last = next((i for i in range(a - 1, -1, -1) if toks[i][1] < found[1]), None)
    if first is None or last is None or first > last \
            or any(tag != NONE for tag in tags[first:last + 1]):
        return None
    return first, last


def _carried_source(tags: list[str], lower: list[str], a: int) -> tuple[int, int] | None:
    """The source a participle after a comma carries on ("Guaidó has claimed …, implying
    that …"): the last source the rules found before it in the sentence."""
    if a < 2 or lower[a - 1] != "," or not lower[a].endswith("ing"):
        return None
    end = next((i for i in range(a - 2, -1, -1) if tags[i] == SOURCE), None)
    if end is None:
        return None
    start = end
    while start > 0 and tags[start - 1] == SOURCE:
        start -= 1
    return start, end


def _source(marked: list[bool], lower: list[str], a: int, b: int) -> tuple[int, int] | None:
    """The nearest run of source words before the cue, else one right after it."""
    j = a - 1
    while j >= 0 and not marked[j]:
        j -= 1
    if j >= 0 and a - j <= _MAX_SOURCE_GAP:
        end = j
        while j > 0 and marked[j - 1]:
            j -= 1
        while end + 1 < a and lower[end] in _FUNCTION_WORDS - {",", "who", "which"}:
            end += 1  # "The" → "The FA"
        while end > j and (lower[end] in _FUNCTION_WORDS or lower[end] in _CUE_MODIFIERS):
            end -= 1  # "suit," → "suit", "men who later" → "men"
        if lower[end] in _FUNCTION_WORDS and lower[end] not in _PRONOUN_SOURCES:
            return None
        if j > 0 and lower[j - 1] == "," and lower[end + 1] == ",":
            return None  # "Police, firefighters, said": an apposition to nothing named
        return j, end
    j = b
    n = len(lower)
    while j < n and not marked[j]:
        j += 1
    if j < n and j - b <= 4:
        start = j
        while j + 1 < n and marked[j + 1]:
            j += 1
        return start, j
    return None


def _content(score: list[float], lower: list[str], a: int, b: int,
             src: tuple[int, int] | None) -> tuple[int, int] | None:
    """The content's first and last word: on the side of the cue the content model favours,
    from the word next to the cue to the last word it marks (an aside after a comma ends at
    its closing comma). It may reach another learned cue: on expert-annotated news, stopping
    there lost more contents than it saved (tuning fold: content F1 .688 → .683)."""
    right = [i for i in range(b, len(lower)) if lower[i] not in _SENTENCE_END]
    left = [i for i in range(a) if not (src and src[0] <= i <= src[1])]
    mean_right = sum(score[i] for i in right[:8]) / len(right[:8]) if right else -math.inf
    mean_left = sum(score[i] for i in left[-8:]) / len(left[-8:]) if left else -math.inf
    side = right if mean_right >= mean_left else left[::-1]
    # ", citing security concerns, cancelled …": an aside ends at its closing comma
    aside = side is right and a > 0 and lower[a - 1] == ","
    kept: list[int] = []
    for i in side:
        if (aside and lower[i] == ",") or score[i] == -math.inf:
            break
        kept.append(i)
    while kept and score[kept[-1]] <= 0:
        kept.pop()
    if not kept or (side is right and lower[kept[0]] == ","):
        return None  # ", adding nothing more": a clause of the source's own, no content
    return (kept[0], kept[-1]) if side is right else (kept[-1], kept[0])


def _no_content_after(text: str, start: int, end: int, cue: str, noun: bool) -> bool:
    """What the rules read as no content after their verbs: an object that reports nothing
    ("said nothing", "is recalling 1.2 million power banks"), a hearer or a circumstance
    ("claimed to a tribunal", "were told to leave"), a thing made rather than a claim ("had
    written a letter of apology", "recommended a pay rise"): an indefinite object, no clause;
    and after a ``noun`` (a cue after a determiner), a prepositional phrase."""
    lemma = FORM_TO_LEMMA.get(cue, "")
    if not lemma:  # a noun's modifier: "a decision on the runway", "a letter of apology"
        return noun and bool(PREPOSITION_RE.match(text, start) or text.startswith("of ", start))
    if PREPOSITION_RE.match(text, start):
        return lemma in HEARER_VERBS or not _INFINITIVE_RE.match(text, start)
    if _INDEFINITE_RE.match(text, start) and verbless(text, start, end):
        return True  # "had written a letter of apology": a thing made, not a claim
    return no_clause_object(text, start, end, lemma)


def _empty(words: list[str]) -> bool:
    """Nothing reported: "said nothing", "backed him last month", "spoke on Monday"."""
    if words[0] in _EMPTY_CONTENT:
        return True
    return all(w in _FUNCTION_WORDS or w in _TIME_WORDS or not w.isalnum() for w in words)


def _confidence(score: float) -> float:
    return round(0.3 + 0.45 / (1 + math.exp(-score / 4)), 2)


def cue_reason(model: LearnedModel, word: str) -> str:
    """Why a learned cue is proposed, with the corpus evidence for its word."""
    cue_uses, uses = model.uses(word)
    if uses:
        evidence = (f"in {model.articles} expert-annotated news articles, “{word}” was a cue "
                    f"in {cue_uses} of its {uses} uses")
    else:
        evidence = (f"words like “{word}” were cues in {model.articles} expert-annotated "
                    "news articles")
    return f"Read as a cue from its context: {evidence}"
