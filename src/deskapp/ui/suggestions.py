"""Suggestions in the window: drawn dashed, reviewed one by one, flags in a panel.

The engine runs on the GUI thread: it takes about 7 ms for a 20 KB article and 50 ms
for 200 KB, well inside a keystroke's budget once debounced. Reruns after a text
correction wait ``RERUN_DELAY_MS`` after the last keystroke. Articles longer than
``AUTO_LIMIT`` characters are not rerun automatically: their suggestions are marked
stale and run when the editor reviews, approves or presses F5 (Refresh suggestions).

Accepting adds a mark as one undoable step; rejecting and skipping are review state,
kept here per article (rejections follow the text through corrections).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget

from deskapp.core.document import Document
from deskapp.core.suggest import Decision, ReviewQueue, Suggestions, suggest
from deskapp.ui.panels.flags_panel import FlagsPanel
from deskapp.ui.panels.review_bar import ReviewBar
from deskapp.ui.review_memory import RejectedMemory, decisions_for, identity, text_delta
from deskapp.ui.suggestion_glue import claims_without_source, guess_details, pending_highlights

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

RERUN_DELAY_MS = 150
AUTO_LIMIT = 1_000_000
REVIEW_KEYS = (
    "accept_suggestion",
    "reject_suggestion",
    "skip_suggestion",
    "previous_suggestion",
    "accept_all_kind",
    "leave_review",
)


class SuggestionActions:
    """Runs the engine, draws pending suggestions, drives review mode and the flags."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.result = Suggestions()
        self.queue = ReviewQueue()
        self.reviewing = False
        self.last_run_ms = 0.0
        self._text: str | None = None  # the text ``result`` was computed on
        self._stale = False
        self._memories: dict[str, RejectedMemory] = {}
        self._memory = RejectedMemory("")
        self._wired = False
        self._timer = QTimer(window)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RERUN_DELAY_MS)
        self._timer.timeout.connect(self.run_now)
        self.flags_panel = FlagsPanel()
        self.flags_panel.jump.connect(self._jump_to)
        self.flags_dock = self._dock("Review flags", "flagsDock", self.flags_panel)
        self.review_bar = ReviewBar()
        self.review_dock = self._dock("Review", "reviewDock", self.review_bar, bottom=True)
        self.review_dock.setTitleBarWidget(QWidget())
        self.review_dock.hide()
        window.session.replaced.connect(self._on_replaced)
        window.session.changed.connect(self._on_changed)
        window.pending_suggestions = self.pending
        window.unattributed_claims = self.unattributed_claims
        window.suggestion_guess = self.guess
        QTimer.singleShot(0, self._wire_actions)

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

    def _wire_actions(self) -> None:
        """Review keys act only while the text or the review bar has the focus (so Enter
        in a list or letters in the find bar keep their meaning), and only in review mode."""
        actions = getattr(self.window, "actions_by_id", None)
        if self._wired or actions is None:
            return
        self._wired = True
        for action_id in REVIEW_KEYS:
            action = actions[action_id]
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.window.view.addAction(action)
            self.review_bar.addAction(action)
        actions["edit_text"].toggled.connect(self._correction_toggled)
        self._sync_actions()

    def _sync_actions(self) -> None:
        actions = self.window.actions_by_id
        for action_id in REVIEW_KEYS:
            actions[action_id].setEnabled(self.reviewing)
        # Delete rejects a suggestion in review mode; it deletes marks only outside it.
        actions["delete_mark"].setEnabled(not self.reviewing)
        toggle = actions["review_suggestions"]
        if toggle.isChecked() != self.reviewing:
            toggle.blockSignals(True)
            toggle.setChecked(self.reviewing)
            toggle.blockSignals(False)

    # -- running the engine ----------------------------------------------------------
    def _on_replaced(self, doc: Document) -> None:
        self._wire_actions()
        self._timer.stop()
        meta = doc.article.meta
        key = meta.sha256 or (f"id:{doc.id}" if doc.id is not None else f"text:{hash(doc)}")
        self._memory = self._memories.setdefault(key, RejectedMemory(doc.article.text))
        self._memory.follow(doc.article.text)
        self.result, self.queue, self._text = Suggestions(), ReviewQueue(), None
        if len(doc.article.text) > AUTO_LIMIT:
            self._go_stale()
        else:
            self.run_now()

    def _on_changed(self, doc: Document, _change) -> None:
        if doc.article.text == self._text:
            self._sync()
        elif len(doc.article.text) > AUTO_LIMIT:
            self._go_stale()
        else:
            self._timer.start()  # restarts: the run waits for the last keystroke

    def _go_stale(self) -> None:
        if not self._stale:
            self._stale = True
            self.window.status("Large article: suggestions run when you review, approve "
                               "or press F5")
            self._draw(clear=True)

    def flush(self) -> None:
        """Bring the suggestions up to date with the text now (before acting on them)."""
        if self._timer.isActive() or self._stale:
            self.run_now()

    def refresh(self) -> None:
        self.run_now()
        self.window.status(
            f"{len(self.result)} suggestions, {len(self.result.flags)} flags "
            f"({self.last_run_ms:.0f} ms)"
        )

    def run_now(self) -> None:
        """Run the engine on the current text; keep decisions and the current item."""
        self._timer.stop()
        doc = self.window.session.document
        if doc is None:
            return
        text = doc.article.text
        started = time.perf_counter()
        result = suggest(doc.article)
        self.last_run_ms = (time.perf_counter() - started) * 1000
        current = self.queue.current
        delta = text_delta(self._text, text) if self._text is not None else None
        keep = identity(current) if current is not None else None
        if keep is not None and delta is not None:
            keep = delta.follow(keep)
        self._memory.follow(text)
        self.result, self._text, self._stale = result, text, False
        items = result.items
        decisions = decisions_for(items, doc.marks, self._memory.rejected)
        keys = [identity(i) for i in items]
        position = keys.index(keep) if keep in keys else _first_open(
            decisions, min(self.queue.position, len(items)))
        self.queue = ReviewQueue(items, decisions, position)
        self.flags_panel.set_flags(result.flags)
        self._draw()

    def _sync(self) -> None:
        """The marks changed (accept, undo, a hand-made mark): decisions follow them."""
        doc = self.window.session.document
        if doc is None or self._stale:
            return
        decisions = decisions_for(self.queue.items, doc.marks, self._memory.rejected)
        self.queue = ReviewQueue(self.queue.items, decisions, self.queue.position)
        self._draw()

    def _draw(self, clear: bool = False) -> None:
        renderer = self.window.renderer
        wanted = [] if clear else pending_highlights(self.queue)
        if wanted != renderer.extra_highlights:
            renderer.extra_highlights = wanted
            renderer.redraw()
        if clear:
            self.flags_panel.set_flags(())
        self.review_bar.show_queue(self.queue)
        if self.reviewing:
            self._show_current()

    def _show_current(self) -> None:
        item = self.queue.current
        if item is not None:
            self.window.view.select(item.anchor.start, item.anchor.end)

    # -- review mode -----------------------------------------------------------------
    def set_reviewing(self, on: bool) -> None:
        """Review ▸ Review suggestions (Ctrl+R): enter or leave review mode."""
        if not on:
            self.leave_review()
            return
        self.flush()
        self._wire_actions()
        edit_text = self.window.actions_by_id["edit_text"]
        if edit_text.isChecked():
            edit_text.setChecked(False)  # the review keys must not type into the text
        self.reviewing = True
        self._sync_actions()
        self.review_dock.show()
        self.review_bar.show_queue(self.queue)
        self._show_current()
        self.window.view.setFocus()
        self.window.status(f"Review mode: {self.queue.progress}. Esc leaves it.")

    def leave_review(self) -> None:
        if not self.reviewing:
            return
        self.reviewing = False
        self._sync_actions()
        self.review_dock.hide()
        self.window.view.setFocus()
        self.window.status(f"Review mode off · {self.pending()} suggestions pending")

    def _correction_toggled(self, on: bool) -> None:
        if on and self.reviewing:
            self.leave_review()

    def _ready(self) -> bool:
        if not self.reviewing:
            return False
        self.flush()
        if self.queue.current is None:
            self.window.status(f"Nothing to review here: {self.queue.progress}")
            return False
        return True

    def accept(self) -> None:
        """A / Enter: the current suggestion becomes a mark (one undoable step)."""
        if not self._ready():
            return
        item, before = self.queue.current, self.queue.decisions[self.queue.position]
        self.queue = self.queue.accept()
        self._memory.rejected.discard(identity(item))
        if before is Decision.ACCEPTED:
            self._draw()
            return
        doc = self.window.session.document
        self.window.session.apply(doc.add_mark(item.to_mark()), "Accept suggestion")
        self.window.status(f"Accepted the {item.kind} · {self.queue.progress} · Ctrl+Z undoes")

    def reject(self) -> None:
        """X / Delete: drop the current suggestion (it stays rejected after reruns)."""
        if not self._ready():
            return
        item, before = self.queue.current, self.queue.decisions[self.queue.position]
        self.queue = self.queue.reject()
        self._memory.rejected.add(identity(item))
        doc = self.window.session.document
        if before is Decision.ACCEPTED and doc.marks.get(item.id) is not None:
            self.window.session.apply(doc.with_marks(doc.marks.remove(item.id)),
                                      "Reject suggestion")
        else:
            self._sync()
        self.window.status(f"Rejected the {item.kind} · {self.queue.progress}")

    def skip(self) -> None:
        if self._ready():
            self.queue = self.queue.skip()
            self._draw()

    def back(self) -> None:
        if self.reviewing:
            self.flush()
            self.queue = self.queue.back()
            self._draw()

    def accept_all_of_kind(self) -> None:
        """Shift+A: accept every undecided suggestion of the current one's kind, one step."""
        if not self._ready():
            return
        kind, before = self.queue.current.kind, self.queue
        self.queue = before.accept_all(kind)
        new = [item for item, old, now in zip(before.items, before.decisions,
                                               self.queue.decisions, strict=True)
               if old is None and now is Decision.ACCEPTED]
        if not new:
            self._draw()
            return
        doc = self.window.session.document
        marks = doc.marks
        for item in new:
            marks = marks.add(item.to_mark())
        plural = "s" if len(new) != 1 else ""
        self.window.session.apply(doc.with_marks(marks), f"Accept {len(new)} {kind}{plural}")
        self.window.status(f"Accepted {len(new)} {kind} suggestion{plural} · "
                           f"{self.queue.progress}")

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
        return sum(d is None for d in self.queue.decisions)

    def unattributed_claims(self):
        """Spans of unattributed figures/claims that no accepted attribution covers."""
        self.flush()
        doc = self.window.session.document
        return claims_without_source(self.result.flags, doc.marks if doc else ())

    def guess(self, start: int, end: int, quote: bool):
        """Prefill for the mark dialog from a suggestion overlapping ``[start, end)``."""
        self.flush()
        return guess_details(self.result, start, end, quote=quote)


def _first_open(decisions, start: int) -> int:
    n = len(decisions)
    for step in range(n):
        i = (start + step) % n
        if decisions[i] is None:
            return i
    return n
