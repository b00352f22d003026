"""Review menu: approval with checks; the reviewer's name (asked for at the first approval,
or at the first save or move if that comes first; never taken from the operating system)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from deskapp.core.checks import document_blockers
from deskapp.core.desk import clean_reviewer
from deskapp.core.errors import DeskappError
from deskapp.core.review import Blocker
from deskapp.core.settings_spec import REVIEWER, THOUGHTS_TAKE_PART
from deskapp.core.workflow import State, check_transition
from deskapp.ui import dialogs
from deskapp.ui.approval_dialog import ask_override

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow


class ReviewActions:
    """Approve (Ctrl+Return) and the reviewer name recorded with versions."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def reviewer_name(self) -> str:
        """The name set in Preferences ("" until there is one: ``ensure_reviewer`` asks
        before anything records it)."""
        return self.window.options.get(REVIEWER).strip()

    def ensure_reviewer(self, doing: str = "an approval") -> bool:
        """Before the first thing that records a reviewer (an approval, usually): ask the
        reviewer's name once, in a dialog with nothing filled in, and keep it in the
        settings. False (with the reason in the status bar) when the editor gives none."""
        if self.reviewer_name():
            return True
        name = dialogs.ask_text(
            self.window, "Your name",
            "Every approval and version records who made it. Your name (asked once; "
            "Edit ▸ Preferences, Ctrl+, changes it):", "")
        try:
            cleaned = clean_reviewer(name or "")
        except DeskappError as exc:
            if name is not None and name.strip():
                dialogs.error(self.window, "Not a name", f"{exc}. Nothing was recorded.")
            verb = "Not approved" if doing == "an approval" else "Not done"
            self.window.status(f"{verb}: {doing} needs the reviewer's name", keep=True)
            return False
        self.window.options.set(REVIEWER, cleaned)
        return True

    @property
    def thoughts_take_part(self) -> bool:
        """The setting: pending thought attributions count in the approval checks
        (default on)."""
        return self.window.options.get(THOUGHTS_TAKE_PART)

    def set_thoughts_in_checks(self, on: bool) -> None:
        """Review ▸ Thoughts take part in approval checks (Ctrl+Alt+T)."""
        if on == self.thoughts_take_part:
            return
        self.window.options.set(THOUGHTS_TAKE_PART, bool(on))
        self.window.status("Pending thought attributions " + (
            "block approval like every suggestion" if on else "no longer block approval"))

    def show_settings(self) -> None:
        """Show the stored settings on their actions (once the actions exist)."""
        action = self.window.actions_by_id["thoughts_in_checks"]
        action.blockSignals(True)
        action.setChecked(self.thoughts_take_part)
        action.blockSignals(False)

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
        if not self.ensure_reviewer():
            return
        blockers = self.blockers()
        note = ""
        if blockers:
            note = ask_override(window, blockers, self._jump)
            if note is None:
                window.status("Not approved", keep=True)
                return
        approved = replace(doc, state=State.APPROVED, reviewer=self.reviewer_name(), note=note)
        session.apply(approved, "Approve")
        if window.store.read_only:
            window.status("Approved in this window only: the store is read-only", keep=True)
            return
        try:
            saved = window.store.save(
                session.current(),
                reviewer=self.reviewer_name(),
                note=note,
                parent=session.version,
                overridden=[b.message for b in blockers],
                draft_key=window.versions.recovery.key,
                counts=window.suggestions.counts(session.current()),
            )
        except DeskappError as exc:
            dialogs.error(
                window,
                "Approval not saved",
                f"The approval was not saved: {exc}\nCtrl+S tries again.",
            )
            return
        session.mark_saved(saved)
        window.status(f"Approved by {self.reviewer_name()} · version {saved.version} saved",
                      keep=True)
        window.desk.offer_next()

    def _jump(self, blocker: Blocker) -> None:
        if blocker.mark_id:
            self.window.marking.go_to_mark(blocker.mark_id)
        elif blocker.span is not None:
            self.window.view.select(blocker.span.start, blocker.span.end)
            self.window.view.setFocus()
