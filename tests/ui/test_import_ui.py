"""Importing from the window: Open, Import folder, drop, paste; the metadata panel."""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QProgressDialog

import deskapp.core.importers as importers
from deskapp.core.article import PartKind
from deskapp.ui import dialogs
from deskapp.ui.highlights import Role
from tests.ui.keys import ALT, CTRL, SHIFT, find, press, wait_summary

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def _article(n: int) -> str:
    return (
        f"Story number {n} about the river crossing\n\n"
        f"BOGOTA, Colombia – Officials counted {n * 7} people crossing the river on "
        f"day {n}, the agency said in a statement.\n\n(Test Monitoring Desk)\n"
    )


def _folder(tmp_path: Path, count: int, bad: dict[str, bytes] | None = None) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(count):
        (folder / f"story-{n:03}.txt").write_text(_article(n), encoding="utf-8")
    for name, data in (bad or {}).items():
        (folder / name).write_bytes(data)
    return folder


def _stored_titles(window) -> list[str]:
    return sorted(s.title for s in window.store.list_articles(limit=10_000))


def test_ctrl_o_with_several_files_imports_them_with_progress(
    open_window, qtbot, monkeypatch, tmp_path, shown_messages
):
    folder = _folder(tmp_path, 6)
    chosen = sorted(str(p) for p in folder.iterdir())
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: chosen)
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_O, CTRL)
    progress = window.findChild(QProgressDialog, "importProgress")
    assert progress is not None  # more than three files: a batch with a progress dialog
    summary = wait_summary(qtbot, shown_messages)
    assert "Imported: 6" in summary and "Failed: 0" in summary
    assert _stored_titles(window) == sorted(
        f"Story number {n} about the river crossing" for n in range(6)
    )
    assert window.session.document.title == "Story number 5 about the river crossing"
    assert window.session.document.id is not None and not window.session.dirty


def test_import_folder_with_bad_files_reports_each_and_imports_the_rest(
    open_window, qtbot, monkeypatch, tmp_path, shown_messages
):
    folder = _folder(tmp_path, 28, {"empty.txt": b"", "picture.html": PNG})
    monkeypatch.setattr(dialogs, "open_folder", lambda *a, **k: str(folder))
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_O, CTRL | SHIFT)
    summary = wait_summary(qtbot, shown_messages)
    assert "Imported: 28" in summary and "Failed: 2" in summary
    failures = summary.split("Not imported:\n", 1)[1].splitlines()
    assert len(failures) == 2
    assert failures[0].startswith("empty.txt: ") and "empty" in failures[0].split(": ", 1)[1]
    assert failures[1].startswith("picture.html: ") and "PNG" in failures[1]
    assert window.store.count_articles() == 28
    progress = window.findChild(QProgressDialog, "importProgress")
    assert progress is None or not progress.isVisible()
    assert window.store.verify() == []


def test_cancel_keeps_what_finished_and_nothing_half_imported(
    open_window, qtbot, monkeypatch, tmp_path, shown_messages
):
    folder = _folder(tmp_path, 120)
    real_read = importers.read_document

    def slow_read(path):
        time.sleep(0.02)
        return real_read(path)

    monkeypatch.setattr(importers, "read_document", slow_read)
    monkeypatch.setattr(dialogs, "open_folder", lambda *a, **k: str(folder))
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_O, CTRL | SHIFT)
    progress = window.findChild(QProgressDialog, "importProgress")
    qtbot.waitUntil(lambda: progress.value() >= 5, timeout=10_000)
    assert "of 120" in progress.labelText()
    press(qtbot, progress, Qt.Key.Key_Escape)  # Esc = Cancel
    summary = wait_summary(qtbot, shown_messages)
    assert "Import cancelled." in summary
    stored = window.store.list_articles(limit=1000)
    assert 5 <= len(stored) < 120
    assert f"Imported: {len(stored)}" in summary
    assert f"Not imported (cancelled): {120 - len(stored)}" in summary
    for item in stored:  # every stored article is whole: the file's full text
        doc = window.store.load(item.id)
        number = int(doc.article.meta.file_name.removeprefix("story-").removesuffix(".txt"))
        assert doc.article.text == _article(number)
    assert window.store.verify() == []


def test_opening_the_same_file_twice_makes_no_twin(open_window, qtbot, monkeypatch, fixtures):
    sample = str(fixtures / "venezuela-defections.txt")
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [sample])
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_O, CTRL)
    first = window.session.document.id
    press(qtbot, window.view, Qt.Key.Key_O, CTRL)
    assert window.session.document.id == first
    assert window.store.count_articles() == 1


