"""The JSON export contract (`deskapp export ID --format json`), lossless.

Contract keys (their meaning never changes): id, title, text, state, version,
quotes[{start, end, text, speaker}], attributions[{source, cue, content}] where
source/cue/content are ``{"start", "end", "text"}`` or null. Offsets index ``text``.
Extra keys: parts, meta, every mark's full record (id, cue, note, orphaned, fragments …)
with ``canonical`` (the registry's name of its speaker or source), ``reviewer``, ``note``,
``rejected_suggestions``, ``registry`` (the entries the marks name), ``review_notes`` (the
hand-off notes of the current round, ``core.handoff``: ``{kind, reviewer, time, version,
from, to, note, overridden}``, oldest first) and, with
``--with-history``, ``history``: every version as ``{version, state, reviewer, time, note,
hash, parent, document}``, ``document`` holding text, parts, meta, quotes and attributions.
Importing the export gives back the same text, parts, marks, metadata and registry entries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from deskapp.core.document import Document
from deskapp.core.exporters.names import canonical_names, used_entities
from deskapp.core.registry import Registry

HistoryEntry = tuple[dict, Document]


def _marks(doc: Document, names: dict[str, str]) -> dict:
    return {
        "quotes": [{**q.to_json(), "canonical": names[q.id]} for q in doc.marks.quotes],
        "attributions": [{**a.to_json(), "canonical": names[a.id]}
                         for a in doc.marks.attributions],
    }


def document_to_export(doc: Document, registry: Registry | None = None,
                       history: Iterable[HistoryEntry] | None = None) -> dict:
    """The export record of ``doc`` (``history``: (version info, document) pairs)."""
    article = doc.article
    names = canonical_names(doc, registry)
    record = {
        "id": doc.id,
        "title": doc.title,
        "text": article.text,
        "state": str(doc.state),
        "version": doc.version,
        **_marks(doc, names),
        "parts": [p.to_json() for p in article.parts],
        "meta": article.meta.to_json(),
        "reviewer": doc.reviewer,
        "note": doc.note,
        "rejected_suggestions": sorted(doc.rejected),
        "registry": used_entities(names, registry),
        "review_notes": [note.to_json() for note in doc.handoff],
        "format": "deskapp-export",
        "format_version": 1,
    }
    if history is not None:
        record["history"] = [_version(info, old, registry) for info, old in history]
    return record


def _version(info: dict, doc: Document, registry: Registry | None) -> dict:
    names = canonical_names(doc, registry)
    return {**info, "document": {
        "text": doc.article.text, "state": str(doc.state),
        "parts": [p.to_json() for p in doc.article.parts],
        "meta": doc.article.meta.to_json(), **_marks(doc, names),
        "rejected_suggestions": sorted(doc.rejected)}}


def to_json_text(doc: Document, registry: Registry | None = None,
                 history: Iterable[HistoryEntry] | None = None) -> str:
    return json.dumps(document_to_export(doc, registry, history), ensure_ascii=False,
                      indent=2) + "\n"
