"""Review mode: the current suggestion selected in the text and explained in the review
bar; accept (A/Enter), reject (X/Delete), skip (Space), back (Backspace), accept all of
a kind (Shift+A), review only one claim kind (K: all → statements → thoughts →
documents/data), Esc leaves.

Accepting adds a mark and rejecting records the suggestion's id in
``Document.rejected``, each as one undoable step (so both are saved with the version and
the approval checks see them); skipping and going back only move through the queue.
The keys are QActions of the action table, enabled only in review mode and bound to the
article text and the review bar (not window-wide), so they never reach the find bar or
a list; ``delete_mark`` (also Delete) is disabled meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer

from deskapp.core.claim_kinds import PLURALS, ClaimKind
from deskapp.core.suggest import Decision, ReviewQueue, Suggestion

if TYPE_CHECKING:
    from deskapp.ui.suggestions import SuggestionActions

REVIEW_KEYS = (
    "accept_suggestion",
    "reject_suggestion",
    "skip_suggestion",
    "previous_suggestion",
    "accept_all_kind",
    "review_kind_filter",
    "leave_review",
)
# what K shows in turn (None: every kind)
KIND_CYCLE: tuple[ClaimKind | None, ...] = (None, ClaimKind.STATEMENT, ClaimKind.THOUGHT,
                                            ClaimKind.DOCUMENT)


class ReviewMode:
    """The review keys and what they do to the owner's queue and the document."""

    def __init__(self, owner: SuggestionActions) -> None:
        self.owner = owner
        self.window = owner.window
        self.on = False
        self._wired = False
        QTimer.singleShot(0, self.wire_actions)

    def wire_actions(self) -> None:
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
            self.owner.review_bar.addAction(action)
        actions["edit_text"].toggled.connect(self._correction_toggled)
        self._sync_actions()

    def _sync_actions(self) -> None:
        actions = self.window.actions_by_id
        for action_id in REVIEW_KEYS:
            actions[action_id].setEnabled(self.on)
        # Delete rejects a suggestion in review mode; it deletes marks only outside it.
        actions["delete_mark"].setEnabled(not self.on)
        toggle = actions["review_suggestions"]
        if toggle.isChecked() != self.on:
            toggle.blockSignals(True)
            toggle.setChecked(self.on)
            toggle.blockSignals(False)

    def show_current(self) -> None:
        item = self.owner.queue.current
        if item is not None:
            self.window.view.select(item.anchor.start, item.anchor.end)

    # -- review mode -----------------------------------------------------------------
    def set_reviewing(self, on: bool) -> None:
        """Review ▸ Review suggestions (Ctrl+R): enter or leave review mode."""
        if not on:
            self.leave()
            return
        self.owner.flush()
        self.owner.reopen()
        self.wire_actions()
        edit_text = self.window.actions_by_id["edit_text"]
        if edit_text.isChecked():
            edit_text.setChecked(False)  # the review keys must not type into the text
        self.on = True
        self._sync_actions()
        self.owner.review_dock.show()
        self.owner.review_bar.show_queue(self.owner.queue)
        self.show_current()
        self.window.view.setFocus()
        self.window.status(f"Review mode: {self.owner.queue.progress}. Esc leaves it.")

    def leave(self) -> None:
        if not self.on:
            return
        self.on = False
        self._sync_actions()
        self.owner.review_dock.hide()
        self.window.view.setFocus()
        self.window.status(f"Review mode off · {self.owner.pending()} suggestions pending")

    def _correction_toggled(self, on: bool) -> None:
        if on and self.on:
            self.leave()

    def _ready(self) -> bool:
        if not self.on:
            return False
        self.owner.flush()
        if self.owner.queue.current is None:
            self.window.status(f"Nothing to review here: {self.owner.queue.progress}")
            return False
        return True

    def _decide(self, step: Callable[[ReviewQueue], ReviewQueue],
                outcome: Decision) -> tuple[Suggestion, Decision | None] | None:
        """Move the queue by ``step`` on the current suggestion; its item and the decision
        it had before, or None when there is nothing to change in the document."""
        if not self._ready():
            return None
        queue = self.owner.queue
        item, before = queue.current, queue.decisions[queue.position]
        self.owner.queue = step(queue)
        if before is outcome:  # decided so already: only the queue moved
            self.owner.draw()
            return None
        return item, before

    def accept(self) -> None:
        """A / Enter: the current suggestion becomes a mark (one undoable step)."""
        decided = self._decide(ReviewQueue.accept, Decision.ACCEPTED)
        if decided is None:
            return
        item, _before = decided
        doc = self.window.session.document
        after = replace(doc.add_mark(item.to_mark()), rejected=doc.rejected - {item.id})
        self.window.session.apply(after, "Accept suggestion")
        self.window.status(
            f"Accepted the {item.kind} · {self.owner.queue.progress} · Ctrl+Z undoes"
        )

    def reject(self) -> None:
        """X / Delete: drop the current suggestion (it stays rejected after reruns)."""
        decided = self._decide(ReviewQueue.reject, Decision.REJECTED)
        if decided is None:
            return
        item, before = decided
        doc = self.window.session.document
        after = replace(doc, rejected=doc.rejected | {item.id})
        if before is Decision.ACCEPTED and doc.marks.get(item.id) is not None:
            after = after.with_marks(doc.marks.remove(item.id))  # accepted in this review
        self.window.session.apply(after, "Reject suggestion")
        self.window.status(f"Rejected the {item.kind} · {self.owner.queue.progress}")

    def skip(self) -> None:
        if self._ready():
            self.owner.queue = self.owner.queue.skip()
            self.owner.draw()

    def back(self) -> None:
        if self.on:
            self.owner.flush()
            self.owner.queue = self.owner.queue.back()
            self.owner.draw()

    def cycle_kind(self) -> None:
        """K: review only statements, then thoughts, then documents/data, then all."""
        if not self.on:
            return
        self.owner.flush()
        queue = self.owner.queue
        following = KIND_CYCLE[(KIND_CYCLE.index(queue.only) + 1) % len(KIND_CYCLE)]
        self.owner.queue = queue.only_kind(following)
        self.owner.draw()
        shown = "every kind" if following is None else f"{PLURALS[following]} only"
        self.window.status(f"Reviewing {shown} · {self.owner.queue.progress} · K changes it")

    def accept_all_of_kind(self) -> None:
        """Shift+A: accept every undecided suggestion of the current one's kind, one step."""
        if not self._ready():
            return
        kind, before = self.owner.queue.current.kind, self.owner.queue
        self.owner.queue = before.accept_all(kind)
        new = [item for item, old, now in zip(before.items, before.decisions,
                                               self.owner.queue.decisions, strict=True)
               if old is None and now is Decision.ACCEPTED]
        if not new:
            self.owner.draw()
            return
        doc = self.window.session.document
        marks = doc.marks
        for item in new:
            marks = marks.add(item.to_mark())
        plural = "s" if len(new) != 1 else ""
        self.window.session.apply(doc.with_marks(marks), f"Accept {len(new)} {kind}{plural}")
        self.window.status(f"Accepted {len(new)} {kind} suggestion{plural} · "
                           f"{self.owner.queue.progress}")

