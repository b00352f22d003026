"""The history panel: every version of the article, and the diff of two of them.

Keys in the list: D compares the selected version with the one before it (or the two
selected ones), C compares it with what the window shows now, R restores it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskapp.store import VersionInfo

COLUMNS = ("Version", "State", "Reviewer", "Time (UTC)", "Note", "Hash")
HINT = ("D: diff with the previous version (or the two selected) · C: diff with the window · "
        "R: restore the selected version")


def short_time(iso: str) -> str:
    """``2025-01-31T09:15:02.123Z`` → ``2025-01-31 09:15:02``."""
    return iso.replace("T", " ")[:19]


class HistoryPanel(QWidget):
    """Version list (newest first) over a diff view; emits what the keys ask for."""

    diff_requested = Signal()
    diff_current_requested = Signal()
    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.setMinimumHeight(230)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel("No saved versions")
        self.summary.setObjectName("historySummary")
        hint = QLabel(HINT)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # quieter, in any theme
        hint.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("historyList")
        self.list.setAccessibleName("Versions of the article, newest first")
        self.list.setHeaderLabels(COLUMNS)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.diff_view = QTextBrowser()
        self.diff_view.setObjectName("historyDiff")
        self.diff_view.setAccessibleName("Differences between two versions")
        self.diff_view.setPlaceholderText("Select a version and press D to see what changed.")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff_view)
        splitter.setSizes([520, 600])
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        self.versions: list[VersionInfo] = []
        for key, signal in (("D", self.diff_requested), ("C", self.diff_current_requested),
                            ("R", self.restore_requested)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(signal.emit)
            self.list.addAction(action)
        self.list.itemActivated.connect(lambda *_: self.diff_requested.emit())

    def set_versions(self, versions: list[VersionInfo], title: str) -> None:
        """Show ``versions`` (oldest first, as the store gives them) newest on top."""
        self.versions = list(versions)
        self.list.clear()
        for info in reversed(versions):
            item = QTreeWidgetItem([str(info.version), info.state, info.reviewer,
                                    short_time(info.time), info.note, info.hash[:12]])
            item.setData(0, Qt.ItemDataRole.UserRole, info.version)
            item.setToolTip(4, info.note)
            item.setToolTip(5, f"SHA-256 {info.hash}\nparent {info.parent or '—'}")
            self.list.addTopLevelItem(item)
        for column in (0, 1, 2, 3, 5):
            self.list.resizeColumnToContents(column)
        if versions:
            self.summary.setText(f"“{title}”: {len(versions)} versions")
            self.list.setCurrentItem(self.list.topLevelItem(0))
        else:
            self.summary.setText("This article has no saved version yet (Ctrl+S saves one).")

    def selected_versions(self) -> list[int]:
        """Selected version numbers, oldest first (the current row when none is selected)."""
        chosen = [i.data(0, Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]
        if not chosen and self.list.currentItem() is not None:
            chosen = [self.list.currentItem().data(0, Qt.ItemDataRole.UserRole)]
        return sorted(chosen)

    def select_version(self, version: int) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item.data(0, Qt.ItemDataRole.UserRole) == version:
                self.list.setCurrentItem(item)
                return

    def show_diff(self, html: str) -> None:
        self.diff_view.setHtml(html)
