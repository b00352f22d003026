"""Suggestions in the window, by keyboard: review mode, the count, undo, flags, approval."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication, QLineEdit

from deskapp.core.annotations import Attribution, Quote
from deskapp.ui import dialogs
from deskapp.ui.highlights import Role
from tests.ui.keys import ALT, CTRL, SHIFT, activate, answer_next_dialog, find, press

FIGURE = "between 95,000 and 150,000 active soldiers"


@pytest.fixture
def gold(fixtures):
    return json.loads((fixtures / "seed-gold.json").read_text(encoding="utf-8"))


def _back_to(qtbot, window) -> None:
    """After a dialog: wait until the window really has the keyboard again."""
    activate(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def _progress(window) -> str:
    return window.suggestions.review_bar.progress.text()


def _selected(window) -> str:
    return window.view.text()[slice(*window.view.selection())]


def _dashed(window, offset: int) -> bool:
    """Whether the character at ``offset`` is drawn with the suggestions' dashed underline."""
    view = window.view
    position = view.positions.to_qt(offset)
    block = view.document().findBlock(position)
    for fr in block.layout().formats():
        if fr.start <= position - block.position() < fr.start + fr.length:
            return fr.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    return False


def _attributions(window) -> list[tuple[str, str, str]]:
    return [
        (a.source.text if a.source else "", a.cue.text if a.cue else "", a.content.text)
        for a in window.session.document.marks.attributions
    ]


def _core(gold, cue: str, source: str) -> dict:
    return next(
        a for a in gold["attributions"]
        if a["tier"] == "core" and a["cue"] == cue and a["source"] == source
    )


def _review(qtbot, window) -> int:
    """Ctrl+R; the number of suggestions to review."""
    press(qtbot, window.view, Qt.Key.Key_R, CTRL)
    assert window.suggestions.reviewing and window.suggestions.review_dock.isVisible()
    total = window.suggestions.queue.total
    assert f"0 of {total} reviewed" in _progress(window)
    return total


def test_accept_reject_skip_back_by_keys(sample_window, qtbot, gold):
    window = sample_window
    total = _review(qtbot, window)
    authority = _core(gold, "reported", "the Colombian migration authority")
    # the first suggestion in text order is selected in the text, its reason shown
    assert _selected(window) == authority["content"]
    bar = window.suggestions.review_bar
    assert "“reported”" in bar.reason.text()
    assert "Source: the Colombian migration authority" in bar.marked.text()
    assert "Cue: reported" in bar.marked.text()

    press(qtbot, window.view, Qt.Key.Key_A)
    assert _attributions(window) == [
        (authority["source"], authority["cue"], authority["content"])
    ]
    assert f"1 of {total} reviewed" in _progress(window)

    cnn = _core(gold, "according to", "CNN")
    assert _selected(window) == cnn["content"]
    assert "Source: CNN" in bar.marked.text()
    press(qtbot, window.view, Qt.Key.Key_X)
    assert len(_attributions(window)) == 1
    assert f"2 of {total} reviewed" in _progress(window)
    drawn = {(h.start, h.end) for h in window.renderer.extra_highlights}
    text = window.view.text()
    cnn_at = text.index("CNN")
    assert (cnn_at, cnn_at + 3) not in drawn  # the rejected source is no longer drawn
    tiempo_at = text.index("Colombia’s El Tiempo")
    assert (tiempo_at, tiempo_at + len("Colombia’s El Tiempo")) in drawn  # pending one is
    assert _dashed(window, tiempo_at + 1) and not _dashed(window, cnn_at + 1)
    authority_at = text.index(authority["content"])
    assert not _dashed(window, authority_at + 1)  # accepted: drawn as a mark, not dashed
    assert _dashed(window, text.index("The soldiers who left") + 1)

    assert "Source: Colombia’s El Tiempo" in bar.marked.text()
    press(qtbot, window.view, Qt.Key.Key_Space)
    assert f"2 of {total} reviewed" in _progress(window)
    assert "El Tiempo" not in bar.marked.text()
    press(qtbot, window.view, Qt.Key.Key_Backspace)
    assert "Source: Colombia’s El Tiempo" in bar.marked.text()
    assert "pending" in bar.title.text()
    press(qtbot, window.view, Qt.Key.Key_Backspace)
    assert "Source: CNN" in bar.marked.text() and "rejected" in bar.title.text()

    press(qtbot, window.view, Qt.Key.Key_Escape)
    assert not window.suggestions.reviewing
    assert not window.suggestions.review_dock.isVisible()
    assert window.pending_suggestions() == total - 2


