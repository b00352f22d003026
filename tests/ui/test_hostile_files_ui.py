"""Hostile files from the window (issue 13, item 1): a bad file never stops the others.

The window's batch import goes on past every file of the hostile corpus, and File ▸ Open
with several files opens the good ones and reports each bad one in one dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from deskapp.ui import dialogs
from tests.hostile import generated_cases, static_cases
from tests.ui.keys import CTRL, SHIFT, press, wait_summary

GOOD = "Story {n} about the river\n\nBOGOTA, Colombia – Officials counted {n} people, they said.\n"
CONTENT_NULL = b'{"text":"Some article text here.","attributions":[{"content":null}]}'


def test_batch_import_goes_on_past_every_hostile_file(
    open_window, qtbot, monkeypatch, tmp_path, shown_messages
):
    folder = tmp_path / "inbox"
    folder.mkdir()
    cases = static_cases() + generated_cases()
    for name, data, _ in cases:
        (folder / name).write_bytes(data)
    for n in range(3):
        (folder / f"zz-good-{n}.txt").write_text(GOOD.format(n=n), encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_folder", lambda *a, **k: str(folder))
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_O, CTRL | SHIFT)
    summary = wait_summary(qtbot, shown_messages, timeout=60_000)
    assert "Imported: 3" in summary and f"Failed: {len(cases)}" in summary
    assert window.store.count_articles() == 3
    assert window.store.verify() == []


def test_open_with_two_files_opens_the_good_one_and_reports_the_bad(
    open_window, qtbot, monkeypatch, tmp_path, shown_messages
):
    bad = tmp_path / "bad.json"
    bad.write_bytes(CONTENT_NULL)
    good = tmp_path / "good.txt"
    good.write_text(GOOD.format(n=7), encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [str(bad), str(good)])
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_O, CTRL)
    assert window.session.document.title == "Story 7 about the river"
    assert window.store.count_articles() == 1
    (_title, message), = shown_messages
    assert "bad.json" in message and "attributions[0].content" in message
    assert "\n" not in message
