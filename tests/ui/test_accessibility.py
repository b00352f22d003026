"""Issue 15, item 5: F6 moves between panels; Tab reaches every control; every control has
an accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from tests.ui.keys import CTRL, SHIFT, press

CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
            QPlainTextEdit, QTextEdit)


def _named(widget: QWidget, buddies: set[int]) -> bool:
    if widget.accessibleName().strip() or id(widget) in buddies:
        return True
    return isinstance(widget, QAbstractButton) and bool(widget.text().replace("&", "").strip())


def test_f6_visits_every_open_panel_and_comes_back(open_window, qtbot):
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_F, CTRL)  # the find bar
    press(qtbot, window.find_bar.edit, Qt.Key.Key_Escape)
    window.find_bar.show()
    press(qtbot, window.view, Qt.Key.Key_H, CTRL)  # History
    window.view.setFocus()
    expected = window.panels.visible()
    assert len(expected) == 6
    visited = []
    for _ in expected:
        press(qtbot, window.focusWidget(), Qt.Key.Key_F6)
        visited.append(window.focusWidget())
    assert visited == [*expected[1:], expected[0]]
    press(qtbot, window.focusWidget(), Qt.Key.Key_F6, SHIFT)
    assert window.focusWidget() is expected[-1]
    assert window.statusBar().currentMessage().startswith("Keyboard in: ")


def test_every_panel_and_control_has_an_accessible_name(open_window, qtbot):
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_H, CTRL)
    press(qtbot, window.view, Qt.Key.Key_R, CTRL)
    for target in window.panels.targets():
        assert target.accessibleName().strip(), target.objectName()
    buddies = {id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy()}
    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in window.findChildren(QWidget)
               if isinstance(w, CONTROLS) and not isinstance(w, QHeaderView)  # the list's own
               and w.isVisible() and not _named(w, buddies)]
    assert unnamed == []


def _tab_stops(window) -> set[QWidget]:
    return {w for w in window.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible() and w.isEnabled()}


def _tab_round(qtbot, window, key, steps: int) -> list[QWidget]:
    visited = []
    for _ in range(steps):
        press(qtbot, QApplication.focusWidget(), key)
        visited.append(QApplication.focusWidget())
    return visited


def test_tab_visits_every_control_in_panel_order_and_comes_back(open_window, qtbot):
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_F, CTRL)  # the find bar, left open
    qtbot.keyClicks(window.find_bar.edit, "the")
    press(qtbot, window.find_bar.edit, Qt.Key.Key_Tab)  # Tab leaves the find bar too
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_H, CTRL)  # History
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_R, CTRL)  # review mode
    qtbot.waitUntil(window.suggestions.review_dock.isVisible)
    window.view.setFocus()
    stops = _tab_stops(window)
    assert {window.view, window.find_bar.edit, window.marks_panel.list,
            window.suggestions.flags_panel.list, window.parts.panel.edits["title"],
            window.versions.history.panel.list} <= stops
    visited = _tab_round(qtbot, window, Qt.Key.Key_Tab, len(stops))
    assert visited[-1] is window.view  # round and back to the article
    assert set(visited) == stops
    assert len(visited) == len(stops)  # each once
    # in F6 order: the find bar, marks, flags, details and history come in that order
    panels = [t for t in window.panels.targets() if t is not window.view]
    assert sorted(panels, key=visited.index) == panels
    backwards = _tab_round(qtbot, window, Qt.Key.Key_Backtab, len(stops))
    assert backwards == [*visited[-2::-1], window.view]


def test_tab_leaves_the_article_also_in_correction_mode(open_window, qtbot):
    window = open_window()
    text = window.view.toPlainText()
    press(qtbot, window.view, Qt.Key.Key_E, CTRL | SHIFT)  # text-correction mode
    assert not window.view.isReadOnly()
    press(qtbot, window.view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.view
    assert window.view.toPlainText() == text
