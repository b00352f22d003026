"""Suggestions in the window: drawn dashed, reviewed one by one, flags in a panel.

The engine runs on the GUI thread: it takes about 7 ms for a 20 KB article and 50 ms
for 200 KB, well inside a keystroke's budget once debounced. Longer articles
(``BACKGROUND_ABOVE``) run it on a worker thread (``suggest_worker``): the article is
painted at once and the suggestions follow; anything that needs them up to date
(``flush``) runs the engine itself rather than wait. Reruns after a text
correction wait ``RERUN_DELAY_MS`` after the last keystroke. Articles longer than
``AUTO_LIMIT`` characters are not rerun automatically: their suggestions are marked
stale and run when the editor reviews, approves or presses F5 (Refresh suggestions).

Review mode (the keys) lives in ``review_mode``. When a correction moves rejected
suggestions, the rerun moves their ids in ``Document.rejected`` too (``review_memory``).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget

from deskapp.core.checks import (
    ReviewCounts,
    article_flags,
    pending_suggestions,
    review_counts,
    unattributed_claims,
)
from deskapp.core.document import Document
from deskapp.core.suggest import ReviewQueue, Suggestions, suggest
from deskapp.ui.highlights import Highlight
from deskapp.ui.panels.flags_panel import FlagsPanel
from deskapp.ui.panels.review_bar import ReviewBar
from deskapp.ui.review_memory import (
    Coverage,
    carry_rejections,
    cover_key,
    decide,
    identity,
    text_delta,
)
from deskapp.ui.review_mode import ReviewMode
from deskapp.ui.suggest_worker import Prepared, SuggestWorker
from deskapp.ui.suggestion_glue import guess_details, item_highlights
from deskapp.ui.underlines import replace_underlines, show_underline_changes

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

RERUN_DELAY_MS = 150
AUTO_LIMIT = 1_000_000
BACKGROUND_ABOVE = 200_000  # characters above which the engine runs on a worker thread


class SuggestionActions:
    """Runs the engine, draws pending suggestions and the flags; owns the review mode."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.result = Suggestions()
        self.queue = ReviewQueue()
        self.last_run_ms = 0.0
        self._text: str | None = None  # the text ``result`` was computed on
        self._stale = False
        self._coverage = Coverage()  # the cover keys of the document's marks
        self._keys: list[tuple] = []  # per queue item: its cover key
        self._where: dict[tuple, list[int]] = {}  # cover key -> the items that have it
        self._underlines: list[list[Highlight]] = []  # per queue item: its highlights
        self._drawn: ReviewQueue | None = None  # the queue whose underlines are shown
        self._rejected: frozenset[str] = frozenset()  # what the decisions were last
        self._decided: tuple = ()  # worked out from (a review key changes them)
        self._timer = QTimer(window)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RERUN_DELAY_MS)
        self._timer.timeout.connect(self._run_soon)
        self._worker = SuggestWorker(window)
        self._worker.done.connect(self._worker_done)
        self._in_flight: str | None = None  # the text a worker is running the engine on
        self.flags_panel = FlagsPanel()
        self.flags_panel.jump.connect(self._jump_to)
        self.flags_dock = self._dock("Review flags", "flagsDock", self.flags_panel)
        self.review_bar = ReviewBar()
        self.review_dock = self._dock("Review", "reviewDock", self.review_bar, bottom=True)
        self.review_dock.setTitleBarWidget(QWidget())
        self.review_dock.hide()
        self.mode = ReviewMode(self)
        window.session.replaced.connect(self._on_replaced)
        window.session.changed.connect(self._on_changed)
        window.pending_suggestions = self.pending
        window.unattributed_claims = self.unattributed_claims
        window.suggestion_guess = self.guess

    @property
    def reviewing(self) -> bool:
        return self.mode.on

    @property
    def settled(self) -> bool:
        """No run waiting or in flight: what is drawn belongs to the current text."""
        return not self._timer.isActive() and self._in_flight is None

    def _dock(self, title: str, name: str, widget: QWidget, bottom: bool = False) -> QDockWidget:
        window = self.window
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        if bottom:
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        else:
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            window.splitDockWidget(window.marks_dock, dock, Qt.Orientation.Vertical)
        return dock

    # -- running the engine ----------------------------------------------------------
    def _on_replaced(self, doc: Document) -> None:
        self.mode.wire_actions()
        self._timer.stop()
        self.result, self._text = Suggestions(), None
        self._set_queue(ReviewQueue())
        self._stale, self._in_flight = False, None
        if len(doc.article.text) > AUTO_LIMIT:
            self._go_stale()
        else:
            self._run_soon()

    def _on_changed(self, doc: Document, _change) -> None:
        if self._in_flight is not None and doc.article.text != self._in_flight:
            self._worker.cancel()  # its text is gone: its run would only be thrown away
            self._in_flight = None
        if doc.article.text == self._text:
            self._sync()
        elif doc.article.text == self._in_flight:
            return  # a worker runs on this text: its result meets the marks of the day
        elif len(doc.article.text) > AUTO_LIMIT:
            self._go_stale()
        else:
            self._timer.start()  # restarts: the run waits for the last keystroke

    def _go_stale(self) -> None:
        if not self._stale:
            self._stale = True
            self.draw(clear=True)
            message = "Large article: suggestions run when you review, approve or press F5"
            self.flags_panel.summary.setText(message)
            self.window.status(message)

    def flush(self) -> None:
        """Bring the suggestions up to date with the text now (before acting on them)."""
        if self._timer.isActive() or self._stale or self._in_flight is not None:
            self.run_now()

    def refresh(self) -> None:
        self.run_now()
        self.window.status(
            f"{len(self.result)} suggestions, {len(self.result.flags)} flags "
            f"({self.last_run_ms:.0f} ms)"
        )

    def _run_soon(self) -> None:
        """Run the engine: here for a short article, on a worker for a long one."""
        doc = self.window.session.document
        if doc is None or len(doc.article.text) <= BACKGROUND_ABOVE:
            self.run_now()
            return
        self._in_flight = doc.article.text
        self._worker.start(doc.article, doc.marks)

    def _worker_done(self, prepared: Prepared) -> None:
        """A worker's run: used if it is the latest one and the text is unchanged."""
        if prepared.text != self._in_flight:
            return  # superseded: a later run, or the engine already ran here
        doc = self.window.session.document
        if doc is None or doc.article.text != prepared.text:
            self._in_flight = None
            return
        # a failed engine (result None) runs again here, where its error shows
        self.run_now(prepared if prepared.result is not None else None)

    def run_now(self, prepared: Prepared | None = None) -> None:
        """Run the engine on the current text (or take ``prepared``, a run on it);
        keep decisions and the current item."""
        self._timer.stop()
        self._in_flight = None
        doc = self.window.session.document
        if doc is None:
            return
        text = doc.article.text
        if prepared is None:
            started = time.perf_counter()
            result = suggest(doc.article)
            self.last_run_ms = (time.perf_counter() - started) * 1000
            covers = [cover_key(i) for i in result.items]
            underlines = None
        else:
            result, covers, underlines = prepared.result, prepared.covers, prepared.underlines
            self.last_run_ms = prepared.ms
            self._coverage = prepared.coverage or self._coverage
        current = self.queue.current
        delta = text_delta(self._text, text) if self._text is not None else None
        keep = identity(current) if current is not None else None
        if keep is not None and delta is not None:
            keep = delta.follow(keep)
        items = result.items
        if delta is not None:  # a correction: rejected suggestions keep their rejection
            moved = carry_rejections(doc.rejected, self.result.items, items, delta)
            if moved != doc.rejected:
                doc = replace(doc, rejected=moved)
                self.window.session.amend(doc)
        self.result, self._text, self._stale = result, text, False
        self._coverage.update(doc.marks)
        decisions = decide(items, covers, self._coverage, doc.rejected)
        self._rejected, self._decided = doc.rejected, decisions
        keys = [identity(i) for i in items] if keep is not None else []
        queue = ReviewQueue(items, decisions, 0, self.queue.only)  # the kind filter stays
        at = keys.index(keep) if keep in keys else -1
        position = at if at >= 0 and queue.listed(items[at]) else queue.next_open(
            min(self.queue.position, len(items)))
        self._set_queue(replace(queue, position=position), covers, underlines)
        self.flags_panel.set_flags(article_flags(result))  # the library counts these too
        self.draw()

    def _sync(self) -> None:
        """The marks changed (accept, undo, a hand-made mark): decisions follow them."""
        doc = self.window.session.document
        if doc is None or self._stale:
            return
        changed = self._coverage.update(doc.marks)
        items = self.queue.items
        if doc.rejected != self._rejected or self.queue.decisions is not self._decided:
            decisions = decide(items, self._keys, self._coverage, doc.rejected)
        elif changed:  # only the items of keys that changed can change
            at = [i for key in changed for i in self._where.get(key, ())]
            updated = list(self.queue.decisions)
            for i, decision in zip(at, decide([items[i] for i in at], [self._keys[i] for i in at],
                                              self._coverage, doc.rejected), strict=True):
                updated[i] = decision
            decisions = tuple(updated)
        else:
            decisions = self.queue.decisions
        if decisions != self.queue.decisions:
            self.queue = _reopened(replace(self.queue, decisions=decisions))
        self._rejected, self._decided = doc.rejected, self.queue.decisions
        self.draw()

    def reopen(self) -> None:
        """Go to an undecided item when the queue stands past its end (see ``_reopened``)."""
        self.queue = _reopened(self.queue)

    def _set_queue(self, queue: ReviewQueue, keys: list[tuple] | None = None,
                   underlines: list[list[Highlight]] | None = None) -> None:
        """A new list of items: their cover keys and underlines are worked out once."""
        self.queue = queue
        self._keys = keys if keys is not None else [cover_key(i) for i in queue.items]
        self._where = {}
        for i, key in enumerate(self._keys):
            self._where.setdefault(key, []).append(i)
        self._underlines = (underlines if underlines is not None
                            else [item_highlights(i) for i in queue.items])

    def _pending_underlines(self) -> list[Highlight]:
        return [h for lines, decision in zip(self._underlines, self.queue.decisions, strict=True)
                if decision is None for h in lines]

    def draw(self, clear: bool = False) -> None:
        drawn, queue = self._drawn, self.queue
        if clear:
            replace_underlines(self.window, [])
        elif drawn is not None and drawn.items is queue.items:  # only decisions changed
            gone: list[Highlight] = []
            came: list[Highlight] = []
            for lines, was, now in zip(self._underlines, drawn.decisions, queue.decisions,
                                       strict=True):
                if (was is None) != (now is None):
                    (gone if now is not None else came).extend(lines)
            show_underline_changes(self.window, self._pending_underlines(), Counter(gone),
                                   Counter(came))
        else:
            replace_underlines(self.window, self._pending_underlines())
        self._drawn = None if clear else queue
        if clear:
            self.flags_panel.set_flags(())
        self.review_bar.show_queue(self.queue)
        if self.mode.on:
            self.mode.show_current()

    # -- flags and glue for the rest of the window -----------------------------------
    def focus_flags(self) -> None:
        """View ▸ Focus review flags (Ctrl+3)."""
        self.flush()
        self.flags_dock.show()
        self.flags_dock.raise_()
        flags_list = self.flags_panel.list
        if flags_list.currentRow() < 0 and flags_list.count():
            flags_list.setCurrentRow(0)
        flags_list.setFocus()

    def _jump_to(self, start: int, end: int) -> None:
        self.window.view.select(start, end)
        self.window.view.setFocus()

    def pending(self) -> int:
        """Suggestions not yet accepted or rejected (the approval checks count them)."""
        self.flush()
        doc = self.window.session.document
        return pending_suggestions(doc, self.result) if doc is not None else 0

    def counts(self, doc: Document) -> ReviewCounts:
        """The library's counts for ``doc`` (the current document, about to be saved):
        the flags this window's panel shows and the suggestions still pending."""
        self.flush()
        return review_counts(doc, self.result if doc.article.text == self._text else None)

    def unattributed_claims(self):
        """Spans of unattributed figures/claims that no accepted attribution covers."""
        self.flush()
        doc = self.window.session.document
        return unattributed_claims(doc, self.result) if doc is not None else []

    def guess(self, start: int, end: int, quote: bool):
        """Prefill for the mark dialog from a suggestion overlapping ``[start, end)``."""
        self.flush()
        return guess_details(self.result, start, end, quote=quote)


def _reopened(queue: ReviewQueue) -> ReviewQueue:
    """A queue past its last item while an item is undecided again (its mark was deleted
    or undone) goes to that item: review mode never shows "every suggestion has a
    decision" beside a pending one."""
    if queue.current is not None or queue.done:
        return queue
    return replace(queue, position=queue.next_open(0))
