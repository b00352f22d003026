"""The side panel: every mark in text order, filterable by kind."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QListView, QVBoxLayout, QWidget

from deskapp.core.annotations import AnnotationSet, Attribution, Mark, Quote
from deskapp.core.claim_kinds import ClaimKind, of_mark
from deskapp.core.mark_chunks import matches

FILTERS = (
    ("All marks", None),
    ("Quotes", "quote"),
    ("Attributions", "attribution"),
    ("Orphaned", "orphaned"),
    ("Statements (quotes too)", ClaimKind.STATEMENT.value),
    ("Thoughts", ClaimKind.THOUGHT.value),
    ("Documents and data", ClaimKind.DOCUMENT.value),
)
RESET_ABOVE = 2_000  # rows changed above which one model reset is quicker


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(mark: Mark) -> str:
    """One line for the list: kind, who, and the start of the content."""
    prefix = "⚠ orphaned · " if mark.orphaned else ""
    if isinstance(mark, Quote):
        who = mark.speaker or "speaker?"
        return f"{prefix}❝ {who}: “{_short(mark.span.piece_text)}”"
    who = mark.source.text if mark.source else (mark.entity or str(mark.source_kind))
    cue = mark.cue.text if mark.cue else "?"
    kind = of_mark(mark).label.lower()
    return f"{prefix}▸ ({kind}) {who} [{cue}] {_short(mark.content.piece_text)}"


def tooltip(mark: Mark) -> str:
    """The details of a mark, for tooltips in the list and the text."""
    lines = []
    if isinstance(mark, Quote):
        lines += ["Quote", f"Speaker: {mark.speaker or '(none)'}"]
        if mark.cue:
            lines.append(f"Cue: {mark.cue.text}")
        lines.append(f"Text: “{_short(mark.span.piece_text, 300)}”")
    elif isinstance(mark, Attribution):
        source = mark.source.text if mark.source else "(anonymous)"
        lines += ["Attribution", f"Source: {source} ({mark.source_kind})"]
        if mark.entity and (not mark.source or mark.entity != mark.source.text):
            lines.append(f"Refers to: {mark.entity}")
        lines.append(f"Cue: {mark.cue.text if mark.cue else '(none)'}")
        lines.append(f"Content: {_short(mark.content.piece_text, 300)}")
        lines.append(f"Kind: {of_mark(mark).label}")
    if mark.note:
        lines.append(f"Note: {mark.note}")
    if mark.orphaned:
        lines.append("Orphaned: its text was changed; fix or remove it.")
    return "\n".join(lines)


def status_line(mark: Mark) -> str:
    """The details of a mark on one line, for the status bar."""
    return " · ".join(tooltip(mark).splitlines())


class MarksModel(QAbstractListModel):
    """A read-only list model over the mark set of the current document.

    Rows are read from the (chunked, immutable) ``AnnotationSet`` on demand; a change is
    followed by inserting, removing or updating only the rows that differ
    (``AnnotationSet.diff``): adding one mark or typing a correction above 10,000 marks
    touches a few rows, not the whole list.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._marks = AnnotationSet()
        self._filter: str | None = None

    @property
    def marks(self) -> AnnotationSet:
        return self._marks

    def set_marks(self, marks: AnnotationSet) -> None:
        """Follow ``marks``: rows of marks that moved with a correction stay as they are
        (what a row shows does not depend on offsets)."""
        old, which = self._marks, self._filter
        if marks is old:
            return
        row, gone, came = old.diff(marks)
        if len(gone) + len(came) > RESET_ABOVE:
            self.beginResetModel()
            self._marks = marks
            self.endResetModel()
            return
        first = old.rank(row, which)
        was = sum(1 for m in gone if matches(m, which))
        now = sum(1 for m in came if matches(m, which))
        if was > now:
            self.beginRemoveRows(QModelIndex(), first + now, first + was - 1)
            self._marks = marks
            self.endRemoveRows()
        elif now > was:
            self.beginInsertRows(QModelIndex(), first + was, first + now - 1)
            self._marks = marks
            self.endInsertRows()
        self._marks = marks
        if min(was, now):
            self.dataChanged.emit(self.index(first), self.index(first + min(was, now) - 1))

    def set_filter(self, kind: str | None) -> None:
        self.beginResetModel()
        self._filter = kind
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._marks.count(self._filter)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        mark = self._marks.nth(index.row(), self._filter)
        if role == Qt.ItemDataRole.DisplayRole:
            return describe(mark)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(mark)
        if role == Qt.ItemDataRole.UserRole:
            return mark.id
        return None

    def row_of(self, mark_id: str) -> int:
        row = self._marks.position(mark_id)
        if row < 0 or not matches(self._marks.nth(row), self._filter):
            return -1
        return self._marks.rank(row, self._filter)


class MarksPanel(QWidget):
    """Filter combo + list. Emits ``activated(mark_id)`` when the editor picks a mark."""

    activated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("marksPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel("No marks")
        self.filter = QComboBox()
        self.filter.setObjectName("marksFilter")
        self.filter.setAccessibleName("Show marks of kind")
        for label, kind in FILTERS:
            self.filter.addItem(label, kind)
        self.model = MarksModel(self)
        self.list = QListView()
        self.list.setObjectName("marksList")
        self.list.setUniformItemSizes(True)
        # laid out 100 rows at a time between events: a row added to a 10,000-row list
        # no longer blocks the window for the whole relayout (about 50 ms)
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setModel(self.model)
        self.list.setAccessibleName("Marks in text order")
        layout.addWidget(self.summary)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.currentIndexChanged.connect(
            lambda _i: self.model.set_filter(self.filter.currentData())
        )
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.activated.connect(
            lambda index: self.activated.emit(index.data(Qt.ItemDataRole.UserRole))
        )

    def set_marks(self, marks: AnnotationSet, current: str | None = None) -> None:
        self.model.set_marks(marks)
        quotes, orphaned = marks.count("quote"), marks.count("orphaned")  # counted per chunk
        text = f"{quotes} quotes · {len(marks) - quotes} attributions"
        self.summary.setText(text + (f" · ⚠ {orphaned} orphaned" if orphaned else ""))
        self.select(current)

    def select(self, mark_id: str | None) -> None:
        """Make ``mark_id`` the current row without emitting ``activated``."""
        row = self.model.row_of(mark_id) if mark_id else -1
        self.list.blockSignals(True)
        self.list.selectionModel().blockSignals(True)
        if row >= 0:
            index = self.model.index(row)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
        else:
            self.list.clearSelection()
        self.list.selectionModel().blockSignals(False)
        self.list.blockSignals(False)

    def current_id(self) -> str | None:
        index = self.list.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.activated.emit(current.data(Qt.ItemDataRole.UserRole))