def test_ctrl_z_undoes_an_accept(sample_window, qtbot):
    window = sample_window
    total = _review(qtbot, window)
    press(qtbot, window.view, Qt.Key.Key_Return)
    assert len(window.session.document.marks) == 1
    assert window.actions_by_id["undo"].text() == "&Undo Accept suggestion"
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    assert len(window.session.document.marks) == 0
    assert f"0 of {total} reviewed" in _progress(window)
    assert window.pending_suggestions() == total


def test_accept_all_of_a_kind_is_one_step(sample_window, qtbot, gold):
    window = sample_window
    _review(qtbot, window)
    press(qtbot, window.view, Qt.Key.Key_A, SHIFT)  # the first suggestion is an attribution
    found = {(s, c, t) for s, c, t in _attributions(window)}
    for item in gold["attributions"]:
        if item["tier"] == "core":
            assert (item["source"], item["cue"], item["content"]) in found, item
    assert window.session.document.marks.quotes == ()
    for text in gold["not_attributions"]:
        assert not any(t in text and len(t) > 30 for _s, _c, t in found)
    pending = window.pending_suggestions()
    assert pending == len(window.suggestions.result.quotes)
    assert "Quote" in window.suggestions.review_bar.title.text()

    press(qtbot, window.view, Qt.Key.Key_A)  # the gold quote, speaker resolved
    (quote,) = window.session.document.marks.quotes
    core_quote = gold["quotes"][0]
    assert (quote.span.text, quote.speaker) == (core_quote["text"], core_quote["speaker"])
    assert (quote.speaker_span.text, quote.cue.text) == ("she", "told")
    assert window.pending_suggestions() == 0

    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)
    assert len(window.session.document.marks) == 0


def test_delete_rejects_in_review_mode_and_deletes_marks_outside(sample_window, qtbot):
    window = sample_window
    total = _review(qtbot, window)
    press(qtbot, window.view, Qt.Key.Key_A)
    press(qtbot, window.view, Qt.Key.Key_Backspace)  # back onto the accepted one
    press(qtbot, window.view, Qt.Key.Key_Space)
    assert f"1 of {total} reviewed" in _progress(window)
    press(qtbot, window.view, Qt.Key.Key_Delete)
    assert len(window.session.document.marks) == 1  # the mark stays
    assert f"2 of {total} reviewed" in _progress(window)  # the suggestion is rejected

    press(qtbot, window.view, Qt.Key.Key_Escape)
    press(qtbot, window.view, Qt.Key.Key_F8)  # go to the mark
    press(qtbot, window.view, Qt.Key.Key_Delete)
    assert len(window.session.document.marks) == 0


def test_review_keys_do_nothing_outside_review_mode_or_in_the_find_bar(sample_window, qtbot):
    window = sample_window
    for key in (Qt.Key.Key_A, Qt.Key.Key_X, Qt.Key.Key_Space, Qt.Key.Key_Return):
        press(qtbot, window.view, key)
    assert len(window.session.document.marks) == 0
    assert window.suggestions.queue.reviewed == 0

    _review(qtbot, window)
    press(qtbot, window.view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.find_bar.edit, "ax said")
    assert window.find_bar.edit.text() == "ax said"
    press(qtbot, window.find_bar.edit, Qt.Key.Key_Escape)  # closes the find bar only
    assert window.suggestions.reviewing and not window.find_bar.isVisible()
    assert len(window.session.document.marks) == 0


def test_flags_panel_lists_the_figure_and_enter_jumps_to_it(sample_window, qtbot):
    window = sample_window
    _review(qtbot, window)  # Enter in the flags list jumps, even in review mode
    press(qtbot, window.view, Qt.Key.Key_3, CTRL)
    flags = window.suggestions.flags_panel
    assert flags.list.hasFocus()
    rows = [i for i, t in enumerate(flags.texts()) if FIGURE in t]
    assert rows and "unattributed figure" in flags.texts()[rows[0]]
    flags.list.setCurrentRow(rows[0])
    press(qtbot, flags.list, Qt.Key.Key_Return)
    assert _selected(window) == FIGURE
    assert window.view.hasFocus()
    assert len(window.session.document.marks) == 0  # Enter did not accept a suggestion


