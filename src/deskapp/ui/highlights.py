"""How marks look: one character format per role, readable in greyscale too.

Each role has a colour *and* a second cue that survives without colour: quotes are
underlined, attributed content is overlined, sources are bold, cues are italic with
a dotted underline, suggestions have a dashed underline, boilerplate is grey italic.
"""

from __future__ import annotations

import itertools
from enum import IntEnum
from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from deskapp.core.annotations import Attribution, Quote
from deskapp.core.article import PartKind
from deskapp.core.document import Document


class Role(IntEnum):
    """Drawing order: later roles are merged over earlier ones."""

    BOILERPLATE = 0
    SUGGESTION = 1
    CONTENT = 2
    QUOTE = 3
    SOURCE = 4
    CUE = 5


class Highlight(NamedTuple):
    """A range drawn in one role (a tuple, so that sorting 30,000 of them is quick)."""

    start: int
    end: int
    role: Role


# background (or text, for boilerplate) and line colours per role, for light and dark
# palettes: each background keeps a contrast of at least 4.5:1 with the theme's text
COLOURS: dict[bool, dict[Role, tuple[str, str]]] = {
    False: {Role.BOILERPLATE: ("#767676", ""), Role.SUGGESTION: ("", "#6b6b6b"),
            Role.CONTENT: ("#d8ebff", ""), Role.QUOTE: ("#fff0a0", "#8a5a00"),
            Role.SOURCE: ("#cdeec9", ""), Role.CUE: ("#f3d3ee", "")},
    True: {Role.BOILERPLATE: ("#9a9a9a", ""), Role.SUGGESTION: ("", "#b0b0b0"),
           Role.CONTENT: ("#1d3b5c", ""), Role.QUOTE: ("#574700", "#ffd166"),
           Role.SOURCE: ("#1f4d2a", ""), Role.CUE: ("#5a2452", "")},
}
TEXT = {False: "#000000", True: "#e8e8e8"}  # the text colour of each theme's palette
dark_theme = False


def _format(role: Role) -> QTextCharFormat:
    fmt = QTextCharFormat()
    colour, line = COLOURS[dark_theme][role]
    if role is Role.BOILERPLATE:
        fmt.setForeground(QColor(colour))
        fmt.setFontItalic(True)
    elif role is Role.SUGGESTION:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor(line))
    elif role is Role.CONTENT:
        fmt.setBackground(QColor(colour))
        fmt.setFontOverline(True)
    elif role is Role.QUOTE:
        fmt.setBackground(QColor(colour))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(line))
    elif role is Role.SOURCE:
        fmt.setBackground(QColor(colour))
        fmt.setFontWeight(QFont.Weight.Bold)
    elif role is Role.CUE:
        fmt.setBackground(QColor(colour))
        fmt.setFontItalic(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    return fmt


FORMATS: dict[Role, QTextCharFormat] = {}


def role_format(role: Role) -> QTextCharFormat:
    if not FORMATS:
        FORMATS.update({r: _format(r) for r in Role})
    return FORMATS[role]


def use_dark_theme(dark: bool) -> None:
    """Draw marks in the dark theme's colours (or the light one's) from now on."""
    global dark_theme
    dark_theme = dark
    FORMATS.clear()


def mark_highlights(mark: Quote | Attribution) -> list[Highlight]:
    """The highlights one accepted mark draws (none while it is orphaned)."""
    if mark.orphaned:
        return []
    out: list[Highlight] = []
    if isinstance(mark, Quote):
        out += [Highlight(s, e, Role.QUOTE) for s, e in mark.span.ranges]
        speaker = mark.speaker_span
    else:
        out += [Highlight(s, e, Role.CONTENT) for s, e in mark.content.ranges]
        speaker = mark.source
    if speaker is not None:
        out += [Highlight(s, e, Role.SOURCE) for s, e in speaker.ranges]
    if mark.cue is not None:
        out += [Highlight(s, e, Role.CUE) for s, e in mark.cue.ranges]
    return [h for h in out if h.end > h.start]


def document_highlights(doc: Document) -> list[tuple[int, int, int]]:
    """Every highlight of a document (boilerplate parts and accepted marks, as
    ``mark_highlights`` of each mark) as plain ``(start, end, role number)`` tuples: 10,000
    marks make 20,000 of them at once, and tuples of ints stay out of the garbage
    collector's scans (``Highlight`` objects kept it busy)."""
    boilerplate, quote, content = int(Role.BOILERPLATE), int(Role.QUOTE), int(Role.CONTENT)
    source, cue = int(Role.SOURCE), int(Role.CUE)
    plain = [(p.span.start, p.span.end, boilerplate)
             for p in doc.article.parts if p.kind is PartKind.BOILERPLATE]
    add = plain.append
    for mark in doc.marks:
        if mark.orphaned:
            continue
        if type(mark) is Quote:
            spans = ((mark.span, quote), (mark.speaker_span, source), (mark.cue, cue))
        else:
            spans = ((mark.content, content), (mark.source, source), (mark.cue, cue))
        for span, role in spans:
            if span is None:
                continue
            if span.fragments:
                plain.extend((s, e, role) for s, e in span.fragments if e > s)
            elif span.end > span.start:
                add((span.start, span.end, role))
    return plain


def segments(items: list[Highlight], start: int, end: int) -> list[tuple[int, int, list[Role]]]:
    """Split ``[start, end)`` into runs that share the same set of roles."""
    cuts = {start, end}
    for h in items:
        cuts.add(max(start, h.start))
        cuts.add(min(end, h.end))
    edges = sorted(cuts)
    runs = []
    for a, b in itertools.pairwise(edges):
        roles = sorted({h.role for h in items if h.start < b and h.end > a})
        if roles:
            runs.append((a, b, roles))
    return runs
