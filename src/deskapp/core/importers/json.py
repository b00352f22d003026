"""deskapp's own JSON export (``deskapp export --format json``) back to a document.

Text, parts, metadata, marks (with their ids, cues and notes) and state come back as
exported; ``id`` and ``version`` do not (they belong to the store that exported it).
The metadata keeps the original file's provenance (SHA-256, file name, encoding), so a
re-import is recognised as the same article. The record is checked against one schema
(``export_schema``) before anything is built from it. The versions before the exported
one (``--with-history``) and the registry entries come with ``export_extras``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import cast

from deskapp.core.annotations import AnnotationSet
from deskapp.core.article import Article, Metadata, Part
from deskapp.core.document import Document
from deskapp.core.errors import ImportFailed
from deskapp.core.importers.decoding import decode
from deskapp.core.importers.export_schema import check_export
from deskapp.core.importers.source import Provenance
from deskapp.core.registry import Entity, Registry, RegistryError
from deskapp.core.structure import detect_structure, summarize
from deskapp.core.workflow import State


def _meta(data: dict, parts: tuple[Part, ...], origin: Provenance, encoding: str) -> Metadata:
    exported = data.get("meta")
    fallback = {"file_name": origin.file_name, "sha256": origin.sha256,
                "imported_at": origin.imported_at, "encoding": encoding}
    if isinstance(exported, dict):  # deskapp's own: kept as exported (lossless)
        meta = Metadata.from_json(exported)
    else:
        meta = Metadata()
        fallback.update(summarize(parts), title=str(data.get("title") or ""))
    missing = {k: v for k, v in fallback.items() if v and not getattr(meta, k)}
    return replace(meta, **missing)


def document_from_export(data: object, origin: Provenance, name: str, encoding: str = "utf-8"
                         ) -> Document:
    """The document of one parsed export record, checked first against the one schema
    (``export_schema``): any defect is the file's one-line ``ImportFailed``."""
    check_export(data, name)
    data = cast(dict, data)
    text: str = data["text"]
    given = data.get("parts")
    parts = (tuple(Part.from_json(p) for p in given) if given is not None
             else detect_structure(text))
    marks = AnnotationSet.from_json(data)
    state = State(data.get("state") or "new")
    article = Article(text=text, parts=parts, meta=_meta(data, parts, origin, encoding))
    return Document(article=article, marks=marks, state=state,
                    reviewer=str(data.get("reviewer") or ""), note=str(data.get("note") or ""),
                    rejected=frozenset(data.get("rejected_suggestions") or ()))


def registry_from_export(data: dict) -> Registry:
    """The registry entries an export carries (checked by ``check_export`` first)."""
    try:
        return Registry.of(Entity.from_json(e) for e in data.get("registry") or ())
    except RegistryError as exc:
        raise ImportFailed(f"the export's registry entries clash: {exc}") from None


def history_from_export(data: dict) -> list[tuple[dict, Document]]:
    """Every version a ``--with-history`` export holds: (version info, document)."""
    out = []
    for entry in data.get("history") or ():
        info = {k: v for k, v in entry.items() if k != "document"}
        out.append((info, Document.from_json(entry["document"])))
    return out


def _refuse_constant(word: str) -> float:
    raise ValueError(f"{word} is not a number JSON allows")


def parse_export(data: bytes, name: str) -> tuple[object, str]:
    """``(parsed record, encoding)`` of a JSON file's bytes (not yet checked)."""
    source, encoding = decode(data, name)
    try:
        return json.loads(source, parse_constant=_refuse_constant), encoding
    except json.JSONDecodeError as exc:
        raise ImportFailed(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise ImportFailed(f"{name}: not a deskapp export (nested too deeply)") from None
    except ValueError as exc:  # NaN, Infinity, integers of thousands of digits
        raise ImportFailed(f"{name}: not valid JSON ({exc})") from None


def document_from_json(data: bytes, origin: Provenance, name: str) -> Document:
    """The document of a deskapp JSON export file (``name`` appears in errors)."""
    parsed, encoding = parse_export(data, name)
    return document_from_export(parsed, origin, name, encoding)


def merged_registry(known: Registry, incoming: Registry) -> Registry:
    """``known`` with the entries of ``incoming`` it lacks; a name or alias that already
    belongs to a known entry stays with it (the store's registry wins)."""
    merged = known
    for entity in incoming:
        if merged.find(entity.name) is not None:
            continue
        aliases = tuple(a for a in entity.aliases if merged.find(a) is None)
        try:
            merged = merged.add(replace(entity, aliases=aliases))
        except RegistryError:
            continue
    return merged