def test_approval_checks_count_pending_suggestions(sample_window, qtbot):
    window = sample_window
    total = window.pending_suggestions()
    assert total == window.suggestions.queue.total > 0
    assert [s.text for s in window.unattributed_claims()] == [FIGURE]
    seen = []

    def look_and_cancel(dialog):
        seen.extend(b.message for b in dialog.blockers)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_next_dialog(qtbot, look_and_cancel)
    press(qtbot, window.view, Qt.Key.Key_Return, CTRL)
    _back_to(qtbot, window)
    assert f"{total} suggestions not yet accepted or rejected" in seen
    assert str(window.session.document.state) != "approved"

    _review(qtbot, window)
    for _ in range(total):
        press(qtbot, window.view, Qt.Key.Key_X)
    assert window.pending_suggestions() == 0
    assert window.suggestions.review_bar.progress.text() == f"<b>{total} of {total} reviewed</b>"
    assert window.renderer.extra_highlights == []  # nothing pending is drawn
    blockers = window.review.blockers()
    assert [b.kind for b in blockers] == ["unattributed_claim"]


def test_rerun_after_a_correction_keeps_decisions(sample_window, qtbot):
    window = sample_window
    total = _review(qtbot, window)
    press(qtbot, window.view, Qt.Key.Key_A)  # accept the first
    press(qtbot, window.view, Qt.Key.Key_X)  # reject the CNN attribution
    press(qtbot, window.view, Qt.Key.Key_E, CTRL | SHIFT)  # correction mode leaves review
    assert not window.suggestions.reviewing
    press(qtbot, window.view, Qt.Key.Key_Home, CTRL)
    qtbot.keyClicks(window.view, "Xy ")  # shifts every offset
    assert window.view.text().startswith("Xy ")
    qtbot.waitUntil(lambda: not window.suggestions._timer.isActive(), timeout=2000)
    queue = window.suggestions.queue
    assert queue.total == total and queue.reviewed == 2
    assert window.suggestions.result.items[0].anchor.start > 3
    cnn = next(a for a in window.suggestions.result.attributions if a.source.text == "CNN")
    assert window.session.document.rejected == {cnn.id}  # the rejection moved with the text
    assert window.pending_suggestions() == total - 2
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)  # undo the correction
    assert not window.view.text().startswith("Xy")
    qtbot.waitUntil(lambda: not window.suggestions._timer.isActive(), timeout=2000)
    assert window.pending_suggestions() == total - 2
    assert window.review.blockers()[0].message.startswith(f"{total - 2} suggestions")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)  # and redo it
    qtbot.waitUntil(lambda: not window.suggestions._timer.isActive(), timeout=2000)
    assert window.pending_suggestions() == total - 2
    press(qtbot, window.view, Qt.Key.Key_E, CTRL | SHIFT)
    press(qtbot, window.view, Qt.Key.Key_R, CTRL)
    assert f"2 of {total} reviewed" in _progress(window)
    assert "Source: Colombia’s El Tiempo" in window.suggestions.review_bar.marked.text()


def test_mark_dialog_is_prefilled_from_a_suggestion(sample_window, qtbot):
    window = sample_window
    find(qtbot, window, "defections don")
    press(qtbot, window.view, Qt.Key.Key_Q, ALT)
    seen = {}

    def read_and_accept(dialog):
        for name in ("whoEdit", "refersEdit", "cueEdit"):
            seen[name] = dialog.findChild(QLineEdit, name).text()
        qtbot.keyClick(dialog.findChild(QLineEdit, "noteEdit"), Qt.Key.Key_Return)

    answer_next_dialog(qtbot, read_and_accept)
    press(qtbot, window.view, Qt.Key.Key_Q, CTRL | SHIFT)
    _back_to(qtbot, window)
    assert seen == {"whoEdit": "she", "refersEdit": "Amanda Lapo", "cueEdit": "told"}
    (quote,) = window.session.document.marks.quotes
    assert isinstance(quote, Quote) and quote.speaker == "Amanda Lapo"
    assert window.pending_suggestions() == window.suggestions.queue.total - 1


