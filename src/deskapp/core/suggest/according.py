"""Cues that name the source after them: "according to X", "citing X", "quoted X as saying"."""

from __future__ import annotations

import re

from deskapp.core.annotations import SourceKind
from deskapp.core.suggest import rules
from deskapp.core.suggest.clauses import verb_like
from deskapp.core.suggest.kinds import source_kind
from deskapp.core.suggest.model import RawAttribution
from deskapp.core.suggest.phrases import (
    has_words,
    phrase_after,
    split_sources,
    trim_phrase,
)
from deskapp.core.suggest.subjects import subject_before

_AS_SAYING_RE = re.compile(r"\s+([^,.;:“”\"]{1,80}?)\s+as\s+(?:saying|telling)\b")
# ", Nepal and Sri Lanka": more names of a list that a comma seemed to end
_NAME_LIST_RE = re.compile(r",(?:\s+[A-Z][\w’'-]*)+(?:,(?:\s+[A-Z][\w’'-]*)+)*\s+(?:and|or)"
                           r"(?:\s+the)?(?:\s+[A-Z][\w’'-]*)+")
_SOURCE_END_RE = re.compile(r"[,;:“”\"]|\s[–—]\s|\.(?:\s|$)")


def _source_end(text: str, start: int, end: int) -> int:
    m = _SOURCE_END_RE.search(text, start, end)
    return m.start() if m else end


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " ,:":
        pos += 1
    return pos


def _cites_a_source(phrase: str) -> bool:
    """"citing officials", "citing CNN", "citing a report" — not "citing security concerns"."""
    return source_kind(phrase) != SourceKind.UNKNOWN or any(w[:1].isupper() for w in phrase.split())


# "…, according to X, but services prices are still rising": a clause of the writer's
_NEW_CLAUSE_RE = re.compile(r"(?:but|and|yet|while|whereas|although|though)\s+(?=\S)")
_FIRST_WORD_RE = re.compile(r"[\w’'-]+")


def _new_clause(text: str, after: int, end: int) -> bool:
    """A conjunction and a subject of its own after "according to X," (not "…, but remains")."""
    m = _NEW_CLAUSE_RE.match(text, after, end)
    if m is None or (first := _FIRST_WORD_RE.match(text, m.end(), end)) is None:
        return False
    # a verb within a few words, not first ("but services prices are", not "but remains")
    return not verb_like(first.group()) and any(
        verb_like(w) for w in _FIRST_WORD_RE.findall(text, first.end(), min(end, first.end() + 30)))


def according_to(text: str, m: re.Match, body: int, end: int) -> list[RawAttribution]:
    """"C, according to X and Y." → one attribution per source, sharing the cue."""
    cue = (m.start(), m.end())
    src_end = _source_end(text, m.end(), end)
    if m.start() > body + 1 and (names := _NAME_LIST_RE.match(text, src_end, end)):
        src_end = _source_end(text, names.end(), end)  # "a trial in Bangladesh, Nepal and …"
    phrase = trim_phrase(text, m.end(), src_end)
    if phrase is None:
        phrase = phrase_after(text, m.end(), end)
        if phrase is None:
            return []
    content: tuple[tuple[int, int], ...]
    if m.start() <= body + 1:
        after = _skip_space(text, phrase[1], end)
        if not has_words(text, after, end, 3):
            return []
        content = ((after, end),)
    else:
        c_end = m.start()
        while c_end > body and text[c_end - 1] in " ,–—-":
            c_end -= 1
        if not has_words(text, body, c_end, 2):  # "Most don't, according to neighbours."
            return []
        content = ((body, c_end),)
        after = _skip_space(text, phrase[1], end)
        if after < end and text[phrase[1]:after].strip(" ") == "," \
                and not _new_clause(text, after, end):
            content = (*content, (after, end))
    sources = split_sources(text, *phrase)
    conf = rules.ACCORDING_TO.conf(None if len(sources) == 1 else "several sources")
    return [RawAttribution(content, s, (cue,), rules.ACCORDING_TO, conf) for s in sources]


def citing(text: str, m: re.Match, body: int, end: int,
           same_sentence: list[RawAttribution]) -> RawAttribution | None:
    """"…, CNN reported, citing officials." — content shared with the sentence's other cue."""
    if text[max(0, m.start() - 2):m.start()] != ", ":
        return None
    phrase = trim_phrase(text, m.end(), _source_end(text, m.end(), end))  # up to the comma
    if phrase is None:
        phrase = phrase_after(text, m.end(), end)
        if phrase is None:
            return None
    if text.startswith(",", phrase[1]) and not same_sentence:
        return None  # ", citing X, that …": the content comes later (``citing_first``)
    if not _cites_a_source(text[phrase[0]:phrase[1]]):
        return None
    if same_sentence:
        content = same_sentence[-1].content
    else:
        c_end = m.start() - 2
        if not has_words(text, body, c_end, 3):
            return None
        content = ((body, c_end),)
    return RawAttribution(content, phrase, ((m.start(), m.end()),), rules.CITING,
                          rules.CITING.conf(), "cite")


def citing_first(text: str, m: re.Match, body: int, end: int,
                 found: list[RawAttribution]) -> RawAttribution | None:
    """"Citing unnamed officials, The Wall Street Journal reported that …": the content of
    the sentence's next attribution (``found``: the block's attributions so far)."""
    comma = text.find(",", m.end(), end)
    if comma < 0:
        return None
    phrase = trim_phrase(text, m.end(), comma)
    if phrase is None or not _cites_a_source(text[phrase[0]:phrase[1]]):
        return None
    for raw in found:
        if comma < raw.cue[0][0] < end and raw.content[0][0] > comma:
            return RawAttribution(raw.content, phrase, ((m.start(), m.end()),),
                                  rules.CITING, rules.CITING.conf(), "cite")
    return None


def quoted_x_as_saying(text: str, m: re.Match, end: int, body: int = 0) -> RawAttribution | None:
    """"Reuters quoted a senior official as saying that …"; "The minister was quoted by
    SANA as saying …" (the source is the subject, the cue "was quoted" + "as saying")."""
    hit = _AS_SAYING_RE.match(text, m.end(), end)
    if hit is None:
        return None
    cue = ((m.start(), m.end()), (hit.end(1) + 1, hit.end()))
    if text.startswith("by ", hit.start(1)):  # passive
        aux = re.search(r"\b(?:was|were|is|are|has been|have been|had been)\s+$",
                        text[max(body, m.start() - 16):m.start()])
        if aux is None:
            return None
        cue_start = m.start() - len(aux.group())
        source = subject_before(text, body, cue_start)
        cue = ((cue_start, m.end()), cue[1])
    else:
        source = trim_phrase(text, hit.start(1), hit.end(1))
    if source is None:
        return None
    after = _skip_space(text, hit.end(), end)
    if not has_words(text, after, end, 2):
        return None
    return RawAttribution(((after, end),), source, cue, rules.QUOTED_AS_SAYING,
                          rules.QUOTED_AS_SAYING.conf(), "say")
