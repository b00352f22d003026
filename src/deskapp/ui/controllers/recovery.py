"""Never lose work: unsaved edits are autosaved as a draft; drafts are offered back.

A draft is keyed by the article id (``"12"``) or ``"new:<uuid>"`` for an article never
saved; its payload is ``{"article_id", "base", "title", "document"}`` where ``base`` is
the stored version the edits started from. Saving a version discards the draft in the
same transaction; any save of the session (Ctrl+S, approval, a workflow move) discards
the draft this window wrote, whatever its key; discarding the changes discards it too.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from deskapp.core.document import Document
from deskapp.core.errors import DeskappError
from deskapp.store import Draft
from deskapp.ui import dialogs
from deskapp.ui.session import flag_stale_marks

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

AUTOSAVE_MS = 3000


def draft_payload(doc: Document, article_id: int | None, base: int | None) -> dict:
    """What a draft keeps: the whole document and the version it builds on."""
    return {"article_id": article_id, "base": base, "title": doc.title,
            "document": doc.to_json()}


def describe_draft(draft: Draft) -> str:
    """One paragraph naming the draft's article, its base version and when it was kept."""
    payload = draft.payload
    title = payload.get("title") or "untitled article"
    base = payload.get("base")
    where = f"changes on top of version {base}" if base else "a new article, never saved"
    marks = len(Document.from_json(payload["document"]).marks) if "document" in payload else 0
    when = draft.saved.replace("T", " ")[:19]
    return f"“{title}”\n{where} · {marks} marks · kept {when} UTC"


class Recovery:
    """Autosaves the window's unsaved edits every few seconds; offers drafts back."""

    def __init__(self, window: MainWindow, interval_ms: int = AUTOSAVE_MS) -> None:
        self.window = window
        self._new_key = f"new:{uuid.uuid4()}"
        self._key_override: str | None = None
        self.written: str | None = None  # key of the draft this window wrote last
        self._pending = False
        self.timer = QTimer(window)
        self.timer.setObjectName("autosaveTimer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        window.session.changed.connect(self._changed)
        window.session.replaced.connect(self._replaced)
        window.session.saved.connect(lambda _doc: self.saved())

    @property
    def key(self) -> str:
        """The draft key of the window's article."""
        if self._key_override:
            return self._key_override
        article_id = self.window.session.article_id
        return str(article_id) if article_id is not None else self._new_key

    def _changed(self, _doc, _change) -> None:
        self._pending = True

    def _replaced(self, _doc) -> None:
        self._new_key = f"new:{uuid.uuid4()}"
        self._key_override, self.written, self._pending = None, None, False

    # -- autosave --------------------------------------------------------------------
    def autosave(self) -> None:
        """Keep the unsaved edits as a draft (only when something changed since)."""
        window, session = self.window, self.window.session
        if window.store.read_only or session.document is None or not self._pending:
            return
        try:
            if session.dirty:
                payload = draft_payload(session.document, session.article_id, session.version)
                window.store.save_draft(self.key, payload)
                self.written = self.key
            else:
                self.forget()
        except DeskappError as exc:
            window.status(f"Autosave failed (will retry): {exc}", keep=True)
            return
        self._pending = False

    def forget(self) -> None:
        """The edits were saved or discarded: the draft this window wrote is not needed."""
        if self.written and not self.window.store.read_only:
            try:
                self.window.store.discard_draft(self.written)
            except DeskappError as exc:
                self.window.status(f"An old draft was not removed (it may be offered again): "
                                   f"{exc}")
        self.written = None

    def saved(self) -> None:
        """The store holds what the draft held: drop the draft this window wrote (its key
        may differ from the one the save discarded, e.g. ``new:…`` before a first save);
        later drafts use the article id."""
        self.forget()
        self._key_override, self._pending = None, False

    def keep_aside(self, doc: Document, article_id: int | None, base: int | None) -> str:
        """Store ``doc`` as a separate draft (e.g. before reloading theirs); its key."""
        key = f"kept:{uuid.uuid4()}"
        self.window.store.save_draft(key, draft_payload(doc, article_id, base))
        return key

    # -- recovery --------------------------------------------------------------------
    def offer(self) -> bool:
        """Ask about each draft, newest first; True when one was recovered into the window."""
        window = self.window
        try:
            drafts = window.store.drafts()
        except DeskappError as exc:
            window.status(f"Drafts could not be read: {exc}", keep=True)
            return False
        for draft in drafts:
            if draft.key == self.written:
                continue
            answer = dialogs.ask_recover(window, describe_draft(draft))
            if answer == "recover" and self.recover(draft):
                return True
            if answer == "discard" and not window.store.read_only:
                try:
                    window.store.discard_draft(draft.key)
                except DeskappError as exc:
                    window.status(f"Draft not discarded (it will be offered again): {exc}",
                                  keep=True)
        return False

    def offer_from_menu(self) -> None:
        if not self.window.files.settle_unsaved():
            return
        if not self.offer():
            self.window.status("No draft recovered")

    def recover(self, draft: Draft) -> bool:
        """Show the draft as unsaved changes on top of the version it started from."""
        window, payload = self.window, draft.payload
        try:
            edited = flag_stale_marks(Document.from_json(payload["document"]))
            article_id, base = payload.get("article_id"), payload.get("base")
            start = window.store.load(article_id, base) if article_id is not None else edited
        except (DeskappError, KeyError, ValueError, TypeError) as exc:
            dialogs.error(window, "Draft not recovered", f"The draft cannot be read: {exc}")
            return False
        window.show_loaded(start)
        window.session.apply(edited, "Recovered draft")
        self._key_override, self.written, self._pending = draft.key, draft.key, False
        window.status(f"Recovered unsaved changes to “{edited.title}” — save them with Ctrl+S")
        return True
