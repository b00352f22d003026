"""Issue 17's measure: attributions that no suggestion proposes, marked from five caret
positions in their sentence with real key presses, the keys counted and every span checked
(suggestions left unreviewed). The keys are the scripted user's (``tests/scripted_marking``,
which ``bench/marking.py`` runs on every miss); here they go to the real window."""

from __future__ import annotations

import statistics
from functools import cache

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from deskapp.core.suggest.evaluate import same_text
from tests import scripted_marking as scripted
from tests.ui.keys import ALT, CTRL, SHIFT, activate, answer_next_dialog

COUNTS: dict[str, int] = {}
KEYS = {"Return": Qt.Key.Key_Return, "Escape": Qt.Key.Key_Escape, "Delete": Qt.Key.Key_Delete,
        "Right": Qt.Key.Key_Right, "Left": Qt.Key.Key_Left, "Down": Qt.Key.Key_Down,
        "Up": Qt.Key.Key_Up}
MODIFIERS = {"Ctrl": CTRL, "Shift": SHIFT, "Alt": ALT}


@cache
def issue_cases() -> list:
    """Issue 17's eight: the sample's borderline attribution no suggestion proposes, then
    the first seven misses of the gold articles in the harness's fixed order (by file
    name, then gold order): not picked among the easy ones."""
    found = scripted.misses()
    sample = [m for m in found if m.file == "venezuela-defections.txt"]
    return sample[:1] + [m for m in found if m.file.startswith("gold/")][:7]


def _press(qtbot, widget, name: str) -> int:
    """One key by its harness name ("Ctrl+Shift+A", "Alt+Down", "type:words"): the keys
    pressed."""
    if name.startswith("type:"):
        qtbot.keyClicks(widget, name[5:])
        return len(name) - 5
    *mods, key = name.split("+")
    modifiers = Qt.KeyboardModifier.NoModifier
    for mod in mods:
        modifiers |= MODIFIERS[mod]
    qtbot.keyClick(widget, KEYS.get(key) or getattr(Qt.Key, f"Key_{key}"), modifiers)
    return 1


def _focused(dialog):
    """Where a key goes: an open completion popup, else the dialog's focused field."""
    return QApplication.activePopupWidget() or dialog.focusWidget()


def replay(qtbot, window, caret: int, keys) -> int:
    """The plan's keys as real key events, from the caret at ``caret``: the keys pressed."""
    window.view.select(caret, caret)
    pressed, at, problems = [0], 0, []
    while at < len(keys):
        _where, name = keys[at]
        at += 1
        in_dialog = []
        while name == "Ctrl+Shift+A" and at < len(keys) and keys[at][0] == "dialog":
            in_dialog.append(keys[at][1])
            at += 1

        def answer(dialog, names=tuple(in_dialog)) -> None:
            # a window manager gives a new dialog the keyboard; offscreen, the test does
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
            for key in names:
                pressed[0] += _press(qtbot, _focused(dialog), key)
            if dialog.isVisible():  # the keys left it open: fail, do not hang
                problems.append(f"dialog still open after {names}")
                dialog.reject()

        if in_dialog:
            answer_next_dialog(qtbot, answer)
        keys_pressed = _press(qtbot, window.view, name)  # (the dialog's are counted meanwhile)
        pressed[0] += keys_pressed
        if in_dialog:
            qtbot.wait(20)  # offscreen, a closed dialog stays the active window until deleted
            activate(qtbot, window)
    assert not problems, problems
    return pressed[0]


@pytest.mark.parametrize("case", range(8))
def test_a_missed_attribution_marked_from_anywhere_in_its_sentence(
        window_on, fixtures, qtbot, case) -> None:
    """The scripted user's keys (``tests/scripted_marking.py``) replayed in the window:
    the same count, and the gold spans, from each of the five caret positions."""
    miss = issue_cases()[case]
    window = window_on(fixtures / miss.file)
    text = window.view.text()
    assert text == scripted.article(miss.file).text
    words = scripted.Words(text)
    for where, caret in scripted.carets(text, miss.gold).items():
        plan = scripted.plan(scripted.article(miss.file), words, miss.gold, caret)
        assert plan.reached, f"{miss.label} from {where}: {plan.why}"
        count = replay(qtbot, window, caret, plan.keys)
        marks = window.session.document.marks.attributions
        assert len(marks) == 1, (miss.label, where, plan.keys, window.statusBar().currentMessage())
        (mark,) = marks
        gold = miss.gold
        assert same_text(text, mark.content.ranges, gold.content), (where, mark.content.text)
        assert same_text(text, mark.cue.ranges, gold.cue), (where, mark.cue.text)
        if gold.source is None:
            assert mark.source is None, where
        else:
            assert same_text(text, ((mark.source.start, mark.source.end),), gold.source), (
                where, mark.source.text)
        assert count == plan.count, (where, plan.keys)
        COUNTS[f"{miss.label} @ {where}"] = count
        window.session.undo_stack.undo()  # the next caret position marks it again
        assert not window.session.document.marks.attributions
    assert window.suggestions.queue.decisions.count(None) > 0  # left unreviewed


