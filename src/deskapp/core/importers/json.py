"""deskapp's own JSON export (``deskapp export --format json``) back to a document.

Text, parts, metadata, marks (with their ids, cues and notes) and state come back as
exported; ``id`` and ``version`` do not (they belong to the store that exported it).
The metadata keeps the original file's provenance (SHA-256, file name, encoding), so a
re-import is recognised as the same article. Every span is checked against the text.
"""

from __future__ import annotations

import json
from dataclasses import replace

from deskapp.core.annotations import AnnotationSet, Attribution, Quote
from deskapp.core.article import Article, Metadata, Part
from deskapp.core.document import Document
from deskapp.core.errors import ImportFailed
from deskapp.core.importers.decoding import decode
from deskapp.core.importers.source import Provenance
from deskapp.core.spans import Span
from deskapp.core.structure import detect_structure, summarize
from deskapp.core.workflow import State


def _check(span: Span | None, text: str, what: str, name: str) -> None:
    if span is None:
        return
    if span.end > len(text) or not span.holds_in(text):
        raise ImportFailed(f"{name}: the {what} at {span.start}–{span.end} does not match "
                           f"the text (expected {span.text[:40]!r})")


def _check_marks(marks: AnnotationSet, text: str, name: str) -> None:
    for mark in marks:
        if isinstance(mark, Quote):
            _check(mark.span, text, "quote", name)
            _check(mark.speaker_span, text, "quote's speaker", name)
            _check(mark.cue, text, "quote's cue", name)
        elif isinstance(mark, Attribution):
            _check(mark.content, text, "attribution's content", name)
            _check(mark.source, text, "attribution's source", name)
            _check(mark.cue, text, "attribution's cue", name)


def _meta(data: dict, parts: tuple[Part, ...], origin: Provenance, encoding: str) -> Metadata:
    exported = data.get("meta")
    meta = Metadata.from_json(exported) if isinstance(exported, dict) else Metadata()
    fallback = {**summarize(parts), "title": str(data.get("title") or "")}
    fallback.update(file_name=origin.file_name, sha256=origin.sha256,
                    imported_at=origin.imported_at, encoding=encoding)
    missing = {k: v for k, v in fallback.items() if v and not getattr(meta, k)}
    return replace(meta, **missing)


def document_from_export(data: object, origin: Provenance, name: str, encoding: str = "utf-8"
                         ) -> Document:
    """The document of one parsed export record."""
    if isinstance(data, list):
        raise ImportFailed(f"{name}: holds a list of {len(data)} records; "
                           "import one deskapp export per file")
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise ImportFailed(f"{name}: not a deskapp export (no article \"text\" in it)")
    text: str = data["text"]
    if not text.strip():
        raise ImportFailed(f"{name}: the exported article has no text")
    try:
        given = data.get("parts")
        parts = (tuple(Part.from_json(p) for p in given) if given is not None
                 else detect_structure(text))
        marks = AnnotationSet.from_json(data)
        state = State(data.get("state") or "new")
    except (KeyError, TypeError, ValueError) as exc:
        raise ImportFailed(f"{name}: not a valid deskapp export ({exc!s})") from None
    for part in parts:
        _check(part.span, text, f"{part.kind} part", name)
    _check_marks(marks, text, name)
    article = Article(text=text, parts=parts, meta=_meta(data, parts, origin, encoding))
    return Document(article=article, marks=marks, state=state)


def document_from_json(data: bytes, origin: Provenance, name: str) -> Document:
    """The document of a deskapp JSON export file (``name`` appears in errors)."""
    source, encoding = decode(data, name)
    try:
        parsed = json.loads(source)
    except json.JSONDecodeError as exc:
        raise ImportFailed(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return document_from_export(parsed, origin, name, encoding)
