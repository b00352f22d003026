"""Marking by keyboard: selection keys, find bar, F8, Delete, completion, registry, bad input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton, QToolTip

from deskapp.core.annotations import SourceKind
from deskapp.ui.controllers import marking as marking_controller
from tests.ui.keys import ALT, CTRL, SHIFT, activate, answer_next_dialog, find, press

QUOTE = "The defections don’t appear to be on a senior enough level to undermine Maduro,"
CONTENT = (
    "More than 500 Venezuelan soldiers have fled President Nicolás Maduro’s crumbling "
    "regime for neighboring Colombia"
)
SOURCE = "Colombian migration authority"
CNN_CONTENT = ("Colombia has counted 567 defectors since violent clashes between security "
               "forces and activists trying to bring US aid to Venezuela")


@pytest.fixture
def window(sample_window):
    """The window showing the sample, imported through File ▸ Open (Ctrl+O)."""
    return sample_window


def selected(window) -> str:
    return window.view.text()[slice(*window.view.selection())]


def settle(qtbot, window) -> None:
    """Let a closed dialog go (offscreen it stays the active window until deleted)."""
    qtbot.wait(20)
    activate(qtbot, window)


def status(window) -> str:
    return window.statusBar().currentMessage()


def _complete(qtbot, edit: QLineEdit, typed: str) -> None:
    """Type ``typed``, then take the first completion with Down and Enter in its popup."""
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)  # replace what a suggestion prefilled
    qtbot.keyClicks(edit, typed)
    popup = edit.completer().popup()
    assert popup.isVisible(), f"no completion offered for {typed!r}"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def _speaker(qtbot, who: str, cue: str = "", refers: str = ""):
    def steps(dialog):
        for name, text in (("whoEdit", who), ("refersEdit", refers), ("cueEdit", cue)):
            edit = dialog.findChild(QLineEdit, name)
            edit.setFocus()
            qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)  # replace what a suggestion prefilled
            qtbot.keyClick(edit, Qt.Key.Key_Delete)
            qtbot.keyClicks(edit, text)
            if edit.completer().popup().isVisible():
                qtbot.keyClick(edit.completer().popup(), Qt.Key.Key_Escape)
        qtbot.keyClick(dialog.findChild(QLineEdit, "noteEdit"), Qt.Key.Key_Return)

    return steps


def mark_quote_by_keys(qtbot, window, who="she", cue="told", refers="") -> None:
    find(qtbot, window, "defections don")
    press(qtbot, window.view, Qt.Key.Key_Q, ALT)
    answer_next_dialog(qtbot, _speaker(qtbot, who, cue, refers))
    press(qtbot, window.view, Qt.Key.Key_Q, CTRL | SHIFT)
    activate(qtbot, window)


# -- selection in the read-only view ----------------------------------------------------
def test_shift_and_ctrl_shift_arrows_select_by_character_and_word(window, qtbot) -> None:
    find(qtbot, window, "More than")
    assert selected(window) == "More than"
    press(qtbot, window.view, Qt.Key.Key_Right, SHIFT)
    assert selected(window) == "More than "
    press(qtbot, window.view, Qt.Key.Key_Right, CTRL | SHIFT)
    assert selected(window).rstrip() == "More than 500"
    press(qtbot, window.view, Qt.Key.Key_Left, CTRL | SHIFT)
    press(qtbot, window.view, Qt.Key.Key_Left, SHIFT)
    assert selected(window) == "More than"
    assert window.view.isReadOnly() and window.view.text() == window.session.document.article.text


def test_alt_s_selects_the_sentence_and_alt_q_the_quotation(window, qtbot) -> None:
    find(qtbot, window, "solidarity")
    press(qtbot, window.view, Qt.Key.Key_S, ALT)
    assert selected(window).startswith("Guaidó has claimed that he had met")
    assert selected(window).endswith("as solid as it may seem.")
    find(qtbot, window, "senior enough")
    press(qtbot, window.view, Qt.Key.Key_Q, ALT)
    assert selected(window) == QUOTE
    find(qtbot, window, "Military leaders")
    press(qtbot, window.view, Qt.Key.Key_Q, ALT)
    assert "not inside quotation marks" in status(window)


def test_find_bar_enter_selects_next_match_and_escape_keeps_it(window, qtbot) -> None:
    press(qtbot, window.view, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible() and window.find_bar.edit.hasFocus()
    qtbot.keyClicks(window.find_bar.edit, "Maduro")
    press(qtbot, window.find_bar.edit, Qt.Key.Key_Return)
    first = window.view.selection()
    press(qtbot, window.find_bar.edit, Qt.Key.Key_Return)
    second = window.view.selection()
    assert selected(window) == "Maduro" and second[0] > first[0]
    press(qtbot, window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.view.hasFocus() and window.view.selection() == second


# -- marking, completion, registry --------------------------------------------------------
def _add_entry(qtbot, name: str, aliases: str, role: str, kind_steps: int):
    def steps(dialog):
        qtbot.keyClicks(dialog.findChild(QLineEdit, "registryName"), name)
        qtbot.keyClicks(dialog.findChild(QLineEdit, "registryAliases"), aliases)
        qtbot.keyClicks(dialog.findChild(QLineEdit, "registryRole"), role)
        kind = dialog.findChild(QComboBox, "registryKind")
        for _ in range(kind_steps):
            qtbot.keyClick(kind, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.findChild(QLineEdit, "registryRole"), Qt.Key.Key_Return)  # save
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # close

    return steps


def test_registry_entry_by_keys_then_attribution_with_completion(window, qtbot) -> None:
    answer_next_dialog(qtbot, _add_entry(qtbot, SOURCE, "Migracion Colombia", "", 1))
    press(qtbot, window.view, Qt.Key.Key_P, CTRL | SHIFT)
    settle(qtbot, window)
    entity = window.registry.find(SOURCE)
    assert entity is not None and entity.kind is SourceKind.ORGANISATION
    assert window.store.load_registry().find("migracion colombia") == entity

    find(qtbot, window, "More than 500")
    for _ in range(30):  # extend word by word to the end of the content
        if selected(window).rstrip(", ").endswith("neighboring Colombia"):
            break
        press(qtbot, window.view, Qt.Key.Key_Right, CTRL | SHIFT)

    def steps(dialog):
        cue = dialog.findChild(QLineEdit, "cueEdit")
        cue.setFocus()
        qtbot.keyClick(cue, Qt.Key.Key_A, CTRL)  # replace what a suggestion prefilled
        qtbot.keyClicks(cue, "reported")
        cue.completer().popup().hide()
        who = dialog.findChild(QLineEdit, "whoEdit")
        who.setFocus()
        _complete(qtbot, who, "migra")  # its Return takes the name and accepts the dialog

    answer_next_dialog(qtbot, steps)
    press(qtbot, window.view, Qt.Key.Key_A, CTRL | SHIFT)
    activate(qtbot, window)
    assert "Mark attribution" in status(window), status(window)
    (attribution,) = window.session.document.marks.attributions
    assert attribution.content.text == CONTENT
    assert attribution.source.text == SOURCE
    assert attribution.cue.text == "reported"
    assert attribution.source_kind is SourceKind.ORGANISATION  # taken from the registry
    assert window.actions_by_id["undo"].text() == "&Undo Mark attribution"
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    assert window.session.document.marks.attributions == ()
    assert window.actions_by_id["redo"].text() == "&Redo Mark attribution"
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(window.session.document.marks.attributions) == 1


def test_a_new_speaker_joins_the_registry_and_short_names_link_to_it(window, qtbot) -> None:
    mark_quote_by_keys(qtbot, window, who="she", cue="told")
    (quote,) = window.session.document.marks.quotes
    assert quote.speaker == "Amanda Lapo" and quote.speaker_span.text == "she"
    entity = window.registry.find("Amanda Lapo")
    assert entity is not None and "she" not in entity.aliases  # pronouns are no aliases
    assert "added to people and sources" in status(window)
    assert window.store.load_registry().find("Amanda Lapo") == entity

    # the same quote re-marked (F2) with the short name: it links to the same entry
    press(qtbot, window.view, Qt.Key.Key_Home, CTRL)
    press(qtbot, window.view, Qt.Key.Key_F8)

    def steps(dialog):
        who = dialog.findChild(QLineEdit, "whoEdit")
        qtbot.keyClick(who, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(who, "Lapo")
        qtbot.keyClick(dialog.findChild(QLineEdit, "noteEdit"), Qt.Key.Key_Return)

    answer_next_dialog(qtbot, steps)
    press(qtbot, window.view, Qt.Key.Key_F2)
    activate(qtbot, window)
    (quote,) = window.session.document.marks.quotes
    assert quote.speaker == "Amanda Lapo" and quote.speaker_span.text == "Lapo"
    assert window.registry.find("Lapo").name == "Amanda Lapo"
    assert len(window.registry) == 1


def test_registry_dialog_edits_a_role_and_refuses_a_taken_name(window, qtbot) -> None:
    mark_quote_by_keys(qtbot, window)
    messages = []

    def steps(dialog):
        entries = dialog.list
        entries.setFocus()
        qtbot.keyClick(entries, Qt.Key.Key_Down)  # the first (only) entry into the form
        role = dialog.findChild(QLineEdit, "registryRole")
        qtbot.keyClicks(role, "defense and military analyst at the IISS")
        qtbot.keyClick(role, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.findChild(QPushButton, "registryNew"), Qt.Key.Key_Space)
        qtbot.keyClicks(dialog.findChild(QLineEdit, "registryName"), "amanda lapo")
        qtbot.keyClick(dialog.findChild(QLineEdit, "registryName"), Qt.Key.Key_Return)
        messages.append(dialog.message.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_next_dialog(qtbot, steps)
    press(qtbot, window.view, Qt.Key.Key_P, CTRL | SHIFT)
    settle(qtbot, window)
    assert "already belongs to 'Amanda Lapo'" in messages[0]
    assert len(window.registry) == 1
    assert window.store.load_registry().find("Amanda Lapo").role == (
        "defense and military analyst at the IISS")


def test_registry_dialog_warns_of_a_look_alike_name(window, qtbot) -> None:
    mark_quote_by_keys(qtbot, window)
    messages = []

    def steps(dialog):
        qtbot.keyClick(dialog.findChild(QPushButton, "registryNew"), Qt.Key.Key_Space)
        name = dialog.findChild(QLineEdit, "registryName")
        name.setText("\u0410manda Lapo")  # a Cyrillic А
        qtbot.keyClick(name, Qt.Key.Key_Return)
        messages.append(dialog.message.text())
        name.setText("Aman\u200bda Lapo")  # a zero-width space: the same name
        qtbot.keyClick(name, Qt.Key.Key_Return)
        messages.append(dialog.message.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_next_dialog(qtbot, steps)
    press(qtbot, window.view, Qt.Key.Key_P, CTRL | SHIFT)
    settle(qtbot, window)
    assert "Careful: “\u0410manda Lapo” looks like “Amanda Lapo”" in messages[0]
    assert "Cyrillic Capital Letter A" in messages[0]
    assert "already belongs to" in messages[1]


# -- navigation, panel, delete ------------------------------------------------------------
def test_f8_panel_sync_filter_and_delete(window, qtbot) -> None:
    mark_quote_by_keys(qtbot, window)
    find(qtbot, window, CNN_CONTENT)
    answer_next_dialog(qtbot, _speaker(qtbot, "CNN", "according to"))
    press(qtbot, window.view, Qt.Key.Key_A, CTRL | SHIFT)
    activate(qtbot, window)
    doc = window.session.document
    attribution, quote = doc.marks.attributions[0], doc.marks.quotes[0]
    assert attribution.source.text == "CNN"

    press(qtbot, window.view, Qt.Key.Key_Home, CTRL)
    press(qtbot, window.view, Qt.Key.Key_F8)
    assert window.view.selection() == (attribution.content.start, attribution.content.end)
    assert window.marks_panel.current_id() == attribution.id
    assert status(window).startswith("Attribution · Source: CNN")  # details of the caret's mark
    press(qtbot, window.view, Qt.Key.Key_F8)
    assert window.marks_panel.current_id() == quote.id and selected(window) == QUOTE
    press(qtbot, window.view, Qt.Key.Key_F8, SHIFT)
    assert window.marks_panel.current_id() == attribution.id

    press(qtbot, window.view, Qt.Key.Key_2, CTRL)  # the list: Down selects in the text
    assert window.marks_panel.list.hasFocus()
    press(qtbot, window.marks_panel.list, Qt.Key.Key_Down)
    assert selected(window) == QUOTE
    press(qtbot, window.marks_panel.list, Qt.Key.Key_Up)
    assert window.view.selection() == (attribution.content.start, attribution.content.end)

    press(qtbot, window.marks_panel.list, Qt.Key.Key_Tab, SHIFT)  # to the filter combo
    assert window.marks_panel.filter.hasFocus()
    press(qtbot, window.marks_panel.filter, Qt.Key.Key_Down)  # "Quotes"
    assert window.marks_panel.model.rowCount() == 1
    press(qtbot, window.marks_panel.filter, Qt.Key.Key_Up)
    assert window.marks_panel.model.rowCount() == 2

    press(qtbot, window.view, Qt.Key.Key_1, CTRL)
    press(qtbot, window.view, Qt.Key.Key_Home, CTRL)
    press(qtbot, window.view, Qt.Key.Key_F8)
    press(qtbot, window.view, Qt.Key.Key_F8)  # the quote
    assert selected(window) == QUOTE
    press(qtbot, window.view, Qt.Key.Key_Delete)
    assert [m.id for m in window.session.document.marks] == [attribution.id]
    assert window.actions_by_id["undo"].text() == "&Undo Delete quote"
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    assert window.session.document.marks.get(quote.id) == quote


def test_hovering_a_mark_shows_its_details(window, qtbot) -> None:
    mark_quote_by_keys(qtbot, window)
    quote = window.session.document.marks.quotes[0]
    view = window.view
    view.select(quote.span.start + 10, quote.span.start + 10)
    view.ensureCursorVisible()
    point = view.cursorRect().center() + QPoint(3, 0)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.isVisible()
    assert "Speaker: Amanda Lapo" in QToolTip.text() and "Cue: told" in QToolTip.text()
    QToolTip.hideText()
    assert window.renderer.details_at(0) == ""  # no mark at the headline


# -- bad input: a message, nothing changed --------------------------------------------------
@pytest.fixture
def no_dialog(monkeypatch):
    asked = []
    monkeypatch.setattr(marking_controller, "ask_mark_details",
                        lambda *a, **k: asked.append(k) or None)
    return asked


def _unchanged(window, before) -> None:
    assert window.session.document is before
    assert window.session.undo_stack.count() == 0


def test_empty_and_punctuation_only_selections_are_refused(window, qtbot, no_dialog) -> None:
    before = window.session.document
    press(qtbot, window.view, Qt.Key.Key_Q, CTRL | SHIFT)  # caret only
    assert "Nothing selected" in status(window)
    find(qtbot, window, "reported Thursday.")
    press(qtbot, window.view, Qt.Key.Key_Right)
    press(qtbot, window.view, Qt.Key.Key_Left, SHIFT)
    assert selected(window) == "."
    press(qtbot, window.view, Qt.Key.Key_A, CTRL | SHIFT)
    assert "only spaces or punctuation" in status(window)
    assert no_dialog == []
    _unchanged(window, before)


def test_boilerplate_is_refused(window, qtbot, no_dialog) -> None:
    before = window.session.document
    find(qtbot, window, "Check Also")
    press(qtbot, window.view, Qt.Key.Key_Q, CTRL | SHIFT)
    assert "boilerplate" in status(window)
    assert no_dialog == []
    _unchanged(window, before)


def test_a_duplicate_quote_is_refused(window, qtbot) -> None:
    mark_quote_by_keys(qtbot, window)
    marked = window.session.document
    press(qtbot, window.view, Qt.Key.Key_Q, CTRL | SHIFT)  # the same selection again
    assert "already marked" in status(window)
    assert window.session.document is marked and window.session.undo_stack.count() == 1


def test_an_empty_source_name_is_refused(window, qtbot) -> None:
    before = window.session.document
    find(qtbot, window, CNN_CONTENT)
    answer_next_dialog(qtbot, _speaker(qtbot, "", "according to"))
    press(qtbot, window.view, Qt.Key.Key_A, CTRL | SHIFT)
    activate(qtbot, window)
    assert "The source is empty" in status(window)
    _unchanged(window, before)
