"""The desk in the window, by keyboard: named reviewers, hand-off notes, assignment, the
library's columns and filter, and the work queue (Review ▸ Next article)."""

from __future__ import annotations

import getpass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from deskapp.core.article import Article, Metadata
from deskapp.core.checks import article_flags, pending_suggestions
from deskapp.core.document import Document
from deskapp.core.settings_spec import REVIEWER
from deskapp.core.suggest import suggest
from deskapp.core.workflow import State
from deskapp.store import Store
from deskapp.ui import dialogs
from deskapp.ui.controllers import review as review_controller
from deskapp.ui.library_model import COLUMNS
from tests.ui.keys import CTRL, SHIFT, activate, answer_next_dialog, open_by_keys, press

NOTE = "Name the source of the 567 figure"


def _type_and_enter(qtbot, text: str, seen: list | None = None):
    """Steps for the next dialog: note what its line edit held, type ``text``, Enter."""
    def steps(dialog) -> None:
        edit = dialog.findChild(QLineEdit)
        if seen is not None:
            seen.append(edit.text())
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    return steps


@pytest.fixture
def no_reviewer(settings):
    settings.remove(REVIEWER.key)
    return settings


def _open_sample(open_window, fixtures, qtbot, monkeypatch):
    window = open_window()
    open_by_keys(qtbot, window, fixtures / "venezuela-defections.txt", monkeypatch)
    return window


def test_a_name_is_asked_once_in_an_empty_dialog(
    no_reviewer, open_window, fixtures, qtbot, monkeypatch
):
    monkeypatch.setattr(review_controller, "ask_override", lambda *a: "checked by hand")
    seen: list[str] = []
    answer_next_dialog(qtbot, _type_and_enter(qtbot, "", seen))  # Enter on an empty name
    window = _open_sample(open_window, fixtures, qtbot, monkeypatch)
    assert seen == [""]  # nothing filled in: no OS user to accept by accident
    assert window.session.article_id is None  # nothing imported without a name
    assert "needs the reviewer's name" in window.notice_label.text()

    activate(qtbot, window)
    answer_next_dialog(qtbot, _type_and_enter(qtbot, "Rosa Reviewer", seen))
    press(qtbot, window.view, Qt.Key.Key_O, CTRL)
    assert window.session.article_id is not None
    assert no_reviewer.value(REVIEWER.key) == "Rosa Reviewer"

    activate(qtbot, window)
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: pytest.fail("asked twice"))
    press(qtbot, window.view, Qt.Key.Key_Return, CTRL)  # approve: not asked again
    assert window.session.document.state == State.APPROVED
    assert window.statusBar().currentMessage().startswith("Approved by Rosa Reviewer")
    reviewers = {v.reviewer for v in window.store.history(window.session.article_id)}
    reviewers |= {t.reviewer for t in window.store.transitions(window.session.article_id)}
    assert reviewers == {"Rosa Reviewer"}
    assert getpass.getuser() not in reviewers


def test_needs_changes_note_shows_above_the_text_in_details_and_exports(
    sample_window, qtbot, monkeypatch, tmp_path
):
    window = sample_window
    banner = window.desk.banner
    assert not banner.isVisible()  # an import leaves no note
    notes = iter(["ready for a look", NOTE])
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: next(notes))
    press(qtbot, window.view, Qt.Key.Key_R, CTRL | SHIFT)  # send to review
    press(qtbot, window.view, Qt.Key.Key_B, CTRL | SHIFT)  # needs changes
    assert window.session.document.state == State.NEEDS_CHANGES
    assert banner.isVisible()
    shown = banner.notes.text()
    assert NOTE in shown and "Needs changes — Test Editor" in shown
    assert shown.index(NOTE) < shown.index("ready for a look")  # newest first
    press(qtbot, window.view, Qt.Key.Key_4, CTRL)  # the article details
    details = window.parts.panel.desk.text()
    assert NOTE in details and "Assigned to:</b> nobody" in details

    # the note is the store's: another window on the article shows it too
    again = window.store.load(window.session.article_id)
    window.show_loaded(again)
    assert NOTE in banner.notes.text()

    out = tmp_path / "notes.md"
    monkeypatch.setattr(dialogs, "save_file", lambda *a: (str(out), ""))
    press(qtbot, window.view, Qt.Key.Key_E, CTRL)
    exported = out.read_text(encoding="utf-8")
    assert "Review notes" in exported and NOTE in exported


