"""Quit with unsaved work, export through the save dialog, first start on the sample."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from deskapp.core.marking import make_quote
from deskapp.ui import dialogs
from tests.ui.keys import CTRL, press


def _mark_something(window) -> None:
    doc = window.session.document
    start = doc.article.text.index("The defections")
    window.session.apply(doc.add_mark(make_quote(doc, start, start + 14)), "Mark quote")


def test_first_start_on_an_empty_store_shows_the_bundled_sample(open_window):
    window = open_window()
    doc = window.session.document
    assert doc.title == "567 Venezuelan soldiers defected to Colombia"
    assert doc.id is None and not window.session.dirty
    assert "CARACAS" in window.view.text()


def test_quit_asks_about_unsaved_changes_and_cancel_keeps_the_window(
    open_window, qtbot, monkeypatch
):
    window = open_window()
    _mark_something(window)
    asked = []
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a: asked.append(a) or "cancel")
    press(qtbot, window.view, Qt.Key.Key_Q, CTRL)
    assert asked and window.isVisible() and window.session.dirty


def test_quit_can_save_first(open_window, qtbot, monkeypatch, tmp_path):
    window = open_window()
    _mark_something(window)
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a: "save")
    press(qtbot, window.view, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()
    (summary,) = window.store.list_articles()
    assert summary.versions == 1
    assert len(window.store.load(summary.id).marks.quotes) == 1


def test_export_writes_every_format(open_window, qtbot, monkeypatch, tmp_path):
    window = open_window()
    _mark_something(window)
    for name, fmt_filter in (("a.md", "Markdown (*.md)"), ("a.html", "HTML page (*.html)"),
                             ("a.json", "deskapp JSON (*.json)"),
                             ("a.csv", "Marks as CSV (*.csv)"), ("a", "PDF document (*.pdf)")):
        target = tmp_path / name
        monkeypatch.setattr(dialogs, "save_file", lambda *a, t=target, f=fmt_filter: (str(t), f))
        press(qtbot, window.view, Qt.Key.Key_E, CTRL)
        written = target if target.suffix else target.with_suffix(".pdf")
        assert written.exists(), name
    assert "# 567 Venezuelan soldiers defected to Colombia" in (tmp_path / "a.md").read_text()
    assert "Check Also" not in (tmp_path / "a.md").read_text()  # boilerplate is not exported
    assert "<h1>567 Venezuelan soldiers" in (tmp_path / "a.html").read_text()
    data = json.loads((tmp_path / "a.json").read_text())
    assert [q["text"] for q in data["quotes"]] == ["The defections"]
    assert data["text"][data["quotes"][0]["start"]:data["quotes"][0]["end"]] == "The defections"
    rows = (tmp_path / "a.csv").read_text().splitlines()
    assert rows[0].startswith("article_id,version,kind") and ",quote," in rows[1]
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_to_an_unwritable_place_says_so_and_leaves_nothing(
    open_window, qtbot, monkeypatch, tmp_path, shown_messages
):
    window = open_window()
    target = tmp_path / "missing-folder" / "a.md"
    monkeypatch.setattr(dialogs, "save_file", lambda *a: (str(target), "Markdown (*.md)"))
    press(qtbot, window.view, Qt.Key.Key_E, CTRL)
    assert shown_messages and "Not exported" in shown_messages[-1][0]
    assert not target.parent.exists()


def test_shortcut_help_lists_every_action(open_window, qtbot):
    from deskapp.ui.actions import ACTIONS

    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_F1)
    table = window.help_window.table
    shown = {table.item(r, 1).text() for r in range(table.rowCount())}
    assert {a.text.replace("&", "").rstrip("…") for a in ACTIONS} <= shown
    window.help_window.close()
