"""The most likely attribution around the caret, also where no suggestion rule fired.

A pending suggestion under the caret is taken as it is. Otherwise the cue is the best
verb or noun of the clause at the caret (the learned cue model's score, read at any
threshold, plus the shape of a verb), the source its subject (``subject_before``) or the
nearest named person or body, the content its complement up to the end of the clause.
Candidates for the source and the cue (``source_candidates``, ``cue_candidates``) let an
editor pick another span of the text without typing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from deskapp.core.clause_units import COMPLEMENT, Range, trim, units_around
from deskapp.core.proposal_words import (
    QUOTED_PENALTY,
    cue_scores,
    name_runs,
    noun_phrases,
    sentence_of,
)
from deskapp.core.suggest.lexicon import FORM_TO_LEMMA
from deskapp.core.suggest.subjects import subject_before


@dataclass(frozen=True)
class Proposal:
    """Source, cue and content ranges of a proposed attribution."""

    content: Range
    cue: Range | None
    source: Range | None


_ADVERBIAL = re.compile(
    r"(?:\s*,?\s*(?:on|late|early|last|this)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|today|yesterday|tonight|week|month|year|night|morning|evening)\b"
    r"|\s*(?:also|again|publicly|repeatedly|previously|already|now|then|later)\b)+")
_SPEECH_FORMS = frozenset(FORM_TO_LEMMA)
# "told reporters that …" (an object before the complement), "said on Monday that …"
_TELLING = frozenset({"tell", "inform", "assure", "warn", "remind", "convince", "persuade",
                      "notify", "advise", "show", "teach", "promise", "brief"})
_TOLD_WHOM = re.compile(r"\s*(?:me|us|him|her|them|you)\b\s*[,:]?\s*[“\"‘']?(?=\w)")
_ADVERBIAL_HEADS = frozenset({"on", "in", "at", "during", "last", "this", "earlier", "late",
                              "after", "before", "from", "to", "via", "through", "again",
                              "also", "repeatedly", "publicly"})
CUE_FLOOR = -10.0  # below it a word of the clause is no cue: the next wider unit is read
_TRAILING_ADVERBIAL = re.compile(
    r"(?:\s+(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year)|\s+[a-z]+ly)+$")
_BAD_SOURCE = re.compile(r"^(?:and|but|or|while|as|that|which)\b|[“”\"]", re.IGNORECASE)


def propose_at(text: str, caret: int, suggestions: Iterable = ()) -> Proposal | None:
    """A pending suggestion around ``caret``, else the clause's best reading; None when the
    caret's sentence holds no word that could be a cue."""
    suggestions = list(suggestions)
    held = [item for item in suggestions if _holds(caret, item.content, item.cue)]
    on = _cue_on(text, caret)
    if held and (on is None or any(_overlap(on, (s.cue.start, s.cue.end))
                                   for s in held if s.cue is not None)):
        return _from_suggestion(held[0])
    cue = on or _best_cue(text, caret, units_around(text, caret))
    if cue is None:
        named = [item for item in suggestions if _holds(caret, item.source)]
        return _from_suggestion(named[0]) if named else None
    return propose_with_cue(text, cue, suggestions)


def propose_with_cue(text: str, cue: Range, suggestions: Iterable = ()) -> Proposal:
    """The attribution ``cue`` heads: its complement as content, its subject as source
    (what the mark dialog shows when the editor steps the cue of a proposal)."""
    content = _content_after(text, cue)
    return Proposal(content, cue, _source(text, cue, content, list(suggestions)))


_BREAK = re.compile(r"[,;:]|\s[—–]\s|\s(?=(?:and|but|although|though|while|which|as|after|"
                    r"before|because|when|where|saying|adding)\b)")


def content_ends(text: str, content: Range, stop: int | None = None) -> list[int]:
    """Where a content starting at ``content[0]`` may end: before each comma, semicolon,
    colon, dash or joining word up to the end of its paragraph, and at each sentence's end
    (its final stop left out); never past ``stop`` (a cue after the content)."""
    start = content[0]
    line_end = text.find("\n", start)
    limit = len(text) if line_end < 0 else line_end
    if stop is not None and stop > start:
        limit = min(limit, stop)
    ends = {trim(text, start, m.start())[1] for m in _BREAK.finditer(text, start, limit)}
    at = start
    while at < limit:
        sentence = sentence_of(text, at)
        ends.add(trim(text, start, min(sentence[1], limit))[1])
        if sentence[1] <= at:
            break
        at = sentence[1] + 1
    ends.add(trim(text, start, limit)[1])
    return sorted(e for e in ends if e > start + 1)


