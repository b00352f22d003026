"""The approval dialog: what blocks approval, each item jumping to its text; an
override needs a written note."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deskapp.core.review import Blocker
from deskapp.ui import dialogs


class ApprovalDialog(QDialog):
    """Lists blockers; Enter on an item emits ``jump(blocker)``; OK needs a note."""

    jump = Signal(object)

    def __init__(self, parent: QWidget, blockers: list[Blocker]) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle("Approve article")
        self.blockers = blockers
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"{len(blockers)} check(s) fail. Enter on an item shows it in the text.\n"
                "To approve anyway, write why (the note is stored with the version)."
            )
        )
        self.list = QListWidget()
        self.list.setObjectName("blockerList")
        for blocker in blockers:
            item = QListWidgetItem(f"• {blocker.message}")
            item.setData(Qt.ItemDataRole.UserRole, blocker)
            self.list.addItem(item)
        self.list.itemActivated.connect(
            lambda item: self.jump.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        layout.addWidget(self.list)
        label = QLabel("Override &note:")
        self.note = QPlainTextEdit()
        self.note.setObjectName("overrideNote")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        label.setBuddy(self.note)
        layout.addWidget(label)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Approve &anyway")
        self.ok.setEnabled(False)
        self.note.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.note.toPlainText().strip()))
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.setFocus()
        if blockers:
            self.list.setCurrentRow(0)

    def override_note(self) -> str:
        return self.note.toPlainText().strip()


def ask_override(parent: QWidget, blockers: list[Blocker], on_jump) -> str | None:
    """The override note, or None when the editor went back to fix things (a test seam)."""
    dialog = ApprovalDialog(parent, blockers)

    def jump(blocker: Blocker) -> None:
        on_jump(blocker)
        dialog.reject()

    dialog.jump.connect(jump)
    return dialog.override_note() if dialogs.run_modal(dialog) else None
