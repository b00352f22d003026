"""The desk in the window: the work queue (Review ▸ Next article), assignment, and the
hand-off notes shown above the article and in its details.

Next article (Ctrl+Shift+N) opens the store's next article for this editor
(``Store.next_article``: unassigned or theirs, by state and age, never one open
elsewhere; taken — held for this window — in the transaction that finds it, so two
editors pressing Next at once get two articles). Articles this window passed over with
Next are skipped until the queue runs dry, then offered again, so Next never bounces
between two articles. Right after an approval the banner offers the next one.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from deskapp.core.document import Document
from deskapp.core.errors import DeskappError
from deskapp.ui import dialogs
from deskapp.ui.panels.handoff_banner import HandoffBanner, offer_text

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow


class DeskActions:
    """Owns the hand-off banner; ``next_article`` and ``assign`` are Review menu actions."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.passed: list[int] = []
        self.assignee = ""  # of the article shown
        self.banner = HandoffBanner()
        self.banner.open_next.connect(self.next_article)
        layout = window.centralWidget().layout()
        layout.insertWidget(layout.indexOf(window.header) + 1, self.banner)
        window.session.replaced.connect(self._on_replaced)
        window.session.saved.connect(lambda _doc: self._read_assignee())

    # -- what the window shows -------------------------------------------------------
    def _on_replaced(self, doc: Document) -> None:
        self.banner.clear_offer()
        self._read_assignee()
        self.show_document(doc)

    def _read_assignee(self) -> None:
        article_id = self.window.session.article_id
        self.assignee = ""
        if article_id is not None:
            # the article is shown anyway; its assignee is a convenience
            with contextlib.suppress(DeskappError):
                self.assignee = self.window.store.summary(article_id).assignee
        doc = self.window.session.document
        if doc is not None:
            self.window.update_header(doc)

    def show_document(self, doc: Document) -> None:
        """The notes above the text and, with the assignee, in the details panel."""
        self.banner.show_notes(doc.handoff)
        self.window.parts.panel.show_desk(self.assignee, doc.handoff)

    # -- Review ▸ Next article -------------------------------------------------------
    def _find_next(self, me: str, *, take: bool = False) -> object:
        """The queue's next article; ``take``: hold it at once, in the store's transaction
        that finds it, so an editor pressing Next at the same moment gets another."""
        store, current = self.window.store, self.window.session.article_id
        here = {current} if current is not None else set()
        found = store.next_article(me, skip=here | set(self.passed), take=take)
        if found is None and self.passed:  # every other one was passed over: round again
            self.passed.clear()
            found = store.next_article(me, skip=here, take=take)
        return found

    def next_article(self) -> None:
        """Review ▸ Next article (Ctrl+Shift+N)."""
        window = self.window
        if not window.review.ensure_reviewer("the work queue"):
            return
        if not window.files.settle_unsaved():
            return
        current, found = window.session.article_id, None
        try:
            found = self._find_next(window.reviewer(), take=True)
            if found is None:
                window.status("The queue is empty: no article unassigned or yours is waiting",
                              keep=True)
                return
            doc = window.store.load(found.id)
        except DeskappError as exc:
            if found is not None and found.id != current:
                with contextlib.suppress(DeskappError):  # taken but not shown: let it go
                    window.store.release(found.id)
            dialogs.error(window, "Next article", f"The next article could not be opened: "
                          f"{exc}")
            return
        if current is not None and current != found.id and current not in self.passed:
            self.passed.append(current)
        window.show_loaded(doc)
        window.view.setFocus()
        window.status(offer_text(found).replace("Next in the queue", "Opened from the queue"))

    def offer_next(self) -> None:
        """After an approval: name the queue's next article in the banner."""
        try:
            found = self._find_next(self.window.reviewer())
        except DeskappError:
            return  # the approval is saved; the offer is a convenience
        self.banner.show_offer(found, done=True)

    # -- Review ▸ Assign -------------------------------------------------------------
    def assign(self) -> None:
        """Review ▸ Assign to… (Ctrl+Shift+G): a name from the desk's, or typed; empty
        assigns the article to nobody."""
        window = self.window
        article_id = window.session.article_id
        if article_id is None:
            window.status("Save the article first (Ctrl+S): only stored articles are assigned")
            return
        if window.store.read_only:
            window.status("The store is read-only: nothing can be assigned")
            return
        try:
            known = window.store.assignees()
        except DeskappError as exc:
            window.status(str(exc))
            return
        me = window.reviewer()
        names = list(dict.fromkeys(n for n in (self.assignee, me, *known) if n))
        chosen = dialogs.ask_name(
            window, "Assign article",
            f"Assign “{window.session.document.title}” to (empty: nobody):", names,
            self.assignee or me)
        if chosen is None:
            window.status("Not assigned")
            return
        try:
            self.assignee = window.store.assign(article_id, chosen)
        except DeskappError as exc:
            dialogs.error(window, "Not assigned", str(exc))
            return
        window.update_header(window.session.document)
        window.status(f"Assigned to {self.assignee}" if self.assignee
                      else "Assigned to nobody", keep=True)
