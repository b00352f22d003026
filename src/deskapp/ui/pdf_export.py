"""PDF export: the HTML rendering laid out by Qt's text engine, written all-or-nothing.

Marks keep their colours (Qt's rich text knows no ``<mark>``: the same page is made with
``<span>`` and inline colours). The page count follows the laid-out text, so no page is
blank. Works offscreen, from the command line too (``export_pdf`` makes the application
object it needs).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from deskapp.core.document import Document
from deskapp.core.errors import ExportFailed
from deskapp.core.exporters.files import check_target, new_file_mode
from deskapp.core.exporters.html_export import html_body, qt_style
from deskapp.core.registry import Registry

RESOLUTION = 150
MARGIN_MM = 18


def qt_html(doc: Document, registry: Registry | None = None) -> str:
    """The HTML page as Qt's rich text engine reads it (spans with inline colours)."""
    return (f"<html><head><style>{qt_style()}</style></head><body>"
            f"{html_body(doc, registry, tag='span')}</body></html>")


def _application() -> None:
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _application.app = QGuiApplication([])  # type: ignore[attr-defined]


def _print(document: QTextDocument, writer: QPdfWriter) -> None:
    """Lay the text out on the page (in the document's own units, which ``print_`` scales
    to the writer's resolution) and print it page by page: as many pages as the layout
    fills, so none is blank."""
    screen = QGuiApplication.primaryScreen()
    dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
    rect = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(rect.width() * dpi / 72, rect.height() * dpi / 72))
    document.setDocumentMargin(0)
    document.print_(writer)


def write_pdf(path: Path, html: str, title: str = "") -> None:
    """Render ``html`` to an A4 PDF at ``path``; on failure the old file is untouched."""
    _application()
    path = Path(path)
    mode = new_file_mode(check_target(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from exc
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                              QPageLayout.Unit.Millimeter)
        writer.setResolution(RESOLUTION)
        writer.setTitle(title or path.stem)
        document = QTextDocument()
        document.setHtml(html)
        _print(document, writer)
        del writer  # finishes the file
        if os.path.getsize(tmp) == 0:
            raise ExportFailed(f"cannot write {path}: the PDF came out empty")
        os.chmod(tmp, mode)
        check_target(path)
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        Path(tmp).unlink(missing_ok=True)


def export_pdf(path: Path, doc: Document, registry: Registry | None = None) -> None:
    """The reviewed article with its marks as a PDF at ``path``."""
    write_pdf(path, qt_html(doc, registry), doc.title)
