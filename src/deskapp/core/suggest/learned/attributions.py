"""Attributions at the cues the learned model finds where no rule fired.

For each sentence that holds a word ever seen in a cue, the cue model scores those words
and the source and content models the words around the cues found (``spans.py`` turns
the scores into spans). Words that the rules already put in an attribution or a quote
(``taken.py``) are left to the rules. What a sentence gives is kept for reruns.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import repeat

from deskapp.core.suggest import rules
from deskapp.core.suggest.learned.features import (
    CUE,
    NONE,
    Token,
    cue_features,
    quoted_flags,
    rival_features,
    role_features,
    tokens,
)
from deskapp.core.suggest.learned.spans import (
    CUE_MODIFIERS,
    NOUN_MARKERS,
    SOURCE_LEADERS,
    carried_source,
    content_words,
    coordinated,
    cue_runs,
    naming,
    no_content_after,
    passive_agent,
    relative_source,
    reports_nothing,
    sentence_subject,
    source_words,
    subject,
)
from deskapp.core.suggest.learned.taken import Taken
from deskapp.core.suggest.learned.weights import LearnedModel, learned_model
from deskapp.core.suggest.lexicon import BE_WORDS
from deskapp.core.suggest.model import Range, RawAttribution
from deskapp.core.suggest.rules.learned import scored

RULE = rules.LEARNED_CUE
_CLAUSE_BREAKS = frozenset((",", ";", ":", "and", "but", "—", "–"))


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
    for s, e in sentences:
        if skipped:
            i = bisect_right(skip_starts, s) - 1
            if i >= 0 and s < skipped[i][1]:
                continue
        toks = tokens(text, s, e)
        lower = [w.lower() for w, _, _ in toks]
        flags = model.candidate_flags(lower)
        if not any(flags):
            continue
        line_start = s == 0 or text[s - 1] == "\n"
        tags = taken.tags(toks)
        free = free_words(toks, tags, taken)
        if cache is None:
            here = _in_sentence(model, text, s, e, toks, lower, tags, free, line_start, flags)
        else:
            key = (text[s:e], line_start, "".join(tags), tuple(free))
            here = cache.get(key)
            if here is None:
                here = _in_sentence(model, text, s, e, toks, lower, tags, free, line_start,
                                    flags)
                cache.put(key, here)
        if here:
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
    return sum(map(weights.get, features, repeat(0.0, len(features))))


def sentence_cues(model: LearnedModel, toks: list[Token], lower: list[str], tags: list[str],
                  free: list[bool], line_start: bool, flags: list[bool] | None = None
                  ) -> tuple[list[Range], dict[int, float]]:
    """The learned cues of one sentence (word ranges) and the scores of its candidate
    words, read where the rules gave no role (``tags``); ``free``: the words outside the
    span of every rule's attribution (the others are read too, knowing it); ``flags``: which
    words are candidates (``model.candidate_flags(lower)``, if already known). A capitalised
    word inside a sentence is a name ("Jane Doe resigned"), unless the sentence is a title
    ("Trump Slams Rivals")."""
    scores: dict[int, float] = {}
    candidates = _candidates(toks, tags, free, model.candidate_flags(lower) if flags is None
                             else flags)
    if not candidates:
        return [], scores
    quoted = quoted_flags(lower)
    rivals = rival_features(tags, candidates, [model.cue_rate(lower[i]) for i in candidates])
    for i, more in zip(candidates, rivals, strict=True):
        features = cue_features(toks, lower, quoted, tags, i, line_start, model.classes,
                                not free[i]) + more
        scores[i] = model.word_score(lower[i]) + _score(model.cue, features)
    return cue_runs(scores, model.cue_threshold, lower), scores


def candidate_words(model: LearnedModel, toks: list[Token], lower: list[str],
                    tags: list[str], free: list[bool]) -> list[int]:
    """The words of a sentence the cue model reads (training reads the same)."""
    return _candidates(toks, tags, free, model.candidate_flags(lower))


def _candidates(toks: list[Token], tags: list[str], free: list[bool],
                flags: list[bool]) -> list[int]:
    """``candidate_words`` of the words whose ``flags`` say they are candidates and the
    rules gave no role (``tags``); inside the span of a rule's attribution (not ``free``),
    only in a clause after its cue's ("…,” Law said, *noting* that donors feel “…”", never
    "said *in* a statement that …" nor "The party *rejected* the results, saying …")."""
    title: bool | None = None  # worked out at the first capitalised candidate
    out = []
    readable = _after_rule_cues(toks, tags, free) if CUE in tags else free
    for i, candidate in enumerate(flags):
        if candidate and readable[i]:
            if i and toks[i][0][0].isupper():
                if title is None:
                    title = _title_case(toks)
                if not title:
                    continue
            out.append(i)
    return out


def _after_rule_cues(toks: list[Token], tags: list[str], free: list[bool]) -> list[bool]:
    """Whether each word is one the rules gave no role, outside their attributions' spans
    (``free``) or in a clause after a rule's cue (a comma or "and" since the cue)."""
    out = []
    after_cue = clause_of_cue = False
    for i, tag in enumerate(tags):
        if tag == CUE:
            clause_of_cue = True
        elif clause_of_cue and toks[i][0] in _CLAUSE_BREAKS:
            clause_of_cue, after_cue = False, True
        out.append(free[i] or (tag == NONE and after_cue and not clause_of_cue))
    return out


