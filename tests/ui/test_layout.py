"""Issue 15, item 1: the window fits a laptop screen with any panel or mode open.

The offscreen platform has three laptop screens (tests/fixtures/screens.json); the window
is put on each, panels are opened with their keys, and the status bar, the review line
and the review keys must lie whole inside the window and the screen.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget

from deskapp.ui.controllers import review as review_controller
from tests.ui.keys import CTRL, SHIFT, press

SCREENS = ("laptop-1280x800", "laptop-1366x768", "small-1024x640")
PANELS = {  # what is opened, by its keys
    "plain": (),
    "find bar": ((Qt.Key.Key_F, CTRL),),
    "history": ((Qt.Key.Key_H, CTRL),),
    "library": ((Qt.Key.Key_L, CTRL),),
    "review mode": ((Qt.Key.Key_R, CTRL),),
    "details": ((Qt.Key.Key_4, CTRL),),
    "everything": ((Qt.Key.Key_4, CTRL), (Qt.Key.Key_H, CTRL), (Qt.Key.Key_1, CTRL),
                   (Qt.Key.Key_R, CTRL), (Qt.Key.Key_F, CTRL)),
}


def screen_named(name: str):
    screens = {s.name(): s for s in QApplication.screens()}
    if name not in screens:
        pytest.skip(f"no {name} screen: QT_QPA_PLATFORM was set outside tests/conftest.py")
    return screens[name]


def on_screen(qtbot, window, name: str):
    """Put ``window`` on the screen ``name``; it must fit itself inside."""
    screen = screen_named(name)
    window.move(screen.availableGeometry().topLeft())
    qtbot.waitUntil(lambda: screen.availableGeometry().contains(window.frameGeometry()))
    with qtbot.waitActive(window):
        window.activateWindow()
    return screen


def settled(qtbot) -> None:
    for _ in range(3):
        qtbot.wait(20)


def unclipped(widget: QWidget) -> bool:
    """Visible, and no part of it hidden by a parent's edge (a scroll area, the window)."""
    hidden = QRegion(widget.rect()).subtracted(widget.visibleRegion())
    return widget.isVisible() and hidden.isEmpty()


def assert_whole(widget: QWidget, screen, what: str) -> None:
    assert unclipped(widget), f"{what} is clipped: {widget.visibleRegion().boundingRect()}"
    where = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    assert screen.availableGeometry().contains(where), f"{what} is off the screen: {where}"
    if isinstance(widget, QLabel) and widget.wordWrap():
        assert widget.height() >= widget.heightForWidth(widget.width()), f"{what} is cut"


@pytest.mark.parametrize("panel", list(PANELS))
@pytest.mark.parametrize("screen_name", SCREENS)
def test_the_window_fits_the_screen_with_every_panel(sample_window, qtbot, screen_name, panel):
    window = sample_window
    screen = on_screen(qtbot, window, screen_name)
    for key, modifiers in PANELS[panel]:
        press(qtbot, window.focusWidget() or window.view, key, modifiers)
    settled(qtbot)
    assert screen.availableGeometry().contains(window.frameGeometry())
    window.status("Saved version 2")
    assert_whole(window.statusBar(), screen, "the status bar")
    assert window.statusBar().currentMessage() == "Saved version 2"
    bar = window.suggestions.review_bar
    if window.suggestions.reviewing:
        qtbot.waitUntil(lambda: unclipped(bar.marked))
        assert bar.marked.text().startswith(("Source:", "Speaker:"))
        assert_whole(bar.marked, screen, "the review line")
        assert_whole(bar.keys, screen, "the review keys")
        assert_whole(bar.title, screen, "the suggestion's headline")
    for area in window.findChildren(QScrollArea):
        if area.objectName().endswith("PanelScroll") and area.isVisible():
            inner = area.widget()
            assert inner.width() <= area.viewport().width(), (
                f"{inner.objectName()} is {inner.width()} px wide in a "
                f"{area.viewport().width()} px panel: its right side is cut off")
    if panel == "library":
        library = window.versions.library
        qtbot.waitUntil(library.isVisible)
        assert screen.availableGeometry().contains(library.frameGeometry())
        library.close()


def test_a_long_review_line_is_shown_whole_and_wrapped(sample_window, qtbot):
    """A suggestion whose content runs over several lines still shows it in full."""
    window = sample_window
    screen = on_screen(qtbot, window, "small-1024x640")
    press(qtbot, window.view, Qt.Key.Key_R, CTRL)
    bar = window.suggestions.review_bar
    longest = max(range(window.suggestions.queue.total), key=lambda i: len(
        bar_text(window.suggestions.queue.items[i])))
    for _ in range(longest):
        press(qtbot, window.view, Qt.Key.Key_Space)
    settled(qtbot)
    text = bar.marked.text()
    assert "…" not in text
    assert bar.marked.heightForWidth(bar.marked.width()) > bar.marked.fontMetrics().height()
    qtbot.waitUntil(lambda: unclipped(bar.marked))
    assert_whole(bar.marked, screen, "the wrapped review line")
    assert_whole(bar.keys, screen, "the review keys")


def bar_text(item) -> str:
    from deskapp.ui.panels.review_bar import marked_text

    return marked_text(item)


def test_a_review_on_the_small_screen_shows_every_confirmation(
    sample_window, qtbot, monkeypatch
):
    """Accept the suggestions, save, approve: each confirmation is on screen."""
    monkeypatch.setattr(review_controller, "ask_override", lambda *a: "checked by hand")
    window = sample_window
    screen = on_screen(qtbot, window, "small-1024x640")
    press(qtbot, window.view, Qt.Key.Key_R, CTRL)
    press(qtbot, window.view, Qt.Key.Key_A, SHIFT)
    assert window.statusBar().currentMessage().startswith("Accepted")
    assert_whole(window.statusBar(), screen, "the status bar")
    press(qtbot, window.view, Qt.Key.Key_Escape)
    press(qtbot, window.view, Qt.Key.Key_S, CTRL)
    assert window.statusBar().currentMessage().startswith("Saved version")
    assert_whole(window.statusBar(), screen, "the status bar")
    window.statusBar().clearMessage()  # the transient message goes; the notice stays
    assert "Saved version" in window.notice_label.text()
    assert_whole(window.notice_label, screen, "the last notice")
    press(qtbot, window.view, Qt.Key.Key_Return, CTRL)
    assert window.statusBar().currentMessage().startswith("Approved by Test Editor")
    assert_whole(window.statusBar(), screen, "the status bar")
    assert "Approved by Test Editor" in window.notice_label.text()
    assert_whole(window.notice_label, screen, "the last notice")
    assert_whole(window.state_label, screen, "the state")
