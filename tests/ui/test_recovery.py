"""Never lose work: autosaved drafts survive a kill -9, conflicts between two windows,
the read-only banner, and stores that cannot be opened."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from deskapp.core.annotations import Quote
from deskapp.core.spans import Span
from deskapp.store import SCHEMA_VERSION, Store
from deskapp.ui import dialogs
from deskapp.ui.app import open_store_interactively
from deskapp.ui.main_window import MainWindow
from tests.ui.keys import ALT, CTRL, SHIFT, activate, answer_next_dialog, find, press

QUOTE = "The defections don’t appear to be on a senior enough level to undermine Maduro,"

CRASHING_EDITOR = textwrap.dedent("""
    import os, signal, sys
    from PySide6.QtCore import QSettings, QTimer
    from deskapp.core.annotations import Quote
    from deskapp.core.spans import Span
    from deskapp.store import Store
    from deskapp.ui.app import application
    from deskapp.ui.main_window import MainWindow

    QUOTE = {quote!r}
    app = application()
    window = MainWindow(Store.open(sys.argv[1]),
                        QSettings(sys.argv[2], QSettings.Format.IniFormat))
    window.files.open_initial()
    window.show()
    assert window.files.save_version()  # version 1: the bundled sample
    doc = window.session.document
    start = doc.article.text.index(QUOTE)
    quote = Quote(Span.of(doc.article.text, start, start + len(QUOTE)), speaker="Amanda Lapo")
    window.session.apply(doc.add_mark(quote), "Mark quote")  # unsaved
    print("marked", flush=True)
    QTimer.singleShot({wait_ms}, lambda: os.kill(os.getpid(), signal.SIGKILL))
    app.exec()