def test_a_batch_names_content_already_in_the_store(
    open_window, qtbot, monkeypatch, tmp_path, shown_messages
):
    folder = _folder(tmp_path, 4)
    (folder / "copy-of-0.txt").write_text(_article(0), encoding="utf-8")
    window = open_window()
    from deskapp.ui.batch_import import run_batch_import

    run_batch_import(window, [folder])
    summary = wait_summary(qtbot, shown_messages)
    assert "Imported: 4" in summary and "Already in the store: 1" in summary
    assert window.store.count_articles() == 4


def test_a_bad_file_opened_alone_names_the_file_and_stores_nothing(
    open_window, qtbot, monkeypatch, tmp_path, shown_messages
):
    bad = tmp_path / "scan.pdf.txt"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(100))
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [str(bad)])
    window = open_window()
    before = window.session.document
    press(qtbot, window.view, Qt.Key.Key_O, CTRL)
    (_title, message), = shown_messages
    assert "scan.pdf.txt" in message and "PDF" in message
    assert window.store.count_articles() == 0
    assert window.session.document is before


def _drop(window, widget, mime: QMimeData) -> None:
    """Drag ``mime`` over ``widget`` and drop it there, as the window system delivers it."""
    pos = widget.mapTo(window, QPoint(30, 30))
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # QDragEnterEvent(QPoint, …) is the only constructor
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(pos, copy, mime, left, none)
    QApplication.sendEvent(window.windowHandle(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(pos), copy, mime, left, none)
    QApplication.sendEvent(window.windowHandle(), drop)
    assert drop.isAccepted()


def test_dropped_files_and_folders_import(open_window, qtbot, tmp_path, shown_messages):
    folder = _folder(tmp_path, 5)
    window = open_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder / "story-001.txt"))])
    _drop(window, window.view.viewport(), mime)
    qtbot.waitUntil(lambda: window.store.count_articles() == 1)
    assert window.session.document.title.startswith("Story number 1 ")

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    _drop(window, window.header, mime)  # a folder: a batch with progress and a summary
    summary = wait_summary(qtbot, shown_messages)
    assert "Imported: 4" in summary and "Already in the store: 1" in summary
    assert window.store.count_articles() == 5


def test_dropped_text_becomes_a_new_article(open_window, qtbot):
    window = open_window()
    mime = QMimeData()
    mime.setText(_article(42))
    _drop(window, window.view.viewport(), mime)
    qtbot.waitUntil(lambda: window.store.count_articles() == 1)
    assert window.session.document.title == "Story number 42 about the river crossing"


def test_paste_as_new_article(open_window, qtbot):
    window = open_window()
    QApplication.clipboard().setText(_article(7))
    press(qtbot, window.view, Qt.Key.Key_V, CTRL | SHIFT)
    doc = window.session.document
    assert doc.title == "Story number 7 about the river crossing"
    assert doc.article.meta.dateline == "BOGOTA, Colombia"
    assert window.store.count_articles() == 1


# -- metadata panel and parts ------------------------------------------------------------


@pytest.fixture
def sample_window(open_window):
    window = open_window()  # first start on an empty store: the bundled sample
    assert window.session.document.article.meta.file_name == "venezuela-defections.txt"
    return window


def test_metadata_panel_shows_the_sample(sample_window):
    panel = sample_window.parts.panel
    assert panel.edits["dateline"].text() == "CARACAS, Venezuela"
    assert panel.edits["credit"].text() == "(Sahar News Monitoring Desk)"
    assert panel.edits["title"].text() == "567 Venezuelan soldiers defected to Colombia"
    assert panel.labels["encoding"].text() == "utf-8"
    assert panel.labels["sha256"].text().endswith("…")
    kinds = [panel.parts.item(i).text().split(":")[0] for i in range(panel.parts.count())]
    assert kinds == ["breadcrumb", "headline", "dateline", "body", "credit", "boilerplate"]
    assert panel.parts.item(5).text().startswith("boilerplate: Check Also")


def test_headline_set_from_selection_by_shortcut_and_undone(sample_window, qtbot):
    window = sample_window
    old = window.session.document
    find(qtbot, window, "More than 500 Venezuelan soldiers have fled")
    press(qtbot, window.view, Qt.Key.Key_H, ALT | SHIFT)
    doc = window.session.document
    assert doc.title == "More than 500 Venezuelan soldiers have fled"
    assert doc.article.parts_of(PartKind.HEADLINE)[-1].span.text == doc.title
    assert window.parts.panel.edits["title"].text() == doc.title
    assert "More than 500" in window.header.text()
    assert window.session.dirty
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    assert window.session.document.article == old.article
    assert window.parts.panel.edits["title"].text() == old.title


