"""The review flags panel: what a careful editor would query, each jumping to its text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from deskapp.core.suggest import Flag


def describe_flag(flag: Flag) -> str:
    """One line: kind, the flagged text, the message."""
    text = " ".join(flag.span.text.split())
    if len(text) > 80:
        text = text[:79] + "…"
    return f"⚑ {flag.kind}: “{text}” — {flag.message}"


class FlagsPanel(QWidget):
    """A list of flags; Enter or a click emits ``jump(start, end)``."""

    jump = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagsPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel("No flags")
        self.list = QListWidget()
        self.list.setObjectName("flagsList")
        self.list.setWordWrap(True)
        self.list.setLayoutMode(QListWidget.LayoutMode.Batched)  # 400 wrapped rows: 30 ms
        self.list.setAccessibleName("Review flags in text order")
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._emit_jump)
        self.list.itemClicked.connect(self._emit_jump)
        self.flags: tuple[Flag, ...] = ()

    def set_flags(self, flags: tuple[Flag, ...]) -> None:
        count = len(flags)
        self.summary.setText(f"{count} flag{'s' if count != 1 else ''} to check" if count
                             else "No flags")
        if flags == self.flags:
            return
        row = self.list.currentRow()
        self.flags = flags
        self.list.clear()
        for flag in flags:
            item = QListWidgetItem(describe_flag(flag))
            item.setData(Qt.ItemDataRole.UserRole, (flag.span.start, flag.span.end))
            item.setToolTip(f"{flag.kind}\n{flag.span.text}\n{flag.message}")
            self.list.addItem(item)
        if flags:
            self.list.setCurrentRow(min(max(row, 0), count - 1))

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _emit_jump(self, item: QListWidgetItem) -> None:
        start, end = item.data(Qt.ItemDataRole.UserRole)
        self.jump.emit(start, end)