_WORD_START = re.compile(r"(?<![\w’'])[\w“\"‘(£$€]")


def step_content_start(text: str, content: Range, by: int) -> Range:
    """The content with its start moved one word later (``by`` > 0) or earlier, within
    its paragraph and never past its end."""
    start, end = content
    line = text.rfind("\n", 0, start) + 1
    if by > 0:
        later = next((m.start() for m in _WORD_START.finditer(text, start + 1, end)), None)
        moved = trim(text, later, end)[0] if later is not None else start
        return (moved, end) if moved < end else content
    earlier = [m.start() for m in _WORD_START.finditer(text, line, start)]
    return (earlier[-1], end) if earlier else content


def step_content(text: str, content: Range, by: int, stop: int | None = None) -> Range:
    """The content with its end moved to the next (``by`` > 0) or previous break."""
    ends = content_ends(text, content, stop)
    if by > 0:
        later = [e for e in ends if e > content[1]]
        return (content[0], later[0]) if later else content
    earlier = [e for e in ends if e < content[1]]
    return (content[0], earlier[-1]) if earlier else content


def propose_for(text: str, start: int, end: int, suggestions: Iterable = (),
                cue: Range | None = None) -> Proposal:
    """Cue (``cue`` when given) and source for the content ``[start, end)`` an editor
    selected."""
    sentence = sentence_of(text, start)
    if cue is None:
        cues = [c for c in cue_candidates(text, sentence) if c[1] <= start or c[0] >= end]
        cue = min(cues[:3], key=lambda c: _gap(c, (start, end)), default=None)
    source = _source(text, cue, (start, end), suggestions) if cue else None
    return Proposal((start, end), cue, source)


def _holds(caret: int, *spans) -> bool:
    return any(s is not None and s.start <= caret <= s.end for s in spans)


def _gap(a: Range, b: Range) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def _from_suggestion(item) -> Proposal:
    def rng(span) -> Range | None:
        return (span.start, span.end) if span is not None else None
    return Proposal((item.content.start, item.content.end), rng(item.cue), rng(item.source))


def _cue_on(text: str, caret: int) -> Range | None:
    """The cue word the caret is on (a verb of a nested attribution inside a suggestion's
    content too: "Western diplomats privately fear …, two of them told Wire")."""
    sentence = sentence_of(text, caret)
    plain = dict(cue_scores(text, sentence))
    on = [(score, cue) for cue, score in cue_scores(text, sentence, quoted_too=True)
          if cue[0] <= caret <= cue[1]
          and (score > (CUE_FLOOR if cue in plain else CUE_FLOOR - QUOTED_PENALTY)
               or text[cue[0]:cue[1]].split()[-1].lower() in _SPEECH_FORMS)]
    return max(on)[1] if on else None


def _best_cue(text: str, caret: int, units: list[Range]) -> Range | None:
    sentence = sentence_of(text, caret)
    scored = cue_scores(text, sentence) or [  # a sentence all quoted: its speech verbs
        (cue, score) for cue, score in cue_scores(text, sentence, quoted_too=True)
        if text[cue[0]:cue[1]].split()[-1].lower() in _SPEECH_FORMS]
    on = [(score, cue) for cue, score in scored if cue[0] <= caret <= cue[1] and score > CUE_FLOOR]
    if on:  # the caret on a verb: that verb
        return max(on)[1]
    clause = units[1] if len(units) > 1 else None
    if clause is not None and COMPLEMENT.match(text, clause[0]):
        # a caret in a "that" complement: the verb that governs it comes first
        for unit in (u for u in units if u[0] < clause[0]):
            before = [(score, cue) for cue, score in scored
                      if unit[0] <= cue[0] and cue[1] <= clause[0] and score > CUE_FLOOR]
            if before:
                return max(before)[1]
    for unit in units[1:]:  # the clause first, then wider units
        inside = [(score, cue) for cue, score in scored
                  if unit[0] <= cue[0] and cue[1] <= unit[1] and score > CUE_FLOOR]
        if inside:
            return max(inside)[1]
    return max(scored, key=lambda cs: cs[1])[0] if scored else None


