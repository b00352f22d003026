"""Recent articles: File ▸ Open recent (Ctrl+Alt+O) and Reopen closed article (Ctrl+Shift+T).

The store keeps its own recent list (ids and titles, newest first: ids belong to a store);
the window keeps the articles it closed, newest last, so Ctrl+Shift+T walks back.
"""

from __future__ import annotations

import contextlib
import json
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from deskapp.core.document import Document
from deskapp.core.errors import DeskappError

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

RECENT_KEY = "recent_articles"
KEEP = 10


class RecentArticles:
    """Follows which article the window shows; offers the recent and the closed ones."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.shown: int | None = None
        self.closed: list[int] = []
        self.menu = QMenu("Open &recent", window)
        self.menu.setObjectName("recentMenu")
        self.menu.aboutToShow.connect(self.fill_menu)
        window.session.replaced.connect(self._replaced)
        window.session.saved.connect(self._saved)

    # -- following -------------------------------------------------------------------
    def _replaced(self, doc: Document | None) -> None:
        new = doc.id if doc is not None else None
        if self.shown is not None and new != self.shown:
            self.closed = [i for i in self.closed if i != self.shown] + [self.shown]
        self.shown = new
        if doc is not None and doc.id is not None:
            self._remember(doc)

    def _saved(self, doc: Document) -> None:
        if doc.id is not None:
            self.shown = doc.id
            self._remember(doc)

    def recent(self) -> list[tuple[int, str]]:
        """(id, title) of the store's recent articles, newest first."""
        try:
            raw = json.loads(self.window.store.get_setting(RECENT_KEY) or "[]")
            return [(int(i), str(t)) for i, t in raw][:KEEP]
        except (ValueError, TypeError, DeskappError):
            return []

    def _remember(self, doc: Document) -> None:
        entries = [(doc.id, doc.title)] + [(i, t) for i, t in self.recent() if i != doc.id]
        if not self.window.store.read_only:
            with contextlib.suppress(DeskappError):  # a convenience: never block for it
                self.window.store.set_setting(RECENT_KEY, json.dumps(entries[:KEEP]))

    # -- actions ---------------------------------------------------------------------
    def fill_menu(self) -> None:
        self.menu.clear()
        entries = [(i, t) for i, t in self.recent() if i != self.shown]
        if not entries:
            self.menu.addAction("No other recent article").setEnabled(False)
        for n, (article_id, title) in enumerate(entries, start=1):
            action = self.menu.addAction(f"&{n % 10} {title.replace('&', '&&')}")
            action.triggered.connect(lambda _c=False, a=article_id: self.open(a))

    def show_menu(self) -> None:
        """Ctrl+Alt+O: the recent articles as a menu over the text (arrows, Enter, digits)."""
        view = self.window.view
        self.menu.popup(view.mapToGlobal(view.rect().center()))

    def reopen_closed(self) -> None:
        """Ctrl+Shift+T: the article this window showed before, then the one before that."""
        while self.closed:
            article_id = self.closed.pop()
            if self.open(article_id):
                return
        self.window.status("No closed article to reopen in this window")

    def open(self, article_id: int) -> bool:
        """Show the stored article ``article_id`` (after settling unsaved changes)."""
        window = self.window
        if not window.files.settle_unsaved():
            return True  # the editor kept the article: nothing more to try
        try:
            doc = window.store.load(article_id)
        except DeskappError as exc:
            window.status(f"Article {article_id} cannot be opened: {exc}")
            return False
        window.show_loaded(doc)
        window.status(f"Opened “{doc.title}”")
        return True
