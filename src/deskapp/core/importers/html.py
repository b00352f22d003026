"""Saved web pages: the article's main text and metadata, found by trafilatura.

Nothing is fetched and no script runs: the page is parsed from its bytes (lxml) and only
its text and ``<head>`` metadata are read. The text is rebuilt as a plain-text capture —
headline, blank line, one paragraph per line — so that structure detection and marks
work on it as on a .txt file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from deskapp.core.article import Article
from deskapp.core.errors import ImportFailed
from deskapp.core.importers.build import build_article
from deskapp.core.importers.decoding import decode
from deskapp.core.importers.source import Provenance
from deskapp.core.structure import same_title

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""",
                           re.IGNORECASE)
_AD_TOKENS = ("ad", "ads", "advert", "advertisement", "ad-banner", "ad-slot", "ad-container",
              "inline-ad", "adsbygoogle", "sponsored", "sponsor", "promo", "promoted",
              "newsletter-signup", "social-share", "share-buttons")
_AD_SUBSTRINGS = ("advert", "sponsor", "dfp-", "taboola", "outbrain")


def _furniture_xpath() -> list[str]:
    """XPath of advertising and promotion blocks that main-text extraction may keep."""
    paths = []
    for attr in ("class", "id"):
        padded = f"concat(' ', normalize-space(@{attr}), ' ')"
        paths += [f"//*[contains({padded}, ' {token} ')]" for token in _AD_TOKENS]
        paths += [f"//*[contains(@{attr}, '{part}')]" for part in _AD_SUBSTRINGS]
    return paths


PRUNE_XPATH = _furniture_xpath()
_LEGAL = re.compile(r"copyright|©|all rights reserved", re.IGNORECASE)
MAX_TAG_ATTRIBUTES = 1000
"""A tag with more attributes than this is refused: the HTML parser checks each new
attribute against the tag's others (quadratic work), and no real page comes near it."""
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{8000,}")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_NAME = re.compile(r"[^\s=/]+")
_MIN_SENTENCE_WORDS = 6
_MIN_ARTICLE_WORDS = 12


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its top, if any."""
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii") if m else None


def refuse_crowded_tags(html: str, name: str) -> None:
    """``ImportFailed`` when a tag holds more than ``MAX_TAG_ATTRIBUTES`` attributes (linear
    in the page: only tags longer than a few kilobytes are counted, quoted values skipped)."""
    for tag in _LONG_TAG.finditer(html):
        names = len(_NAME.findall(_QUOTED.sub(" ", tag.group()))) - 1
        if names > MAX_TAG_ATTRIBUTES:
            raise ImportFailed(f"{name}: a tag in this page has about {names:,} attributes; "
                               f"the limit is {MAX_TAG_ATTRIBUTES:,} (not a page deskapp reads)")


def has_article_text(text: str) -> bool:
    """True when ``text`` holds prose, not only menu items, labels or a copyright line."""
    words = 0
    for line in text.splitlines():
        count = len(line.split())
        if count >= _MIN_SENTENCE_WORDS and not _LEGAL.search(line):
            words += count
    return words >= _MIN_ARTICLE_WORDS


def extract(html: str) -> tuple[str, dict[str, str]]:
    """``(main text, metadata)`` of a page: title, byline (author), published (date),
    source_url (canonical URL) and site_name; ``("", {})`` when nothing is found."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, deduplicate=False,
        prune_xpath=PRUNE_XPATH,
    )
    if found is None:
        return "", {}
    known = {
        "title": found.title or "",
        "byline": (found.author or "").replace("; ", ", "),
        "published": found.date or "",
        "source_url": found.url or "",
        "site_name": found.sitename or "",
    }
    return found.text or "", known


def compose_text(main: str, title: str) -> str:
    """Headline, a blank line, then the paragraphs one per line (trailing spaces trimmed)."""
    lines = [line.rstrip() for line in main.strip().split("\n")]
    lines = [line for line in lines if line.strip()]
    if title and lines and same_title(title, lines[0]):
        title = lines.pop(0)
    head = f"{title}\n\n" if title else ""
    return head + "\n".join(lines) + "\n"


def text_from_html(html: str, name: str) -> tuple[str, Mapping[str, str]]:
    """The capture-like text of a page and its metadata, or ``ImportFailed``."""
    refuse_crowded_tags(html, name)
    main, known = extract(html)
    if not has_article_text(main):
        raise ImportFailed(f"{name}: no article text found in this page (only menus, "
                           "links or other page furniture)")
    return compose_text(main, known.get("title", "")), known


def article_from_html(data: bytes, origin: Provenance, name: str) -> Article:
    """The article of a saved web page (``name`` appears in errors)."""
    html, encoding = decode(data, name, declared_charset(data))
    text, known = text_from_html(html, name)
    return build_article(text, origin, encoding, known, name=name)
