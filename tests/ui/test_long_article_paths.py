"""The paths a long article takes (worker-thread suggestions, highlights drawn screen
first), exercised on the sample by lowering their thresholds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

import deskapp.ui.highlight_pass as highlight_pass
import deskapp.ui.suggestions as suggestions_module
from deskapp.core.suggest import suggest
from deskapp.ui import dialogs
from tests.ui.keys import CTRL, press


def _open_sample(open_window, qtbot, monkeypatch, fixtures):
    sample = fixtures / "venezuela-defections.txt"
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [str(sample)])
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_O, CTRL)
    return window


def _formats(view) -> list[list[tuple[int, int, int]]]:
    """Per block: (start, length, underline style) of every format range drawn."""
    out = []
    block = view.document().firstBlock()
    while block.isValid():
        out.append([(f.start, f.length, int(f.format.underlineStyle().value))
                    for f in block.layout().formats()])
        block = block.next()
    return out


def test_suggestions_from_the_worker_match_a_run_on_the_gui_thread(
    open_window, qtbot, monkeypatch, fixtures
):
    monkeypatch.setattr(suggestions_module, "BACKGROUND_ABOVE", 100)
    window = _open_sample(open_window, qtbot, monkeypatch, fixtures)
    actions = window.suggestions
    qtbot.waitUntil(lambda: len(actions.result.items) > 0, timeout=10_000)
    expected = suggest(window.session.document.article)
    assert [i.id for i in actions.result.items] == [i.id for i in expected.items]
    assert window.renderer.extra_highlights  # pending suggestions are drawn
    assert actions.pending() == len(expected.items) - actions.queue.reviewed


def test_asking_for_suggestions_while_the_worker_runs_gets_them_at_once(
    open_window, qtbot, monkeypatch, fixtures
):
    monkeypatch.setattr(suggestions_module, "BACKGROUND_ABOVE", 100)
    window = _open_sample(open_window, qtbot, monkeypatch, fixtures)
    count = window.suggestions.pending()  # flush: does not wait for the worker
    assert count == len(suggest(window.session.document.article).items)
    qtbot.wait(200)  # the worker's late result changes nothing
    assert window.suggestions.pending() == count


def test_highlights_drawn_in_chunks_end_up_as_drawn_at_once(
    open_window, qtbot, monkeypatch, fixtures
):
    window = _open_sample(open_window, qtbot, monkeypatch, fixtures)
    at_once = _formats(window.view)
    assert any(any(style == QTextCharFormat.UnderlineStyle.DashUnderline.value
                   for *_, style in block) for block in at_once)
    monkeypatch.setattr(highlight_pass, "LAZY_ABOVE_BLOCKS", 1)
    monkeypatch.setattr(highlight_pass, "CHUNK_SECONDS", 0.0)  # one block per chunk
    window.renderer.redraw()
    assert window.view.highlight_pass.pending
    qtbot.waitUntil(lambda: not window.view.highlight_pass.pending, timeout=10_000)
    assert _formats(window.view) == at_once
