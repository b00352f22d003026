"""Issue 15, item 6: F1 help (searchable, generated, nothing clipped), tooltips, About."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from deskapp import __version__
from deskapp.ui.actions import ACTIONS, shortcut_rows
from deskapp.ui.help_window import help_rows
from deskapp.ui.shortcuts_dialog import EXTRA_KEYS
from tests.ui.keys import SHIFT, press


def _help(qtbot, window):
    press(qtbot, window.view, Qt.Key.Key_F1)
    help_window = window.help_window
    qtbot.waitUntil(help_window.isVisible)
    return help_window


def _rows(table, visible_only=False):
    return [tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount()) if not (visible_only and table.isRowHidden(r))]


def test_f1_table_is_the_action_table(open_window, qtbot):
    window = open_window()
    help_window = _help(qtbot, window)
    assert _rows(help_window.table) == help_rows() == [*shortcut_rows(), *EXTRA_KEYS]
    assert len(shortcut_rows()) == len(ACTIONS)
    help_window.close()


def test_no_column_of_the_shortcut_table_is_clipped(open_window, qtbot):
    window = open_window()
    help_window = _help(qtbot, window)
    table = help_window.table
    qtbot.wait(50)
    for column in range(table.columnCount() - 1):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), column
    assert table.horizontalHeader().length() <= table.viewport().width()
    for row in range(table.rowCount()):
        assert table.rowHeight(row) >= table.sizeHintForRow(row), _rows(table)[row]
    screen = window.screen().availableGeometry()
    assert screen.contains(help_window.frameGeometry())
    help_window.close()


def test_help_is_searchable_and_has_the_review_guide(open_window, qtbot):
    window = open_window()
    help_window = _help(qtbot, window)
    qtbot.waitUntil(help_window.search.hasFocus)
    qtbot.keyClicks(help_window.search, "approve")
    shown = _rows(help_window.table, visible_only=True)
    assert shown and all("approve" in " ".join(row).lower() for row in shown)
    assert ("Review", "Approve", "Ctrl+Return",
            "Run the review checks and approve the article") in shown
    assert "found in the guide" in help_window.found.text()
    assert help_window.guide.textCursor().selectedText().lower() == "approve"
    assert "How a review goes" in help_window.guide.toPlainText()
    help_window.search.clear()
    assert len(_rows(help_window.table, visible_only=True)) == len(help_rows())
    press(qtbot, help_window.search, Qt.Key.Key_Escape)
    assert not help_window.isVisible()


def test_every_action_shows_its_shortcut_in_its_tooltip_and_has_a_menu_entry(open_window):
    window = open_window()
    in_menus = {a for menu in window.menus.values() for a in menu.actions()}
    for item in ACTIONS:
        action = window.actions_by_id[item.id]
        native = QKeySequence(item.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        assert native in action.toolTip(), item.id
        assert action in in_menus, item.id
        assert action.text().replace("&", "").strip(), item.id


def test_about_shows_version_store_and_log_file(open_window, qtbot, shown_messages):
    from deskapp.logs import log_path

    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_F1, SHIFT)
    title, message = shown_messages[-1]
    assert title == "About deskapp"
    assert __version__ in message
    assert str(window.store.path) in message
    assert str(log_path()) in message
