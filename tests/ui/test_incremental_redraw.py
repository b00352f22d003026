"""What corrections, undo and marking redraw piece by piece equals a redraw from scratch.

Chunks and highlight runs are made a few items long, so that every correction moves
some of them lazily, rebuilds others and crosses their seams.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

import deskapp.ui.highlight_pass as highlight_pass
import deskapp.ui.suggestions as suggestions_module
from deskapp.core import mark_chunks
from deskapp.core.annotations import AnnotationSet, Attribution, Quote, SourceKind
from deskapp.core.spans import Span
from deskapp.ui.highlight_index import HighlightIndex
from deskapp.ui.highlights import Role, document_highlights
from deskapp.ui.panels.marks_panel import describe
from tests.ui.test_long_article_paths import _formats


@pytest.fixture
def marked(monkeypatch, sample_window):
    monkeypatch.setattr(mark_chunks, "CHUNK", 3)
    monkeypatch.setattr(HighlightIndex, "RUN", 4)
    monkeypatch.setattr(suggestions_module, "AUTO_LIMIT", 0)  # no underlines to compare
    window = sample_window
    window.suggestions._go_stale()
    doc = window.session.document
    text = doc.article.text
    marks = []
    for n, at in enumerate(range(200, len(text) - 60, 45)):
        if n % 2:
            marks.append(Quote(Span.of(text, at, at + 30), speaker="x",
                               cue=Span.of(text, at + 32, at + 36)))
        else:
            marks.append(Attribution(Span.pieces(text, [(at, at + 12), (at + 20, at + 30)]),
                                     source=Span.of(text, at + 40, at + 44),
                                     source_kind=SourceKind.PERSON))
    window.session.apply(doc.with_marks(AnnotationSet.of(marks)), "Marks")
    window.marking.toggle_edit_mode(True)
    return window


def check(window) -> None:
    QApplication.processEvents()
    doc, view = window.session.document, window.view
    assert view.text() == doc.article.text
    assert Counter(view.highlighter.index) == Counter(document_highlights(doc))
    view.highlight_pass.finish()
    drawn = _formats(view)
    window.renderer.redraw()
    view.highlight_pass.finish()
    assert drawn == _formats(view)
    model = window.marks_panel.model
    assert model.rowCount() == len(doc.marks)
    rows = [model.data(model.index(i)) for i in range(model.rowCount())]
    assert rows == [describe(m) for m in doc.marks]


def type_at(window, at: int, text: str, remove: int = 0) -> None:
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(at)
    cursor.setPosition(at + remove, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)


def test_corrections_undo_and_redo_redraw_as_from_scratch(marked):
    window = marked
    check(window)
    size = len(window.view.text())
    steps = [(5, "x", 0), (205, "y", 0), (230, "", 20), (size // 2, "zz", 3),
             (size // 2 + 100, "\n", 0), (300, "", 120), (size - 80, "end", 0)]
    for at, text, remove in steps:
        type_at(window, at, text, remove)
        check(window)
    orphaned = window.session.document.marks.count("orphaned")
    assert orphaned > 0  # some corrections fell inside marks
    stack = window.session.undo_stack
    while stack.canUndo():
        stack.undo()
        check(window)
    while stack.canRedo():
        stack.redo()
        check(window)


def test_marks_added_and_removed_redraw_as_from_scratch(marked):
    window = marked
    session = window.session
    doc = session.document
    text = doc.article.text
    for at in (150, 600, len(text) // 2, len(text) - 100):
        doc = session.document
        session.apply(doc.add_mark(Quote(Span.of(text, at, at + 7), speaker="y")), "Mark")
        check(window)
    for mark in list(session.document.marks)[::7]:
        doc = session.document
        session.apply(doc.with_marks(doc.marks.remove(mark.id)), "Delete")
        check(window)


def test_underlines_after_a_rerun_are_where_the_new_run_puts_them(sample_window, qtbot):
    window = sample_window
    qtbot.waitUntil(lambda: bool(window.renderer.extra_highlights), timeout=5_000)
    window.marking.toggle_edit_mode(True)
    type_at(window, 30, "Breaking: ")  # near the top: every underline moves with the text
    type_at(window, 900, "", 300)  # a deletion that takes suggestions away
    window.suggestions.run_now()
    drawn = Counter(window.view.highlighter.index.of_role(Role.SUGGESTION))
    assert drawn == Counter(window.renderer.extra_highlights)
    assert drawn == Counter(h for line in window.suggestions._underlines for h in line
                            if h) - Counter(
        h for line, decision in zip(window.suggestions._underlines,
                                    window.suggestions.queue.decisions, strict=True)
        if decision is not None for h in line)
    check_text_and_marks(window)


def check_text_and_marks(window) -> None:
    QApplication.processEvents()
    doc, view = window.session.document, window.view
    assert view.text() == doc.article.text
    marks_drawn = Counter(h for h in view.highlighter.index if h[2] != Role.SUGGESTION)
    assert marks_drawn == Counter(document_highlights(doc))


def test_lines_added_while_highlights_are_drawn_in_chunks_still_end_drawn_right(
        marked, monkeypatch):
    window = marked
    view = window.view
    monkeypatch.setattr(highlight_pass, "LAZY_ABOVE_BLOCKS", 1)
    monkeypatch.setattr(highlight_pass, "CHUNK_SECONDS", 0.0)  # one block per chunk
    window.resize(700, 260)  # a few blocks on screen: most are left to the chunks
    QApplication.processEvents()
    window.renderer.redraw()
    assert view.highlight_pass.pending
    text = view.text()
    first = text.index("\n")
    third = text.index("\n", text.index("\n", first + 1) + 1)
    type_at(window, first, "", third - first)  # two lines fewer: blocks renumbered
    type_at(window, 10, "\n")  # and one more
    check(window)  # finish() then the formats compared with a redraw from scratch
