"""History (Ctrl+H): the versions of the article, diffs between them, restore."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from deskapp.core.errors import DeskappError
from deskapp.core.versioning import diff_documents
from deskapp.ui import dialogs
from deskapp.ui.panels.diff_html import diff_html
from deskapp.ui.panels.history_panel import HistoryPanel

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow


class HistoryActions:
    """Owns the history dock; D / C / R in its list diff and restore versions."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel = HistoryPanel()
        self.dock = QDockWidget("History", window)
        self.dock.setObjectName("historyDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self._shown_for: tuple[int | None, int | None] | None = None
        self.panel.diff_requested.connect(self.diff_selected)
        self.panel.diff_current_requested.connect(self.diff_with_window)
        self.panel.restore_requested.connect(self.restore)
        self.dock.visibilityChanged.connect(lambda visible: visible and self.refresh())
        window.session.replaced.connect(lambda _doc: self._another_article())
        window.session.changed.connect(lambda _doc, _change: self._follow())

    def toggle(self) -> None:
        """Show the panel with the keyboard in its list; hide it when it has the keyboard."""
        if self.dock.isVisible() and self.panel.isAncestorOf(self.window.focusWidget()):
            self.dock.hide()
            self.window.view.setFocus()
            return
        self.dock.show()
        self.dock.raise_()
        self.refresh()
        self.panel.list.setFocus()

    def _another_article(self) -> None:
        """Another article (or a restored version) is shown: a diff about what was shown
        before no longer applies."""
        self.panel.show_diff("")
        self._follow()

    def _follow(self) -> None:
        """Keep the list in step when another version or article is shown."""
        session = self.window.session
        if self.dock.isVisible() and self._shown_for != (session.article_id, session.version):
            self.refresh()

    def refresh(self) -> None:
        session = self.window.session
        self._shown_for = (session.article_id, session.version)
        title = session.document.title if session.document else ""
        if session.article_id is None:
            self.panel.set_versions([], title)
            return
        try:
            self.panel.set_versions(self.window.store.history(session.article_id), title)
        except DeskappError as exc:
            self.panel.set_versions([], title)
            self.window.status(f"History not shown: {exc}")

    # -- diff ------------------------------------------------------------------------
    def diff_selected(self) -> None:
        """Two or more selected: oldest against newest; one: against the version before."""
        chosen = self.panel.selected_versions()
        article_id = self.window.session.article_id
        if not chosen or article_id is None:
            return
        old, new = (chosen[0], chosen[-1]) if len(chosen) > 1 else (chosen[0] - 1, chosen[0])
        if old < 1:
            self.window.status(f"Version {new} is the first version: nothing before it")
            return
        try:
            before = self.window.store.load(article_id, old)
            after = self.window.store.load(article_id, new)
        except DeskappError as exc:
            self.window.status(f"No diff: {exc}")
            return
        diff = diff_documents(before, after)
        self.panel.show_diff(diff_html(diff, f"Version {old}", f"version {new}",
                                       after.article.text))
        self.window.status(f"Differences from version {old} to version {new}")

    def diff_with_window(self) -> None:
        """The selected version against what the window shows (unsaved edits included)."""
        chosen = self.panel.selected_versions()
        session = self.window.session
        if not chosen or session.article_id is None or session.document is None:
            return
        try:
            before = self.window.store.load(session.article_id, chosen[0])
        except DeskappError as exc:
            self.window.status(f"No diff: {exc}")
            return
        now = session.document
        label = "the window (unsaved)" if session.dirty else "the window"
        self.panel.show_diff(diff_html(diff_documents(before, now), f"Version {chosen[0]}",
                                       label, now.article.text))

    # -- restore ---------------------------------------------------------------------
    def restore(self) -> None:
        """A new version with the content of the selected one, after a confirmation; the
        window shows it."""
        window, session = self.window, self.window.session
        chosen = self.panel.selected_versions()
        if not chosen or session.article_id is None:
            window.status("Select a version in the history (Ctrl+H) to restore it")
            return
        if len(chosen) > 1:
            window.status("Select one version to restore")
            return
        if window.store.read_only:
            dialogs.error(window, "Read-only store",
                          f"{window.store.path} is open read-only: no version can be restored.")
            return
        article_id, version = session.article_id, chosen[0]
        latest = self.panel.versions[-1].version if self.panel.versions else version
        if not dialogs.confirm(window, "Restore version",
                               f"Restore version {version} of “{session.document.title}”? "
                               f"Its text, marks and state become a new version "
                               f"({latest + 1}); every version stays in the history."):
            window.status("Not restored")
            return
        if not window.files.settle_unsaved() or not window.review.ensure_reviewer(
                "a restore"):
            return
        try:
            restored = window.store.restore(article_id, version, reviewer=window.reviewer())
        except DeskappError as exc:
            dialogs.error(window, "Not restored", str(exc))
            return
        window.show_loaded(restored)
        self.refresh()
        window.status(f"Restored version {version} as version {restored.version}")
