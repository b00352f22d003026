"""Moving about while marking: the find bar, selection helpers, next/previous mark, and
the correction mode (its edits are applied to the document here)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocument

from deskapp.core.clause_units import clause_at, grow, shrink
from deskapp.core.edits import TextEdit, apply_edit
from deskapp.core.marking import next_mark, previous_mark
from deskapp.core.selection import quoted_at, sentence_at
from deskapp.ui.session import TextChange

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow


class MarkingMoves:
    """The Edit/Mark menu actions that move the caret or change the text, mixed into
    ``MarkingActions`` (the action table calls them as ``marking.*``)."""

    window: MainWindow

    # -- selection helpers -----------------------------------------------------------
    def show_find(self) -> None:
        start, end = self.window.view.selection()
        selected = self.window.view.text()[start:end] if end - start < 80 else ""
        self.window.find_bar.open_bar(selected if "\n" not in selected else "")

    def find_next(self) -> None:
        if self.window.find_bar.edit.text():
            self._find(
                self.window.find_bar.edit.text(), False, self.window.find_bar.case.isChecked()
            )
        else:
            self.show_find()

    def _find(self, text: str, backwards: bool, case: bool) -> None:
        view = self.window.view
        flags = QTextDocument.FindFlag(0)
        if backwards:
            flags |= QTextDocument.FindFlag.FindBackward
        if case:
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if view.find(text, flags):
            self.window.find_bar.status.setText("")
            return
        cursor = view.textCursor()  # wrap around once
        cursor.movePosition(cursor.MoveOperation.End if backwards else cursor.MoveOperation.Start)
        view.setTextCursor(cursor)
        found = view.find(text, flags)
        self.window.find_bar.status.setText("wrapped" if found else "not found")

    def select_sentence(self) -> None:
        view = self.window.view
        view.select(*sentence_at(view.text(), view.caret()))

    def select_quoted(self) -> None:
        view = self.window.view
        found = quoted_at(view.text(), view.caret())
        if found is None:
            self.window.status("The caret is not inside quotation marks")
        else:
            view.select(*found)

    def select_clause(self) -> None:
        view = self.window.view
        self._grown = []
        view.select(*clause_at(view.text(), view.caret()))

    def grow_selection(self) -> None:
        view = self.window.view
        now = view.selection()
        wider = grow(view.text(), *now) if now[0] < now[1] else clause_at(view.text(), now[0])
        if wider != now:
            self._grown = [*self._stack(now), now]
            self._last = wider
            view.select(*wider)

    def shrink_selection(self) -> None:
        view = self.window.view
        now = view.selection()
        stack = self._stack(now)
        if stack:
            self._grown, back = stack[:-1], stack[-1]
        else:
            back = shrink(view.text(), *now, anchor=view.caret())
        self._last = back
        view.select(*back)

    def _stack(self, now: tuple[int, int]) -> list[tuple[int, int]]:
        """The selections grown from, while the selection is still the last one made."""
        grown = getattr(self, "_grown", [])
        return grown if grown and getattr(self, "_last", None) == now else []

    def candidate_keys(self) -> None:
        self.window.status("Alt+Down / Alt+Up and Alt+Right / Alt+Left work in the mark dialog "
                           "(Ctrl+Shift+A): they move the source or cue to the next or previous "
                           "candidate in the text, and the content's end")

    # -- navigation ------------------------------------------------------------------
    def next_mark(self) -> None:
        self._step(next_mark)

    def previous_mark(self) -> None:
        self._step(previous_mark)

    def _step(self, finder) -> None:
        doc = self.window.session.document
        if doc is None:
            return
        caret, current = self.window.view.caret(), self.window.renderer.current_mark
        held = doc.marks.get(current) if current else None
        if held is None or not held.anchor.start <= caret <= held.anchor.end:
            current = None  # the caret moved away (Ctrl+Home): step from the caret
        mark = finder(doc, caret, current=current)
        if mark is None:
            self.window.status("No marks yet")
        else:
            self.go_to_mark(mark.id)

    def go_to_mark(self, mark_id: str) -> None:
        doc = self.window.session.document
        mark = doc.marks.get(mark_id) if doc else None
        if mark is None:
            return
        self.window.renderer.set_current(mark_id)
        if not mark.orphaned:
            self.window.view.select(mark.anchor.start, mark.anchor.end)
        else:
            self.window.status(
                f"Orphaned {mark.kind}: its text “{brief(mark.anchor.text)}” "
                "was changed. F2 to fix it, Delete to remove it."
            )

    # -- corrections -----------------------------------------------------------------
    def toggle_edit_mode(self, on: bool) -> None:
        self.window.view.set_correcting(on)
        self.window.status(
            "Correction mode: type to fix the text; marks follow. Ctrl+Shift+E to finish."
            if on
            else "Correction mode off"
        )

    def _text_edited(self, start: int, end: int, replacement: str) -> None:
        session = self.window.session
        doc = session.document
        after = apply_edit(doc, TextEdit(start, end, replacement))
        orphaned = after.marks.count("orphaned") - doc.marks.count("orphaned")
        session.apply(after, "Correct text", TextChange(start, end, replacement), from_view=True)
        if orphaned > 0:
            self.window.status(f"{orphaned} mark(s) orphaned by this correction: see the list")


def brief(text: str) -> str:
    """``text`` on one line, cut to about 60 characters (for the status bar)."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) < 60 else text[:57] + "…"