def cue_candidates(text: str, sentence: Range, quoted_too: bool = False) -> list[Range]:
    """Cue words and phrases of the sentence, most likely first (those inside quotation
    marks last, with ``quoted_too``)."""
    scored = sorted(cue_scores(text, sentence, quoted_too), key=lambda cs: -cs[1])
    return [cue for cue, _ in scored]


_CUT = re.compile(
    r"\s*(?:,\s*(?:saying|adding|according|although|though|while|but|telling|suggesting|"
    r"implying|accusing|warning|noting|arguing|insisting|citing|compared)\b"
    r"|,\s*(?:a|an|one|two|three|four|five|several|just)\s+(?:day|days|week|weeks|month|months|"
    r"year|years|hour|hours)\s+(?:after|before|since)\b|;|\s[—–]\s)", re.IGNORECASE)
_JOINED = re.compile(r"\s+(?:and|but)\s+(?:(?:also|then|later)\s+)?([a-z]+)\b")
_QUOTE_CLOSE = "”\"’"


def _content_after(text: str, cue: Range) -> Range:
    """The complement after the cue, to the end of its sentence (less a trailing
    ", saying …", ", he said", "… and dismissed …"); the words before the cue when it
    closes its sentence ("“…,” she told Wire", "…, the agency reported Thursday")."""
    sentence = sentence_of(text, cue[0])
    limit = sentence[1]
    start = cue[1]
    if (adverbial := _ADVERBIAL.match(text, start, limit)) is not None:
        start = adverbial.end()
    lemma = FORM_TO_LEMMA.get(text[cue[0]:cue[1]].split()[-1].lower())
    if lemma in _TELLING and (told := _TOLD_WHOM.match(text, start, limit)) is not None:
        start = told.end()  # "told us they had …", "told me, ‘Nadia, …’"
    near = COMPLEMENT.search(text, start, min(limit, start + 60))
    between = text[start:near.start()].split() if near is not None else []
    complement = near is not None and len(between) <= 6 and (
        not between or between[0].lower() in _ADVERBIAL_HEADS
        or FORM_TO_LEMMA.get(text[cue[0]:cue[1]].split()[-1].lower()) in _TELLING)
    if complement:
        start = near.start()  # "told reporters in the capital that …": the complement
    if not complement and (quoted := _named_or_colon(text, cue, start, limit)) is not None:
        return quoted
    before = None if complement else _content_before(text, cue, sentence, start)
    if before is not None:
        return before
    after = _balanced(text, trim(text, start, _end_after(text, start, limit)))
    if any(ch.isalnum() for ch in text[after[0]:after[1]]):
        return after
    units = units_around(text, cue[0], cue[1])
    segment = next((u for u in units if u[0] < cue[0] or u[1] > cue[1]), cue)
    phrase = next((u for u in units if u[0] < segment[0]), units[-1])
    comma = text.rfind(",", phrase[0], cue[0])
    return trim(text, phrase[0], comma if comma > phrase[0] else cue[0])


_NAMING = frozenset(f"{stem}{end}" for stem in ("call", "brand", "label", "term", "hail")
                    for end in ("", "s", "ed", "ing")) | frozenset(
    {"describe", "describes", "described", "describing", "dub", "dubs", "dubbed", "dubbing"})
_OPENING = re.compile(r"(?:\s*(?:as\s+)?)?[“\"‘]|:\s*[“\"‘]?")


def _named_or_colon(text: str, cue: Range, start: int, limit: int) -> Range | None:
    """"called the vote “a promise kept …”": the quotation; "told lobbyists: …": what
    follows the colon (a few words of object before either)."""
    words = text[cue[0]:cue[1]].lower().split()
    naming = bool(words) and words[-1] in _NAMING
    for match in re.finditer(r"[“\"‘:]", text[start:min(limit, start + 50)]):
        at = start + match.start()
        if len(text[start:at].split()) > 5:
            return None
        if match.group() == ":":
            return trim(text, at + 1, _end_after(text, at + 1, limit))
        if naming:
            close = {"“": "”", "‘": "’"}.get(match.group(), match.group())
            end = text.find(close, at + 1, limit + 1)
            return trim(text, at + 1, end) if end > at + 1 else None
        return None
    return None


