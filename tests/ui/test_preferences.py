"""Issue 15, item 2: settings declared once, Preferences (Ctrl+,), the first approval asks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QSpinBox

from deskapp.core.settings_spec import (
    AUTOSAVE_SECONDS,
    REVIEWER,
    SETTINGS,
    THEME,
    THOUGHTS_TAKE_PART,
    ZOOM,
)
from deskapp.ui import dialogs
from deskapp.ui.controllers import review as review_controller
from deskapp.ui.preferences import SHOWN
from deskapp.ui.settings import Options
from tests.ui.keys import CTRL, activate, answer_next_dialog, press

OTHER = {str: "something else", int: 5, bool: False, bytes: b"\x01\x02"}


def test_every_setting_is_declared_once_with_a_description():
    assert len({s.key for s in SETTINGS}) == len(SETTINGS)
    for setting in SETTINGS:
        assert setting.description.strip(), setting.key
        assert setting.parse(None) == setting.default
        assert isinstance(setting.default, setting.type)


def test_settings_round_trip_through_the_file_and_reset(tmp_path):
    path = str(tmp_path / "s.ini")
    options = Options(QSettings(path, QSettings.Format.IniFormat))
    wanted = {s.key: (s.choices[-1] if s.choices else OTHER[s.type]) for s in SETTINGS}
    for setting in SETTINGS:
        options.set(setting, wanted[setting.key])
    again = Options(QSettings(path, QSettings.Format.IniFormat))
    assert again.values() == {s.key: s.parse(wanted[s.key]) for s in SETTINGS}
    again.reset()
    assert Options(QSettings(path, QSettings.Format.IniFormat)).values() == {
        s.key: s.default for s in SETTINGS}


def test_unreadable_stored_values_read_as_the_default(tmp_path):
    raw = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    raw.setValue(THEME.key, "purple")
    raw.setValue(AUTOSAVE_SECONDS.key, "soon")
    raw.setValue(ZOOM.key, "999")
    raw.setValue(THOUGHTS_TAKE_PART.key, "false")
    options = Options(raw)
    assert options.get(THEME) == "system"
    assert options.get(AUTOSAVE_SECONDS) == 3
    assert options.get(ZOOM) == ZOOM.high
    assert options.get(THOUGHTS_TAKE_PART) is False


def _preferences(qtbot, window, steps) -> None:
    activate(qtbot, window)
    qtbot.waitUntil(window.isActiveWindow)  # a closed dialog gives the keyboard back later
    answer_next_dialog(qtbot, steps)
    press(qtbot, window.view, Qt.Key.Key_Comma, CTRL)


def test_preferences_change_and_restore_defaults_from_the_keyboard(open_window, qtbot, settings):
    window = open_window()
    seen = {}

    def change(dialog) -> None:
        seen["rows"] = set(dialog.editors)
        name = dialog.editors[REVIEWER.key]
        name.setFocus()
        name.selectAll()
        qtbot.keyClicks(name, "Ana Editor")
        theme = dialog.editors[THEME.key]
        assert isinstance(theme, QComboBox)
        theme.setFocus()
        qtbot.keyClick(theme, Qt.Key.Key_Down)  # system → light
        autosave = dialog.editors[AUTOSAVE_SECONDS.key]
        assert isinstance(autosave, QSpinBox)
        autosave.setFocus()
        autosave.selectAll()
        qtbot.keyClicks(autosave, "30")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK

    _preferences(qtbot, window, change)
    assert seen["rows"] == {s.key for s in SHOWN}
    assert settings.value(REVIEWER.key) == "Ana Editor"
    assert window.options.get(THEME) == "light"
    assert window.versions.recovery.timer.interval() == 30_000
    assert window.reviewer() == "Ana Editor"

    def restore(dialog) -> None:
        qtbot.keyClick(dialog.defaults_button, Qt.Key.Key_Space)
        seen["after"] = dialog.value(REVIEWER)
        dialog.editors[REVIEWER.key].setFocus()
        qtbot.keyClick(dialog.editors[REVIEWER.key], Qt.Key.Key_Return)

    _preferences(qtbot, window, restore)
    assert seen["after"] == ""
    assert {s.key: window.options.get(s) for s in SHOWN} == {s.key: s.default for s in SHOWN}
    assert window.versions.recovery.timer.interval() == 3_000


def test_cancel_keeps_the_settings(open_window, qtbot, settings):
    window = open_window()

    def cancel(dialog) -> None:
        qtbot.keyClicks(dialog.editors[REVIEWER.key], " changed")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    _preferences(qtbot, window, cancel)
    assert settings.value(REVIEWER.key) == "Test Editor"


@pytest.fixture
def no_reviewer(settings):
    settings.remove(REVIEWER.key)
    return settings


def test_the_first_approval_asks_for_the_reviewers_name_once(
    no_reviewer, open_window, qtbot, monkeypatch
):
    asked = []
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: asked.append(a) or "Rosa Reviewer")
    monkeypatch.setattr(review_controller, "ask_override", lambda *a: "checked")
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_Return, CTRL)
    assert len(asked) == 1
    assert no_reviewer.value(REVIEWER.key) == "Rosa Reviewer"
    assert window.session.document.reviewer == "Rosa Reviewer"
    assert window.statusBar().currentMessage().startswith("Approved by Rosa Reviewer")


def test_no_name_no_approval(no_reviewer, open_window, qtbot, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: None)
    window = open_window()
    state = window.session.document.state
    press(qtbot, window.view, Qt.Key.Key_Return, CTRL)
    assert window.session.document.state == state
    assert "needs the reviewer's name" in window.statusBar().currentMessage()


def test_a_name_that_cannot_be_recorded_is_refused_in_preferences(
    open_window, qtbot, settings, shown_messages
):
    window = open_window()

    def too_long(dialog) -> None:
        name = dialog.editors[REVIEWER.key]
        name.setFocus()
        name.selectAll()
        qtbot.keyClicks(name, "x" * 101)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK: refused, the dialog stays
        assert dialog.isVisible()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    _preferences(qtbot, window, too_long)
    assert settings.value(REVIEWER.key) == "Test Editor"
    assert any(title == "Not a name" and "at most 100" in msg for title, msg in shown_messages)
