"""Issue 15, item 3: the window's setup and the recent articles are remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from deskapp.ui import dialogs
from tests.ui.keys import ALT, CTRL, SHIFT, activate, press


def test_geometry_and_open_panels_come_back_after_a_restart(open_window, qtbot):
    window = open_window()
    window.resize(900, 600)
    press(qtbot, window.view, Qt.Key.Key_H, CTRL)  # History
    press(qtbot, window.view, Qt.Key.Key_R, CTRL)  # review mode: not restored
    qtbot.waitUntil(lambda: window.versions.history.dock.isVisible())
    window.close()
    again = open_window()
    qtbot.waitUntil(lambda: again.versions.history.dock.isVisible())
    assert (again.width(), again.height()) == (900, 600)
    assert not again.suggestions.review_dock.isVisible()
    assert not again.suggestions.reviewing


def test_the_find_bar_and_its_text_come_back_after_a_restart(open_window, qtbot):
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.find_bar.edit, "Maduro")
    press(qtbot, window.find_bar.edit, Qt.Key.Key_Return)
    window.close()
    again = open_window()
    assert again.find_bar.isVisible()
    assert again.find_bar.edit.text() == "Maduro"
    press(qtbot, again.find_bar.edit, Qt.Key.Key_Escape)  # closed, the text kept
    again.close()
    third = open_window()
    assert not third.find_bar.isVisible()
    assert third.find_bar.edit.text() == "Maduro"
    press(qtbot, third.view, Qt.Key.Key_F3)  # finds it again straight away
    start, end = third.view.selection()
    assert third.view.text()[start:end] == "Maduro"


def test_reopen_the_closed_article_and_open_a_recent_one(window_on, fixtures, qtbot,
                                                         monkeypatch):
    window = window_on(fixtures / "venezuela-defections.txt")
    first = window.session.document
    monkeypatch.setattr(dialogs, "open_files",
                        lambda *a, **k: [str(fixtures / "claim-kinds.txt")])
    press(qtbot, window.view, Qt.Key.Key_O, CTRL)
    second = window.session.document
    assert second.id != first.id
    press(qtbot, window.view, Qt.Key.Key_T, CTRL | SHIFT)
    assert window.session.document.id == first.id
    assert "Opened" in window.statusBar().currentMessage()
    press(qtbot, window.view, Qt.Key.Key_T, CTRL | SHIFT)  # and back again
    assert window.session.document.id == second.id
    assert [t for _i, t in window.recent.recent()][:2] == [second.title, first.title]
    press(qtbot, window.view, Qt.Key.Key_O, CTRL | ALT)  # Open recent: a menu of the others
    menu = window.recent.menu
    qtbot.waitUntil(menu.isVisible)
    assert [a.text() for a in menu.actions()] == [f"&1 {first.title}"]
    press(qtbot, menu, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.session.document.id == first.id)
    activate(qtbot, window)


def test_nothing_to_reopen_says_so(open_window, qtbot):
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_T, CTRL | SHIFT)
    assert window.statusBar().currentMessage() == "No closed article to reopen in this window"
