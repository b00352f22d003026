"""Find the parts of a monitored page in its plain text.

A captured page reads, top to bottom: an optional breadcrumb (first line), the headline
and its repeats, an optional byline and date stamp, the body (whose first paragraph may
open with a dateline), an optional desk credit, and trailing boilerplate (related-article
teasers, share and comment blocks) that runs to the end. Every part is a span of the
text, trimmed of surrounding white space; parts never overlap and are in text order.
Only the first lines and the tail are examined line by line, so large texts stay cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from deskapp.core.article import Part, PartKind
from deskapp.core.plain_reading import plain_reading, retexted
from deskapp.core.spans import Span
from deskapp.core.structure import patterns as pat

HEAD_LINES = 14
"""How many non-blank lines at the top may hold breadcrumb, headline, byline and dates."""

_CREDIT_LINES = 3
_PROSE_LOOKAHEAD = 3000  # characters read after a boilerplate marker
_PROSE_LINE = 40  # a line of prose: this long at least, ending a sentence
_PROSE_LINES = 3
MAX_FULL_STOP_HEADLINE_WORDS = 4
# a full stop at the end (not an ellipsis, not "U.S."), maybe inside a closing quote or bracket
_FULL_STOP_END = re.compile(r"(?<![.A-Z])\.[\"”’')\]]*$")
_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_SPACES = re.compile(r"\s+")
_TITLE_SUFFIX = (" | ", " - ", " – ", " — ", ": ")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str, pos: int = 0) -> Iterator[_Line]:
    """The non-blank lines of ``text`` from ``pos`` on, trimmed."""
    for m in _LINE.finditer(text, pos):
        yield _Line(m.start(), m.end(), m.group())


def _line_before(text: str, pos: int) -> _Line | None:
    """The last non-blank line that ends at or before ``pos``, trimmed."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    start = text.rfind("\n", 0, end) + 1
    while text[start].isspace():
        start += 1
    return _Line(start, end, text[start:end])


def _key(line: str) -> str:
    return _SPACES.sub(" ", line).strip().casefold()


def same_title(a: str, b: str) -> bool:
    """True when ``b`` repeats the title ``a`` (maybe cut short with "…" or with a site suffix)."""
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    stem = short.rstrip(".… ")
    if short != stem and len(stem) >= 12 and long_.startswith(stem):
        return True
    return any(long_.startswith(short + sep.casefold()) for sep in _TITLE_SUFFIX)


def _is_breadcrumb(line: str, following: str) -> bool:
    """A navigation trail ("Home / World / …"), or a short section label with separators
    ("World News | Reuters") over a line that reads as the headline."""
    if len(line) > 300:
        return False
    separators = len(pat.BREADCRUMB_SEPARATOR.findall(line))
    if separators >= 2 or (separators >= 1 and pat.BREADCRUMB_START.match(line)):
        return True
    separators += len(pat.SECTION_SEPARATOR.findall(line))
    return (separators >= 1 and len(line.split()) <= 8 and not same_title(line, following)
            and _looks_like_headline(following))


def _last_crumb(line: str) -> str:
    return pat.BREADCRUMB_SEPARATOR.split(line)[-1]


def _is_special(line: str) -> bool:
    """Lines that are never a headline: bylines, datelines, stamps, credits, furniture."""
    return bool(
        pat.BYLINE.match(line)
        or pat.DATE_LINE.match(line)
        or pat.CREDIT.match(line)
        or pat.BOILERPLATE_START.match(line)
        or dateline_at(line, 0)
    )


def _looks_like_headline(line: str) -> bool:
    """Short, and not a sentence: headlines seldom end with a full stop, so a line that
    does ("The bank raised rates, its governor said.", "“Go,” he said.") is the lede of
    a text pasted without its headline, unless it is a few words long ("Man arrested.")."""
    words = len(line.split())
    if len(line) > 250 or line.endswith((",", ";", ":")) or _is_special(line):
        return False
    if _FULL_STOP_END.search(line) and (words > MAX_FULL_STOP_HEADLINE_WORDS or "," in line):
        return False
    return not (line[-1] in ".!?\"”" and words > 20)


def dateline_at(text: str, pos: int) -> re.Match[str] | None:
    """The dateline opening the paragraph at ``pos``, if any (group "dateline")."""
    m = pat.DATELINE.match(text, pos)
    if not m:
        return None
    first = m.group("dateline").split(",")[0].split("(")[0].strip()
    return None if first.upper() in pat.NOT_A_CITY else m


def _headline_index(head: list[_Line], first: int, crumb: _Line | None) -> int | None:
    if crumb is not None:
        last = _last_crumb(crumb.text)
        for j in range(first, min(first + 5, len(head))):
            if same_title(last, head[j].text):
                return j
    for j in range(first, min(first + 3, len(head) - 1)):
        if _looks_like_headline(head[j].text):
            return j
        if not pat.BOILERPLATE_START.match(head[j].text):
            return None
    return None


def _header_end(head: list[_Line], first: int) -> int:
    """Index after the last byline within a few lines of ``first`` (a deck may precede it)."""
    window = range(first, min(first + 4, len(head)))
    bylines = [j for j in window if pat.BYLINE.match(head[j].text)]
    return bylines[-1] + 1 if bylines else first


