"""The Qt binding must not leak or lose references in long sessions."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot):
    """PySide6 6.12.0 dropped one reference to None per void call and aborted the app
    after a long session; pyproject pins a release without that bug."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("x")
    assert sys.getrefcount(None) - before > -100
