"""The small keyboard dialog that names a mark's speaker or source, cue and note."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPalette
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
    content_span: Range | None = None  # when the dialog moved the content (Alt+Right/Left)


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
        step_content: Callable[[Range, int], Range] | None = None,
        follow_cue: Callable[[Range], tuple[Range, Range | None, list[Range]]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("markDialog")
        self.setWindowTitle("Quote" if quote else "Attribution")
        initial = initial or MarkDetails("", "", SourceKind.UNKNOWN, "")
        form = QFormLayout(self)
        self.preview = QLabel()
        self.preview.setObjectName("contentPreview")
        self.preview.setWordWrap(True)
        self._show_content(content)
        form.addRow("Content:", self.preview)
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
        def keys(*ids: str) -> str:
            return " / ".join(spec(action_id).shortcut for action_id in ids)

        hint = QLabel("\n".join((
            f"{keys('next_candidate', 'previous_candidate')}: next / previous source or cue",
            f"{keys('longer_content', 'shorter_content')}: content ends later / earlier",
            f"{keys('content_starts_earlier', 'content_starts_later')}: content starts "
            "earlier / later",
            "Return accepts")))
        hint.setObjectName("markKeysHint")
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # a reminder, muted
        form.addRow(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.quote, self.content_span, self.show_parts = quote, content_span, show_parts
        self.text, self.step_content, self.follow_cue = text, step_content, follow_cue
        self.moved_content = False
        self.source_picker = SpanPicker(self.who, text, sources, initial.source_span,
                                        self._parts_changed)
        self.cue_picker = SpanPicker(self.cue, text, cue_spans, initial.cue_span,
                                     self._cue_changed)
        self._steps = {QKeySequence(spec(action_id).shortcut)[0].toCombined(): (what, by)
                       for action_id, what, by in (
                           ("next_candidate", "pick", 1), ("previous_candidate", "pick", -1),
                           ("longer_content", "content", 1),
                           ("shorter_content", "content", -1),
                           ("content_starts_earlier", "start", -1),
                           ("content_starts_later", "start", 1))}
        self._popups = []
        for edit in (self.who, self.cue):  # one Return takes a completion and accepts
            edit.installEventFilter(self)
            edit.completer().activated.connect(lambda _t: QTimer.singleShot(0, self._completed))
            self._popups.append(edit.completer().popup())
            self._popups[-1].installEventFilter(self)  # the dialog's keys work over it too
        self.who.setFocus()
        self._parts_changed()

    def eventFilter(self, watched, event) -> bool:
        """Alt+Down / Alt+Up, Alt+Right / Alt+Left in the source or cue field (keys from
        the action table)."""
        if event.type() == QEvent.Type.KeyPress:
            step = self._steps.get(event.keyCombination().toCombined())
            if watched in self._popups:
                return self._over_popup(watched, event, step) or super().eventFilter(
                    watched, event)
            if step is not None:
                what, by = step
                if what == "pick":
                    self._step(by)
                else:
                    self._move_content(by, start=what == "start")
                return True
        return super().eventFilter(watched, event)

    def _over_popup(self, popup, event, step) -> bool:
        """A completion popup is open: Return with no completion chosen accepts the dialog
        as typed (as without the popup); the dialog's Alt keys (steps, field mnemonics)
        close it and act."""
        key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not popup.currentIndex().isValid():
            popup.hide()
            self.accept()
            return True
        if step is None and not (alt and self._mnemonic(key, act=False)):
            return False
        popup.hide()
        if step is not None:
            self.eventFilter(self.cue if self.cue.hasFocus() else self.who, event)
        else:
            self._mnemonic(key, act=True)
        return True

    def _mnemonic(self, key: int, *, act: bool) -> bool:
        """The field (or check box) whose label's Alt key is ``key``; focused when ``act``."""
        wanted = QKeySequence(Qt.KeyboardModifier.AltModifier | Qt.Key(key))
        for label in self.findChildren(QLabel):
            if label.buddy() is not None and QKeySequence.mnemonic(label.text()) == wanted:
                if act:
                    label.buddy().setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        if QKeySequence.mnemonic(self.anonymous.text()) == wanted and self.anonymous.isVisible():
            if act:
                self.anonymous.setFocus(Qt.FocusReason.ShortcutFocusReason)
                self.anonymous.toggle()
            return True
        return False

    def _step(self, by: int) -> None:
        """Alt+Down / Alt+Up: the focused field's (else the source's) next candidate."""
        (self.cue_picker if self.cue.hasFocus() else self.source_picker).step(by)

    def _move_content(self, by: int, start: bool = False) -> None:
        """Alt+Right / Alt+Left: the content's end to the next or previous break;
        Alt+Shift+Up / Down: its start a word earlier or later."""
        if self.step_content is None or self.content_span is None:
            return
        moved = self.step_content(self.content_span, by * 2 if start else by)
        if moved != self.content_span:
            self.content_span, self.moved_content = moved, True
            self._show_content(self.text[moved[0]:moved[1]])
            self._parts_changed()

    def _show_content(self, content: str) -> None:
        shown = content if len(content) < 160 else content[:157] + "…"
        self.preview.setText(f"“{shown}”")

    def _cue_changed(self) -> None:
        """A cue picked in the text brings its own source (while the source is the one
        proposed) and, in a mark proposed at the caret, its own content."""
        cue = self.cue_picker.span
        if self.follow_cue is not None and cue is not None:
            content, source, sources = self.follow_cue(cue)
            if content is not None:
                self.content_span, self.moved_content = content, True
                self._show_content(self.text[content[0]:content[1]])
            if content is not None or not self.source_picker.touched:
                self.source_picker.reset(sources, source)
        self._parts_changed()

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
            self.content_span if self.moved_content else None,
        )


def ask_mark_details(parent: QWidget, **kwargs) -> MarkDetails | None:
    """Show the dialog; the details, or None when cancelled (a seam for tests)."""
    dialog = MarkDialog(parent, **kwargs)
    return dialog.details() if dialogs.run_modal(dialog) else None
