"""Grammar-following selections: the clause at the caret, and units to grow or shrink by.

A sentence (``selection.sentence_at``) is cut at semicolons, colons and quotation marks
into *phrases*, a phrase at commas into *segments* (so a parenthetical between commas is a
segment of its own), and a segment before each "that"/"whether" complement into nested
*clauses*: a clause runs from its complementizer to the end of its segment. Units never
keep edge spaces or the punctuation that cuts them (a sentence's final period is left out).
"""

from __future__ import annotations

import re

from deskapp.core.selection import sentence_at, word_boundaries

Range = tuple[int, int]

_HARD = re.compile(r"[;:“”\"«»„]|—|–(?=\s)")
_COMMA = re.compile(r",(?!\d)")
COMPLEMENT = re.compile(r"(?<![\w’'])(?:that|whether)\b(?!\s*[,.;:])", re.IGNORECASE)
_EDGE = " \t\n,;:.!?…"


def trim(text: str, start: int, end: int) -> Range:
    """``[start, end)`` without edge spaces and cutting punctuation."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return (start, end)


def _pieces(text: str, start: int, end: int, cut: re.Pattern[str]) -> list[Range]:
    out, at = [], start
    for match in cut.finditer(text, start, end):
        out.append((at, match.start()))
        at = match.end()
    out.append((at, end))
    return [r for r in (trim(text, a, b) for a, b in out) if r[0] < r[1]]


def _holding(ranges: list[Range], start: int, end: int) -> Range | None:
    return next((r for r in ranges if r[0] <= start and end <= r[1]), None)


def units_around(text: str, start: int, end: int | None = None) -> list[Range]:
    """Every unit holding ``[start, end)``, smallest first: the word, nested clauses,
    segment, phrase, sentence, line."""
    end = start if end is None else end
    sentence = sentence_at(text, start)
    units: list[Range] = []
    if start == end:
        word = word_boundaries(text, start)
        if word[0] < word[1]:
            units.append(word)
    phrase = _holding(_pieces(text, *sentence, _HARD), start, end)
    segment = _holding(_pieces(text, *phrase, _COMMA), start, end) if phrase else None
    if segment is not None:
        starts = [m.start() for m in COMPLEMENT.finditer(text, *segment) if m.start() <= start]
        units += [(s, segment[1]) for s in reversed(starts) if s > segment[0]]
        units.append(segment)
    if phrase is not None:
        units.append(phrase)
    units.append(trim(text, *sentence))
    units.append(sentence)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    units.append(trim(text, line_start, len(text) if line_end < 0 else line_end))
    out: list[Range] = []
    for unit in units:
        if unit[0] <= start and end <= unit[1] and (not out or _wider(unit, out[-1])):
            out.append(unit)
    return out


def _wider(a: Range, b: Range) -> bool:
    return a[0] <= b[0] and b[1] <= a[1] and a != b


def clause_at(text: str, pos: int) -> Range:
    """The innermost clause (or segment, phrase …) around caret ``pos``."""
    units = units_around(text, pos)
    word = word_boundaries(text, pos)
    return next((u for u in units if u != word), units[-1] if units else (pos, pos))


def grow(text: str, start: int, end: int) -> Range:
    """The next unit wider than the selection (the selection itself at the widest)."""
    if start == end:
        return clause_at(text, start)
    return next((u for u in units_around(text, start, end) if _wider(u, (start, end))),
                (start, end))


def shrink(text: str, start: int, end: int, anchor: int | None = None) -> Range:
    """The widest unit inside the selection that holds ``anchor`` (default: its start);
    the caret at ``anchor`` when none is smaller."""
    anchor = start if anchor is None else max(start, min(anchor, end - 1))
    inside = [u for u in units_around(text, anchor) if _wider((start, end), u)]
    return inside[-1] if inside else (anchor, anchor)