def _title_case(toks: list[Token]) -> bool:
    """Most words capitalised: a headline written as a title."""
    words = [w for w, _, _ in toks if w[0].isalpha()]
    return len(words) > 1 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def free_words(toks: list[Token], tags: list[str], taken: Taken) -> list[bool]:
    """Whether each word is outside every attribution the rules found (``Taken.free``)."""
    if len(toks) != len(tags):
        raise ValueError("one tag per word")
    return taken.free(toks, tags)


def _in_sentence(model: LearnedModel, text: str, start: int, end: int, toks: list[Token],
                 lower: list[str], tags: list[str], free: list[bool], line_start: bool,
                 flags: list[bool] | None = None) -> list[LearnedAttribution]:
    """The sentence's learned attributions, in offsets from ``start`` (they are kept); none
    whose cue lies in what another one reports (expert annotators mark one attribution
    there: "Party leaders fear voters will *favor* a candidate …")."""
    cues, scores = sentence_cues(model, toks, lower, tags, free, line_start, flags)
    if not cues:
        return []
    roles = _RoleScores(model, toks, lower, cues, tags)
    source, content = roles.source, roles.content
    out = []
    last = None  # the source of the sentence's cue before
    for a, b in cues:
        passive = passive_agent(text, start, toks, lower, tags, a, b)
        if passive is not None:
            src, kept = passive
        else:
            src = (coordinated(lower, a, last) or carried_source(tags, lower, a) or naming(
                source_words(source, lower, a, b)
                or (None if lower[a] in BE_WORDS else subject(text, start, toks, a, tags)),
                toks, lower, model.classes)
                or naming(sentence_subject(text, start, toks, a, tags), toks, lower,
                          model.classes))
            while src and src[0] < src[1] and lower[src[0]] in SOURCE_LEADERS:
                src = (src[0] + 1, src[1])  # "with fans saying" → "fans"
            if src and src[0] > 0 and lower[src[0] - 1] == "," and lower[src[1] + 1] == ",":
                src = None  # "Police, firefighters, said": an apposition to nothing named
            if src and src[1] < a and lower[a] in BE_WORDS and lower[b - 1].endswith("ed"):
                src = None  # "The FA is expected to …": what is expected, not who expects
            src = relative_source(lower, a, src)
            kept = content_words(content, lower, a, b, src, cues)
        last = src
        # the word the reason names: the best scored that is no modifier ("happily supporting")
        head = max(range(a, b), key=lambda i: (lower[i] not in CUE_MODIFIERS
                                               and not lower[i].endswith("ly"), scores[i]))
        if not kept or reports_nothing(lower[kept[0]:kept[1] + 1]) or (
                kept[0] >= b and no_content_after(text, toks[kept[0]][1], end, lower[head],
                                                   a > 0 and lower[a - 1] in NOUN_MARKERS)):
            continue
        raw = RawAttribution(
            content=((toks[kept[0]][1] - start, toks[kept[1]][2] - start),),
            source=(toks[src[0]][1] - start, toks[src[1]][2] - start) if src else None,
            cue=((toks[a][1] - start, toks[b - 1][2] - start),), rule=RULE,
            confidence=scored(scores[head]), verb=lower[head])
        out.append((a, kept, LearnedAttribution(raw, cue_reason(model, lower[head]))))
    return [found for a, _, found in out if not any(lo <= a <= hi for _, (lo, hi), _ in out)]


class _RoleScores:
    """Whether the source model marks each word of a sentence, and the content model's
    score of it, each worked out when first read (the spans seldom read a whole sentence).
    A word the rules gave a role is theirs: never a source, never content."""

    def __init__(self, model: LearnedModel, toks: list[Token], lower: list[str],
                 cues: list[Range], tags: list[str]) -> None:
        self._model, self._toks, self._lower, self._cues, self._tags = \
            model, toks, lower, cues, tags
        n = len(toks)
        done = [False] * n
        self._done = done
        self._marked = [False] * n
        self._scores = [-math.inf] * n
        self.source: Sequence[bool] = _Read(self._marked, done, self._work)
        self.content: Sequence[float] = _Read(self._scores, done, self._work)

    def _work(self, i: int) -> None:
        self._done[i] = True
        if self._tags[i] == NONE:
            features = role_features(self._toks, self._lower, self._cues, i)
            self._marked[i] = _score(self._model.source, features) > 0
            self._scores[i] = _score(self._model.content, features)


class _Read(Sequence):
    """A list whose item ``i`` ``work(i)`` fills in when first read (``done[i]`` then)."""

    __slots__ = ("_done", "_items", "_work")

    def __init__(self, items: list, done: list[bool], work: Callable[[int], None]) -> None:
        self._items, self._done, self._work = items, done, work

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i):  # type: ignore[override]  # an int, as the spans read it
        if not self._done[i]:  # (IndexError past the end, as a list)
            self._work(i if i >= 0 else i + len(self._items))
        return self._items[i]


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
