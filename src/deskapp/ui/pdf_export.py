"""PDF export: the HTML export laid out by Qt's text engine, written all-or-nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

from deskapp.core.errors import ExportFailed


def write_pdf(path: Path, html: str) -> None:
    """Render ``html`` to an A4 PDF at ``path``; on failure the old file is untouched."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from exc
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setResolution(150)
        writer.setTitle(path.stem)
        document = QTextDocument()
        document.setHtml(html)
        document.print_(writer)
        del writer  # finishes the file
        if os.path.getsize(tmp) == 0:
            raise ExportFailed(f"cannot write {path}: the PDF came out empty")
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        Path(tmp).unlink(missing_ok=True)
