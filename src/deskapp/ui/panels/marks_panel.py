"""The side panel: every mark in text order, filterable by kind."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QListView, QVBoxLayout, QWidget

from deskapp.core.annotations import Attribution, Mark, Quote

FILTERS = (
    ("All marks", None),
    ("Quotes", "quote"),
    ("Attributions", "attribution"),
    ("Orphaned", "orphaned"),
)
RESET_ABOVE = 2_000  # rows added or removed above which one model reset is quicker


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
    return f"{prefix}▸ {who} [{cue}] {_short(mark.content.piece_text)}"


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
    if mark.note:
        lines.append(f"Note: {mark.note}")
    if mark.orphaned:
        lines.append("Orphaned: its text was changed; fix or remove it.")
    return "\n".join(lines)


def status_line(mark: Mark) -> str:
    """The details of a mark on one line, for the status bar."""
    return " · ".join(tooltip(mark).splitlines())


class MarksModel(QAbstractListModel):
    """A read-only list model over the marks of the current document."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: tuple[Mark, ...] = ()
        self._rows: tuple[Mark, ...] = ()
        self._filter: str | None = None

    def set_marks(self, marks: tuple[Mark, ...]) -> None:
        """Follow ``marks``: rows that changed (by identity) are inserted, removed or
        updated in place, so adding one mark does not reset a 10,000-row list."""
        rows, old = self._filtered_from(marks), self._rows
        self._all = marks
        n = min(len(old), len(rows))
        lo = 0
        while lo < n and old[lo] is rows[lo]:
            lo += 1
        hi = 0
        while hi < n - lo and old[-1 - hi] is rows[-1 - hi]:
            hi += 1
        was, now = len(old) - lo - hi, len(rows) - lo - hi
        if was != now and was + now > RESET_ABOVE:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        if was > now:
            self.beginRemoveRows(QModelIndex(), lo + now, lo + was - 1)
            self._rows = rows
            self.endRemoveRows()
        elif now > was:
            self.beginInsertRows(QModelIndex(), lo + was, lo + now - 1)
            self._rows = rows
            self.endInsertRows()
        self._rows = rows
        if min(was, now):
            self.dataChanged.emit(self.index(lo), self.index(lo + min(was, now) - 1))

    def set_filter(self, kind: str | None) -> None:
        self._filter = kind
        self.beginResetModel()
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> tuple[Mark, ...]:
        return self._filtered_from(self._all)

    def _filtered_from(self, marks: tuple[Mark, ...]) -> tuple[Mark, ...]:
        if self._filter is None:
            return marks
        if self._filter == "orphaned":
            return tuple(m for m in marks if m.orphaned)
        return tuple(m for m in marks if m.kind == self._filter)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        mark = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return describe(mark)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(mark)
        if role == Qt.ItemDataRole.UserRole:
            return mark.id
        return None

    def row_of(self, mark_id: str) -> int:
        return next((i for i, m in enumerate(self._rows) if m.id == mark_id), -1)


class MarksPanel(QWidget):
    """Filter combo + list. Emits ``activated(mark_id)`` when the editor picks a mark."""

    activated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("marksPanel")
        self.setMinimumWidth(340)
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

    def set_marks(self, marks: tuple[Mark, ...], current: str | None = None) -> None:
        self.model.set_marks(marks)
        quotes = sum(1 for m in marks if isinstance(m, Quote))
        orphaned = sum(1 for m in marks if m.orphaned)
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