_PAIRS = {"”": "“", "’": "‘", '"': '"'}


def _balanced(text: str, content: Range) -> Range:
    """Without a closing quotation mark (and the stop before it) that closes a quotation
    opened before the content ("“Children told us they had … days.”")."""
    start, end = content
    while end > start and text[end - 1] in _PAIRS:
        closing = text[end - 1]
        inside = text[start:end - 1]
        opened = inside.count(_PAIRS[closing]) if closing != '"' else inside.count('"') % 2
        if opened if closing == '"' else inside.count(_PAIRS[closing]) > inside.count(closing):
            break
        if closing == "’" and end - 2 >= start and text[end - 2].isalpha():
            break  # an apostrophe ("the players’")
        end = trim(text, start, end - 1)[1]
    return (start, end)


def _end_after(text: str, start: int, limit: int) -> int:
    """Where a content after its cue ends: the sentence's end, or before the first cut."""
    end = limit
    if (cut := _CUT.search(text, start, limit)) is not None:
        end = cut.start()
    for joined in _JOINED.finditer(text, start, end):
        word = joined.group(1)
        if word in _SPEECH_FORMS or (word.endswith("ed") and len(word) > 4):
            # "… and dismissed claims …": its own mark
            end = joined.start()
            break
    for comma in re.finditer(",", text[start:end]):  # "…, two of them told Wire."
        rest = text[start + comma.end():end].split()
        if len(rest) <= 6 and any(w.strip(".,”’\"").lower() in _SPEECH_FORMS for w in rest):
            return start + comma.start()
    return end


def _content_before(text: str, cue: Range, sentence: Range, after: int) -> Range | None:
    """The words before a cue that closes its sentence after a comma or closing quote:
    a subject of a few words before it, at most a few words after it."""
    cut = max(text.rfind(",", sentence[0], cue[0]),
              max(text.rfind(q, sentence[0], cue[0]) for q in _QUOTE_CLOSE))
    if cut <= sentence[0] + 3:
        return None
    subject = text[cut + 1:cue[0]].split()
    if not 1 <= len(subject) <= 10 or len(text[after:sentence[1]].split()) > 4:
        return None
    if any(word.lower() in _RELATIVE_WORDS for word in subject):
        return None  # "…, a deal that developing countries denounced as inadequate"
    content = trim(text, sentence[0], cut)
    return content if any(ch.isalnum() for ch in text[content[0]:content[1]]) else None


def _source(text: str, cue: Range, content: Range, suggestions: Iterable) -> Range | None:
    sentence = sentence_of(text, cue[0])
    lo = content[1] if content[1] <= cue[0] else sentence[0]
    head = cue[0]
    if text[lo:cue[0]].rstrip().endswith(",") and text[cue[0]:cue[1]].endswith("ing"):
        verbs = [c for c, score in cue_scores(text, sentence)
                 if lo <= c[0] and c[1] < cue[0] and score > CUE_FLOOR]
        head = verbs[0][0] if verbs else head  # ", ruling that …": the main clause's subject
    while (adverb := _ADVERB_BEFORE.search(text, lo, head)) is not None and adverb.start() > lo:
        head = adverb.start()  # "developing countries immediately denounced"
    for relative in re.finditer(r"\b(?:that|which|whom|whose|what)\s+", text[lo:head]):
        if text[lo + relative.end():head].strip():  # "a deal that developing countries …"
            lo = lo + relative.end()
    found = _without_relative(text, subject_before(text, lo, head))
    if found is not None and (tail := _TRAILING_ADVERBIAL.search(text, *found)) is not None:
        found = (found[0], tail.start()) if tail.start() > found[0] else found
    if found is not None and found[0] < found[1] and not _BAD_SOURCE.search(text[slice(*found)]):
        return found
    for item in suggestions:  # "X said … but cautioned": the source of the same sentence
        src = getattr(item, "source", None)
        if src is not None and sentence[0] <= src.start and src.end <= cue[0]:
            found = (src.start, src.end)
    if found is not None and not _BAD_SOURCE.search(text[slice(*found)]):
        return found
    candidates = source_candidates(text, cue)
    return candidates[0] if candidates else None


