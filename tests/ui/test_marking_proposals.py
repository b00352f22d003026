"""Issue 17's measure: attributions that no suggestion proposes, marked from the caret with
real key presses, the keys counted and every span checked (suggestions left unreviewed)."""

from __future__ import annotations

import json
import statistics

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from deskapp.core.selection import sentence_at
from deskapp.core.suggest.evaluate import load_gold
from tests.ui.keys import ALT, CTRL, SHIFT, activate, answer_next_dialog

# (article, gold cue, words the caret is put in: anywhere in the attribution's clause);
# the sample's borderline one, then seven (and one more) of the gold articles
SAMPLE = ("Many saw Guaidó’s attempt to transport aid over the Colombian-Venezuelan border at "
          "the weekend as a play to test the loyalty of Maduro’s soldiers.")
MISSED = [
    ("venezuela-defections.txt", "saw", SAMPLE.split()),  # every word of the sentence
    ("gold/h4-markets-earnings.txt", "had expected", ["Analysts", "LSEG", "expected", "0.9"]),
    ("gold/h5-b-economy-rate-hold.txt", "had forecast", ["other three", "forecast", "reduction"]),
    ("gold/h4-monitoring-torkham.txt", "accuses", ["Pakistan", "accuses", "sheltering",
                                                   "territory"]),
    ("gold/h5-a-conflict-kestra-strikes.txt", "showed", ["Video geolocated", "fire", "midnight"]),
    ("gold/h4-health-polypill.txt", "cautioned", ["cautioned", "reading", "Europe"]),
    ("gold/election-dispute.txt", "rejected", ["opposition party", "rejected", "presidential"]),
    ("gold/h6-b-wire-malawi-voter-roll.txt", "threatened", ["threatened", "boycott", "roll"]),
    ("gold/court-ruling.txt", "ruling", ["ruling", "ministers", "safe"]),
]
COUNTS: dict[str, int] = {}


class Keys:
    """Key presses that are counted."""

    def __init__(self, qtbot) -> None:
        self.qtbot, self.count = qtbot, 0

    def press(self, widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(widget, key, modifiers)


def _gold(fixtures, article: str, cue: str, text: str):
    name = "seed-gold.json" if "/" not in article else article.replace(".txt", ".json")
    data = json.loads((fixtures / name).read_text(encoding="utf-8"))
    gold = load_gold(text, data, ("core", "borderline"))
    items = [item for item in data["attributions"] if item.get("tier") in ("core", "borderline")]
    at = next(i for i, item in enumerate(items) if item.get("cue") == cue)
    return gold.attributions[at]


def _mark_from_caret(qtbot, window, caret: int) -> int:
    """Ctrl+Shift+A with the caret at ``caret``, Return in the dialog: the keys pressed."""
    keys = Keys(qtbot)
    window.view.select(caret, caret)
    answer_next_dialog(qtbot, lambda dialog: keys.press(dialog.findChild(QLineEdit, "whoEdit"),
                                                        Qt.Key.Key_Return))
    keys.press(window.view, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.wait(20)  # offscreen, a closed dialog stays the active window until deleted
    activate(qtbot, window)
    return keys.count


@pytest.mark.parametrize(("article", "cue", "carets"), MISSED, ids=[m[1] for m in MISSED])
def test_a_missed_attribution_in_two_keys_from_anywhere_in_its_clause(
        window_on, fixtures, qtbot, article, cue, carets) -> None:
    window = window_on(fixtures / article)
    text = window.view.text()
    gold = _gold(fixtures, article, cue, text)
    # Chosen among the engine's misses when written; an engine that later finds one keeps
    # being measured here (the caret then starts from its suggestion) rather than failing
    # CI for an improvement: swap in a fresh miss when the list is next revised.
    start = gold.source[0][0]
    edges = [f"edge {at}" for at in sentence_at(text, start)] if "/" not in article else []
    for word in [*carets, *edges]:
        caret = (int(word.split()[1]) if word.startswith("edge ")
                 else text.index(word, start) + len(word) // 2)
        start = caret - len(word) // 2 if not word.startswith("edge ") else start
        count = _mark_from_caret(qtbot, window, caret)
        assert window.session.document.marks.attributions, window.statusBar().currentMessage()
        (mark,) = window.session.document.marks.attributions
        assert mark.content.ranges == gold.content, word
        assert mark.cue.ranges == gold.cue, word
        assert (mark.source.start, mark.source.end) == gold.source[0], word
        COUNTS[f"{cue} @ {word}"] = count
        window.session.undo_stack.undo()  # the next caret position marks it again
    assert window.suggestions.queue.decisions.count(None) > 0  # left unreviewed


def test_keystroke_counts_meet_the_goal() -> None:
    """Runs after the cases above (same module): median ≤ 12, none over 20."""
    if not COUNTS:
        pytest.skip("run with the cases above")
    counts = list(COUNTS.values())
    print(f"\nkeys per attribution: median {statistics.median(counts)}, max {max(counts)}, "
          f"{len(counts)} marks: {COUNTS}")
    assert statistics.median(counts) <= 12 and max(counts) <= 20


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
