"""The article proper as paragraphs with their offsets into the article text."""

from __future__ import annotations

import re

from deskapp.core.article import Article, PartKind

_LINE = re.compile(r"[^\n]+")


def body_ranges(article: Article) -> list[tuple[int, int]]:
    """The body part(s) when known, else the text up to the first boilerplate."""
    bodies = article.parts_of(PartKind.BODY)
    if bodies:
        return [(p.span.start, p.span.end) for p in bodies]
    cut = min((p.span.start for p in article.parts_of(PartKind.BOILERPLATE)),
              default=len(article.text))
    return [(0, cut)]


def paragraphs(article: Article) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of the body, surrounding spaces left out."""
    text, out = article.text, []
    for start, end in body_ranges(article):
        for line in _LINE.finditer(text, start, end):
            a, b = line.start(), line.end()
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b))
    return out
