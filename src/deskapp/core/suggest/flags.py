"""Review flags: what a careful editor would query before approving an article.

Kinds: "unattributed figure", "vague attribution", "quote without speaker",
"unbalanced quotation marks", "speaker named two ways", "quote repeated differently".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from difflib import SequenceMatcher

from deskapp.core.spans import Span
from deskapp.core.suggest import vocab
from deskapp.core.suggest.model import AttributionSuggestion, Flag, QuoteSuggestion
from deskapp.core.suggest.sentences import Layout

_NUMBER_RE = re.compile(
    r"\d[\d,.]*(?:\s*(?:%|percent|per\s+cent|million|billion|trillion|thousand|bn|m)\b)?"
    r"(?:\s*(?:and|to|or|-|–)\s*\d[\d,.]*(?:\s*(?:%|percent|million|billion|trillion|thousand)\b)?)?"
)
_QUANTIFIER_RE = re.compile(
    r"(?:(?:between|more\s+than|less\s+than|fewer\s+than|about|around|nearly|almost|some|"
    r"at\s+least|at\s+most|up\s+to|over|roughly|approximately|an\s+estimated|as\s+many\s+as|"
    r"as\s+much\s+as|only|just)\s+)?[$€£¥]?$"
)
_NOUNS_AFTER_RE = re.compile(
    r"(?:\s+(?!(?:and|or|the|of|in|to|a|an|on|at|for|with|from|by|is|are|was|were|has|have|"
    r"had|will|who|which|that|since|after|before|per|than)\b)[a-z][\w-]*){0,2}"
)
_MONTHS = list(vocab.read("months"))
_DATE_NEAR_RE = re.compile(rf"\b(?:{'|'.join(_MONTHS)})\.?\s*$|^\s*(?:{'|'.join(_MONTHS)})\b")
_VAGUE = vocab.read("vague")
_WORD_RE = re.compile(r"\w+")


def review_flags(layout: Layout, quotes: tuple[QuoteSuggestion, ...],
                 attributions: tuple[AttributionSuggestion, ...],
                 unbalanced: list[int]) -> tuple[Flag, ...]:
    text = layout.text
    covered = _covered_sentences(layout, quotes, attributions)
    flags: list[Flag] = []
    flags += _figures(layout, covered)
    flags += _vague(layout)
    flags += [Flag("quote without speaker", q.span, "No speaker found for this quote.")
              for q in quotes if q.speaker is None]
    for pos in unbalanced:
        if layout.is_skipped(pos):
            continue
        s = layout.sentence_at(pos) or (pos, pos + 1)
        where = Span.of(text, max(s[0], min(pos, s[1])), s[1])
        flags.append(Flag("unbalanced quotation marks", where,
                          "A quotation mark here is never closed (or never opened)."))
    flags += _names_two_ways(text, quotes, attributions)
    flags += _repeated_quotes(quotes)
    flags.sort(key=lambda f: (f.span.start, f.span.end, f.kind))
    return tuple(flags)


def _covered_sentences(layout: Layout, quotes, attributions) -> set[int]:
    covered: set[int] = set()
    starts = layout.starts
    spans = [a.content for a in attributions] + [q.span for q in quotes if q.speaker]
    for span in spans:
        first = bisect_right(starts, span.start) - 1
        last = bisect_right(starts, max(span.start, span.end - 1)) - 1
        if first == last:
            covered.add(first)
        else:
            covered.update(range(first, last + 1))
    return covered


def _title_like(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end].rstrip()
    return not line.endswith((".", "!", "?", "”", '"', ":", ";"))


def _figures(layout: Layout, covered: set[int]) -> list[Flag]:
    text = layout.text
    starts, sentences, skipped = layout.starts, layout.sentences, layout.skipped
    flags: list[Flag] = []
    for m in _NUMBER_RE.finditer(text):
        s = m.start()
        # cheapest and most selective tests first: a sentence an attribution covers
        idx = bisect_right(starts, s) - 1
        if idx < 0 or idx in covered:
            continue
        if s and (text[s - 1].isalnum() or text[s - 1] in "-/"):
            continue
        number = m.group().rstrip(".,")
        e = s + len(number)
        if len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100:
            continue
        if skipped and layout.is_skipped(s):
            continue
        if _DATE_NEAR_RE.search(text, max(0, s - 12), s) or _DATE_NEAR_RE.match(text, e, e + 12):
            continue
        sentence = sentences[idx]
        if _title_like(text, *sentence):
            continue
        q = _QUANTIFIER_RE.search(text, max(sentence[0], s - 25), s)
        start = q.start() if q and q.group() else s
        e = _NOUNS_AFTER_RE.match(text, e, sentence[1]).end()
        flags.append(Flag("unattributed figure", Span.of(text, start, e),
                          "A figure with no source: who says so?"))
    return flags


def _vague(layout: Layout) -> list[Flag]:
    text = layout.text
    flags = []
    for word in _VAGUE:
        pos = text.find(word)
        while pos >= 0:
            if not layout.is_skipped(pos):
                flags.append(Flag("vague attribution", Span.of(text, pos, pos + len(word)),
                                  f"“{word}” does not say who claims it."))
            pos = text.find(word, pos + 1)
    return flags


def _names_two_ways(text: str, quotes, attributions) -> list[Flag]:
    mentions: dict[str, Span] = {}
    for q in quotes:
        if q.speaker and q.speaker_span and len(q.speaker.split()) >= 2:
            mentions.setdefault(q.speaker, q.speaker_span)
    for a in attributions:
        if a.source_kind == "person" and a.entity and a.source and len(a.entity.split()) >= 2:
            mentions.setdefault(a.entity, a.source)
    buckets: dict[str, list[str]] = defaultdict(list)
    for name in mentions:
        buckets[name.split()[0].lower()].append(name)
        buckets["~" + name.split()[-1].lower()[:3]].append(name)
    flags, seen = [], set()
    for names in buckets.values():
        for i, a in enumerate(names[:50]):
            for b in names[i + 1:50]:
                if (a, b) in seen or a.lower() == b.lower():
                    continue
                seen.add((a, b))
                if _similar(a.lower(), b.lower(), 0.8):
                    later = max(mentions[a], mentions[b], key=lambda s: s.start)
                    flags.append(Flag("speaker named two ways", later,
                                      f"“{a}” and “{b}”: the same person spelt two ways?"))
    return flags


def _similar(a, b, threshold: float) -> bool:
    """``SequenceMatcher(None, a, b).ratio() >= threshold``, cheap upper bounds first."""
    total = len(a) + len(b)
    if total and 2.0 * min(len(a), len(b)) / total < threshold:  # real_quick_ratio()
        return False
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def _repeated_quotes(quotes) -> list[Flag]:
    # 3-gram -> the quotes holding it, and their wording numbers (equal words, equal number)
    index: dict[tuple[str, ...], tuple[list[int], list[int]]] = {}
    words = [tuple(map(str.lower, _WORD_RE.findall(q.span.piece_text))) for q in quotes]
    wording: dict[tuple[str, ...], int] = {}
    same = [wording.setdefault(ws, len(wording)) for ws in words]
    flags = []
    for i, ws in enumerate(words):
        if len(ws) < 5:
            continue
        earlier: list[int] = []  # quotes sharing each 3-gram, in the order they are met
        earlier_wording: list[int] = []
        w = same[i]
        for gram in zip(ws, ws[1:], ws[2:], strict=False):
            holders = index.get(gram)
            if holders is None:
                index[gram] = ([i], [w])
            else:
                earlier += holders[0][-20:]
                earlier_wording += holders[1][-20:]
                holders[0].append(i)
                holders[1].append(w)
        if earlier_wording.count(w) == len(earlier_wording):
            continue  # none worded otherwise (or none at all): nothing to flag
        for j, shared in Counter(earlier).items():
            if shared >= 2 and j != i and same[j] != w and _similar(words[j], ws, 0.6):
                flags.append(Flag("quote repeated differently", quotes[i].span,
                                  f"Earlier this quote reads: “{quotes[j].span.piece_text}”"))
                break
    return flags
