"""Review menu: move the article through the workflow; each move is a saved version."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from deskapp.core.errors import DeskappError
from deskapp.core.workflow import State, check_transition
from deskapp.ui import dialogs

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

PROMPTS = {  # target: (undo label, note prompt)
    State.IN_REVIEW: ("Send to review", "Note for the reviewer (optional):"),
    State.NEEDS_CHANGES: ("Needs changes", "What needs changing?"),
    State.SPIKED: ("Spike", "Why is the article spiked? (optional)"),
}


class WorkflowActions:
    """Send to review, needs changes, spike and unspike (approval is ``review.approve``)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def send_to_review(self) -> None:
        self.move_to(State.IN_REVIEW)

    def needs_changes(self) -> None:
        self.move_to(State.NEEDS_CHANGES)

    def spike(self) -> None:
        self.move_to(State.SPIKED)

    def unspike(self) -> None:
        doc = self.window.session.document
        if doc is not None and doc.state != State.SPIKED:
            self.window.status("The article is not spiked")
            return
        self.move_to(State.IN_REVIEW, label="Restore from spiked")

    def move_to(self, target: State, label: str | None = None) -> bool:
        """Check the move, ask for a note, and save it as a new version (with any edits)."""
        window, session = self.window, self.window.session
        doc = session.document
        if doc is None:
            return False
        if doc.state == target:
            window.status(f"The article is already {target}")
            return False
        try:
            check_transition(doc.state, target)
        except DeskappError as exc:
            window.status(str(exc))
            return False
        if window.store.read_only:
            dialogs.error(window, "Read-only store", f"{window.store.path} is open read-only: "
                          "a change of state is saved as a version, which is not possible here.")
            return False
        default_label, prompt = PROMPTS[target]
        label = label or default_label
        if not window.review.ensure_reviewer(f"“{label}”"):
            return False
        note = dialogs.ask_text(window, label, prompt)
        if note is None:
            window.status(f"{label}: cancelled")
            return False
        session.apply(replace(doc, state=target, reviewer=window.reviewer(), note=note.strip()),
                      label)
        if window.files.save_version(note=note.strip()):
            window.status(f"{label}: version {session.version} saved as {target}")
            return True
        return False