def test_keystroke_counts_meet_the_goal() -> None:
    """Runs after the cases above (same module): median ≤ 12, none over 20."""
    if len(COUNTS) < 30:
        pytest.skip("run with the cases above")
    counts = list(COUNTS.values())
    print(f"\nkeys per attribution: median {statistics.median(counts)}, max {max(counts)}, "
          f"{len(counts)} marks: {COUNTS}")
    assert statistics.median(counts) <= 12 and max(counts) <= 20, COUNTS


def test_source_and_cue_step_through_the_text_highlighted(sample_window, qtbot) -> None:
    window, seen = sample_window, []
    text = window.view.text()

    def steps(dialog):
        who = dialog.findChild(QLineEdit, "whoEdit")
        cue = dialog.findChild(QLineEdit, "cueEdit")
        seen.append((who.text(), cue.text(), len(window.view.extraSelections())))
        qtbot.keyClick(who, Qt.Key.Key_Down, ALT)
        seen.append((who.text(), _shown(window)))
        qtbot.keyClick(who, Qt.Key.Key_Up, ALT)
        seen.append(who.text())
        cue.setFocus()
        qtbot.keyClick(cue, Qt.Key.Key_Down, ALT)
        seen.append(cue.text())
        qtbot.keyClick(cue, Qt.Key.Key_Up, ALT)
        qtbot.keyClick(cue, Qt.Key.Key_Return)

    window.view.select(text.index("Many saw"), text.index("Many saw"))
    answer_next_dialog(qtbot, steps)
    qtbot.keyClick(window.view, Qt.Key.Key_A, CTRL | SHIFT)
    activate(qtbot, window)
    assert seen[0] == ("Many", "saw", 3)  # source, cue and content highlighted
    assert seen[1][0] != "Many" and seen[1][0] in seen[1][1]
    assert seen[2] == "Many" and seen[3] == "saw"  # the sentence's only verb outside the content
    (mark,) = window.session.document.marks.attributions
    assert mark.source.text == "Many" and mark.cue.text == "saw"


def _shown(window) -> list[str]:
    return [extra.cursor.selectedText() for extra in window.view.extraSelections()]


def test_a_typed_source_completes_and_accepts_on_one_return(sample_window, qtbot) -> None:
    window = sample_window
    text = window.view.text()

    def steps(dialog):
        who = dialog.findChild(QLineEdit, "whoEdit")
        qtbot.keyClick(who, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(who, "Guaid")
        popup = who.completer().popup()
        assert popup.isVisible()
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)  # the only Return

    window.view.select(text.index("Many saw"), text.index("Many saw"))
    answer_next_dialog(qtbot, steps)
    qtbot.keyClick(window.view, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bool(window.session.document.marks.attributions), timeout=2000)
    activate(qtbot, window)
    (mark,) = window.session.document.marks.attributions
    # the first completion, a name not written near the content: kept as the entity
    assert (mark.source, mark.entity, mark.cue.text) == (None, "Juan Guaidó", "saw")


def test_clause_keys_select_grow_and_shrink_also_when_correcting(sample_window, qtbot) -> None:
    window = sample_window
    view = window.view
    text = view.text()
    for correcting in (False, True):
        if correcting:
            qtbot.keyClick(view, Qt.Key.Key_E, CTRL | SHIFT)
            assert not view.isReadOnly()
        caret = text.index("increasing")
        view.select(caret, caret)
        qtbot.keyClick(view, Qt.Key.Key_C, ALT)
        first = text[slice(*view.selection())]
        assert first == "that increasing defections are a threat to Maduro"
        qtbot.keyClick(view, Qt.Key.Key_Right, ALT | SHIFT)
        assert text[slice(*view.selection())].startswith("that it is not yet certain")
        qtbot.keyClick(view, Qt.Key.Key_Right, ALT | SHIFT)
        assert text[slice(*view.selection())].startswith("said that it")
        qtbot.keyClick(view, Qt.Key.Key_Left, ALT | SHIFT)
        qtbot.keyClick(view, Qt.Key.Key_Left, ALT | SHIFT)
        assert text[slice(*view.selection())] == first
        assert view.text() == text  # nothing typed


def test_a_selected_content_gets_the_cue_and_source_around_it(sample_window, qtbot) -> None:
    window = sample_window
    text = window.view.text()
    start = text.index("Guaidó’s attempt")
    window.view.select(start, text.index("soldiers.", start) + len("soldiers"))
    answer_next_dialog(qtbot, lambda dialog: qtbot.keyClick(
        dialog.findChild(QLineEdit, "whoEdit"), Qt.Key.Key_Return))
    qtbot.keyClick(window.view, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.wait(20)
    activate(qtbot, window)
    (mark,) = window.session.document.marks.attributions
    assert (mark.source.text, mark.cue.text) == ("Many", "saw")
    assert mark.content.text.startswith("Guaidó’s attempt")
