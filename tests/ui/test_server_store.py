"""The window on a desk's PostgreSQL store works as on the file: save, the library, and two
windows (two editors) saving one article meet the conflict dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt

from deskapp.ui import dialogs
from tests.ui.keys import CTRL, activate, press
from tests.ui.test_recovery import _add_quote


def test_two_windows_on_a_server_store_meet_the_conflict_dialog(
        open_window, qtbot, pg_url, monkeypatch, shown_messages):
    mine = open_window(pg_url)
    press(qtbot, mine.view, Qt.Key.Key_S, CTRL)  # version 1, on the server
    assert mine.session.version == 1 and not mine.session.dirty
    theirs = open_window(pg_url)  # another editor, another connection, the same article
    assert theirs.session.version == 1
    _add_quote(theirs, "Amanda Lapo")
    press(qtbot, theirs.view, Qt.Key.Key_S, CTRL)  # version 2 by the other editor

    asked = []
    monkeypatch.setattr(dialogs, "ask_conflict", lambda *a: asked.append(a) or "cancel")
    activate(qtbot, mine)
    _add_quote(mine, "Someone Else")
    press(qtbot, mine.view, Qt.Key.Key_S, CTRL)  # refused: the conflict is asked about
    assert asked and mine.session.dirty
    assert mine.store.latest_version(mine.session.article_id) == 2
    assert [h.reviewer for h in mine.store.history(1)] == ["Test Editor", "Test Editor"]

    press(qtbot, mine.view, Qt.Key.Key_L, CTRL)  # the library, named by the database
    library = mine.versions.library
    qtbot.waitUntil(library.search.hasFocus)
    assert library.windowTitle() == f"Library — {pg_url.rsplit('/', 1)[1]}"
    qtbot.keyClicks(library.search, "Lapo")  # full-text search on the server
    qtbot.waitUntil(lambda: library.model.rowCount() == 1, timeout=3000)
    assert mine.store.verify() == [] and not shown_messages
