"""The library (Ctrl+L): every article in the store; sort, filter by state, search, open.

Keys: type to search (full text: words, "exact phrases", prefix*, OR, NOT), Enter opens
the first article listed, Down moves to the list, Enter on a row opens it, Alt+S picks a
state, Alt+A an assignee (anyone, nobody, me, or a name), Escape closes. Columns: title,
id and file name (so copies of one title are told apart), outlet, state, assignee,
updated, marks, review flags and pending suggestions (the counts the article itself shows). Export:
Shift+arrows (or Ctrl+A) select articles, Alt+F picks the format, Ctrl+E exports the
selected ones into a folder, Ctrl+Shift+E every article the list shows (e.g. all in a
state); one file each, with progress and Cancel (``batch_export``).

Live: when another editor saves, imports, approves, assigns, opens or closes an article,
the shown rows are read again (bursts coalesced, ``LIVE_DELAY_MS``), keeping the
selection, sort, filter and scroll; an article another editor has open shows a dot and,
in its tooltip, who has it open since when.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
)

from deskapp.core.errors import DeskappError
from deskapp.core.workflow import State
from deskapp.ui import dialogs
from deskapp.ui.batch_export import BatchExport
from deskapp.ui.layout import available, place_over
from deskapp.ui.library_model import LibraryModel

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

SEARCH_DELAY_MS = 250
LIVE_DELAY_MS = 300
PRESENCE_ONLY = frozenset({"opened", "closed"})
EXPORT_FORMATS = (("Markdown", "md"), ("HTML page", "html"), ("PDF", "pdf"),
                  ("deskapp JSON", "json"), ("Marks as CSV", "csv"),
                  ("W3C Web Annotation", "wadm"), ("brat standoff", "brat"))


class LibraryDialog(QDialog):
    """A non-modal window over the store's articles; Enter opens one in the main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("libraryDialog")
        self.setWindowTitle(f"Library — {window.store.path.name}")
        # wide enough for every column, never wider than the screen (with its frame)
        self.resize(min(1180, available(window).width() - 24), 560)
        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText("Search title, text, speakers and sources "
                                       "(words, \"a phrase\", prefix*, OR, NOT)")
        self.state = QComboBox()
        self.state.setObjectName("libraryState")
        self.state.addItem("All states", None)
        for state in State:
            self.state.addItem(state.value.replace("_", " "), state.value)
        state_label = QLabel("&State:")
        state_label.setBuddy(self.state)
        self.assignee = QComboBox()
        self.assignee.setObjectName("libraryAssignee")
        self.assignee.setAccessibleName("Assigned to")
        assignee_label = QLabel("&Assigned to:")
        assignee_label.setBuddy(self.assignee)
        search_label = QLabel("Searc&h:")
        search_label.setBuddy(self.search)
        self.export_format = QComboBox()
        self.export_format.setObjectName("libraryExportFormat")
        for label, fmt in EXPORT_FORMATS:
            self.export_format.addItem(label, fmt)
        format_label = QLabel("Export &format:")
        format_label.setBuddy(self.export_format)
        self.batch: BatchExport | None = None
        self.message = QLabel()
        self.message.setObjectName("libraryMessage")
        self.message.setWordWrap(True)
        self.model = LibraryModel(window.store, self)
        self.table = self._make_table()
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(state_label)
        top.addWidget(self.state)
        filters = QHBoxLayout()  # a second row: the window fits a 1024-pixel screen
        filters.addWidget(assignee_label)
        filters.addWidget(self.assignee)
        filters.addSpacing(12)
        filters.addWidget(format_label)
        filters.addWidget(self.export_format)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._delay.start())
        self.state.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.assignee.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.search.installEventFilter(self)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self._news: set[str] = set()
        self._live_delay = QTimer(self)
        self._live_delay.setSingleShot(True)
        self._live_delay.setInterval(LIVE_DELAY_MS)
        self._live_delay.timeout.connect(self.refresh_live)
        window.live.changed.connect(self._on_changes)
        for keys, every in (("Ctrl+E", False), ("Ctrl+Shift+E", True)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda every=every: self.export(every=every))

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("libraryTable")
        table.setAccessibleName("Articles in the store")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 50), (2, 150), (3, 120), (4, 115), (5, 110), (6, 125),
                              (7, 55), (8, 50), (9, 62)):
            table.setColumnWidth(column, width)
        header.setSortIndicator(6, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)  # the model re-queries the store with order=
        return table

    # -- showing ---------------------------------------------------------------------
    def present(self) -> None:
        """Show with fresh rows and the keyboard in the search box."""
        self._fill_assignees()
        self.apply_filter()
        if not self.isVisible():
            place_over(self, self.window_)
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus()
        self.search.selectAll()

    def _fill_assignees(self) -> None:
        """Anyone, nobody, me, then every name an article is assigned to (kept chosen)."""
        chosen = self.assignee.currentData()
        me = self.window_.reviewer()
        try:
            names = self.window_.store.assignees()
        except DeskappError:
            names = []
        self.assignee.blockSignals(True)
        self.assignee.clear()
        self.assignee.addItem("Anyone", None)
        self.assignee.addItem("Nobody (unassigned)", "")
        if me:
            self.assignee.addItem(f"Me ({me})", me)
        for name in names:
            if name != me:
                self.assignee.addItem(name, name)
        at = self.assignee.findData(chosen) if chosen is not None else 0
        self.assignee.setCurrentIndex(max(at, 0))
        self.assignee.blockSignals(False)

    def apply_filter(self) -> None:
        self._delay.stop()
        self.model.set_filter(state=self.state.currentData(), query=self.search.text(),
                              assignee=self.assignee.currentData())
        self._say_found()
        if self.model.rowCount():
            self.table.selectRow(0)

    def _say_found(self) -> None:
        if self.model.error:
            self.message.setStyleSheet("color:#a11")
            self.message.setText(self.model.error)
        else:
            self.message.setStyleSheet("color:#555")
            found = "article" if self.model.total == 1 else "articles"
            self.message.setText(f"{self.model.total:,} {found} · Enter in the search opens the "
                                 "first, in the list the selected one · Ctrl+E exports the "
                                 "selected ones, Ctrl+Shift+E all listed")

    # -- live ------------------------------------------------------------------------
    def _on_changes(self, changes: list) -> None:
        """Other sessions changed the store: refresh soon (one refresh per burst)."""
        self._news |= {change.kind for change in changes}
        if self.isVisible() and not self._live_delay.isActive():
            self._live_delay.start()

    def refresh_live(self) -> None:
        """Read the shown rows again, keeping selection, current row, sort, filter and
        scroll; only the dots when nothing but presence changed. (Hidden, nothing: the
        library reads everything afresh when shown.)"""
        kinds, self._news = self._news, set()
        if not kinds or not self.isVisible():
            return
        if kinds <= PRESENCE_ONLY:
            self.model.refresh_presence()
            return
        chosen = set(self.selected_ids())
        current = self.model.article_at(self.table.currentIndex().row())
        scroll = self.table.verticalScrollBar().value()
        self.model.reload(keep=len(self.model.rows))
        self._say_found()
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row, summary in enumerate(self.model.rows):
            if summary.id in chosen:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
            if current is not None and summary.id == current.id:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.verticalScrollBar().setValue(scroll)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search box: Enter searches now and opens the first article listed; Down
        moves to the list."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.apply_filter()
                if self.model.rowCount():
                    self.open_row(0)
                return True
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                self.table.selectRow(max(self.table.currentIndex().row(), 0))
                return True
        return super().eventFilter(watched, event)

    # -- opening ---------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        """Open the article of ``row`` in the main window (asking about unsaved work)."""
        window = self.window_
        summary = self.model.article_at(row)
        if summary is None or not window.files.settle_unsaved():
            return
        try:
            doc = window.store.load(summary.id)
        except DeskappError as exc:
            self.message.setStyleSheet("color:#a11")
            self.message.setText(str(exc))
            return
        window.show_loaded(doc)
        self.hide()
        window.activateWindow()
        window.view.setFocus()
        window.status(f"Opened “{doc.title}” (version {doc.version})")


    # -- exporting -------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = (self.model.article_at(row) for row in rows)
        return [summary.id for summary in found if summary is not None]

    def listed_ids(self) -> list[int]:
        """Every article the filter lists (all pages, not only the rows loaded)."""
        rows = self.window_.store.list_articles(state=self.model.state, query=self.model.query,
                                                assignee=self.model.assignee, order="id",
                                                descending=False, counted=False)
        return [row.id for row in rows]

    def export(self, *, every: bool = False) -> None:
        """Export the selected articles (``every``: all listed) into a chosen folder."""
        if self.batch is not None and not self.batch.finished:
            return
        try:
            ids = self.listed_ids() if every else self.selected_ids()
        except DeskappError as exc:
            self.message.setText(str(exc))
            return
        if not ids:
            self.message.setText("Select articles to export (Shift+arrows, Ctrl+A)")
            return
        folder = dialogs.export_folder(self, self.window_.files._last_folder())
        if not folder:
            return
        window = self.window_
        self.batch = BatchExport(self, window.store, ids, self.export_format.currentData(),
                                 Path(folder), getattr(window, "registry", None))
        self.batch.start()
