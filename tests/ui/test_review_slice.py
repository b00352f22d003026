"""The foundation slice, by keyboard only: open, mark, approve, save, reopen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from deskapp.core.annotations import Quote
from deskapp.ui import dialogs
from tests.ui.keys import ALT, CTRL, SHIFT, activate, answer_next_dialog, find, press

QUOTE = "The defections don’t appear to be on a senior enough level to undermine Maduro,"


def _type_speaker(qtbot, name: str, cue: str):
    def steps(dialog):
        who = dialog.findChild(QLineEdit, "whoEdit")
        qtbot.keyClick(who, Qt.Key.Key_A, CTRL)  # replace whatever a suggestion prefilled
        qtbot.keyClicks(who, name)
        cue_edit = dialog.findChild(QLineEdit, "cueEdit")
        qtbot.keyClick(who, Qt.Key.Key_Tab)  # leave the completer alone
        cue_edit.setFocus()
        qtbot.keyClick(cue_edit, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(cue_edit, cue)
        qtbot.keyClick(cue_edit, Qt.Key.Key_Return)

    return steps


def test_mark_approve_save_and_reopen(open_window, qtbot, monkeypatch, fixtures, tmp_path):
    sample = fixtures / "venezuela-defections.txt"
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [str(sample)])
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_O, CTRL)
    assert window.session.document.article.meta.file_name == sample.name

    find(qtbot, window, "defections don")  # QTest types ASCII only
    press(qtbot, window.view, Qt.Key.Key_Q, ALT)  # select between the quotation marks
    assert window.view.text()[slice(*window.view.selection())] == QUOTE
    answer_next_dialog(qtbot, _type_speaker(qtbot, "she", "told"))
    press(qtbot, window.view, Qt.Key.Key_Q, CTRL | SHIFT)
    activate(qtbot, window)
    quotes = window.session.document.marks.quotes
    assert [q.span.text for q in quotes] == [QUOTE]
    assert quotes[0].speaker == "Amanda Lapo"
    assert quotes[0].speaker_span.text == "she"
    assert quotes[0].cue.text == "told"
    assert window.session.dirty

    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    assert window.session.document.marks.quotes == ()
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(window.session.document.marks.quotes) == 1

    blockers_seen = []

    def override(dialog):
        blockers_seen.extend(dialog.blockers)
        qtbot.keyClicks(dialog.note, "Figures checked with the desk")
        dialog.ok.setFocus()
        qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)

    answer_next_dialog(qtbot, override)
    press(qtbot, window.view, Qt.Key.Key_Return, CTRL)
    activate(qtbot, window)
    assert any("95,000 and 150,000" in b.message for b in blockers_seen)
    assert str(window.session.document.state) == "approved"
    assert window.session.document.note == "Figures checked with the desk"
    press(qtbot, window.view, Qt.Key.Key_S, CTRL)
    assert not window.session.dirty
    article_id = window.session.article_id
    window.close()

    again = open_window()
    doc = again.session.document
    assert doc.id == article_id
    assert str(doc.state) == "approved"
    assert doc.reviewer == "Test Editor"
    (quote,) = doc.marks.quotes
    assert isinstance(quote, Quote) and quote.span.text == QUOTE and quote.speaker == "Amanda Lapo"
    assert again.marks_panel.model.rowCount() == 1
