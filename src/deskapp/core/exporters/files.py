"""Writing an export to disk all-or-nothing: a temporary file, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from deskapp.core.errors import ExportFailed


def write_atomically(path: Path, content: str) -> None:
    """Write ``content`` (UTF-8) to ``path``; on failure the old file is untouched."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from exc
