"""W3C Web Annotation (JSON-LD) export: one annotation per mark.

Each annotation (``@context`` ``http://www.w3.org/ns/anno.jsonld``) targets the quote or
content, one target per piece, each with a ``TextQuoteSelector`` (exact, prefix, suffix)
and a ``TextPositionSelector`` (start, end in Unicode code points of the article text).
Its bodies name the role (tagging: ``quote`` or ``attribution``), the speaker or source
(identifying: the canonical name), the words as written and the cue (describing), and the
source and cue spans as ``SpecificResource`` bodies with the same two selectors. Each
hand-off note of the current round (needs changes, override, return) is one more annotation,
motivation ``commenting``, on the whole article, its ``creator`` the reviewer who wrote it.
"""

from __future__ import annotations

import json

from deskapp.core.document import Document
from deskapp.core.exporters.view import MarkView, mark_views
from deskapp.core.handoff import HandoffNote
from deskapp.core.registry import Registry
from deskapp.core.spans import Span

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
AFFIX = 32


def article_iri(doc: Document) -> str:
    """The IRI the annotations target: the store's article, else the text's SHA-256."""
    if doc.id is not None:
        return f"urn:deskapp:article:{doc.id}" + (f":v{doc.version}" if doc.version else "")
    digest = doc.article.meta.sha256
    return f"urn:sha256:{digest}" if digest else "urn:deskapp:article:unsaved"


def selectors(text: str, start: int, end: int) -> list[dict]:
    """The quote and position selectors of ``text[start:end]``."""
    return [
        {"type": "TextQuoteSelector", "exact": text[start:end],
         "prefix": text[max(0, start - AFFIX):start], "suffix": text[end:end + AFFIX]},
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def _resource(text: str, iri: str, span: Span, purpose: str | None = None,
              role: str | None = None) -> list[dict]:
    out = []
    for s, e in span.ranges:
        item: dict = {"type": "SpecificResource", "source": iri,
                      "selector": selectors(text, s, e)}
        if purpose:
            item = {**item, "purpose": purpose, "label": role}
        out.append(item)
    return out


def _bodies(view: MarkView, text: str, iri: str) -> list[dict]:
    role = "quote" if view.is_quote else "attribution"
    bodies: list[dict] = [{"type": "TextualBody", "purpose": "tagging", "value": role}]
    if view.name:
        bodies.append({"type": "TextualBody", "purpose": "identifying", "value": view.name})
    described = [("source as written", view.written), ("source kind", view.source_kind),
                 ("cue", view.cue), ("note", view.mark.note)]
    bodies += [{"type": "TextualBody", "purpose": "describing", "value": f"{k}: {v}"}
               for k, v in described if v]
    for label, span in (("source", view.who_span), ("cue", view.mark.cue)):
        if span is not None and not view.mark.orphaned:
            bodies += _resource(text, iri, span, "describing", label)
    return bodies


def annotation(view: MarkView, doc: Document) -> dict:
    """The Web Annotation of one mark."""
    text, iri = doc.article.text, article_iri(doc)
    targets = _resource(text, iri, view.mark.anchor)
    return {
        "@context": CONTEXT,
        "id": f"urn:deskapp:mark:{view.mark.id}",
        "type": "Annotation",
        "motivation": "identifying" if view.name else "tagging",
        "body": _bodies(view, text, iri),
        "target": targets[0] if len(targets) == 1 else targets,
    }


def note_annotation(note: HandoffNote, number: int, doc: Document) -> dict:
    """The Web Annotation of one hand-off note: a comment on the whole article."""
    return {
        "@context": CONTEXT,
        "id": f"{article_iri(doc)}:note:{number}",
        "type": "Annotation",
        "motivation": "commenting",
        "creator": {"type": "Person", "name": note.reviewer},
        "created": note.time,
        "body": {"type": "TextualBody", "purpose": "commenting", "format": "text/plain",
                 "value": "\n".join(note.lines())},
        "target": article_iri(doc),
    }


def to_wadm(doc: Document, registry: Registry | None = None) -> str:
    """An ``AnnotationCollection`` holding one page with an annotation per mark and one
    per hand-off note."""
    items = [annotation(v, doc) for v in mark_views(doc, registry)]
    items += [note_annotation(n, i, doc) for i, n in enumerate(doc.handoff, start=1)]
    collection = {
        "@context": CONTEXT,
        "id": article_iri(doc) + ":annotations",
        "type": "AnnotationCollection",
        "label": doc.title,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
