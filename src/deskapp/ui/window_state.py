"""The window's setup kept across restarts: size and place, docks (open, where, how big),
the history panel's split, the find bar (open or not, its text). Restored inside the screen
(``layout.ScreenFit`` sees to it); review mode is not restored, so its bar stays hidden until
Ctrl+R."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QSplitter

from deskapp.core.settings_spec import (
    FIND_OPEN,
    FIND_TEXT,
    HISTORY_SPLIT,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
)

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

STATE_VERSION = 1  # raise when the docks change so an old layout is not applied


def _history_splitter(window: MainWindow) -> QSplitter | None:
    return window.versions.history.panel.findChild(QSplitter)


def restore_window(window: MainWindow) -> bool:
    """Put back the saved geometry and dock layout; False when there was none."""
    geometry = window.options.get(WINDOW_GEOMETRY)
    state = window.options.get(WINDOW_STATE)
    if geometry:
        window.restoreGeometry(QByteArray(geometry))
    if state:
        window.restoreState(QByteArray(state), STATE_VERSION)
    window.suggestions.review_dock.hide()
    split = window.options.get(HISTORY_SPLIT)
    splitter = _history_splitter(window)
    if split and splitter is not None:
        splitter.restoreState(QByteArray(split))
    window.find_bar.edit.setText(window.options.get(FIND_TEXT))
    window.find_bar.setVisible(window.options.get(FIND_OPEN))
    return bool(geometry or state)


def save_window(window: MainWindow) -> None:
    window.options.set(WINDOW_GEOMETRY, window.saveGeometry().data())
    window.options.set(WINDOW_STATE, window.saveState(STATE_VERSION).data())
    splitter = _history_splitter(window)
    if splitter is not None:
        window.options.set(HISTORY_SPLIT, splitter.saveState().data())
    window.options.set(FIND_OPEN, window.find_bar.isVisible())
    window.options.set(FIND_TEXT, window.find_bar.edit.text())
