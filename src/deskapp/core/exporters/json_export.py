"""The JSON export contract (`deskapp export ID --format json`).

Contract keys (their meaning never changes): id, title, text, state, version,
quotes[{start, end, text, speaker}], attributions[{source, cue, content}] where
source/cue/content are ``{"start", "end", "text"}`` or null. Offsets index ``text``.
Extra keys: parts, meta, and every mark's full record (id, cue, note, orphaned …).
"""

from __future__ import annotations

import json

from deskapp.core.document import Document


def document_to_export(doc: Document) -> dict:
    """The export record of ``doc``."""
    article = doc.article
    return {
        "id": doc.id,
        "title": doc.title,
        "text": article.text,
        "state": str(doc.state),
        "version": doc.version,
        "quotes": [q.to_json() for q in doc.marks.quotes],
        "attributions": [a.to_json() for a in doc.marks.attributions],
        "parts": [p.to_json() for p in article.parts],
        "meta": article.meta.to_json(),
        "format": "deskapp-export",
        "format_version": 1,
    }


def to_json_text(doc: Document) -> str:
    return json.dumps(document_to_export(doc), ensure_ascii=False, indent=2) + "\n"
