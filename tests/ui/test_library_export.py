"""Batch export from the library (Ctrl+L): selected articles or all listed, into a folder,
one file each, with progress and Cancel — driven by keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from deskapp.core.article import Article, Metadata
from deskapp.core.document import Document
from deskapp.core.workflow import State
from deskapp.store import Store
from deskapp.ui import dialogs
from tests.ui.keys import CTRL, SHIFT, press


def _fill(path, count: int, in_review: int = 0) -> None:
    with Store.open(path) as store:
        for i in range(count):
            title = f"Report {i:03d}"
            saved = store.save(Document(Article(f"{title}\n\nOfficials said {i} things.\n",
                                                meta=Metadata(title=title))), reviewer="x")
            if i < in_review:
                store.transition(saved.id, State.IN_REVIEW, reviewer="x")


def _library(open_window, qtbot, tmp_path, monkeypatch, count, in_review=0):
    path = tmp_path / "store.sqlite3"
    _fill(path, count, in_review)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(dialogs, "export_folder", lambda *a: str(out))
    window = open_window(path)
    press(qtbot, window.view, Qt.Key.Key_L, CTRL)
    library = window.versions.library
    qtbot.waitUntil(library.search.hasFocus)
    return library, out


def test_the_selected_articles_go_into_a_folder_one_file_each(
        open_window, qtbot, tmp_path, monkeypatch, shown_messages):
    library, out = _library(open_window, qtbot, tmp_path, monkeypatch, 4)
    press(qtbot, library.search, Qt.Key.Key_Down)
    press(qtbot, library.table, Qt.Key.Key_Down, SHIFT)
    press(qtbot, library.table, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: library.batch is not None and library.batch.finished)
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 2 and all(name.endswith(".md") for name in files)
    assert "Exported 2 of 2 articles" in shown_messages[-1][1]


def test_every_article_in_a_state_in_the_chosen_format(
        open_window, qtbot, tmp_path, monkeypatch, shown_messages):
    library, out = _library(open_window, qtbot, tmp_path, monkeypatch, 5, in_review=3)
    library.state.setFocus()
    while library.state.currentData() != "in_review":
        press(qtbot, library.state, Qt.Key.Key_Down)
    library.export_format.setFocus()
    while library.export_format.currentData() != "csv":
        press(qtbot, library.export_format, Qt.Key.Key_Down)
    press(qtbot, library.export_format, Qt.Key.Key_E, CTRL | SHIFT)
    qtbot.waitUntil(lambda: library.batch is not None and library.batch.finished)
    assert sorted(p.suffix for p in out.iterdir()) == [".csv"] * 3


def test_cancel_stops_between_articles_and_keeps_whole_files(
        open_window, qtbot, tmp_path, monkeypatch, shown_messages):
    library, out = _library(open_window, qtbot, tmp_path, monkeypatch, 60)
    library.export_format.setCurrentIndex(library.export_format.findData("pdf"))
    press(qtbot, library.search, Qt.Key.Key_Down)
    press(qtbot, library.table, Qt.Key.Key_A, CTRL)
    press(qtbot, library.table, Qt.Key.Key_E, CTRL)
    batch = library.batch
    qtbot.waitUntil(lambda: batch._next > 0)
    press(qtbot, batch.dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: batch.finished)
    written = list(out.iterdir())
    assert 0 < len(written) < 60 and "cancelled" in shown_messages[-1][1]
    assert all(p.read_bytes().startswith(b"%PDF") and p.suffix == ".pdf" for p in written)
