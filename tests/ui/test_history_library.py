"""History (Ctrl+H), diff, restore, the library (Ctrl+L) and workflow moves, by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from deskapp.core.annotations import Quote
from deskapp.core.article import Article, Metadata
from deskapp.core.document import Document
from deskapp.core.spans import Span
from deskapp.core.workflow import State
from deskapp.store import Store
from deskapp.ui import dialogs
from deskapp.ui.library_model import PAGE
from tests.ui.keys import CTRL, SHIFT, press

QUOTE = "The defections don’t appear to be on a senior enough level to undermine Maduro,"


def _add_quote(window) -> None:
    doc = window.session.document
    start = doc.article.text.index(QUOTE)
    quote = Quote(Span.of(doc.article.text, start, start + len(QUOTE)), speaker="Amanda Lapo")
    window.session.apply(doc.add_mark(quote), "Mark quote")


def _three_versions(qtbot, window, monkeypatch):
    """v1: the sample; v2: + a quote; v3: sent to review (with a note)."""
    press(qtbot, window.view, Qt.Key.Key_S, CTRL)
    _add_quote(window)
    press(qtbot, window.view, Qt.Key.Key_S, CTRL)
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "ready for the desk")
    press(qtbot, window.view, Qt.Key.Key_R, CTRL | SHIFT)
    assert window.session.version == 3 and not window.session.dirty


def test_history_lists_versions_diffs_and_restores(open_window, qtbot, monkeypatch):
    window = open_window()
    _three_versions(qtbot, window, monkeypatch)
    article_id = window.session.article_id

    press(qtbot, window.view, Qt.Key.Key_H, CTRL)
    panel = window.versions.history.panel
    assert window.versions.history.dock.isVisible() and panel.list.hasFocus()
    rows = [panel.list.topLevelItem(i) for i in range(panel.list.topLevelItemCount())]
    assert [r.text(0) for r in rows] == ["3", "2", "1"]  # newest on top
    assert [r.text(1) for r in rows] == ["in_review", "new", "new"]
    assert rows[0].text(2) == "Test Editor" and rows[0].text(4) == "ready for the desk"
    stored = window.store.history(article_id)
    assert rows[2].text(5) == stored[0].hash[:12]

    press(qtbot, panel.list, Qt.Key.Key_Down)  # version 2
    press(qtbot, panel.list, Qt.Key.Key_D)  # with the version before it
    shown = panel.diff_view.toPlainText()
    assert "Version 1 → version 2" in shown
    assert "Marks added (1)" in shown and "Amanda Lapo" in shown
    assert "Marks removed" not in shown

    press(qtbot, panel.list, Qt.Key.Key_Up, SHIFT)  # versions 2 and 3 selected
    press(qtbot, panel.list, Qt.Key.Key_D)
    shown = panel.diff_view.toPlainText()
    assert "Version 2 → version 3" in shown and "State: new → in_review" in shown
    assert "Marks added" not in shown

    press(qtbot, panel.list, Qt.Key.Key_End)  # version 1
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)  # "Restore version 1?" Yes
    press(qtbot, panel.list, Qt.Key.Key_R)  # restore it
    assert window.session.version == 4 and not window.session.dirty
    restored, first = window.store.load(article_id, 4), window.store.load(article_id, 1)
    assert restored.article == first.article and restored.marks == first.marks
    assert window.session.document.marks.quotes == ()
    assert panel.list.topLevelItem(0).text(0) == "4"
    assert panel.list.topLevelItem(0).text(4) == "restored from version 1"

    press(qtbot, panel.list, Qt.Key.Key_Down)  # version 3, which has the quote
    press(qtbot, panel.list, Qt.Key.Key_C)  # against the window (version 4)
    assert "Marks removed (1)" in panel.diff_view.toPlainText()

    press(qtbot, panel.list, Qt.Key.Key_H, CTRL)  # Ctrl+H again hides it
    assert not window.versions.history.dock.isVisible()


def test_workflow_moves_are_checked_and_saved(open_window, qtbot, monkeypatch):
    window = open_window()
    notes = iter(["set aside: duplicate", "", "needs a second source"])
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: next(notes))
    press(qtbot, window.view, Qt.Key.Key_K, CTRL | SHIFT)  # spike (saves v1)
    assert window.session.document.state == State.SPIKED
    press(qtbot, window.view, Qt.Key.Key_B, CTRL | SHIFT)  # spiked -> needs changes: refused
    assert window.session.document.state == State.SPIKED
    assert "cannot move" in window.statusBar().currentMessage()
    press(qtbot, window.view, Qt.Key.Key_U, CTRL | SHIFT)  # restore from spiked
    press(qtbot, window.view, Qt.Key.Key_B, CTRL | SHIFT)  # needs changes
    audit = window.store.transitions(window.session.article_id)
    assert [(t.target, t.note) for t in audit] == [
        (State.SPIKED, "set aside: duplicate"), (State.IN_REVIEW, ""),
        (State.NEEDS_CHANGES, "needs a second source")]
    assert all(t.reviewer == "Test Editor" for t in audit)


def _article(title: str, body: str) -> Document:
    text = f"{title}\n\n{body}\n"
    return Document(Article(text, meta=Metadata(title=title, site_name="Desk Wire")))


def _fill(path, count: int, special: dict[str, str] | None = None) -> None:
    with Store.open(path) as store:
        for i in range(count):
            store.save(_article(f"Routine report {i:04d}", "Nothing of note happened."),
                       reviewer="loader")
        for title, body in (special or {}).items():
            saved = store.save(_article(title, body), reviewer="loader")
            store.transition(saved.id, State.IN_REVIEW, reviewer="loader")


def test_library_searches_filters_and_opens(open_window, qtbot, tmp_path):
    path = tmp_path / "store.sqlite3"
    _fill(path, 5, {"Zebra crossing row": "The council argued about a zebra crossing.",
                    "Harbour strike": "Dockers walked out at dawn."})
    window = open_window(path)
    press(qtbot, window.view, Qt.Key.Key_L, CTRL)
    library = window.versions.library
    qtbot.waitUntil(library.search.hasFocus)
    assert library.model.rowCount() == 7 and "7 articles" in library.message.text()

    qtbot.keyClicks(library.search, "zebra")
    qtbot.waitUntil(lambda: library.model.rowCount() == 1, timeout=3000)
    press(qtbot, library.search, Qt.Key.Key_Down)
    assert library.table.hasFocus()
    press(qtbot, library.table, Qt.Key.Key_Return)
    assert window.session.document.title == "Zebra crossing row"
    assert not library.isVisible()

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # back in the window
    press(qtbot, window.view, Qt.Key.Key_L, CTRL)  # the search stays; clear it by keys
    qtbot.waitUntil(library.search.hasFocus)
    press(qtbot, library.search, Qt.Key.Key_A, CTRL)
    press(qtbot, library.search, Qt.Key.Key_Backspace)
    press(qtbot, library.search, Qt.Key.Key_Return)
    assert library.model.rowCount() == 7
    library.state.setFocus()
    while library.state.currentData() != "in_review":
        press(qtbot, library.state, Qt.Key.Key_Down)
    titles = {library.model.article_at(r).title for r in range(library.model.rowCount())}
    assert titles == {"Zebra crossing row", "Harbour strike"}

    library.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # a click on "Title"
    assert [library.model.article_at(r).title for r in range(2)] == [
        "Harbour strike", "Zebra crossing row"]
    assert library.model.order == "title" and not library.model.descending


def test_library_bad_search_shows_the_store_message(open_window, qtbot, tmp_path):
    path = tmp_path / "store.sqlite3"
    _fill(path, 3)
    window = open_window(path)
    press(qtbot, window.view, Qt.Key.Key_L, CTRL)
    library = window.versions.library
    qtbot.waitUntil(library.search.hasFocus)
    qtbot.keyClicks(library.search, '"unbalanced AND')
    press(qtbot, library.search, Qt.Key.Key_Return)
    assert library.model.rowCount() == 0
    assert "cannot search for" in library.message.text()
    press(qtbot, library.search, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(library.search, "routine")
    press(qtbot, library.search, Qt.Key.Key_Return)
    assert library.model.rowCount() == 3 and "cannot" not in library.message.text()


def test_library_fetches_pages_lazily_and_asks_before_leaving_unsaved_work(
        open_window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "store.sqlite3"
    _fill(path, PAGE + 50)
    window = open_window(path)
    doc = window.session.document
    window.session.apply(doc.with_marks(doc.marks), "An edit")  # unsaved work
    press(qtbot, window.view, Qt.Key.Key_L, CTRL)
    library = window.versions.library
    qtbot.waitUntil(library.search.hasFocus)
    assert library.model.rowCount() == PAGE and library.model.total == PAGE + 50
    press(qtbot, library.search, Qt.Key.Key_Down)
    press(qtbot, library.table, Qt.Key.Key_End, CTRL)  # to the end: the next page comes
    qtbot.waitUntil(lambda: library.model.rowCount() == PAGE + 50, timeout=3000)

    asked = []
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *a: asked.append(a) or "cancel")
    shown_before = window.session.document
    press(qtbot, library.table, Qt.Key.Key_Return)
    assert asked and window.session.document is shown_before and window.session.dirty


def test_diff_shows_text_changes_in_context():
    from deskapp.core.versioning import diff_documents
    from deskapp.ui.panels.diff_html import diff_html

    old = _article("Harbour strike", "Dockers walked out at dawn on Monday.")
    new = _article("Harbour strike", "Dockers walked out at noon on Monday.")
    html = diff_html(diff_documents(old, new), "Version 1", "version 2", new.article.text)
    assert "Text changes (1)" in html
    assert "text-decoration:line-through'>dawn</span>" in html and ">noon</span>" in html
    assert "walked out at " in html and " on Monday" in html


def test_history_diff_follows_the_article_and_restore_asks_first(
        open_window, qtbot, monkeypatch, tmp_path):
    """Issue 13 #20: switching articles clears the previous article's diff; R asks before
    restoring (Escape keeps everything as it was, Yes restores)."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.keys import activate, answer_next_dialog

    window = open_window()
    _three_versions(qtbot, window, monkeypatch)
    first_id = window.session.article_id
    press(qtbot, window.view, Qt.Key.Key_H, CTRL)
    panel = window.versions.history.panel
    press(qtbot, panel.list, Qt.Key.Key_Down)  # version 2
    press(qtbot, panel.list, Qt.Key.Key_D)
    assert "Version 1 → version 2" in panel.diff_view.toPlainText()

    other = tmp_path / "other.txt"
    other.write_text("Another headline\n\nA second article, with its own words.\n",
                     encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [str(other)])
    press(qtbot, window.view, Qt.Key.Key_O, CTRL)
    assert window.session.article_id != first_id
    assert panel.diff_view.toPlainText() == ""  # not the first article's diff
    assert panel.list.topLevelItemCount() == 1

    window.show_loaded(window.store.load(first_id))  # back to the first article
    assert panel.diff_view.toPlainText() == ""
    press(qtbot, window.view, Qt.Key.Key_1, CTRL)  # the text, then Ctrl+H: the list
    press(qtbot, window.view, Qt.Key.Key_H, CTRL)
    assert panel.list.hasFocus() and panel.list.topLevelItemCount() == 3
    press(qtbot, panel.list, Qt.Key.Key_End)  # version 1
    asked: list[str] = []

    def cancel(box):
        asked.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    answer_next_dialog(qtbot, cancel)
    press(qtbot, panel.list, Qt.Key.Key_R)
    activate(qtbot, window)
    assert asked and "version 1" in asked[0]
    assert window.session.version == 3 and window.store.latest_version(first_id) == 3

    def yes(box):
        button = box.button(QMessageBox.StandardButton.Yes)
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)

    answer_next_dialog(qtbot, yes)
    panel.list.setFocus()
    press(qtbot, panel.list, Qt.Key.Key_R)
    activate(qtbot, window)
    assert window.session.version == 4 and window.store.latest_version(first_id) == 4
    assert window.session.document.marks.quotes == ()
