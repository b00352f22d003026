"""The find bar (Ctrl+F): Enter selects the next match, Escape closes it keeping the selection."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QWidget


class FindEdit(QLineEdit):
    """A line edit that reports Escape and Shift+Enter."""

    escaped = Signal()
    backwards = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.backwards.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Emits ``find(text, backwards, case_sensitive)`` and ``closed``."""

    find = Signal(str, bool, bool)
    closed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        label = QLabel("&Find:")
        self.edit = FindEdit()
        self.edit.setObjectName("findEdit")
        self.edit.setAccessibleName("Find text")
        self.edit.setPlaceholderText("Enter: next · Shift+Enter: previous · Esc: close")
        label.setBuddy(self.edit)
        self.case = QCheckBox("&Match case")
        self.status = QLabel("")
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.case)
        layout.addWidget(self.status)
        self.edit.returnPressed.connect(lambda: self._emit(False))
        self.edit.backwards.connect(lambda: self._emit(True))
        self.edit.escaped.connect(self.close_bar)
        self.hide()

    def open_bar(self, text: str = "") -> None:
        if text:
            self.edit.setText(text)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def _emit(self, backwards: bool) -> None:
        if self.edit.text():
            self.find.emit(self.edit.text(), backwards, self.case.isChecked())
