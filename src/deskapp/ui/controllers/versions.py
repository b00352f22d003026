"""Versions, library, workflow and recovery in the window (issue 7), mounted by one line.

``window.versions.history`` (Ctrl+H), ``.workflow`` (Review menu), ``.recovery``
(autosave and drafts), ``show_library()`` (Ctrl+L), and the read-only banner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from deskapp.ui.controllers.history import HistoryActions
from deskapp.ui.controllers.recovery import Recovery
from deskapp.ui.controllers.workflow import WorkflowActions

if TYPE_CHECKING:
    from deskapp.ui.library import LibraryDialog
    from deskapp.ui.main_window import MainWindow

BANNER_STYLE = ("background:#fff3cd;color:#664d03;border:1px solid #e0c36a;"
                "padding:5px 8px;font-weight:bold")


class VersionActions:
    """Owns the history dock, the library window, workflow moves and autosave."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.history = HistoryActions(window)
        self.workflow = WorkflowActions(window)
        self.recovery = Recovery(window)
        self.library: LibraryDialog | None = None
        self.banner = self._mount_banner()

    def _mount_banner(self) -> QLabel:
        """A bar above the article when the store cannot be written."""
        store = self.window.store
        banner = QLabel(f"Read-only store: {store.path} cannot be written. You can read, "
                        "compare and export; saving, approving and autosave are off.")
        banner.setObjectName("readOnlyBanner")
        banner.setWordWrap(True)
        banner.setStyleSheet(BANNER_STYLE)
        banner.setVisible(store.read_only)
        layout = self.window.centralWidget().layout()
        layout.insertWidget(0, banner)
        return banner

    def show_library(self) -> None:
        """The library window (Ctrl+L), created on first use."""
        if self.library is None:
            from deskapp.ui.library import LibraryDialog

            self.library = LibraryDialog(self.window)
        self.library.present()
