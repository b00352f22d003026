"""From decoded text to an ``Article``: structure detection plus provenance metadata."""

from __future__ import annotations

from collections.abc import Mapping

from deskapp.core.article import Article, Metadata
from deskapp.core.errors import ImportFailed
from deskapp.core.importers.source import Provenance
from deskapp.core.structure import date_stamp, detect_structure, summarize


def build_article(
    text: str,
    origin: Provenance,
    encoding: str,
    known: Mapping[str, str] | None = None,
    *,
    name: str = "",
) -> Article:
    """The article of ``text`` with its parts; ``known`` metadata (from a page's head or a
    front matter) wins over what the parts say. ``name`` is used in error messages."""
    if not text.strip():
        raise ImportFailed(f"{name or origin.file_name or 'the text'}: there is no article text")
    parts = detect_structure(text)
    fields = {**summarize(parts), "published": date_stamp(text)}
    fields.update({k: v.strip() for k, v in (known or {}).items() if v and v.strip()})
    meta = Metadata(
        **fields,
        encoding=encoding,
        file_name=origin.file_name,
        sha256=origin.sha256,
        imported_at=origin.imported_at,
    )
    return Article(text=text, parts=parts, meta=meta)
