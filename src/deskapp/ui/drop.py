"""Drag and drop onto the window: files and folders import, text becomes an article.

Dropped files and folders go the same way as File ▸ Open and Import folder (a batch with
progress for folders or more than ``BATCH_THRESHOLD`` files); dropped text or HTML that
is not a file becomes a new article, as Paste as new article does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

from deskapp.core.document import Document
from deskapp.core.errors import DeskappError
from deskapp.core.importers import article_from_clipboard

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

def local_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders named by a drag's URLs."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def open_or_import(window: MainWindow, paths: list[Path]) -> None:
    """Open a few files at once; import folders or many files as a batch with progress."""
    from deskapp.ui.batch_import import BATCH_THRESHOLD, run_batch_import

    if any(p.is_dir() for p in paths) or len(paths) > BATCH_THRESHOLD:
        run_batch_import(window, paths)
    else:
        window.files.open_paths(paths)


def new_article_from(window: MainWindow, text: str | None, html: str | None) -> bool:
    """Make a new article of ``text``/``html`` (saved to the store) and show it."""
    try:
        article = article_from_clipboard(text, html)
    except DeskappError as exc:
        window.status(f"No article made: {exc}")
        return False
    if not window.files.settle_unsaved():
        return False
    window.files.show_new_article(Document(article), "Dropped")
    return True


class DropImport(QObject):
    """Accepts drops on the window and the article view (an event filter on both)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.view.setAcceptDrops(True)
        window.installEventFilter(self)
        window.view.viewport().installEventFilter(self)

    def _wanted(self, watched: QObject, mime: QMimeData) -> bool:
        if local_paths(mime):
            return True
        if not (mime.hasText() or mime.hasHtml()):
            return False
        # while correcting text, a text drop on the article is an edit, not a new article
        return watched is self.window or self.window.view.isReadOnly()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if self._wanted(watched, event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            mime = event.mimeData()
            if self._wanted(watched, mime):
                event.acceptProposedAction()
                self._later(mime)
                return True
        return super().eventFilter(watched, event)

    def _later(self, mime: QMimeData) -> None:
        """Act after the drop returns (the drag source may still hold the mouse)."""
        paths = local_paths(mime)
        text = mime.text() if mime.hasText() else None
        html = mime.html() if mime.hasHtml() else None
        if paths:
            QTimer.singleShot(0, lambda: open_or_import(self.window, paths))
        else:
            QTimer.singleShot(0, lambda: self._drop_text(text, html))

    def _drop_text(self, text: str | None, html: str | None) -> None:
        if new_article_from(self.window, text, html):
            self.window.status("Dropped text made a new article")
