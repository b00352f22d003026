"""Importers: files and clipboard contents to articles and documents.

Entry points:

- ``read_document(path) -> Document``: any supported file; deskapp JSON exports keep
  their marks and state, a brat ``.ann`` file (beside its ``.txt``) its marks, other
  formats give a document without marks.
- ``read_article(path) -> Article``: ``read_document(path).article``.
- ``article_from_clipboard(text, html) -> Article``: Paste as new article.
- ``iter_import(paths, ...)``: batch import of files and folders, one result per file.

Every failure is an ``ImportFailed`` whose message names the file and the reason.
"""

from __future__ import annotations

from pathlib import Path

from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.errors import ImportFailed
from deskapp.core.importers.source import MAX_FILE_BYTES, provenance, read_bytes

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSON_SUFFIXES = frozenset({".json"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
"""File name endings that folder import picks up (named files are always tried)."""


def sniff_format(path: Path, data: bytes) -> str:
    """"txt", "md", "html" or "json": by the name's ending, else by the first bytes."""
    suffix = path.suffix.lower()
    for kind, suffixes in (
        ("txt", TEXT_SUFFIXES), ("md", MARKDOWN_SUFFIXES),
        ("html", HTML_SUFFIXES), ("json", JSON_SUFFIXES),
    ):
        if suffix in suffixes:
            return kind
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{") and b'"text"' in data[:65536]:
        return "json"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        return "html"
    return "txt"


def read_document(path: Path | str) -> Document:
    """The document in the file at ``path`` (see the module docstring)."""
    path = Path(path)
    name = str(path)
    data = read_bytes(path)
    origin = provenance(path.name, data)
    if path.suffix.lower() == ".ann":
        from deskapp.core.importers.brat import read_brat

        return read_brat(path)
    kind = sniff_format(path, data)
    if kind == "json":
        from deskapp.core.importers.json import document_from_json

        return document_from_json(data, origin, name)
    if kind == "html":
        from deskapp.core.importers.html import article_from_html

        return Document(article_from_html(data, origin, name))
    if kind == "md":
        from deskapp.core.importers.md import article_from_markdown

        return Document(article_from_markdown(data, origin, name))
    from deskapp.core.importers.txt import article_from_txt

    return Document(article_from_txt(data, origin, name))


def read_article(path: Path | str) -> Article:
    """The article in the file at ``path``; marks of a deskapp JSON file are dropped."""
    return read_document(path).article


def article_from_clipboard(text: str | None, html: str | None = None) -> Article:
    """The article pasted from the clipboard: its plain text when there is any (what the
    editor selected, as the browser rendered it), else the text extracted from its HTML."""
    from deskapp.core.importers.clipboard import clipboard_article

    return clipboard_article(text, html)


from deskapp.core.importers.batch import ImportResult, collect_files, iter_import  # noqa: E402

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "ImportFailed",
    "ImportResult",
    "article_from_clipboard",
    "collect_files",
    "iter_import",
    "read_article",
    "read_document",
    "sniff_format",
]
