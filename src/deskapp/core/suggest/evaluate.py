"""Scoring suggestions against hand-made gold annotations (used by tests and bench/quality).

Gold items name their spans as exact substrings of the article (``seed-gold.json`` style).
A cue is looked for near its content, a source near its cue, so "occurrence" (of the
source) and "cue_occurrence" (of the cue, counted from the start) are only needed when that
would be ambiguous. Spans compare *strictly* (same text once leading and
trailing spaces and punctuation are ignored) or *leniently* (any overlap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from deskapp.core.suggest.model import Suggestions

Ranges = tuple[tuple[int, int], ...]
_TRIM = " \t\n.,;:“”\"'’‘–—-"


def find(text: str, needle: str, occurrence: int = 1,
         near: tuple[int, int] | None = None) -> tuple[int, int]:
    """The ``occurrence``-th whole-word occurrence of ``needle``, or the one nearest the
    edges of the range ``near``."""
    pattern = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)" if needle[:1].isalnum()
                         else re.escape(needle))
    hits = [m.start() for m in pattern.finditer(text)]
    if not hits:
        raise ValueError(f"gold text not in article: {needle!r}")
    if near is not None and occurrence == 1:
        start = min(hits, key=lambda h: min(abs(h + len(needle) - near[0]), abs(h - near[1])))
    else:
        start = hits[occurrence - 1]
    return start, start + len(needle)


def _content(text: str, value, occurrence: int = 1) -> Ranges:
    pieces = [value] if isinstance(value, str) else list(value)
    ranges = [find(text, pieces[0], occurrence)]
    for piece in pieces[1:]:
        start = text.index(piece, ranges[-1][1])
        ranges.append((start, start + len(piece)))
    return tuple(ranges)


def _near(text: str, value, occurrence: int, near: tuple[int, int] | None) -> Ranges:
    pieces = [value] if isinstance(value, str) else list(value)
    ranges = [find(text, pieces[0], occurrence, near)]
    for piece in pieces[1:]:
        start = text.index(piece, ranges[-1][1])
        ranges.append((start, start + len(piece)))
    return tuple(ranges)


@dataclass(frozen=True)
class GoldAttribution:
    content: Ranges
    cue: Ranges | None
    source: Ranges | None
    source_kind: str = ""


@dataclass(frozen=True)
class GoldQuote:
    span: Ranges
    speaker: str | None


@dataclass
class Gold:
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)


def load_gold(text: str, data: dict, tiers: tuple[str, ...] = ("core",)) -> Gold:
    gold = Gold(text)
    for item in data.get("attributions", []):
        if item.get("tier", "core") not in tiers:
            continue
        content = _content(text, item["content"], item.get("content_occurrence", 1))
        cue = source = None
        if item.get("cue"):
            near = None if "cue_occurrence" in item else (content[0][0], content[-1][1])
            cue = _near(text, item["cue"], item.get("cue_occurrence", 1), near)
        if item.get("source"):
            near = (cue[0][0], cue[-1][1]) if cue else (content[0][0], content[-1][1])
            source = (find(text, item["source"], item.get("occurrence", 1), near),)
        gold.attributions.append(GoldAttribution(content, cue, source, item.get("source_kind", "")))
    for item in data.get("quotes", []):
        if item.get("tier", "core") not in tiers:
            continue
        gold.quotes.append(GoldQuote(_content(text, item["text"], item.get("occurrence", 1)),
                                     item.get("speaker")))
    return gold


def same_text(text: str, a: Ranges, b: Ranges) -> bool:
    """Same place and same words, ignoring spaces and punctuation at the edges."""
    def norm(r: Ranges) -> str:
        return " ".join(text[s:e].strip(_TRIM) for s, e in r)
    return overlaps(a, b) and norm(a) == norm(b)


def overlaps(a: Ranges, b: Ranges) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def same_speaker(a: str | None, b: str | None, lenient: bool) -> bool:
    if not a or not b:
        return False
    a, b = a.lower().strip(), b.lower().strip()
    return a == b or (lenient and (a.split()[-1] == b.split()[-1]))


@dataclass
class Score:
    tp_sys: int = 0
    n_sys: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    def add(self, other: Score) -> None:
        self.tp_sys += other.tp_sys
        self.n_sys += other.n_sys
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold

    @property
    def precision(self) -> float:
        return self.tp_sys / self.n_sys if self.n_sys else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _match(text: str, gold: list[Ranges], system: list[Ranges], lenient: bool) -> Score:
    same = overlaps if lenient else (lambda a, b: same_text(text, a, b))
    gold, system = list(dict.fromkeys(gold)), list(dict.fromkeys(system))
    return Score(sum(any(same(s, g) for g in gold) for s in system), len(system),
                 sum(any(same(s, g) for s in system) for g in gold), len(gold))


def score(gold: Gold, found: Suggestions, ignore: list[Ranges] = ()) -> dict[str, Score]:
    """Scores per role ("cue", "source", "content") and "quote+speaker", strict and lenient.

    System items that overlap an ``ignore`` range (borderline gold) are left out.
    """
    text = gold.text
    core = [g.content for g in gold.attributions]
    attrs = [a for a in found.attributions
             if any(overlaps(a.content.ranges, c) for c in core)
             or not any(overlaps(a.content.ranges, r) for r in ignore)]
    out: dict[str, Score] = {}
    for lenient, tag in ((False, "strict"), (True, "lenient")):
        for role in ("cue", "source", "content"):
            g = [getattr(a, role) for a in gold.attributions if getattr(a, role)]
            s = [getattr(a, role).ranges for a in attrs if getattr(a, role)]
            out[f"{role}/{tag}"] = _match(text, g, s, lenient)
        same = overlaps if lenient else (lambda a, b: same_text(text, a, b))
        sq = [(q.span.ranges, q.speaker) for q in found.quotes]
        gq = [(q.span, q.speaker) for q in gold.quotes]
        out[f"quote+speaker/{tag}"] = Score(
            sum(any(same(s, g) and same_speaker(sp, gs, lenient) for g, gs in gq) for s, sp in sq),
            len(sq),
            sum(any(same(s, g) and same_speaker(sp, gs, lenient) for s, sp in sq) for g, gs in gq),
            len(gq))
    return out
