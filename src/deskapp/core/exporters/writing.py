"""Writing one article's export to files (all-or-nothing each) and naming batch files."""

from __future__ import annotations

from pathlib import Path

from deskapp.core.document import Document
from deskapp.core.exporters import FORMATS, SUFFIXES, to_brat
from deskapp.core.exporters.files import write_all_atomically, write_atomically
from deskapp.core.registry import Registry


def file_stem(title: str) -> str:
    """A file name made of the title's letters, digits and dashes."""
    cleaned = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return "-".join(cleaned.split())[:60] or "article"


def batch_name(doc: Document, fmt: str) -> str:
    """``ID-title.SUFFIX``: one file per article in a folder, never two with one name."""
    prefix = f"{doc.id}-" if doc.id is not None else ""
    return prefix + file_stem(doc.title) + SUFFIXES[fmt]


def write_export(doc: Document, fmt: str, target: Path, registry: Registry | None = None,
                 content: str | None = None) -> list[Path]:
    """Write ``doc`` as ``fmt`` (not pdf) to ``target``; brat writes the .txt beside the
    .ann. Each file is written atomically; the paths written are returned."""
    target = Path(target)
    if fmt == "brat":
        pair = to_brat(doc, registry)
        files = {target.with_suffix(suffix): pair[suffix] for suffix in (".txt", ".ann")}
        write_all_atomically(files)
        return list(files)
    write_atomically(target, content if content is not None else FORMATS[fmt](doc, registry))
    return [target]
