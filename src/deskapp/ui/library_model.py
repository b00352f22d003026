"""A lazy table model over the store's library: pages of rows fetched as the view scrolls.

Rows come without waiting for review counts the store has not worked out yet (shown "…");
a timer counts ``COUNT_BATCH`` of them at a time between events (``Store.with_counts``,
the code the article's own flags panel uses) until every loaded row has its counts.
An article another editor has open carries an icon in the title column and says who, and
since when, in its tooltip (``refresh_presence``)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from deskapp.core.errors import DeskappError
from deskapp.store import ArticleSummary, Holder, Store
from deskapp.ui.panels.live_banner import presence_text

PAGE = 200
COUNT_BATCH = 8
COLUMNS = (  # header, ArticleSummary field, store order key
    ("Title", "title", "title"),
    ("ID", "id", "id"),
    ("File", "file_name", "file_name"),
    ("Outlet", "outlet", "outlet"),
    ("State", "state", "state"),
    ("Assignee", "assignee", "assignee"),
    ("Updated (UTC)", "updated", "updated"),
    ("Marks", "marks", "marks"),
    ("Flags", "flags", "flags"),
    ("Pending", "pending", "pending"),
)
NUMERIC = {"id", "marks", "flags", "pending"}
TIPS = {"flags": "Review flags to check, as the article's flags panel counts them",
        "pending": "Suggestions not yet accepted or rejected",
        "assignee": "Who the article is assigned to (Review ▸ Assign to…, Ctrl+Shift+G)"}
Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    """Rows come from ``store.list_articles`` one page (``PAGE`` rows) at a time.

    ``error`` holds the store's message when the last query failed (e.g. a malformed
    search); the model is then empty.
    """

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.rows: list[ArticleSummary] = []
        self.state: str | None = None
        self.query: str | None = None
        self.assignee: str | None = None
        self.order, self.descending = "updated", True
        self.error: str | None = None
        self.total = 0
        self.open_by: dict[int, list[Holder]] = {}
        """Who else has each article open (only articles someone has open)."""
        self._open_icon: QIcon | None = None
        self._exhausted = True
        self.pages_fetched = 0
        self._counting = QTimer(self)
        self._counting.setSingleShot(True)
        self._counting.setInterval(0)
        self._counting.timeout.connect(self.count_some)

    # -- querying --------------------------------------------------------------------
    def set_filter(self, *, state: str | None = None, query: str | None = None,
                   assignee: str | None = None) -> None:
        """``assignee``: None for anyone, "" for nobody, else that name."""
        self.state, self.query = state, (query or "").strip() or None
        self.assignee = assignee
        self.reload()

    def reload(self, *, keep: int = 0) -> None:
        """Start again from the first page (after a change of filter, search or order);
        ``keep``: load at least this many rows at once (a refresh keeps what was loaded,
        so the view can keep its place)."""
        self.beginResetModel()
        self.rows, self.error, self.pages_fetched = [], None, 0
        size = max(PAGE, keep)
        try:
            self.total = self.store.count_articles(state=self.state, query=self.query,
                                                   assignee=self.assignee)
            self.rows = self._page(0, size)
            self._exhausted = len(self.rows) < size
            self.open_by = self._presence()
        except DeskappError as exc:
            self.rows, self.total, self._exhausted, self.error = [], 0, True, str(exc)
        self.endResetModel()
        self._counting.start()

    def _page(self, offset: int, size: int = PAGE) -> list[ArticleSummary]:
        self.pages_fetched += 1
        return self.store.list_articles(state=self.state, query=self.query, order=self.order,
                                        descending=self.descending, offset=offset, limit=size,
                                        assignee=self.assignee, counted=False)

    def _presence(self) -> dict[int, list[Holder]]:
        return {article_id: self.store.holders(article_id)
                for article_id in self.store.open_elsewhere()}

    def refresh_presence(self) -> None:
        """Read again who else has which article open (cheap: one query per open one)."""
        try:
            found = self._presence()
        except DeskappError:
            return
        if found != self.open_by and self.rows:
            self.open_by = found
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    @property
    def uncounted(self) -> int:
        return sum(1 for row in self.rows if row.pending is None)

    def count_some(self) -> None:
        """Count the review flags and pending suggestions of a few loaded rows; again
        later while rows are left uncounted."""
        at = [i for i, row in enumerate(self.rows) if row.pending is None][:COUNT_BATCH]
        if not at:
            return
        try:
            done = self.store.with_counts([self.rows[i] for i in at])
        except DeskappError:
            return  # the rows keep "…"; the next reload tries again
        for i, row in zip(at, done, strict=True):
            self.rows[i] = row
        if any(row.pending is not None for row in done):
            left, right = self.index(at[0], 0), self.index(at[-1], len(COLUMNS) - 1)
            self.dataChanged.emit(left, right)
            self._counting.start()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        try:
            page = self._page(len(self.rows))
        except DeskappError as exc:
            self.error, self._exhausted = str(exc), True
            return
        self._exhausted = len(page) < PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()
            self._counting.start()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.order = COLUMNS[column][2]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- the table -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return TIPS.get(COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        field = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, field)
            if field == "updated":
                return value.replace("T", " ")[:16]
            if field == "state":
                return value.replace("_", " ")
            if value is None:
                return "…"  # not counted (yet)
            return value if field in NUMERIC else (value or "—")
        if role == Qt.ItemDataRole.TextAlignmentRole and field in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        holders = self.open_by.get(row.id)
        if role == Qt.ItemDataRole.DecorationRole and field == "title" and holders:
            return self._icon()
        if role == Qt.ItemDataRole.ToolTipRole and field in ("title", "file_name"):
            return (f"{row.title}\narticle {row.id} · {row.versions} versions"
                    + (f" · file {row.file_name}" if row.file_name else "")
                    + (f"\n{presence_text(holders)}" if holders else ""))
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _icon(self) -> QIcon:
        """A blue dot: someone else has the article open."""
        if self._open_icon is None:
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor("#1a4d8f"))
            painter.setPen(QColor("#1a4d8f"))
            painter.drawEllipse(1, 1, 10, 10)
            painter.end()
            self._open_icon = QIcon(pixmap)
        return self._open_icon

    def article_at(self, row: int) -> ArticleSummary | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
