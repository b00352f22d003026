"""The small keyboard dialog that names a mark's speaker or source, cue and note."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence
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
from deskapp.ui.actions import spec
from deskapp.ui.mark_picking import Range, SpanPicker


@dataclass(frozen=True)
class MarkDetails:
    """What the editor typed: names and words, located in the text afterwards."""

    who: str
    cue: str
    kind: SourceKind
    note: str
    refers_to: str = ""
    source_span: Range | None = None  # where in the text, when picked or proposed there
    cue_span: Range | None = None


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
        text: str = "",
        content_span: Range | None = None,
        sources: Sequence[Range] = (),
        cue_spans: Sequence[Range] = (),
        show_parts: Callable[[Range | None, Range | None, Range | None], None] | None = None,
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
        self.quote, self.content_span, self.show_parts = quote, content_span, show_parts
        self.source_picker = SpanPicker(self.who, text, sources, initial.source_span,
                                        self._parts_changed)
        self.cue_picker = SpanPicker(self.cue, text, cue_spans, initial.cue_span,
                                     self._parts_changed)
        self._steps = {QKeySequence(spec(action_id).shortcut)[0].toCombined(): by
                       for action_id, by in (("next_candidate", 1), ("previous_candidate", -1))}
        for edit in (self.who, self.cue):  # one Return takes a completion and accepts
            edit.installEventFilter(self)
            edit.completer().activated.connect(lambda _t: QTimer.singleShot(0, self._completed))
        self.who.setFocus()
        self._parts_changed()

    def eventFilter(self, watched, event) -> bool:
        """Alt+Down / Alt+Up in the source or cue field (keys from the action table)."""
        if event.type() == QEvent.Type.KeyPress:
            by = self._steps.get(event.keyCombination().toCombined())
            if by is not None:
                self._step(by)
                return True
        return super().eventFilter(watched, event)

    def _step(self, by: int) -> None:
        """Alt+Down / Alt+Up: the focused field's (else the source's) next candidate."""
        (self.cue_picker if self.cue.hasFocus() else self.source_picker).step(by)

    def _parts_changed(self) -> None:
        if self.show_parts is not None:
            self.show_parts(self.source_picker.span, self.cue_picker.span, self.content_span)

    def complete(self) -> bool:
        """Enough to make the mark: a source (or anonymous), and a cue for an attribution."""
        has_source = bool(self.who.text().strip()) or self.anonymous.isChecked()
        return has_source and (self.quote or bool(self.cue.text().strip()))

    def _completed(self) -> None:
        if self.isVisible() and self.complete():
            self.accept()
        elif not self.cue.text().strip():
            self.cue.setFocus()

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
            self.source_picker.span,
            self.cue_picker.span,
        )


def ask_mark_details(parent: QWidget, **kwargs) -> MarkDetails | None:
    """Show the dialog; the details, or None when cancelled (a seam for tests)."""
    dialog = MarkDialog(parent, **kwargs)
    return dialog.details() if dialogs.run_modal(dialog) else None