def source_candidates(text: str, cue: Range, first: Range | None = None) -> list[Range]:
    """Names and noun phrases of the cue's sentence (and the one before), nearest the
    cue first; ``first`` leads when given."""
    sentence = sentence_of(text, cue[0])
    previous = sentence_of(text, max(0, sentence[0] - 2)) if sentence[0] > 1 else sentence
    found: list[Range] = []
    subject = _without_relative(text, subject_before(text, sentence[0], cue[0]))
    subject = subject if subject and subject[0] < subject[1] else None
    for lo, hi in (sentence, previous):
        for rng in [*name_runs(text, lo, hi), *noun_phrases(text, lo, hi)]:
            if rng is not None and rng[0] < rng[1] and not _overlap(rng, cue):
                found.append(rng)
    ordered = sorted(set(found), key=lambda r: (r[0] < previous[1] and r[1] <= sentence[0],
                                                _gap(r, cue), r[0] > cue[0], r[0] - r[1]))
    near = [*_chunks_before(text, sentence, cue), *_agents_after(text, sentence, cue)]
    leading = [r for r in dict.fromkeys((first, subject, *near)) if r is not None]
    return [*leading, *[r for r in ordered if r not in leading]]


_BOUNDARY = re.compile(r"[,;:“”\"()]|\b(?:that|which|who|what|and|but|as|while|after|when)\b",
                       re.IGNORECASE)
_AGENT = re.compile(r"\bby\s+")
_AGENT_END = re.compile(r"[,;:.“”\"]|\s(?:last|on|this|in|at|after|before|for|to|with)\s")


def _chunks_before(text: str, sentence: Range, cue: Range) -> list[Range]:
    """The words between each of the last few boundaries (a comma, "that", a quotation
    mark, the sentence's start) and the cue, adverbs before it left out: a subject
    "lawyers for the company", "The Columbus, Ohio-based company" (one comma kept)."""
    head = cue[0]
    while (adverb := _ADVERB_BEFORE.search(text, sentence[0], head)) is not None \
            and adverb.start() > sentence[0]:
        head = adverb.start()
    cuts = [m.end() for m in _BOUNDARY.finditer(text, sentence[0], head)]
    out = []
    for start in [*reversed(cuts[-3:]), sentence[0]]:
        chunk = trim(text, start, head)
        if (tail := _TRAILING_ADVERBIAL.search(text, *chunk)) is not None and tail.start() > start:
            chunk = trim(text, start, tail.start())  # "… (RLM) on Wednesday alleged"
        words = text[chunk[0]:chunk[1]].split()
        if 1 <= len(words) <= 14 and not _BAD_SOURCE.search(text[chunk[0]:chunk[1]]):
            out.append(chunk)
    return out


def _agents_after(text: str, sentence: Range, cue: Range) -> list[Range]:
    """"were described as … by the International Federation …": the agent of a passive
    cue, with and without what follows its first noun phrase."""
    if not re.search(r"\b(?:is|are|was|were|been|be|being)\b", text[cue[0]:cue[1]]):
        return []
    agent = _AGENT.search(text, cue[1], sentence[1])
    if agent is None:
        return []
    end = _AGENT_END.search(text, agent.end(), sentence[1])
    short = trim(text, agent.end(), end.start() if end else sentence[1])
    comma = re.search(r"[,;.]", text[agent.end():sentence[1]])
    long = trim(text, agent.end(), agent.end() + comma.start() if comma else sentence[1])
    return [r for r in dict.fromkeys((short, long)) if r[0] < r[1]]


_ADVERB_BEFORE = re.compile(
    r"\b(?:[a-z]+ly|also|already|now|then|still|never|not|both|all|again|later|once)\s*$")
_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})
_RELATIVE = re.compile(r",\s*(?:who|which|whose|where)\b")


def _without_relative(text: str, found: Range | None) -> Range | None:
    """"Prime Minister Ana Marković, who visited …": the name without its relative clause."""
    if found is None:
        return None
    relative = _RELATIVE.search(text, *found)
    return (found[0], relative.start()) if relative and relative.start() > found[0] else found


def _overlap(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]