def _header(text: str, head: list[_Line], parts: list[Part]) -> tuple[int, str]:
    """Add breadcrumb, headline, repeats and bylines; return (body line index, headline)."""
    i, crumb = 0, None
    if len(head) > 1 and _is_breadcrumb(head[0].text, head[1].text):
        crumb = head[0]
        parts.append(_part(text, PartKind.BREADCRUMB, crumb.start, crumb.end))
        i = 1
    h = _headline_index(head, i, crumb)
    title = ""
    if h is not None:
        title = head[h].text
        parts.append(_part(text, PartKind.HEADLINE, head[h].start, head[h].end))
        i = h + 1
    deck_end = _header_end(head, i)
    deck: list[_Line] = []
    while i < len(head):
        line = head[i]
        if title and same_title(title, line.text):
            kind = PartKind.HEADLINE
        elif pat.BYLINE.match(line.text) and not dateline_at(line.text, 0):
            kind = PartKind.BYLINE
        elif pat.DATE_LINE.match(line.text) or pat.BOILERPLATE_START.match(line.text):
            kind = None
        elif i < deck_end:
            deck.append(line)
            i += 1
            continue
        else:
            break
        if deck:
            parts.append(_part(text, PartKind.BODY, deck[0].start, deck[-1].end))
            deck = []
        if kind is not None:
            parts.append(_part(text, kind, line.start, line.end))
        i += 1
    return i, title


def _tail(text: str, body_from: int, parts_end: list[Part]) -> int:
    """Add credit lines and boilerplate after ``body_from``; return where the body must end."""
    boiler = next((m for m in pat.BOILERPLATE_START.finditer(text, body_from)
                   if not _prose_follows(text, m.end())), None)
    tail_start = len(text)
    if boiler is not None:
        start = boiler.start() + len(boiler.group()) - len(boiler.group().lstrip())
        last = _line_before(text, len(text))
        if last is not None and last.end > start:
            parts_end.append(_part(text, PartKind.BOILERPLATE, start, last.end))
        tail_start = start
    credits: list[Part] = []
    for _ in range(_CREDIT_LINES):
        line = _line_before(text, tail_start)
        if line is None or line.start < body_from or not pat.CREDIT.match(line.text):
            break
        credits.insert(0, _part(text, PartKind.CREDIT, line.start, line.end))
        tail_start = line.start
    parts_end[:0] = credits
    return tail_start


def _prose_follows(text: str, pos: int) -> bool:
    """Whether article prose goes on after a boilerplate marker ending at ``pos``, up to the
    next marker: then the marker is page furniture between paragraphs ("Read more"), not
    the start of the trailing teasers, whose lines are mostly titles."""
    window = text[pos:pos + _PROSE_LOOKAHEAD]
    if pos + _PROSE_LOOKAHEAD < len(text):
        window = window[:window.rfind("\n") + 1]  # whole lines only
    lines = []
    for line in window.split("\n"):  # up to the next marker
        line = line.strip()
        if pat.BOILERPLATE_START.match(line):
            break
        if line:
            lines.append(line)
    prose = [line for line in lines if len(line) >= _PROSE_LINE and line[-1] in ".!?\"”’"]
    return len(prose) >= _PROSE_LINES and 2 * len(prose) >= len(lines)


def _part(text: str, kind: PartKind, start: int, end: int) -> Part:
    return Part(kind, Span.of(text, start, end))


def date_stamp(text: str) -> str:
    """The date on a line of its own near the top ("Published: March 5, 2024 10:32 IST"
    gives "March 5, 2024 10:32 IST"), or ""."""
    for line in islice(_lines(text), HEAD_LINES):
        m = pat.DATE_LINE.match(line.text)
        if m:
            return m.group("stamp")
    return ""


def detect_structure(text: str) -> tuple[Part, ...]:
    """The parts of a monitored page, in text order (see the module docstring). A
    hard-wrapped text and non-breaking spaces are read as plain text (``plain_reading``)."""
    reading = plain_reading(text)
    parts = _parts(reading)
    if reading is text:
        return parts
    return tuple(Part(p.kind, retexted(p.span, text)) for p in parts)


def _parts(text: str) -> tuple[Part, ...]:
    head = list(islice(_lines(text), HEAD_LINES))
    if not head:
        return ()
    parts: list[Part] = []
    i, _title = _header(text, head, parts)
    if i >= len(head):
        return tuple(parts)
    first = head[i]
    body_start = first.start
    m = dateline_at(text, first.start)
    if m is not None:
        dateline_end = first.start + len(m.group("dateline"))
        parts.append(_part(text, PartKind.DATELINE, first.start, dateline_end))
        body_start = m.end()
    tail: list[Part] = []
    tail_start = _tail(text, first.end, tail)
    last = _line_before(text, tail_start)
    if last is not None and last.end > body_start:
        parts.append(_part(text, PartKind.BODY, body_start, last.end))
    parts.extend(tail)
    return tuple(parts)
