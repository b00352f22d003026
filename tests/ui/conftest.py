"""Fixtures that open the real main window on a store in ``tmp_path``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from deskapp.store import Store
from deskapp.ui import dialogs
from deskapp.ui.app import application
from deskapp.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def shown_messages(monkeypatch):
    """No blocking dialog in tests: messages are recorded, unsaved work is discarded at
    the end (a test that cares patches these again)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "error", lambda _p, title, msg: shown.append((title, msg)))
    monkeypatch.setattr(dialogs, "info", lambda _p, title, msg: shown.append((title, msg)))
    monkeypatch.setattr(
        dialogs, "report", lambda _p, title, msg, *a, **k: shown.append((title, msg))
    )
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a: "discard")
    monkeypatch.setattr(dialogs, "ask_recover", lambda *a: "later")  # drafts: keep
    monkeypatch.setattr(dialogs, "ask_conflict", lambda *a: "cancel")
    return shown


@pytest.fixture
def settings(tmp_path):
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    s.setValue("reviewer", "Test Editor")
    return s


@pytest.fixture
def open_window(qtbot, tmp_path, settings):
    """A factory: a shown, active MainWindow on the store at ``tmp_path/store.sqlite3``
    (or ``store_path``: a file or a server's URL), with the test's ``settings`` (or its own,
    e.g. another reviewer's).

    A window left with unsaved changes at the end of a test is discarded, not asked about.
    """
    application()
    stores, windows = [], []

    def make(store_path=None, window_settings=None) -> MainWindow:
        store = Store.open(store_path or tmp_path / "store.sqlite3")
        stores.append(store)
        window = MainWindow(store, window_settings or settings)
        qtbot.addWidget(window)
        windows.append(window)
        window.files.open_initial()
        window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        window.view.setFocus()
        return window

    yield make
    for window in windows:
        window.session.undo_stack.setClean()
        window.close()
    for store in stores:
        store.close()


@pytest.fixture
def window_on(open_window, qtbot, monkeypatch):
    """``window_on(path)``: a window with the article at ``path`` imported through File ▸
    Open (Ctrl+O)."""
    from PySide6.QtCore import Qt

    from tests.ui.keys import CTRL, press

    def opened(path):
        monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [str(path)])
        window = open_window()
        press(qtbot, window.view, Qt.Key.Key_O, CTRL)
        assert window.session.document.article.meta.file_name == path.name
        return window

    return opened


@pytest.fixture
def sample_window(window_on, fixtures):
    """The window with the sample article imported through File ▸ Open (Ctrl+O)."""
    return window_on(fixtures / "venezuela-defections.txt")