def _store_with(path, articles):
    """Articles (title, state, assignee, file name) saved in this order (oldest first)."""
    ids = []
    with Store.open(path) as store:
        for title, state, assignee, file_name in articles:
            text = f"{title}\n\nThe council met on Tuesday and nothing was decided.\n"
            doc = Document(Article(text, meta=Metadata(title=title, file_name=file_name)))
            saved = store.save(doc, reviewer="loader")
            moves = {State.NEW: [], State.IN_REVIEW: [State.IN_REVIEW],
                     State.NEEDS_CHANGES: [State.IN_REVIEW, State.NEEDS_CHANGES],
                     State.APPROVED: [State.APPROVED]}[state]
            for target in moves:
                store.transition(saved.id, target, reviewer="loader", note="")
            if assignee:
                store.assign(saved.id, assignee)
            ids.append(saved.id)
    return ids


def test_next_article_walks_the_queue_and_is_offered_after_approval(
    open_window, qtbot, tmp_path, monkeypatch
):
    path = tmp_path / "store.sqlite3"
    ids = _store_with(path, [
        ("Old new story", State.NEW, "", "a.txt"),
        ("Story in review", State.IN_REVIEW, "", "b.txt"),
        ("Someone else's", State.IN_REVIEW, "Bea", "c.txt"),
        ("Sent back", State.NEEDS_CHANGES, "", "d.txt"),
        ("Done already", State.APPROVED, "", "e.txt"),
        ("Mine to review", State.IN_REVIEW, "Test Editor", "f.txt"),
    ])
    old_new, review, _theirs, back, done, mine = ids
    window = open_window(path)
    window.show_loaded(window.store.load(done))
    seen = []
    for _ in range(5):
        press(qtbot, window.view, Qt.Key.Key_N, CTRL | SHIFT)
        seen.append(window.session.article_id)
    # needs changes, then in review (mine first), then new; then round again
    assert seen == [back, mine, review, old_new, back]
    assert "Opened from the queue" in window.statusBar().currentMessage()

    # an article another editor has open is skipped
    with Store.open(path) as elsewhere:
        elsewhere.hold(mine, "Bea")
        window.desk.passed.clear()
        press(qtbot, window.view, Qt.Key.Key_N, CTRL | SHIFT)
        assert window.session.article_id == review

    # approving offers the next one in the banner; Ctrl+Shift+N takes it
    monkeypatch.setattr(review_controller, "ask_override", lambda *a: "checked by hand")
    press(qtbot, window.view, Qt.Key.Key_Return, CTRL)
    assert window.session.document.state == State.APPROVED
    banner = window.desk.banner
    assert banner.isVisible() and "Next in the queue" in banner.offer.text()
    offered = banner.offered.id
    assert offered != review
    press(qtbot, window.view, Qt.Key.Key_N, CTRL | SHIFT)
    assert window.session.article_id == offered
    assert not banner.next_button.isVisible()  # the offer went with the approval


def test_the_queue_says_when_it_is_empty(open_window, qtbot, tmp_path):
    path = tmp_path / "store.sqlite3"
    [done] = _store_with(path, [("Done already", State.APPROVED, "", "e.txt")])
    window = open_window(path)
    press(qtbot, window.view, Qt.Key.Key_N, CTRL | SHIFT)
    assert window.session.article_id == done
    assert "The queue is empty" in window.notice_label.text()


