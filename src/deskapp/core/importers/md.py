"""Markdown: its plain text (markup removed, one line per source line) and front matter.

Headings lose their ``#``, emphasis and code markers go, links keep their words and lose
their URLs, images and reference definitions are dropped, and a YAML-like front matter
block supplies title, author, date, source URL and site name.
"""

from __future__ import annotations

import re

from deskapp.core.article import Article
from deskapp.core.importers.build import build_article
from deskapp.core.importers.decoding import decode
from deskapp.core.importers.source import Provenance

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_KEYS = {
    "title": "title", "headline": "title",
    "author": "byline", "authors": "byline", "byline": "byline",
    "date": "published", "published": "published",
    "source": "source_url", "source_url": "source_url", "url": "source_url",
    "canonical_url": "source_url", "link": "source_url",
    "site": "site_name", "site_name": "site_name", "outlet": "site_name",
}
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
_QUOTES = re.compile(r"^(?: {0,3}>[ \t]?)+")  # every level of quoting at once
_URL = r"\((?:[^()\n]|\([^()\n]*\))*\)"  # a link target, one level of (parentheses)
_INLINE = (  # no run may cross its own opener, so every pattern is linear in the line
    (re.compile(r"!\[[^\[\]\n]*\]" + _URL), ""),
    (re.compile(r"\[([^\[\]\n]+)\]" + _URL), r"\1"),
    (re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]"), r"\1"),
    (re.compile(r"<(https?://[^<>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^<>\n]*>"), ""),
    (re.compile(r"\*\*(?=\S)((?:[^*\n]|\*(?!\*))+?)(?<=\S)\*\*"), r"\1"),
    (re.compile(r"__(?=\S)((?:[^_\n]|_(?!_))+?)(?<=\S)__"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=[^\s_])((?:[^_\n]|(?<=\w)_(?=\w))+?)(?<=[^\s_])_(?![\w_])"),
     r"\1"),
    (re.compile(r"~~(?=\S)((?:[^~\n]|~(?!~))+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])"), r"\1"),
)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """``(metadata, rest of the text)``; simple ``key: value`` lines only."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    known: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        field = _FRONT_KEYS.get(key.strip().lower())
        if sep and field and field not in known:
            known[field] = value.strip().strip("\"'")
    return known, text[m.end():]


def _inline(line: str) -> str:
    for pattern, replacement in _INLINE:
        line = pattern.sub(replacement, line)
    return line


def markdown_to_text(markdown: str) -> str:
    """The plain text of a Markdown document, line by line."""
    out: list[str] = []
    in_code = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            out.append(line)
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            continue
        if _RULE.match(line) or _REF_DEF.match(line):
            out.append("")
            continue
        line = _QUOTES.sub("", line, count=1)
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(1)
        out.append(_inline(line).rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n") + "\n"


def article_from_markdown(data: bytes, origin: Provenance, name: str) -> Article:
    """The article of a Markdown file (``name`` appears in errors)."""
    source, encoding = decode(data, name)
    known, body = front_matter(source)
    return build_article(markdown_to_text(body), origin, encoding, known, name=name)