def test_boilerplate_from_the_caret_line_is_dimmed(sample_window, qtbot):
    window = sample_window
    find(qtbot, window, "(Sahar News")
    press(qtbot, window.view, Qt.Key.Key_Left)  # the caret only, no selection
    press(qtbot, window.view, Qt.Key.Key_X, ALT | SHIFT)  # no selection needed: the line
    credit = window.session.document.article.text.index("(Sahar News Monitoring Desk)")
    article = window.session.document.article
    assert article.part(PartKind.CREDIT) is None and article.meta.credit == ""
    roles = {h.role for h in window.view.highlighter.index.overlapping(credit, credit + 5)}
    assert Role.BOILERPLATE in roles
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    assert window.session.document.article.meta.credit == "(Sahar News Monitoring Desk)"


def test_metadata_field_corrected_by_keyboard_is_one_undo_step(sample_window, qtbot):
    window = sample_window
    press(qtbot, window.view, Qt.Key.Key_4, CTRL)
    title = window.parts.panel.edits["title"]
    assert title.hasFocus()
    press(qtbot, title, Qt.Key.Key_Tab)  # to the dateline field
    dateline = window.parts.panel.edits["dateline"]
    assert dateline.hasFocus()
    dateline.selectAll()
    qtbot.keyClicks(dateline, "Caracas")
    press(qtbot, dateline, Qt.Key.Key_Return)
    assert window.session.document.article.meta.dateline == "Caracas"
    assert window.actions_by_id["undo"].text() == "&Undo Correct dateline"
    press(qtbot, dateline, Qt.Key.Key_1, CTRL)  # back to the article
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    assert window.session.document.article.meta.dateline == "CARACAS, Venezuela"
    assert dateline.text() == "CARACAS, Venezuela"


def test_delete_in_the_parts_list_removes_a_part(sample_window, qtbot):
    window = sample_window
    press(qtbot, window.view, Qt.Key.Key_4, CTRL)
    parts = window.parts.panel.parts
    parts.setFocus()
    marks_before = window.session.document.marks
    press(qtbot, parts, Qt.Key.Key_Home)
    press(qtbot, parts, Qt.Key.Key_Down)  # the headline
    press(qtbot, parts, Qt.Key.Key_Delete)
    article = window.session.document.article
    assert article.part(PartKind.HEADLINE) is None
    assert window.session.document.marks is marks_before
    assert parts.count() == 5
    press(qtbot, parts, Qt.Key.Key_Return)  # Enter selects the part in the article
    start, end = window.view.selection()
    assert window.view.text()[start:end] == article.parts[parts.currentRow()].span.text


def test_a_batch_asks_before_replacing_unsaved_work(
    open_window, qtbot, monkeypatch, tmp_path, shown_messages
):
    folder = _folder(tmp_path, 4)
    asked = []
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda _p, title: asked.append(title) or "cancel")
    monkeypatch.setattr(dialogs, "open_folder", lambda *a, **k: str(folder))
    window = open_window()
    find(qtbot, window, "Check Also")
    press(qtbot, window.view, Qt.Key.Key_C, ALT | SHIFT)  # an unsaved correction
    edited = window.session.document
    press(qtbot, window.view, Qt.Key.Key_O, CTRL | SHIFT)
    wait_summary(qtbot, shown_messages)
    assert asked == [edited.title]
    assert window.store.count_articles() == 4  # imported all the same
    assert window.session.document is edited and window.session.dirty


def test_closing_the_window_mid_batch_stops_it_cleanly(
    open_window, qtbot, monkeypatch, tmp_path, shown_messages
):
    folder = _folder(tmp_path, 200)
    real_read = importers.read_document

    def slow_read(path):
        time.sleep(0.02)
        return real_read(path)

    monkeypatch.setattr(importers, "read_document", slow_read)
    window = open_window()
    from deskapp.ui.batch_import import run_batch_import

    job = run_batch_import(window, [folder])
    qtbot.waitUntil(lambda: job.summary.handled >= 3, timeout=10_000)
    window.close()
    assert job.finished and not job._reader.thread.is_alive()
    assert not any(title == "Import summary" for title, _ in shown_messages)
    assert 3 <= window.store.count_articles() < 200
    assert window.store.verify() == []


def test_pasting_text_already_in_the_store_says_it_opened_the_stored_article(open_window, qtbot):
    """Issue 13 #21: Ctrl+Shift+V of text the store holds opens the stored article and says
    so (which article, which version), instead of "Pasted as a new article"."""
    window = open_window()
    QApplication.clipboard().setText(_article(8))
    press(qtbot, window.view, Qt.Key.Key_V, CTRL | SHIFT)
    first = window.session.article_id
    assert window.statusBar().currentMessage().startswith("Pasted as a new article")
    press(qtbot, window.view, Qt.Key.Key_S, CTRL)  # version 2 of it

    press(qtbot, window.view, Qt.Key.Key_V, CTRL | SHIFT)
    message = window.statusBar().currentMessage()
    assert window.session.article_id == first and window.store.count_articles() == 1
    assert "Pasted as a new article" not in message
    assert "already in the store" in message and f"article {first}" in message
    assert "version 2" in message and "Story number 8" in message