def test_assign_by_shortcut_and_filter_the_library(open_window, qtbot, tmp_path):
    path = tmp_path / "store.sqlite3"
    first, second = _store_with(path, [("Copy of a title", State.NEW, "", "wire-1.txt"),
                                       ("Copy of a title", State.NEW, "", "wire-2.txt")])
    window = open_window(path)
    window.show_loaded(window.store.load(first))
    answer_next_dialog(qtbot, _type_and_enter(qtbot, "Bea Senior"))
    press(qtbot, window.view, Qt.Key.Key_G, CTRL | SHIFT)
    assert window.store.summary(first).assignee == "Bea Senior"
    assert "assigned to Bea Senior" in window.state_label.text()
    assert "Assigned to:</b> Bea Senior" in window.parts.panel.desk.text()

    activate(qtbot, window)
    press(qtbot, window.view, Qt.Key.Key_L, CTRL)
    library = window.versions.library
    qtbot.waitUntil(library.search.hasFocus)
    headers = [c[0] for c in COLUMNS]
    model = library.model
    cells = {(model.data(model.index(r, headers.index("ID"))),
              model.data(model.index(r, headers.index("File"))),
              model.data(model.index(r, headers.index("Assignee"))))
             for r in range(model.rowCount())}
    # two copies of one title told apart by id and file name
    assert cells == {(first, "wire-1.txt", "Bea Senior"), (second, "wire-2.txt", "—")}

    press(qtbot, library.search, Qt.Key.Key_Tab)  # to the state box,
    combo = QApplication.focusWidget()
    while combo is not library.assignee:  # then on to the assignee box
        press(qtbot, combo, Qt.Key.Key_Tab)
        combo = QApplication.focusWidget()
        assert isinstance(combo, QComboBox | QLineEdit)
    while library.assignee.currentData() != "Bea Senior":
        press(qtbot, library.assignee, Qt.Key.Key_Down)
    assert [model.article_at(r).id for r in range(model.rowCount())] == [first]
    while library.assignee.currentData() != "":  # Nobody (unassigned)
        press(qtbot, library.assignee, Qt.Key.Key_Up)
    assert [model.article_at(r).id for r in range(model.rowCount())] == [second]


def test_library_counts_what_the_article_shows_and_enter_opens_the_first_row(
    sample_window, qtbot
):
    window = sample_window
    window.suggestions.flush()
    summary = window.suggestions.flags_panel.summary.text()  # e.g. "3 flags to check"
    shown_flags = int(summary.split()[0])
    doc = window.session.document
    found = suggest(doc.article)
    assert shown_flags == len(article_flags(found)) > 0
    article_id = window.session.article_id
    window.show_loaded(window.store.load(article_id))

    press(qtbot, window.view, Qt.Key.Key_L, CTRL)
    library = window.versions.library
    qtbot.waitUntil(library.search.hasFocus)
    headers = [c[0] for c in COLUMNS]
    model = library.model
    qtbot.waitUntil(lambda: model.uncounted == 0)  # counted a few at a time, between events
    row = next(r for r in range(model.rowCount()) if model.article_at(r).id == article_id)
    assert model.data(model.index(row, headers.index("Flags"))) == shown_flags
    assert model.data(model.index(row, headers.index("Pending"))) == pending_suggestions(
        doc, found)

    window.show_loaded(Document(Article("Something else\n\nNot stored.")))
    qtbot.keyClicks(library.search, "defected")
    press(qtbot, library.search, Qt.Key.Key_Return)  # opens the first row at once
    assert window.session.article_id == article_id
    assert not library.isVisible()


def test_the_library_counts_uncounted_rows_without_blocking(open_window, qtbot, tmp_path):
    """Rows come at once with "…"; their counts follow a few at a time."""
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        for n in range(30):
            text = (f"Story {n}\n\nMore than {n + 500} soldiers have fled, "
                    "officials said on Thursday.\n")
            store.import_document(Document(Article(text)), reviewer="loader")
    window = open_window(path)
    press(qtbot, window.view, Qt.Key.Key_L, CTRL)
    library = window.versions.library
    model = library.model
    headers = [c[0] for c in COLUMNS]
    flags = headers.index("Flags")
    assert model.rowCount() == 30
    qtbot.waitUntil(lambda: model.uncounted == 0, timeout=10_000)
    for r in range(model.rowCount()):
        summary = model.article_at(r)
        doc = window.store.load(summary.id)
        assert model.data(model.index(r, flags)) == len(article_flags(suggest(doc.article)))
    with Store.open(path) as again:  # kept: the next library opens counted
        assert all(row.pending is not None
                   for row in again.list_articles(counted=False))
