"""Edit ▸ Preferences (Ctrl+,): one row per declared setting that has a label.

Rows are made from ``core/settings_spec.py``: text, number, yes/no, a choice or a file.
OK stores them, Cancel forgets them, "Restore Defaults" puts the defaults in the rows
(stored on OK). Each row's description is its tooltip and accessible description.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deskapp.core.desk import clean_reviewer
from deskapp.core.errors import DeskappError
from deskapp.core.settings_spec import REVIEWER, SETTINGS, Setting
from deskapp.ui import dialogs
from deskapp.ui.settings import Options

SHOWN = tuple(s for s in SETTINGS if s.label)


class PreferencesDialog(QDialog):
    """The settings with a label, edited together; OK stores them."""

    def __init__(self, options: Options, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.options = options
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        for setting in SHOWN:
            editor = self._editor(setting)
            editor.setObjectName(f"pref_{setting.key.replace('/', '_')}")
            editor.setToolTip(setting.description)
            editor.setAccessibleName(setting.label.replace("&", ""))
            editor.setAccessibleDescription(setting.description)
            label = QLabel(setting.label)
            label.setBuddy(editor.focusProxy() or editor)
            form.addRow(label, editor)
            self.editors[setting.key] = editor
            self.put(setting, options.get(setting))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.defaults_button = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.defaults_button.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Hover a setting (or read its description) for what it does."))
        layout.addWidget(buttons)

    def _editor(self, setting: Setting) -> QWidget:
        if setting.type is bool:
            return QCheckBox()
        if setting.choices:
            box = QComboBox()
            box.addItems(list(setting.choices))
            return box
        if setting.type is int:
            spin = QSpinBox()
            spin.setRange(setting.low, setting.high)
            return spin
        edit = QLineEdit()
        if not setting.path:
            return edit
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        choose = QPushButton("C&hoose…")
        choose.clicked.connect(lambda: self._choose_file(edit))
        layout.addWidget(choose)
        row.setFocusProxy(edit)
        row.edit = edit
        return row

    def _choose_file(self, edit: QLineEdit) -> None:
        chosen = dialogs.open_store(self, edit.text())
        if chosen:
            edit.setText(chosen)

    def put(self, setting: Setting, value: Any) -> None:
        """Show ``value`` in the setting's row."""
        editor = self.editors[setting.key]
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentText(str(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        else:
            getattr(editor, "edit", editor).setText(str(value))

    def value(self, setting: Setting) -> Any:
        """What the setting's row holds now."""
        editor = self.editors[setting.key]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QComboBox):
            return editor.currentText()
        if isinstance(editor, QSpinBox):
            return editor.value()
        return getattr(editor, "edit", editor).text().strip()

    def restore_defaults(self) -> None:
        for setting in SHOWN:
            self.put(setting, setting.default)

    def accept(self) -> None:
        name = self.value(REVIEWER)
        if name:
            try:  # the name every version records: checked as the first approval checks it
                self.put(REVIEWER, clean_reviewer(name))
            except DeskappError as exc:
                dialogs.error(self, "Not a name", f"{exc}. The preferences were not saved.")
                self.editors[REVIEWER.key].setFocus()
                return
        for setting in SHOWN:
            self.options.set(setting, self.value(setting))
        super().accept()