""")


def _add_quote(window, speaker: str = "Amanda Lapo") -> None:
    doc = window.session.document
    start = doc.article.text.index(QUOTE)
    quote = Quote(Span.of(doc.article.text, start, start + len(QUOTE)), speaker=speaker)
    window.session.apply(doc.add_mark(quote), "Mark quote")


def _drafts(path):
    with Store.open(path) as store:
        return store.drafts()


def _answer_recover(monkeypatch, answer: str) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_recover", lambda _p, text: asked.append(text) or answer)
    return asked


def test_kill_minus_9_after_an_autosave_loses_nothing(open_window, qtbot, tmp_path, monkeypatch):
    path, ini = tmp_path / "store.sqlite3", tmp_path / "settings.ini"
    script = CRASHING_EDITOR.format(quote=QUOTE, wait_ms=4500)  # autosave runs every 3 s
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script, str(path), str(ini)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == -9, done.stderr
    assert "marked" in done.stdout

    asked = _answer_recover(monkeypatch, "recover")
    window = open_window(path)
    assert len(asked) == 1 and "on top of version 1" in asked[0] and "1 marks" in asked[0]
    session = window.session
    assert session.dirty and session.version == 1
    (quote,) = session.document.marks.quotes
    assert quote.span.text == QUOTE and quote.speaker == "Amanda Lapo"
    assert window.store.load(session.article_id).marks.quotes == ()  # still unsaved

    press(qtbot, window.view, Qt.Key.Key_S, CTRL)
    assert window.store.load(session.article_id).marks.quotes[0].speaker == "Amanda Lapo"
    assert window.store.drafts() == []


def test_new_article_draft_recovered_then_saved(open_window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "store.sqlite3"
    first = open_window(path)
    _add_quote(first)
    qtbot.waitUntil(lambda: len(_drafts(path)) > 0, timeout=8000)
    (draft,) = _drafts(path)
    assert draft.key.startswith("new:") and draft.payload["base"] is None

    asked = _answer_recover(monkeypatch, "recover")
    second = open_window(path)
    assert asked and "a new article, never saved" in asked[0]
    assert second.session.dirty and second.session.article_id is None
    assert len(second.session.document.marks.quotes) == 1
    press(qtbot, second.view, Qt.Key.Key_S, CTRL)
    assert second.session.article_id is not None and _drafts(path) == []


def test_undoing_to_the_saved_state_or_declining_drops_the_draft(
        open_window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "store.sqlite3"
    window = open_window(path)
    press(qtbot, window.view, Qt.Key.Key_S, CTRL)
    _add_quote(window)
    qtbot.waitUntil(lambda: len(_drafts(path)) > 0, timeout=8000)
    press(qtbot, window.view, Qt.Key.Key_Z, CTRL)  # back to the saved version
    qtbot.waitUntil(lambda: _drafts(path) == [], timeout=8000)

    _add_quote(window)
    qtbot.waitUntil(lambda: len(_drafts(path)) > 0, timeout=8000)
    asked = _answer_recover(monkeypatch, "later")
    open_window(path)
    assert asked and len(_drafts(path)) == 1  # kept for later
    asked = _answer_recover(monkeypatch, "discard")
    other = open_window(path)
    assert asked and _drafts(path) == [] and not other.session.dirty


def test_conflict_between_two_windows(open_window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "store.sqlite3"
    mine, theirs = open_window(path), None
    press(qtbot, mine.view, Qt.Key.Key_S, CTRL)  # version 1
    theirs = open_window(path)  # a second window (own Store) on the same article
    assert theirs.store is not mine.store and theirs.session.version == 1
    _add_quote(theirs, "Amanda Lapo")
    press(qtbot, theirs.view, Qt.Key.Key_S, CTRL)  # version 2 by the other window

    answers = iter(["cancel", "theirs", "mine"])
    monkeypatch.setattr(dialogs, "ask_conflict", lambda *a: next(answers))
    activate(qtbot, mine)
    _add_quote(mine, "Someone Else")
    press(qtbot, mine.view, Qt.Key.Key_S, CTRL)  # cancel: nothing saved, still mine
    assert mine.session.dirty and mine.store.latest_version(mine.session.article_id) == 2

    press(qtbot, mine.view, Qt.Key.Key_S, CTRL)  # reload theirs, mine kept as a draft
    assert not mine.session.dirty and mine.session.version == 2
    assert mine.session.document.marks.quotes[0].speaker == "Amanda Lapo"
    (kept,) = mine.store.drafts()
    assert kept.payload["base"] == 1

    _answer_recover(monkeypatch, "recover")
    mine.versions.recovery.offer_from_menu()  # File ▸ Recover drafts
    assert mine.session.dirty and mine.session.version == 1
    press(qtbot, mine.view, Qt.Key.Key_S, CTRL)  # save mine on top
    article_id = mine.session.article_id
    history = mine.store.history(article_id)
    assert [v.version for v in history] == [1, 2, 3] and history[2].parent == history[1].hash
    assert "on top of version 2" in history[2].note
    assert mine.store.load(article_id).marks.quotes[0].speaker == "Someone Else"
    assert mine.store.drafts() == []


def test_read_only_store_shows_a_banner_and_refuses_saving(
        open_window, qtbot, tmp_path, settings, shown_messages, fixtures):
    path = tmp_path / "store.sqlite3"
    writable = open_window(path)
    press(qtbot, writable.view, Qt.Key.Key_S, CTRL)
    assert not writable.versions.banner.isVisible()
    writable.close()

    store = Store.open(path, read_only=True)
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.files.open_initial()
    window.show()
    activate(qtbot, window)
    assert window.versions.banner.isVisible() and "Read-only" in window.versions.banner.text()
    _add_quote(window)
    window.versions.recovery.autosave()
    press(qtbot, window.view, Qt.Key.Key_S, CTRL)
    assert shown_messages[-1][0] == "Read-only store"
    assert _drafts(path) == [] and window.session.dirty
    window.session.undo_stack.setClean()
    window.close()
    store.close()


def test_stores_that_cannot_be_opened_say_why_and_offer_another(tmp_path, monkeypatch,
                                                                shown_messages):
    good = tmp_path / "good.sqlite3"
    Store.open(good).close()
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database at all" * 100)
    newer = tmp_path / "newer.sqlite3"
    Store.open(newer).close()
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    truncated = tmp_path / "truncated.sqlite3"
    with Store.open(truncated) as store:
        for _ in range(30):
            store.set_setting("x" * 10, "y" * 4000)
    truncated.write_bytes(truncated.read_bytes()[:5000])

    offered = []
    monkeypatch.setattr(dialogs, "open_store",
                        lambda _p, folder: offered.append(folder) or str(good))
    for bad, words in ((garbage, "not a deskapp store"), (newer, "newer deskapp"),
                       (truncated, "damaged")):
        store = open_store_interactively(bad)
        assert store is not None and store.path == good
        store.close()
        title, message = shown_messages[-1]
        assert title == "Cannot open the store" and words in message and str(bad) in message
    assert len(offered) == 3

    monkeypatch.setattr(dialogs, "open_store", lambda *a: "")
    assert open_store_interactively(garbage) is None


def _type_speaker(qtbot, name: str):
    def steps(dialog):
        who = dialog.findChild(QLineEdit, "whoEdit")
        qtbot.keyClick(who, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(who, name)
        qtbot.keyClick(who, Qt.Key.Key_Tab)  # leave the completer alone
        qtbot.keyClick(dialog.findChild(QLineEdit, "noteEdit"), Qt.Key.Key_Return)

    return steps


def _override(qtbot, note: str):
    def steps(dialog):
        qtbot.keyClicks(dialog.note, note)
        dialog.ok.setFocus()
        qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)

    return steps


def test_no_recovery_prompt_after_approving_and_saving_a_new_article(
        open_window, qtbot, tmp_path, monkeypatch):
    """Issue 13 #17: mark on a fresh start, approve with an override, Ctrl+S, Ctrl+Q: the
    next start offers no draft and the store holds one article, not two."""
    path = tmp_path / "store.sqlite3"
    window = open_window(path)
    assert window.session.article_id is None  # the bundled sample, never saved
    find(qtbot, window, "defections don")
    press(qtbot, window.view, Qt.Key.Key_Q, ALT)
    answer_next_dialog(qtbot, _type_speaker(qtbot, "Amanda Lapo"))
    press(qtbot, window.view, Qt.Key.Key_Q, CTRL | SHIFT)
    activate(qtbot, window)
    assert len(window.session.document.marks.quotes) == 1
    window.versions.recovery.autosave()  # what the 3 s timer does
    assert [d.key[:4] for d in _drafts(path)] == ["new:"]

    answer_next_dialog(qtbot, _override(qtbot, "Figures checked with the desk"))
    press(qtbot, window.view, Qt.Key.Key_Return, CTRL)
    qtbot.wait(20)  # let the closed dialog go (offscreen it stays active until deleted)
    activate(qtbot, window)
    assert str(window.session.document.state) == "approved"
    assert _drafts(path) == []  # the approval saved what the draft held
    press(qtbot, window.view, Qt.Key.Key_S, CTRL)
    assert window.statusBar().currentMessage() == "Saved version 2"
    press(qtbot, window.view, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()

    asked = _answer_recover(monkeypatch, "recover")
    again = open_window(path)
    assert asked == [] and _drafts(path) == []
    assert len(again.store.list_articles()) == 1
    assert str(again.session.document.state) == "approved"
