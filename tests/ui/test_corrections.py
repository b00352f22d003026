"""Text corrections by keys: marks follow, touched marks are orphaned, undo is exact."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from deskapp.ui import dialogs
from deskapp.ui.highlights import Role, role_format
from tests.ui.keys import (
    CTRL,
    SHIFT,
    activate,
    answer_next_dialog,
    find,
    open_by_keys,
    press,
)
from tests.ui.test_marking_keys import CNN_CONTENT, QUOTE, _speaker, mark_quote_by_keys


@pytest.fixture
def window(open_window, qtbot, monkeypatch, fixtures):
    """The window showing the sample, imported through File ▸ Open (Ctrl+O)."""
    win = open_window()
    open_by_keys(qtbot, win, fixtures / "venezuela-defections.txt", monkeypatch)
    return win


def _marked(qtbot, window):
    """The sample with the quote (she → Amanda Lapo) and the CNN attribution."""
    mark_quote_by_keys(qtbot, window)
    find(qtbot, window, CNN_CONTENT)
    answer_next_dialog(qtbot, _speaker(qtbot, "CNN", "according to"))
    press(qtbot, window.view, Qt.Key.Key_A, CTRL | SHIFT)
    activate(qtbot, window)
    assert len(window.session.document.marks) == 2
    return window.session.document


def _toggle_correcting(qtbot, window) -> None:
    press(qtbot, window.view, Qt.Key.Key_E, CTRL | SHIFT)


def _drawn_at(window, start: int) -> bool:
    """Whether the view draws a quote (its background) starting at text offset ``start``."""
    block = window.view.document().findBlock(start)
    quote = role_format(Role.QUOTE).background().color()
    return any(r.start == start - block.position() and r.format.background().color() == quote
               for r in block.layout().formats())


def _spans(doc):
    return [(m.anchor.start, m.anchor.end, m.anchor.text, m.orphaned) for m in doc.marks]


def test_a_typo_fix_by_keys_moves_the_marks_after_it(window, qtbot) -> None:
    before = _marked(qtbot, window)
    quote = before.marks.quotes[0]
    _toggle_correcting(qtbot, window)
    assert not window.view.isReadOnly()
    find(qtbot, window, "reported Thursday")
    press(qtbot, window.view, Qt.Key.Key_Right)  # the caret after "Thursday"
    qtbot.keyClicks(window.view, " morningg")
    press(qtbot, window.view, Qt.Key.Key_Backspace)  # the typo fixed
    doc = window.session.document
    text = doc.article.text
    assert "reported Thursday morning." in text and window.view.text() == text
    shift = len(" morning")
    assert [(s - shift, e - shift, t, o) for s, e, t, o in _spans(doc)] == _spans(before)
    assert all(m.anchor.holds_in(text) for m in doc.marks)
    moved = doc.marks.get(quote.id)
    assert _drawn_at(window, moved.span.start)  # redrawn where the quote now is
    assert not _drawn_at(window, quote.span.start)
    _toggle_correcting(qtbot, window)
    assert window.view.isReadOnly()
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)  # the Backspace
    assert "reported Thursday morningg." in window.session.document.article.text
    assert window.actions_by_id["undo"].text() == "&Undo Correct text"
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)  # the typing is one undo step
    assert window.session.document.article.text == before.article.text
    assert window.session.document.marks == before.marks
    assert window.view.text() == before.article.text
    assert _drawn_at(window, quote.span.start)


def test_an_edit_inside_a_quote_orphans_it_and_undo_restores_it(window, qtbot) -> None:
    before = _marked(qtbot, window)
    quote = before.marks.quotes[0]
    _toggle_correcting(qtbot, window)
    find(qtbot, window, "senior enough")
    press(qtbot, window.view, Qt.Key.Key_Left)  # the caret before "senior"
    qtbot.keyClicks(window.view, "very ")
    doc = window.session.document
    orphan = doc.marks.get(quote.id)
    assert orphan.orphaned and orphan.span.text == QUOTE  # kept with its last known text
    assert not doc.marks.attributions[0].orphaned
    assert "orphaned" in window.statusBar().currentMessage()
    assert not _drawn_at(window, quote.span.start)  # an orphan is not drawn as a quote
    assert _quote_backgrounds(window) == []  # nor anywhere else (issue 13 #18)
    _toggle_correcting(qtbot, window)
    assert _quote_backgrounds(window) == []

    press(qtbot, window.view, Qt.Key.Key_2, CTRL)  # the marks list: filter "Orphaned"
    panel = window.marks_panel
    press(qtbot, panel.list, Qt.Key.Key_Tab, SHIFT)
    for _ in range(3):
        press(qtbot, panel.filter, Qt.Key.Key_Down)
    assert panel.filter.currentText() == "Orphaned"
    assert panel.model.rowCount() == 1
    assert "orphaned" in panel.model.index(0).data()
    assert "1 orphaned" in panel.summary.text()

    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    assert window.session.document.article.text == before.article.text
    assert window.session.document.marks == before.marks  # the exact mark is back
    assert panel.model.rowCount() == 0
    assert _drawn_at(window, quote.span.start)
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.session.document.marks.get(quote.id).orphaned


def _orphan_the_quote(qtbot, window):
    _marked(qtbot, window)
    _toggle_correcting(qtbot, window)
    find(qtbot, window, "senior enough")
    press(qtbot, window.view, Qt.Key.Key_Left)
    qtbot.keyClicks(window.view, "very ")
    _toggle_correcting(qtbot, window)
    press(qtbot, window.view, Qt.Key.Key_2, CTRL)
    quote = window.session.document.marks.quotes[0]
    row = window.marks_panel.model.row_of(quote.id)
    for _ in range(row + 1):
        press(qtbot, window.marks_panel.list, Qt.Key.Key_Down)
    assert window.marks_panel.current_id() == quote.id
    assert "Orphaned quote" in window.statusBar().currentMessage()
    return quote


def test_f2_on_an_orphaned_quote_re_marks_it_on_the_corrected_text(window, qtbot) -> None:
    orphan = _orphan_the_quote(qtbot, window)

    def steps(dialog):
        assert dialog.findChild(QLineEdit, "whoEdit").text() == "she"  # details kept
        qtbot.keyClick(dialog.findChild(QLineEdit, "noteEdit"), Qt.Key.Key_Return)

    answer_next_dialog(qtbot, steps)
    press(qtbot, window.marks_panel.list, Qt.Key.Key_F2)
    activate(qtbot, window)
    doc = window.session.document
    fixed = doc.marks.get(orphan.id)
    assert not fixed.orphaned and fixed.span.holds_in(doc.article.text)
    assert fixed.span.text == QUOTE.replace("senior", "very senior")
    assert fixed.speaker == "Amanda Lapo"
    assert window.actions_by_id["undo"].text() == "&Undo Edit quote"


def test_delete_removes_an_orphaned_mark(window, qtbot) -> None:
    orphan = _orphan_the_quote(qtbot, window)
    press(qtbot, window.marks_panel.list, Qt.Key.Key_Delete)
    doc = window.session.document
    assert doc.marks.get(orphan.id) is None and len(doc.marks) == 1
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    assert window.session.document.marks.get(orphan.id).orphaned


def _quote_backgrounds(window) -> list[int]:
    """Every text offset the view paints with the quote background."""
    quote = role_format(Role.QUOTE).background().color()
    painted, block = [], window.view.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.background().color() == quote:
                painted.extend(range(block.position() + r.start,
                                     block.position() + r.start + r.length))
        block = block.next()
    return painted


def test_a_quote_whose_offsets_went_stale_is_listed_as_orphan_and_never_drawn(
        open_window, qtbot, tmp_path, monkeypatch) -> None:
    """Issue 13 #18: a quote kept from before a correction (here in an autosaved draft) whose
    offsets now point at the next paragraph: listed as orphaned, not painted there."""
    from deskapp.core.annotations import Quote
    from deskapp.core.importers import read_document
    from deskapp.core.spans import Span
    from deskapp.paths import SAMPLE_ARTICLE, resource_path
    from deskapp.store import Store

    doc = read_document(resource_path(SAMPLE_ARTICLE))
    text = doc.article.text
    elsewhere = text.index("Venezuela’s military, which employs")
    stale = Quote(Span(elsewhere, elsewhere + len(QUOTE), QUOTE), speaker="Amanda Lapo")
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.save_draft("new:stale", {"article_id": None, "base": None, "title": doc.title,
                                       "document": doc.add_mark(stale).to_json()})
    monkeypatch.setattr(dialogs, "ask_recover", lambda *a: "recover")
    window = open_window(tmp_path / "store.sqlite3")
    (quote,) = window.session.document.marks.quotes
    assert quote.orphaned and quote.span.text == QUOTE  # kept, with its last known text
    assert _quote_backgrounds(window) == []  # not painted over “Venezuela’s military…”
    assert "1 orphaned" in window.marks_panel.summary.text()
    press(qtbot, window.view, Qt.Key.Key_F8)  # F8 skips it; the list shows it
    assert window.view.selection()[0] != elsewhere
    press(qtbot, window.view, Qt.Key.Key_2, CTRL)
    press(qtbot, window.marks_panel.list, Qt.Key.Key_Down)
    assert window.marks_panel.current_id() == quote.id
    assert "Orphaned quote" in window.statusBar().currentMessage()
    assert window.view.extraSelections() == []  # no outline at the stale offsets
    assert quote.span.start == elsewhere  # offsets kept: F2 re-marks it, Delete removes it
