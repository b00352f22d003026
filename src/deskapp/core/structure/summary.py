"""What the parts of a page say about the article: title, dateline, byline, credit."""

from __future__ import annotations

from collections.abc import Iterable

from deskapp.core.article import Part, PartKind
from deskapp.core.structure import patterns as pat


def byline_name(line: str) -> str:
    """"By Jane Doe and John Roe, Reuters" -> "Jane Doe and John Roe, Reuters"."""
    m = pat.BYLINE.match(line.strip())
    return m.group("name").strip() if m else line.strip()


def summarize(parts: Iterable[Part]) -> dict[str, str]:
    """Metadata fields read from the parts ("" when a part is absent).

    ``title`` is the shortest headline (a repeat may carry the site's name),
    ``dateline`` the dateline without its dash,
    ``byline`` the names of the first byline without "By", ``credit`` the credit lines
    joined by a space.
    """
    first: dict[PartKind, str] = {}
    credits: list[str] = []
    headlines: list[str] = []
    for part in parts:
        first.setdefault(part.kind, part.span.text)
        if part.kind == PartKind.CREDIT:
            credits.append(part.span.text)
        elif part.kind == PartKind.HEADLINE:
            headlines.append(part.span.text)
    byline = first.get(PartKind.BYLINE, "")
    return {
        "title": min(headlines, key=len) if headlines else "",
        "dateline": first.get(PartKind.DATELINE, ""),
        "byline": byline_name(byline) if byline else "",
        "credit": " ".join(credits),
    }
