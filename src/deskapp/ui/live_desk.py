"""The live desk in a window: its presence on the article it shows, and news of others.

One ``LiveDesk`` per window (and so per ``Store``, one session). It holds the article the
window shows (``Store.hold`` on open and switch, ``release`` on switch and close), renews
that hold every ``HEARTBEAT_MS`` (a silent session stops counting after 90 s), and owns a
``ChangeListener``: it watches the listener's socket when the engine has one (PostgreSQL),
else polls it every ``POLL_MS`` (SQLite: one indexed query). What other sessions did comes
out as ``changed(list[Change])`` — the library refreshes on it — and drives the bar above
the text (``panels/live_banner``): who else has the article open, and a newer version
saved elsewhere (reload it with Ctrl+Shift+L; with unsaved changes, Save goes through the
conflict dialog). A clean window follows a change of state made elsewhere at once.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QApplication

from deskapp.core.document import Document
from deskapp.core.errors import DeskappError
from deskapp.logs import log
from deskapp.store import Change, ChangeListener
from deskapp.ui.panels.live_banner import LiveBanner, clock, editor_name

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

POLL_MS = 1000
HEARTBEAT_MS = 30_000
NEWS = frozenset({"saved", "transition"})
PRESENCE = frozenset({"opened", "closed"})


def same_content(a: Document, b: Document) -> bool:
    """True when two versions differ at most in state, reviewer and note."""
    return (a.article, a.marks, a.rejected) == (b.article, b.marks, b.rejected)


class LiveDesk(QObject):
    """``changed`` carries the changes other sessions made since the last look."""

    changed = Signal(list)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.held: int | None = None
        self.waiting: Change | None = None
        """The other session's save the bar tells of (until reloaded or saved over)."""
        self.banner = LiveBanner()
        self.banner.reload.connect(self.reload_latest)
        layout = window.centralWidget().layout()
        layout.insertWidget(layout.indexOf(window.view), self.banner)
        self.listener: ChangeListener | None = None
        self.notifier: QSocketNotifier | None = None
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self.beat)
        self._listen()
        window.session.replaced.connect(self._on_replaced)
        window.session.saved.connect(self._on_saved)
        window.session.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.changed.connect(self._on_changes)

    def _listen(self) -> None:
        try:
            self.listener = self.store.listener()
        except DeskappError as exc:  # the window works without news of others
            log.warning("not listening to the store: %s", exc)
            return
        self._watch()

    def _watch(self) -> None:
        """Wake on the listener's socket when it has one (a server), else poll on the timer.
        A listener whose connection the server dropped makes a new one on its next poll:
        the notifier follows the new socket (the old one would fire for ever)."""
        fd = None if self.listener is None else self.listener.fileno()
        if self.notifier is not None:
            if self.notifier.socket() == fd and self.notifier.isEnabled():
                return
            self._unwatch()
        if fd is None:
            if self.listener is not None:
                self.poll_timer.start()
            return
        self.poll_timer.stop()
        self.notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self.poll)

    def _unwatch(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None

    def poll(self) -> None:
        """Read what other sessions did; emit it when there is something. While the store
        cannot be reached, the timer keeps trying (once a second) instead of the socket."""
        if self.listener is None:
            return
        try:
            changes = self.listener.poll()
        except DeskappError as exc:
            log.warning("listening to the store failed: %s", exc)
            self._unwatch()
            self.poll_timer.start()
            return
        self._watch()
        if changes:
            self.changed.emit(changes)

    def stop(self) -> None:
        """The window closes: end its presence and stop listening."""
        self.poll_timer.stop()
        self.heartbeat.stop()
        self.follow(None)
        self._unwatch()
        if self.listener is not None:
            self.listener.close()
            self.listener = None

    # -- presence --------------------------------------------------------------------
    def follow(self, article_id: int | None) -> None:
        """Hold ``article_id`` (None: nothing) instead of the article held before."""
        if article_id == self.held:
            return
        if self.held is not None:
            with contextlib.suppress(DeskappError):  # it goes stale on its own
                self.store.release(self.held)
        self.held = article_id
        if article_id is None:
            self.heartbeat.stop()
        else:
            self.heartbeat.start()
            self.beat()

    def beat(self) -> None:
        """Renew the hold (the heartbeat) and look again at who else has it open."""
        if self.held is None:
            return
        try:
            self.store.hold(self.held, self.window.reviewer())
        except DeskappError as exc:
            log.warning("presence on article %s not recorded: %s", self.held, exc)
        self.show_holders()

    def show_holders(self) -> None:
        try:
            holders = [] if self.held is None else self.store.holders(self.held)
        except DeskappError:
            holders = []
        self.banner.show_holders(holders)

    def _on_replaced(self, doc: Document) -> None:
        self._clear_newer()
        self.follow(doc.id)
        self.show_holders()

    def _on_saved(self, saved: Document) -> None:
        self._clear_newer()
        self.follow(saved.id)

    def _clear_newer(self) -> None:
        self.waiting = None
        self.banner.clear_newer()

    def _on_clean_changed(self, _clean: bool) -> None:
        """Unsaved changes made or undone: the bar's offer follows."""
        if self.waiting is not None:
            self._newer(self.waiting)

    # -- news ------------------------------------------------------------------------
    def _on_changes(self, changes: list[Change]) -> None:
        article_id = self.window.session.article_id
        mine = [c for c in changes if c.article_id == article_id and article_id is not None]
        if any(c.kind in PRESENCE for c in mine):
            self.show_holders()
        news = [c for c in mine if c.kind in NEWS]
        if news:
            self._newer(news[-1])

    def _newer(self, change: Change) -> None:
        """Another session saved the shown article: follow, offer or warn."""
        session = self.window.session
        try:
            latest = self.store.load(session.article_id)
        except DeskappError as exc:
            log.warning("the newer version could not be read: %s", exc)
            return
        if session.version is not None and latest.version <= session.version:
            return  # this window's own save, or nothing newer after all
        self.waiting = change
        who = editor_name(change.reviewer)
        moved = (f"set it to {latest.state.value.replace('_', ' ')} in "
                 if change.kind == "transition" else "saved ")
        said = f"{who} {moved}version {latest.version} at {clock(change.at)}"
        asking = QApplication.activeModalWidget() is not None  # never under a dialog
        if not session.dirty and not asking and same_content(latest, session.current()):
            self.window.show_loaded(latest)  # only the state moved: follow it
            self.window.status(f"{said[0].upper()}{said[1:]}", keep=True)
            return
        if session.dirty:
            self.banner.show_newer(
                f"{said} while you have unsaved changes: Save (Ctrl+S) lets you save yours "
                "on top of theirs or reload theirs.", can_reload=False)
        else:
            self.banner.show_newer(f"{said}. Reload it with Ctrl+Shift+L.", can_reload=True)

    def reload_latest(self) -> None:
        """File ▸ Reload latest version (Ctrl+Shift+L): show the newest stored version
        (unsaved changes are asked about first)."""
        window = self.window
        article_id = window.session.article_id
        if article_id is None:
            window.status("This article is not in the store yet: nothing to reload")
            return
        if not window.files.settle_unsaved():
            return
        try:
            doc = self.store.load(article_id)
        except DeskappError as exc:
            window.status(f"Not reloaded: {exc}")
            return
        window.show_loaded(doc)
        window.view.setFocus()
        window.status(f"Reloaded version {doc.version} of “{doc.title}”")
