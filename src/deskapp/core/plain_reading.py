"""The text the rules read: a copy of the article, of the same length and offsets, in
which what a sender's tools did to the layout is made plain.

- Hard-wrapped paragraphs (e-mail, wire feeds, Markdown, text copied from a PDF): the line
  breaks inside a paragraph become spaces, since structure detection and the suggestion
  rules read a line as a paragraph.
- Non-breaking, thin and other fixed-width spaces of web pages become plain spaces.
- Lines of page furniture inside an article ("Advertisement", "Story continues below
  advertisement") become blank, so a quote running over paragraphs runs over them too.

What the rules find is then given back in the words of the original (``retexted``): spans
keep exact substrings of the article.
"""

from __future__ import annotations

import re
from itertools import pairwise

from deskapp.core.spans import Span

MAX_WIDTH = 120
"""Lines longer than this (the widest usual wrap is 72–100 columns) mean one paragraph a line."""
MIN_OPEN_LINES = 3
SHORT_LINE = 0.6
"""A line shorter than this share of the wrap width ends its paragraph, or is a heading,
a byline or a list item: the break after it is kept."""
_SENTENCE_END = tuple(".!?:;\"”’)]…")
_ODD_SPACES_RE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# typewriter quotation marks of some newspaper archives: ''He said so,'' she said.
_TWO_APOSTROPHES_RE = re.compile(r"(?<!['\w])''(?=(\w))|(?<=[\w.,!?;:])''(?!['\w])")
_FURNITURE_KEYS = ("dvert", "DVERT", "ponsored", "PONSORED", "ontinue", "ONTINUE")
_FURNITURE_MAX = 60  # characters: a furniture line is short
_FURNITURE_LINE_RE = re.compile(
    r"[ \t]*(?:advertisement|advert|sponsored content|skip advertisement|"
    r"(?:story|article) continues (?:below|after)(?: (?:this )?advert(?:isement)?)?|"
    r"continue reading(?: the main story| below)?|scroll to continue(?: with content)?)"
    r"[ \t]*", re.IGNORECASE)


def plain_reading(text: str) -> str:
    """``text`` with odd spaces plain, furniture lines blank and hard-wrapped paragraphs
    unwrapped; ``text`` itself (the same object) when there is nothing to change."""
    if _ODD_SPACES_RE.search(text):
        text = _ODD_SPACES_RE.sub(" ", text)
    if "''" in text:
        text = _TWO_APOSTROPHES_RE.sub(_quotation_mark, text)
    furniture = _furniture_lines(text)
    if furniture:
        parts, at = [], 0
        for start, end in furniture:
            parts += [text[at:start], " " * (end - start)]
            at = end
        text = "".join([*parts, text[at:]])
    return unwrapped(text)


def _quotation_mark(m: re.Match) -> str:
    """Two apostrophes as a double quotation mark and a space, the mark next to the words
    it quotes: an opening one before them (`` "``), a closing one after them (``" ``)."""
    return ' "' if m.group(1) else '" '


def _furniture_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each furniture line, in order; found from the words they hold
    (``str.find``, in C) rather than by trying a pattern at every line."""
    found = set()
    for key in _FURNITURE_KEYS:
        pos = text.find(key)
        while pos >= 0:
            start = text.rfind("\n", 0, pos) + 1
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if end - start <= _FURNITURE_MAX and _FURNITURE_LINE_RE.fullmatch(text, start, end):
                found.add((start, end))
            pos = text.find(key, end)
    return sorted(found)


def unwrapped(text: str) -> str:
    """``text`` with the line breaks inside hard-wrapped paragraphs read as spaces; text
    written one paragraph a line (the usual case) comes back unchanged, the same object."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    short = SHORT_LINE * width
    out = []
    for line, following in pairwise(lines):
        out.append(line)
        soft = (len(line.rstrip()) >= short and following.strip() != ""
                and not following[:1].isspace())
        out.append(" " if soft else "\n")
    out.append(lines[-1])
    return "".join(out)


def wrap_width(lines: list[str]) -> int | None:
    """The width at which ``lines`` were wrapped, or None if they were not: most lines that
    another line follows end mid-sentence, and hardly any line is wider than ``MAX_WIDTH``."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > MAX_WIDTH:
        return None
    inner = [a.rstrip() for a, b in pairwise(lines) if a.strip() and b.strip()]
    open_ended = sum(1 for line in inner if not line.endswith(_SENTENCE_END))
    if open_ended < MIN_OPEN_LINES or open_ended * 2 < len(inner):
        return None
    return width


def retexted(span: Span | None, text: str) -> Span | None:
    """``span`` with its text (and its fragments') taken from ``text`` at the same offsets."""
    if span is None:
        return None
    if span.fragments:
        return Span.pieces(text, list(span.fragments))
    return Span(span.start, span.end, text[span.start:span.end])
