"""Issue 15, item 5: F6 moves between panels; every control has an accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
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
