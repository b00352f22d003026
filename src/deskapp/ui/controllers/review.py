"""Review menu: approval with checks, and the reviewer's name."""

from __future__ import annotations

import getpass
from dataclasses import replace
from typing import TYPE_CHECKING

from deskapp.core.checks import document_blockers
from deskapp.core.errors import DeskappError
from deskapp.core.review import Blocker
from deskapp.core.workflow import State, check_transition
from deskapp.ui import dialogs
from deskapp.ui.approval_dialog import ask_override

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

REVIEWER_KEY = "reviewer"
THOUGHTS_KEY = "approval/thoughts_take_part"  # pending thought attributions block approval


class ReviewActions:
    """Approve (Ctrl+Return) and the reviewer name recorded with versions."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def reviewer_name(self) -> str:
        name = str(self.window.settings.value(REVIEWER_KEY, "") or "").strip()
        if name:
            return name
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "editor"

    @property
    def thoughts_take_part(self) -> bool:
        """The setting: pending thought attributions count in the approval checks
        (default on)."""
        value = self.window.settings.value(THOUGHTS_KEY, True)
        return value not in (False, "false", "0", 0)

    def set_thoughts_in_checks(self, on: bool) -> None:
        """Review ▸ Thoughts take part in approval checks (Ctrl+Alt+T)."""
        if on == self.thoughts_take_part:
            return
        self.window.settings.setValue(THOUGHTS_KEY, bool(on))
        self.window.status("Pending thought attributions " + (
            "block approval like every suggestion" if on else "no longer block approval"))

    def show_settings(self) -> None:
        """Show the stored settings on their actions (once the actions exist)."""
        action = self.window.actions_by_id["thoughts_in_checks"]
        action.blockSignals(True)
        action.setChecked(self.thoughts_take_part)
        action.blockSignals(False)

    def edit_reviewer(self) -> None:
        name = dialogs.ask_text(
            self.window, "Reviewer", "Your name, recorded with approvals:", self.reviewer_name()
        )
        if name is not None and name.strip():
            self.window.settings.setValue(REVIEWER_KEY, name.strip())
            self.window.status(f"Reviewer: {name.strip()}")

    def blockers(self) -> list[Blocker]:
        """The same checks as ``deskapp approve``: core.checks on the current document,
        with the window's up-to-date suggestions (a pending rerun is done first); pending
        thoughts count as the setting says (``approve --skip-thoughts`` when off)."""
        thoughts = self.thoughts_take_part
        suggestions = getattr(self.window, "suggestions", None)
        if suggestions is None:
            return document_blockers(self.window.session.document, thoughts=thoughts)
        suggestions.flush()
        return document_blockers(self.window.session.document, suggestions.result,
                                 thoughts=thoughts)

    def approve(self) -> None:
        window, session = self.window, self.window.session
        doc = session.document
        if doc is None:
            return
        try:
            check_transition(doc.state, State.APPROVED)
        except DeskappError as exc:
            window.status(str(exc))
            return
        blockers = self.blockers()
        note = ""
        if blockers:
            note = ask_override(window, blockers, self._jump)
            if note is None:
                window.status("Not approved")
                return
        approved = replace(doc, state=State.APPROVED, reviewer=self.reviewer_name(), note=note)
        session.apply(approved, "Approve")
        if window.store.read_only:
            window.status("Approved in this window only: the store is read-only")
            return
        try:
            saved = window.store.save(
                session.current(),
                reviewer=self.reviewer_name(),
                note=note,
                parent=session.version,
                overridden=[b.message for b in blockers],
                draft_key=window.versions.recovery.key,
            )
        except DeskappError as exc:
            dialogs.error(
                window,
                "Approval not saved",
                f"The approval was not saved: {exc}\nCtrl+S tries again.",
            )
            return
        session.mark_saved(saved)
        window.status(f"Approved by {self.reviewer_name()} · version {saved.version} saved")

    def _jump(self, blocker: Blocker) -> None:
        if blocker.mark_id:
            self.window.marking.go_to_mark(blocker.mark_id)
        elif blocker.span is not None:
            self.window.view.select(blocker.span.start, blocker.span.end)
            self.window.view.setFocus()
