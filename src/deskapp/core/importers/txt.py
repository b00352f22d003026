"""Plain text in any common encoding: decoded, line endings normalised, nothing else changed."""

from __future__ import annotations

from deskapp.core.article import Article
from deskapp.core.importers.build import build_article
from deskapp.core.importers.decoding import decode
from deskapp.core.importers.source import Provenance


def article_from_txt(data: bytes, origin: Provenance, name: str) -> Article:
    """The article held by the bytes of a plain-text file (``name`` appears in errors)."""
    text, encoding = decode(data, name)
    return build_article(text, origin, encoding, name=name)
