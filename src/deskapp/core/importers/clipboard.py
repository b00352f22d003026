"""Paste as new article: clipboard text (or HTML when there is no text) to an article."""

from __future__ import annotations

import hashlib
import re

from deskapp.core.article import Article
from deskapp.core.errors import ImportFailed
from deskapp.core.importers.build import build_article
from deskapp.core.importers.decoding import normalize_newlines
from deskapp.core.importers.source import Provenance, now_utc

CLIPBOARD = "the clipboard"
_SOURCE_URL = re.compile(r"SourceURL:\s*(\S+)")


def clipboard_article(text: str | None, html: str | None) -> Article:
    """The pasted article. Plain text wins (it is what the editor selected, as shown); HTML
    alone goes through main-text extraction. The SHA-256 is that of the UTF-8 text, so
    pasting the same text twice is recognised. Raises ``ImportFailed`` when neither
    holds article text."""
    if text and text.strip():
        body = normalize_newlines(text).replace("\x00", "")
        known: dict[str, str] = {}
    elif html and html.strip():
        from deskapp.core.importers.html import text_from_html

        body, found = text_from_html(normalize_newlines(html), CLIPBOARD)
        known = dict(found)
        url = _SOURCE_URL.search(html[:4096])
        if url and not known.get("source_url"):
            known["source_url"] = url.group(1)
    else:
        raise ImportFailed("The clipboard holds no text to paste as an article")
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    origin = Provenance(file_name="", sha256=digest, imported_at=now_utc())
    return build_article(body, origin, "", known, name=CLIPBOARD)
