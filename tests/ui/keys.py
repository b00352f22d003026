"""Helpers that drive the window with key presses only."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def press(qtbot, widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifiers)


def find(qtbot, window, text: str) -> None:
    """Ctrl+F, type ``text``, Enter (selects the next match), Escape (keeps it)."""
    press(qtbot, window.view, Qt.Key.Key_F, CTRL)
    edit = window.find_bar.edit
    qtbot.keyClicks(edit, text)
    press(qtbot, edit, Qt.Key.Key_Return)
    press(qtbot, edit, Qt.Key.Key_Escape)


def answer_next_dialog(qtbot, steps) -> None:
    """When the next modal dialog opens, run ``steps(dialog)`` on it (keys only)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        steps(dialog)

    QTimer.singleShot(0, run)


def activate(qtbot, window) -> None:
    """Give the window the keyboard again (offscreen, a closed completer popup keeps it)."""
    with qtbot.waitActive(window):
        window.activateWindow()


def wait_summary(qtbot, shown, timeout: int = 20_000) -> str:
    """The text of the batch import's summary dialog, once it has been shown."""
    qtbot.waitUntil(lambda: any(t == "Import summary" for t, _ in shown), timeout=timeout)
    return next(msg for title, msg in shown if title == "Import summary")


def open_by_keys(qtbot, window, path, monkeypatch) -> None:
    """File ▸ Open (Ctrl+O) with the file dialog answering ``path``."""
    from deskapp.ui import dialogs

    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [str(path)])
    press(qtbot, window.view, Qt.Key.Key_O, CTRL)
