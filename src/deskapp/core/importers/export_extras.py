"""What a deskapp JSON export carries beside its document: earlier versions and registry.

``read_document`` gives the exported version; ``export_extras`` gives, from the same
file, the versions before it (``--with-history``) and the registry entries its marks
name, so that an import stores the whole history and learns the names. Both the CLI and
the window use it (through ``store.file_import``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from deskapp.core.document import Document
from deskapp.core.errors import ImportFailed
from deskapp.core.importers.export_schema import check_export
from deskapp.core.importers.source import read_bytes
from deskapp.core.registry import Registry

HistoryEntry = tuple[Mapping[str, object], Document]


@dataclass(frozen=True, slots=True)
class ExportExtras:
    """``earlier``: the versions before the exported one, oldest first, as (version info,
    document); ``registry``: the entries the export carries (empty when they clash)."""

    earlier: tuple[HistoryEntry, ...] = ()
    registry: Registry = field(default_factory=Registry)


def is_export_file(path: Path, data: bytes) -> bool:
    """True when ``read_document`` reads ``path`` as a deskapp JSON export."""
    from deskapp.core.importers import sniff_format

    return path.suffix.lower() != ".ann" and sniff_format(path, data) == "json"


def export_extras(path: Path, text: str) -> ExportExtras:
    """The extras of the export at ``path`` whose article ``text`` was read (nothing for
    other files). A file whose text is no longer ``text`` (changed since it was read), or
    whose history is not valid, raises the file's one-line ``ImportFailed``."""
    from deskapp.core.importers.json import (
        history_from_export,
        parse_export,
        registry_from_export,
    )

    name = str(path)
    data = read_bytes(path)
    if not is_export_file(path, data):
        return ExportExtras()
    parsed, _ = parse_export(data, name)
    check_export(parsed, name)
    record = cast(dict, parsed)
    if record["text"] != text:
        raise ImportFailed(f"{name}: changed while it was being imported; import it again")
    try:
        registry = registry_from_export(record)
    except ImportFailed:
        registry = Registry()
    return ExportExtras(_earlier(record, history_from_export(record)), registry)


def _earlier(record: dict, history: list[tuple[dict, Document]]) -> tuple[HistoryEntry, ...]:
    """The history entries before the exported version (all but the last when the export
    names no version number): the exported version itself is the document read."""
    number = record.get("version")
    if isinstance(number, int) and not isinstance(number, bool):
        return tuple((info, doc) for info, doc in history if info["version"] < number)
    return tuple(history[:-1])
