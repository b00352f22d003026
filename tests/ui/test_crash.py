"""Issue 15, item 8: a fatal error keeps a draft first, says where the log is, and quits;
the log file rotates."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from deskapp import logs
from deskapp.ui import crash
from tests.ui.keys import CTRL, press


def test_a_fatal_error_keeps_a_draft_and_names_the_log_file(
    sample_window, qtbot, monkeypatch, shown_messages
):
    window = sample_window
    press(qtbot, window.view, Qt.Key.Key_R, CTRL)
    press(qtbot, window.view, Qt.Key.Key_A)  # a suggestion accepted: unsaved work
    assert window.session.dirty
    exits = []
    monkeypatch.setattr(QApplication.instance(), "exit", lambda code=0: exits.append(code))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    crash.install(lambda: window)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    title, message = shown_messages[-1]
    assert title == "deskapp has to stop"
    assert "RuntimeError: boom" in message
    assert "kept as a draft" in message
    assert str(logs.log_path()) in message
    assert exits == [1]
    assert window.store.drafts()


def test_the_log_file_rotates(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    path = logs.start_log_file(tmp_path / "deskapp.log")
    handler = next(h for h in logs.log.handlers if getattr(h, "baseFilename", "") == str(path))
    try:
        for n in range(200):
            logs.log.info("line %d of the log, long enough to fill the file soon", n)
        assert path.exists() and (tmp_path / "deskapp.log.1").exists()
        assert not (tmp_path / "deskapp.log.4").exists()
    finally:
        logs.log.removeHandler(handler)
        handler.close()
        logs.log.setLevel(logging.NOTSET)
