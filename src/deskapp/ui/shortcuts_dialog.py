"""Help ▸ Keyboard shortcuts (F1): every action and its shortcut, from the action table."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout

from deskapp.ui.actions import shortcut_rows

EXTRA_KEYS = (
    (
        "Text",
        "Select by character / word",
        "Shift+arrows / Ctrl+Shift+arrows",
        "Extend the selection with the keyboard caret",
    ),
    ("Find bar", "Next / previous match", "Enter / Shift+Enter", "Select the next match"),
    ("Find bar", "Close", "Esc", "Close the find bar, keeping the selection"),
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        rows = [*shortcut_rows(), *EXTRA_KEYS]
        table = QTableWidget(len(rows), 4)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels(["Menu", "Action", "Shortcut", "What it does"])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        self.resize(820, 560)
