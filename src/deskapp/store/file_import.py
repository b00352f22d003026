"""Importing a file's document into the store with what its file carries beside it.

The one path of the CLI (``deskapp import``) and the window (File ▸ Open, folder and
batch import): the earlier versions of a ``--with-history`` JSON export are stored before
the exported one, in the same transaction (``Store.import_document``), and the registry
entries the export carries are added to the store's registry (the store's own entries
win any clash).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from deskapp.core.document import Document
from deskapp.core.importers.export_extras import export_extras
from deskapp.core.importers.json import merged_registry
from deskapp.core.registry import Registry
from deskapp.store.records import Imported

if TYPE_CHECKING:
    from deskapp.store.repository import Store


def import_file(store: Store, doc: Document, path: Path | None, *, reviewer: str,
                note: str = "") -> Imported:
    """Store ``doc``, read from ``path`` (None: not from a file), as ``import_document``
    does, with the history and registry entries of the file when it is a JSON export."""
    if path is None:
        return store.import_document(doc, reviewer=reviewer, note=note)
    extras = export_extras(path, doc.article.text)
    outcome = store.import_document(doc, reviewer=reviewer, note=note, history=extras.earlier)
    learn_registry(store, extras.registry)
    return outcome


def learn_registry(store: Store, incoming: Registry) -> None:
    """Add the ``incoming`` entries the store's registry lacks (nothing when none are new)."""
    if len(incoming):
        known = store.load_registry()
        merged = merged_registry(known, incoming)
        if merged != known:
            store.save_registry(merged)
