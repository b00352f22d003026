"""Drawing every highlight of a long article without blocking the window.

``QSyntaxHighlighter.rehighlight()`` formats every block before returning: about a second
for a 1 MB article. For long articles the pass here formats the blocks on screen at once,
then the rest from the top down in chunks of a few milliseconds between events (a
zero-delay timer); blocks scrolled into view meanwhile are formatted as they show.
While the editor works (marks, types) the chunks wait until a short pause (``defer``).
Short articles (up to ``LAZY_ABOVE_BLOCKS`` blocks) are still drawn in one go.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QSyntaxHighlighter, QTextBlock
from PySide6.QtWidgets import QPlainTextEdit

LAZY_ABOVE_BLOCKS = 1_000
CHUNK_SECONDS = 0.004  # formatting time per chunk: input waits at most about this long
IDLE_MS = 150  # after a change by the editor, the chunks wait this long (``defer``)


class HighlightPass(QObject):
    """Re-formats every block of ``view``'s document through ``highlighter``."""

    def __init__(self, highlighter: QSyntaxHighlighter, view: QPlainTextEdit) -> None:
        super().__init__(view)
        self.highlighter = highlighter
        self.view = view
        self._next: QTextBlock | None = None  # the first block the chunks have not done
        self._next_number = 0
        self._early: set[int] = set()  # block numbers done ahead of the chunks (on screen)
        self._blocks = 0  # the block count ``_early`` numbers refer to
        self._showing = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        view.updateRequest.connect(lambda *_: self.show_visible())

    @property
    def pending(self) -> bool:
        return self._next is not None

    def start(self) -> None:
        """Redraw every block: now for a short article, screen first for a long one."""
        document = self.highlighter.document()
        if document.blockCount() <= LAZY_ABOVE_BLOCKS:
            self.finish()
            self.highlighter.rehighlight()
            return
        self._next, self._next_number, self._early = document.firstBlock(), 0, set()
        self._blocks = document.blockCount()
        self.show_visible()
        self._timer.start(0)

    def defer(self) -> None:
        """The editor is working (a mark, a keystroke): the chunks still to do wait until
        ``IDLE_MS`` after the last change, so no chunk adds to what the editor waits for.
        Blocks on screen are still formatted as they show."""
        if self._next is not None:
            self._timer.start(IDLE_MS)

    def finish(self) -> None:
        """Format every block still waiting (before something reads all the formats)."""
        while self._next is not None:
            self._step(budget=float("inf"))

    def show_visible(self) -> None:
        """Format the blocks on screen that the chunks have not reached yet (not again
        from within: formatting a block asks for a repaint, which lands here)."""
        if self._next is None or self._showing:
            return
        self._showing = True
        try:
            self._show_visible()
        finally:
            self._showing = False

    def _renumbered(self) -> None:
        """A correction added or removed lines: the numbers of the blocks done early no
        longer name them, so they are forgotten (and done again: a few blocks)."""
        count = self.highlighter.document().blockCount()
        if count != self._blocks:
            self._early.clear()
            self._blocks = count

    def _show_visible(self) -> None:
        self._renumbered()
        view = self.view
        block, offset = view.firstVisibleBlock(), view.contentOffset()
        bottom = view.viewport().height()
        while block.isValid():
            if view.blockBoundingGeometry(block).translated(offset).top() > bottom:
                break
            number = block.blockNumber()
            if number >= self._next_number and number not in self._early:
                self._early.add(number)
                self.highlighter.rehighlightBlock(block)
            block = block.next()

    def _step(self, budget: float | None = None) -> None:
        """Format blocks for ``budget`` seconds (at least one block)."""
        if budget is None and self._timer.interval():
            self._timer.setInterval(0)  # idle again after ``defer``: chunk by chunk
        block = self._next
        if block is None:
            self._timer.stop()
            return
        self._renumbered()
        if not block.isValid():  # deleted by a correction meanwhile: go on from its place
            block = self.highlighter.document().findBlockByNumber(self._next_number)
        deadline = time.perf_counter() + (CHUNK_SECONDS if budget is None else budget)
        while True:
            if not block.isValid():
                self._next = None
                self._timer.stop()
                return
            if block.blockNumber() not in self._early:
                self.highlighter.rehighlightBlock(block)
            block = block.next()
            if time.perf_counter() >= deadline:
                break
        self._next, self._next_number = block, block.blockNumber()
