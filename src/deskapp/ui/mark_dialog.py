"""The small keyboard dialog that names a mark's speaker or source, cue and note."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from deskapp.core.annotations import SourceKind
from deskapp.ui import dialogs


@dataclass(frozen=True)
class MarkDetails:
    """What the editor typed: names and words, located in the text afterwards."""

    who: str
    cue: str
    kind: SourceKind
    note: str
    refers_to: str = ""


def _completing_edit(words: list[str], text: str, name: str) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    completer = QCompleter(sorted(set(words), key=str.lower))
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    return edit


class MarkDialog(QDialog):
    """Speaker (quotes) or source (attributions), cue, source kind and note."""

    def __init__(
        self,
        parent: QWidget,
        *,
        quote: bool,
        content: str,
        names: list[str],
        cues: list[str],
        initial: MarkDetails | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("markDialog")
        self.setWindowTitle("Quote" if quote else "Attribution")
        initial = initial or MarkDetails("", "", SourceKind.UNKNOWN, "")
        form = QFormLayout(self)
        shown = content if len(content) < 160 else content[:157] + "…"
        preview = QLabel(f"“{shown}”")
        preview.setWordWrap(True)
        form.addRow("Content:", preview)
        self.who = _completing_edit(names, initial.who, "whoEdit")
        self.who.setPlaceholderText("name as written, e.g. Amanda Lapo, CNN, she")
        form.addRow("&Speaker:" if quote else "&Source:", self.who)
        self.refers = _completing_edit(names, initial.refers_to, "refersEdit")
        self.refers.setPlaceholderText("full name when the text says “she” or a surname")
        form.addRow("&Refers to:", self.refers)
        self.anonymous = QCheckBox("&Anonymous source (no name given)")
        self.anonymous.setChecked(initial.kind is SourceKind.ANONYMOUS and not initial.who)
        if not quote:
            form.addRow("", self.anonymous)
        self.kind = QComboBox()
        self.kind.setObjectName("kindCombo")
        for kind in SourceKind:
            self.kind.addItem(str(kind), kind)
        self.kind.setCurrentIndex(list(SourceKind).index(initial.kind))
        form.addRow("&Kind:", self.kind)
        self.cue = _completing_edit(cues, initial.cue, "cueEdit")
        self.cue.setPlaceholderText("e.g. said, according to, reported")
        form.addRow("&Cue:", self.cue)
        self.note = QLineEdit(initial.note)
        self.note.setObjectName("noteEdit")
        form.addRow("&Note:", self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.who.setFocus()

    def details(self) -> MarkDetails:
        kind = SourceKind(self.kind.currentData())  # the combo hands back a plain str
        if self.anonymous.isChecked():
            kind = SourceKind.ANONYMOUS
        return MarkDetails(
            self.who.text().strip(),
            self.cue.text().strip(),
            kind,
            self.note.text().strip(),
            self.refers.text().strip(),
        )


def ask_mark_details(parent: QWidget, **kwargs) -> MarkDetails | None:
    """Show the dialog; the details, or None when cancelled (a seam for tests)."""
    dialog = MarkDialog(parent, **kwargs)
    return dialog.details() if dialogs.run_modal(dialog) else None
