"""The article text: read-only with a keyboard caret, marks drawn by a highlighter.

Offsets in and out of this widget are Python ``str`` indices into the article text;
the conversion to Qt's UTF-16 positions happens here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from deskapp.ui.highlight_index import HighlightIndex
from deskapp.ui.highlight_pass import HighlightPass
from deskapp.ui.highlights import Highlight, Role, role_format, segments
from deskapp.ui.positions import PositionMap

_REDO = QKeySequence("Ctrl+Shift+Z")[0].toCombined()


class MarkHighlighter(QSyntaxHighlighter):
    """Draws highlights block by block; only touched blocks are redrawn on change."""

    def __init__(self, document) -> None:
        super().__init__(document)
        self.index = HighlightIndex()
        self.positions = PositionMap("")
        self.suspended = False  # True while a new text goes in: its highlights come after

    def set_highlights(self, items: list[Highlight], positions: PositionMap) -> None:
        self.index = HighlightIndex(items)
        self.positions = positions
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if self.suspended:
            return
        block = self.currentBlock()
        q_start = block.position()
        start = self.positions.from_qt(q_start)
        end = self.positions.from_qt(q_start + len(text))
        items = self.index.overlapping(start, end)
        if not items:
            return
        for a, b, roles in segments(items, start, end):
            fmt = QTextCharFormat()
            for role in roles:
                fmt.merge(role_format(role))
            qa, qb = self.positions.to_qt(a) - q_start, self.positions.to_qt(b) - q_start
            self.setFormat(qa, qb - qa, fmt)


class ArticleView(QPlainTextEdit):
    """Shows one article. Emits ``edited(start, end, replacement)`` in correction mode."""

    edited = Signal(int, int, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setTabChangesFocus(True)  # Tab moves on, also in correction mode
        self.setUndoRedoEnabled(False)
        self._set_caret_flags()
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(max(11.0, font.pointSizeF() * 1.1))
        self.setFont(font)
        self.setAccessibleName("Article text")
        self._text = ""
        self._positions = PositionMap("")
        self._programmatic = False
        self.tooltip_for: Callable[[int], str] | None = None  # details of the mark at an offset
        self.last_edit: tuple[int, int, str] | None = None  # the editor's last typed change
        self.highlighter = MarkHighlighter(self.document())
        self.highlight_pass = HighlightPass(self.highlighter, self)
        self.document().contentsChange.connect(self._on_contents_change)

    def _set_caret_flags(self) -> None:
        flags = Qt.TextInteractionFlag.TextSelectableByKeyboard
        flags |= Qt.TextInteractionFlag.TextSelectableByMouse
        if not self.isReadOnly():
            flags |= Qt.TextInteractionFlag.TextEditable
        self.setTextInteractionFlags(flags)

    def event(self, event: QEvent) -> bool:
        """Leave Undo/Redo to the window's actions: one undo history for marks and text."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
                or event.keyCombination().toCombined() == _REDO
            )
        ):
            event.ignore()
            return True
        return super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:
        """Hovering over a mark shows its details (``tooltip_for``)."""
        if event.type() == QEvent.Type.ToolTip and self.tooltip_for is not None:
            offset = self.offset_at(event.pos())
            text = self.tooltip_for(offset) if offset is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def offset_at(self, point) -> int | None:
        """The character under ``point`` (viewport coordinates), None past a line's end."""
        cursor = self.cursorForPosition(point)  # the gap between characters nearest to it
        if point.x() < self.cursorRect(cursor).x():
            if cursor.atBlockStart():
                return None
            cursor.movePosition(QTextCursor.MoveOperation.PreviousCharacter)
        elif cursor.atBlockEnd():
            return None
        return self._positions.from_qt(cursor.position())

    # -- content ---------------------------------------------------------------------
    def show_text(self, text: str) -> None:
        """Replace the whole text (a new article); the caret goes to the start."""
        if text == self._text and self.document().characterCount() > 1:
            return
        self._programmatic = True
        try:
            self._text = text
            self._positions = PositionMap(text)
            self.highlighter.suspended = True  # set_highlights draws the new text's marks
            self.setPlainText(text)
        finally:
            self.highlighter.suspended = False
            self._programmatic = False

    def set_highlights(self, items: list[Highlight]) -> None:
        """Draw ``items`` instead of the current highlights (a long article: screen first,
        the rest between events, see ``highlight_pass``)."""
        self.highlighter.index = HighlightIndex(items)
        self.highlighter.positions = self._positions
        self.highlight_pass.start()

    def text(self) -> str:
        return self._text

    def rehighlight(self, ranges: list[tuple[int, int]]) -> None:
        """Format again every block that a range of text offsets touches (each once)."""
        document, size = self.document(), len(self._text)
        done: set[int] = set()
        for start, end in ranges:
            block = document.findBlock(self._positions.to_qt(min(start, size)))
            last = self._positions.to_qt(min(end, size))
            while block.isValid() and block.position() <= last:
                if block.blockNumber() not in done:
                    done.add(block.blockNumber())
                    self.highlighter.rehighlightBlock(block)
                block = block.next()

    def apply_edit(self, start: int, end: int, replacement: str) -> None:
        """Change the shown text programmatically (undo/redo of a correction)."""
        self._programmatic = True
        try:
            cursor = self._cursor_for(start, end)
            cursor.insertText(replacement)
            self._text = self._text[:start] + replacement + self._text[end:]
            self._positions = self._positions.edited(start, end, replacement)
        finally:
            self._programmatic = False

    def set_correcting(self, on: bool) -> None:
        """Correction mode: the text becomes editable and edits are reported."""
        self.setReadOnly(not on)
        self._set_caret_flags()
        self.setBackgroundVisible(on)
        self.setProperty("correcting", on)
        self.setStyleSheet("QPlainTextEdit { background: #fffbe8; }" if on else "")

    # -- selection -------------------------------------------------------------------
    def selection(self) -> tuple[int, int]:
        """The selected range as Python offsets (start == end when nothing is selected)."""
        cursor = self.textCursor()
        return (
            self._positions.from_qt(cursor.selectionStart()),
            self._positions.from_qt(cursor.selectionEnd()),
        )

    @property
    def positions(self) -> PositionMap:
        return self._positions

    def caret(self) -> int:
        return self._positions.from_qt(self.textCursor().position())

    def select(self, start: int, end: int) -> None:
        """Select ``[start, end)`` and scroll it into view."""
        self.setTextCursor(self._cursor_for(start, end))
        self.ensureCursorVisible()

    def show_current(self, start: int | None, end: int | None) -> None:
        """Outline the current mark (an extra selection over the highlights)."""
        if start is None or end is None:
            self.setExtraSelections([])
            return
        extra = QTextEdit.ExtraSelection()
        extra.cursor = self._cursor_for(start, end)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffc94d"))
        fmt.setForeground(QColor("#000000"))  # readable on the outline in either theme
        fmt.setFontUnderline(True)
        extra.format = fmt
        self.setExtraSelections([extra])

    def show_parts(self, source, cue, content) -> None:
        """Highlight a mark being made: its source, cue and content ranges (or None)."""
        extras = []
        for rng, role in ((content, Role.CONTENT), (source, Role.SOURCE), (cue, Role.CUE)):
            if rng is not None:
                extra = QTextEdit.ExtraSelection()
                extra.cursor = self._cursor_for(*rng)
                extra.format = role_format(role)
                extras.append(extra)
        self.setExtraSelections(extras)

    def _cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    # -- corrections -----------------------------------------------------------------
    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._programmatic or self.isReadOnly():
            return
        start = self._positions.from_qt(position)
        end = self._positions.from_qt(position + removed)
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.setPosition(position + added, QTextCursor.MoveMode.KeepAnchor)
        replacement = cursor.selectedText().replace("\u2029", "\n")
        if replacement == self._text[start:end]:
            return  # a format-only change (the highlighter), not an edit
        self._text = self._text[:start] + replacement + self._text[end:]
        self._positions = self._positions.edited(start, end, replacement)
        self.last_edit = (start, end, replacement)  # the renderer redraws just around it
        self.edited.emit(start, end, replacement)
