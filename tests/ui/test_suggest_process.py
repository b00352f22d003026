"""The engine's run sent from the child process in columns arrives exactly as made."""

from __future__ import annotations

from deskapp.core.annotations import AnnotationSet
from deskapp.core.article import Article
from deskapp.core.suggest import Suggestions, suggest
from deskapp.ui.suggest_process import decode, encode, run
from deskapp.ui.suggest_worker import derive, received


def test_a_run_survives_the_columns_exactly(fixtures):
    article = Article((fixtures / "venezuela-defections.txt").read_text(encoding="utf-8"))
    result = suggest(article)
    assert result.items and result.flags
    back = decode(encode(result))
    assert back == result
    assert [i.id for i in back.items] == [i.id for i in result.items]
    assert decode(encode(Suggestions())) == Suggestions()


def test_what_the_child_sends_gives_what_the_window_derived_itself(fixtures):
    article = Article((fixtures / "venezuela-defections.txt").read_text(encoding="utf-8"))
    marks = AnnotationSet()
    here = derive(article.text, suggest(article), 0.0, marks)
    sent = received(article.text, run(article), marks)
    assert sent.result == here.result
    assert sent.covers == here.covers
    assert sent.underlines == here.underlines
    assert [type(h) for line in sent.underlines for h in line] == [
        type(h) for line in here.underlines for h in line]


def test_a_newer_run_kills_the_one_it_supersedes(qtbot, fixtures):
    from deskapp.ui.suggest_worker import SuggestWorker

    text = (fixtures / "venezuela-defections.txt").read_text(encoding="utf-8")
    worker = SuggestWorker()
    got = []
    worker.done.connect(got.append)
    worker.start(Article(text * 40), AnnotationSet())  # long enough to be still running
    qtbot.waitUntil(lambda: bool(worker._children), timeout=5_000)
    first = worker._children[0]
    worker.start(Article(text), AnnotationSet())
    qtbot.waitUntil(lambda: bool(got), timeout=20_000)
    assert first.wait(timeout=5) != 0  # killed, not waited for
    qtbot.wait(100)
    assert [p.text for p in got] == [text]  # only the newer run's result arrives
    assert got[0].result is not None and got[0].result.items


def test_a_correction_kills_the_run_on_the_text_it_replaced(sample_window, qtbot,
                                                            monkeypatch):
    from PySide6.QtGui import QTextCursor

    import deskapp.ui.suggestions as suggestions_module

    monkeypatch.setattr(suggestions_module, "BACKGROUND_ABOVE", 100)
    window = sample_window
    actions = window.suggestions
    window.session.load(window.session.document)  # a run starts in a child process
    qtbot.waitUntil(lambda: bool(actions._worker._children), timeout=5_000)
    child = actions._worker._children[0]
    window.marking.toggle_edit_mode(True)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(3)
    cursor.insertText("x")  # the text it runs on is gone
    assert child.wait(timeout=5) != 0  # killed at once, not left to finish
    assert not actions.settled  # a run on the new text follows the last keystroke
    qtbot.waitUntil(lambda: actions.settled and len(actions.result) > 0, timeout=10_000)
    assert actions._text == window.session.document.article.text