def test_a_hand_made_attribution_over_a_flagged_figure_clears_the_claim(sample_window):
    window = sample_window
    doc = window.session.document
    start = doc.article.text.index(FIGURE)
    from deskapp.core.spans import Span

    mark = Attribution(content=Span.of(doc.article.text, start, start + len(FIGURE)))
    window.session.apply(doc.add_mark(mark), "Mark attribution")
    assert window.unattributed_claims() == []
    assert any(h.role is Role.SUGGESTION for h in window.renderer.extra_highlights)


def test_text_delta_follows_a_correction():
    from deskapp.ui.review_memory import text_delta

    delta = text_delta("CNN said it. Then more.", "CNN said so. Then more.")
    assert (delta.start, delta.old_end, delta.new_end) == (9, 11, 11)
    assert delta.shift(((0, 3),)) == ((0, 3),)  # before the change
    assert delta.shift(((13, 17),)) == ((13, 17),)  # after it, same length
    assert delta.shift(((4, 12),)) is None  # touched: needs a fresh look
    grown = text_delta("abc def", "abc XX def")
    assert grown.shift(((4, 7),)) == ((7, 10),)
    assert text_delta("same", "same") is None


def test_a_large_article_runs_suggestions_only_when_asked(
    open_window, qtbot, monkeypatch, fixtures
):
    import deskapp.ui.suggestions as suggestions_module

    monkeypatch.setattr(suggestions_module, "AUTO_LIMIT", 1000)
    sample = fixtures / "venezuela-defections.txt"
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [str(sample)])
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_O, CTRL)
    assert window.suggestions.result.items == ()  # not run on opening
    assert window.renderer.extra_highlights == []
    assert "F5" in window.suggestions.flags_panel.summary.text()
    press(qtbot, window.view, Qt.Key.Key_F5)
    assert len(window.suggestions.result.items) > 0
    assert window.renderer.extra_highlights
    assert window.suggestions.flags_panel.summary.text() == "1 flag to check"


def test_decisions_are_saved_with_the_version(sample_window, qtbot, open_window):
    window = sample_window
    total = _review(qtbot, window)
    press(qtbot, window.view, Qt.Key.Key_A)
    press(qtbot, window.view, Qt.Key.Key_X)
    assert window.actions_by_id["undo"].text() == "&Undo Reject suggestion"
    press(qtbot, window.view, Qt.Key.Key_Escape)
    press(qtbot, window.view, Qt.Key.Key_S, CTRL)
    assert not window.session.dirty
    window.close()

    again = open_window()  # reopens the last article
    assert again.pending_suggestions() == total - 2
    press(qtbot, again.view, Qt.Key.Key_R, CTRL)
    assert f"2 of {total} reviewed" in _progress(again)


def test_deleting_an_accepted_mark_reopens_its_suggestion_in_review_mode(sample_window, qtbot):
    """Issue 13 #19: after every suggestion was decided, deleting an accepted mark makes
    its suggestion pending again; Ctrl+R goes to it, A accepts it, approval is unblocked."""
    window = sample_window
    total = _review(qtbot, window)
    for _ in range(total):
        press(qtbot, window.view, Qt.Key.Key_A)
    assert window.suggestions.queue.current is None and window.pending_suggestions() == 0
    press(qtbot, window.view, Qt.Key.Key_Escape)
    press(qtbot, window.view, Qt.Key.Key_Home, CTRL)
    press(qtbot, window.view, Qt.Key.Key_F8)  # the first mark
    press(qtbot, window.view, Qt.Key.Key_Delete)
    assert len(window.session.document.marks) == total - 1
    assert window.pending_suggestions() == 1

    press(qtbot, window.view, Qt.Key.Key_R, CTRL)
    bar = window.suggestions.review_bar
    assert "1 pending" in _progress(window)
    assert "Every suggestion has a decision" not in bar.title.text()
    assert window.suggestions.queue.current is not None
    press(qtbot, window.view, Qt.Key.Key_A)
    assert len(window.session.document.marks) == total
    assert window.pending_suggestions() == 0
    assert "pending" not in _progress(window)
    assert not any("not yet accepted" in b.message for b in window.review.blockers())
