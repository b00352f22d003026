"""Issue 12, claim kinds in the window: K filters review mode by kind, the marks list
filters and shows kinds, Ctrl+Alt+T says whether pending thoughts block approval."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from deskapp.core.settings_spec import THOUGHTS_TAKE_PART
from deskapp.core.workflow import State
from deskapp.ui.controllers import review as review_controller
from tests.ui.keys import ALT, CTRL, SHIFT, press


@pytest.fixture
def kinds_window(window_on, fixtures):
    """The window on an article with a statement, a thought and a document/data claim."""
    return window_on(fixtures / "claim-kinds.txt")


def _bar(window):
    return window.suggestions.review_bar


def _current_kind(window) -> str:
    return str(window.suggestions.queue.current.claim_kind)


def test_k_cycles_the_kinds_reviewed(kinds_window, qtbot):
    window = kinds_window
    press(qtbot, window.view, Qt.Key.Key_R, CTRL)
    total = window.suggestions.queue.total
    assert "Showing" not in _bar(window).progress.text()
    assert "K statements / thoughts / documents only" in _bar(window).keys.text()
    press(qtbot, window.view, Qt.Key.Key_K)
    assert "Showing: statements only" in _bar(window).progress.text()
    assert "statements only" in window.statusBar().currentMessage()
    for _ in range(3):  # Space goes round the statements alone
        assert _current_kind(window) == "statement"
        press(qtbot, window.view, Qt.Key.Key_Space)

    press(qtbot, window.view, Qt.Key.Key_K)
    assert "0 of 1 thoughts reviewed" in _bar(window).progress.text()
    assert _current_kind(window) == "thought"
    assert _bar(window).reason.text().startswith("Why: Thought: ")
    assert "Attribution · Thought" in _bar(window).title.text()
    press(qtbot, window.view, Qt.Key.Key_A)
    assert "Every one of the thoughts has a decision" in _bar(window).title.text()
    (mark,) = window.session.document.marks.attributions
    assert mark.cue.text == "believe"

    press(qtbot, window.view, Qt.Key.Key_K)
    assert _current_kind(window) == "document"
    assert _bar(window).reason.text().startswith("Why: Document/data: ")
    press(qtbot, window.view, Qt.Key.Key_K)
    assert _bar(window).progress.text() == f"<b>1 of {total} reviewed</b> · {total - 1} pending"
    assert "every kind" in window.statusBar().currentMessage()


def test_the_marks_list_shows_and_filters_kinds(kinds_window, qtbot):
    window = kinds_window
    press(qtbot, window.view, Qt.Key.Key_R, CTRL)
    total = window.suggestions.queue.total
    for _ in range(total):
        press(qtbot, window.view, Qt.Key.Key_A)
    press(qtbot, window.view, Qt.Key.Key_Escape)
    panel = window.marks_panel
    rows = [panel.model.index(i).data() for i in range(panel.model.rowCount())]
    assert any("(thought) Shop owners" in r for r in rows)
    assert any("(document/data) A city survey" in r for r in rows)
    press(qtbot, window.view, Qt.Key.Key_2, CTRL)
    press(qtbot, panel.list, Qt.Key.Key_Tab, SHIFT)
    for _ in range(5):
        press(qtbot, panel.filter, Qt.Key.Key_Down)
    assert panel.filter.currentText() == "Thoughts"
    assert panel.model.rowCount() == 1
    assert "believe" in panel.model.index(0).data()
    press(qtbot, panel.filter, Qt.Key.Key_Down)
    assert panel.filter.currentText() == "Documents and data"
    assert panel.model.rowCount() == 1 and "showed" in panel.model.index(0).data()
    press(qtbot, panel.filter, Qt.Key.Key_Up)
    press(qtbot, panel.filter, Qt.Key.Key_Up)
    assert panel.model.rowCount() == total - 2  # the statements


def test_ctrl_alt_t_leaves_pending_thoughts_out_of_approval(kinds_window, qtbot,
                                                               monkeypatch, settings):
    window = kinds_window
    asked = []
    monkeypatch.setattr(review_controller, "ask_override",
                        lambda _w, blockers, _jump: asked.append(blockers))  # → not approved
    press(qtbot, window.view, Qt.Key.Key_R, CTRL)
    press(qtbot, window.view, Qt.Key.Key_K)  # statements: accept them all
    press(qtbot, window.view, Qt.Key.Key_A, SHIFT)
    press(qtbot, window.view, Qt.Key.Key_K)
    press(qtbot, window.view, Qt.Key.Key_K)  # documents/data: accept it
    press(qtbot, window.view, Qt.Key.Key_A)
    press(qtbot, window.view, Qt.Key.Key_Escape)
    action = window.actions_by_id["thoughts_in_checks"]
    assert action.isChecked()  # the default: thoughts take part

    press(qtbot, window.view, Qt.Key.Key_Return, CTRL)
    (blockers,) = asked
    assert [b.message for b in blockers] == ["1 suggestion not yet accepted or rejected"]
    assert window.session.document.state != State.APPROVED

    press(qtbot, window.view, Qt.Key.Key_T, CTRL | ALT)
    assert not action.isChecked()
    assert settings.value(THOUGHTS_TAKE_PART.key) in (False, "false")
    assert "no longer block approval" in window.statusBar().currentMessage()
    press(qtbot, window.view, Qt.Key.Key_Return, CTRL)
    assert len(asked) == 1  # nothing left to override
    assert window.session.document.state == State.APPROVED
    assert window.pending_suggestions() == 1  # the thought is still there to review


def test_the_setting_is_read_back_when_the_window_opens(open_window, settings):
    settings.setValue(THOUGHTS_TAKE_PART.key, False)
    window = open_window()
    assert not window.actions_by_id["thoughts_in_checks"].isChecked()
    assert not window.review.thoughts_take_part
