"""Corrections of an article's structure and metadata by the editor.

Pure functions on immutable ``Article`` values: set a range as a part (overlapping parts
are cut or dropped, parts stay in text order and never overlap), remove a part, change a
metadata field. The metadata fields that are read from parts (title, dateline, byline,
credit) follow the corrected parts.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace

from deskapp.core.article import Article, Metadata, Part, PartKind
from deskapp.core.errors import DeskappError
from deskapp.core.spans import Span
from deskapp.core.structure import summarize
from deskapp.core.structure.summary import byline_name

PART_FIELDS: dict[PartKind, str] = {
    PartKind.HEADLINE: "title",
    PartKind.DATELINE: "dateline",
    PartKind.BYLINE: "byline",
    PartKind.CREDIT: "credit",
}
"""Metadata fields read from a part of that kind."""

EDITABLE_FIELDS: tuple[str, ...] = (
    "title", "dateline", "byline", "credit", "source_url", "published", "site_name",
)
"""Metadata the editor may correct; provenance (file name, SHA-256, encoding, import
time) records what was read and stays as it is."""

_SPACES = re.compile(r"\s+")
_DASHES = " \t\n–—-―"


class PartRejected(DeskappError):
    """A structural correction that cannot be made (empty range, unknown field …)."""


def trimmed_range(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the white space at either end."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def line_range(text: str, pos: int) -> tuple[int, int]:
    """The line holding caret ``pos``, trimmed (empty when the line is blank)."""
    pos = max(0, min(pos, len(text)))
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return trimmed_range(text, start, len(text) if end < 0 else end)


def set_part(article: Article, kind: PartKind, start: int, end: int) -> Article:
    """``article`` with ``[start, end)`` (trimmed) as a part of ``kind``.

    Parts overlapping the range lose the overlap: one that the range covers disappears,
    one that sticks out on either side keeps what sticks out (trimmed). The metadata
    field of ``kind`` takes the new part's value.
    """
    text = article.text
    start, end = trimmed_range(text, start, end)
    if start >= end:
        raise PartRejected("Select some text first (white space alone cannot be a part)")
    new = Part(PartKind(kind), Span.of(text, start, end))
    kept: list[Part] = [new]
    for part in article.parts:
        if not part.span.overlaps(new.span):
            kept.append(part)
            continue
        for a, b in ((part.span.start, start), (end, part.span.end)):
            a, b = trimmed_range(text, a, b)
            if a < b:
                kept.append(Part(part.kind, Span.of(text, a, b)))
    parts = tuple(sorted(kept, key=lambda p: (p.span.start, p.span.end)))
    return _with_parts(article, parts, new)


def remove_part(article: Article, index: int) -> Article:
    """``article`` without its part number ``index`` (the text stays as it is)."""
    if not 0 <= index < len(article.parts):
        raise PartRejected(f"There is no part number {index + 1}")
    parts = article.parts[:index] + article.parts[index + 1 :]
    return _with_parts(article, parts, None)


def part_at(article: Article, pos: int) -> int | None:
    """The index of the part holding caret ``pos`` (a part ending there counts too)."""
    for index, part in enumerate(article.parts):
        if part.span.start <= pos <= part.span.end:
            return index
    return None


def update_meta(article: Article, name: str, value: str) -> Article:
    """``article`` with metadata field ``name`` set to ``value`` (white space trimmed)."""
    if name not in EDITABLE_FIELDS:
        known = {f.name for f in fields(Metadata)}
        reason = "is recorded at import and stays" if name in known else "is not a field"
        raise PartRejected(f"“{name}” {reason}")
    return article.with_meta(**{name: _SPACES.sub(" ", value).strip()})


def field_value(part: Part) -> str:
    """What the metadata field of ``part.kind`` reads from this one part."""
    text = _SPACES.sub(" ", part.span.text).strip()
    if part.kind is PartKind.DATELINE:
        return text.strip(_DASHES)
    if part.kind is PartKind.BYLINE:
        return byline_name(text)
    return text


def _with_parts(article: Article, parts: tuple[Part, ...], new: Part | None) -> Article:
    """``article`` with ``parts``; metadata read from parts kept in step."""
    meta = article.meta
    derived = summarize(parts)
    changes: dict[str, str] = {}
    for kind, name in PART_FIELDS.items():
        current = getattr(meta, name)
        if new is not None and new.kind is kind:
            changes[name] = derived[name] if kind is PartKind.CREDIT else field_value(new)
            continue
        before = {p for p in article.parts if p.kind is kind}
        after = {p for p in parts if p.kind is kind}
        gone = before - after
        if gone and (not current or kind is PartKind.CREDIT
                     or current in {field_value(p) for p in gone}):
            value = _SPACES.sub(" ", derived[name]).strip()
            changes[name] = value.strip(_DASHES) if kind is PartKind.DATELINE else value
    return replace(article, parts=parts, meta=replace(meta, **changes))
