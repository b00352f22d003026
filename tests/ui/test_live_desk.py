"""The live desk: two windows on one store (two sessions, as two editors' machines sharing
it) see each other — who has an article open, newer versions, changes of state — and the
library refreshes when the other editor works."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt

from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.importers import read_document
from deskapp.core.workflow import State
from deskapp.store import Store
from deskapp.ui import dialogs
from deskapp.ui.main_window import MainWindow
from tests.ui.keys import CTRL, SHIFT, activate, answer_next_dialog, press

WAIT = 5000  # ms: the windows poll the store every second


@pytest.fixture(params=["sqlite", "postgresql"])
def desk(open_window, tmp_path, fixtures, request):
    """``desk(name)``: a window of editor ``name`` on one shared store, which holds the
    sample article (id 1), so every window opens it. The store is an SQLite file (the
    windows poll it) or a PostgreSQL database (they wake on its notifications)."""
    path = (tmp_path / "store.sqlite3" if request.param == "sqlite"
            else request.getfixturevalue("pg_url"))
    with Store.open(path) as seed:
        seed.import_document(read_document(fixtures / "venezuela-defections.txt"),
                             reviewer="Seed")

    def make(name: str) -> MainWindow:
        settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
        settings.setValue("reviewer", name)
        return open_window(path, settings)

    return make


def _edit(window: MainWindow, line: str) -> None:
    """A change of content (a line added at the end), unsaved."""
    doc = window.session.document
    window.session.apply(replace(doc, article=replace(
        doc.article, text=doc.article.text + f"\n\n{line}")), "Add a line")


def test_each_window_says_who_else_has_the_article_open(desk, qtbot) -> None:
    ana = desk("Ana")
    bo = desk("Bo")
    assert ana.session.article_id == bo.session.article_id == 1
    # a server's store wakes the window through its socket; a file is polled
    assert (ana.live.notifier is None) == ana.store.engine.embedded
    presence = bo.live.banner.presence
    assert presence.isVisible() and presence.text().startswith("Ana has this open since ")
    qtbot.waitUntil(lambda: ana.live.banner.presence.text().startswith(
        "Bo has this open since "), timeout=WAIT)
    assert ana.live.banner.isVisible()


def test_a_save_elsewhere_is_offered_and_reloaded_by_keyboard(desk, qtbot) -> None:
    ana = desk("Ana")
    bo = desk("Bo")
    activate(qtbot, ana)
    _edit(ana, "Added by Ana.")
    press(qtbot, ana.view, Qt.Key.Key_S, CTRL)
    assert ana.session.version == 2
    newer = bo.live.banner.newer
    qtbot.waitUntil(lambda: newer.isVisible(), timeout=WAIT)
    assert newer.text().startswith("Ana saved version 2 at ")
    assert bo.live.banner.reload_button.isVisible()
    assert bo.session.version == 1  # nothing reloaded behind the editor's back
    activate(qtbot, bo)
    press(qtbot, bo.view, Qt.Key.Key_L, CTRL | SHIFT)
    assert bo.session.version == 2
    assert bo.session.document.article.text.endswith("Added by Ana.")
    assert not newer.isVisible()


def test_saving_over_a_newer_version_goes_through_the_conflict_dialog(
    desk, qtbot, monkeypatch,
) -> None:
    ana = desk("Ana")
    bo = desk("Bo")
    _edit(bo, "Bo's unsaved line.")
    activate(qtbot, ana)
    _edit(ana, "Added by Ana.")
    press(qtbot, ana.view, Qt.Key.Key_S, CTRL)
    newer = bo.live.banner.newer
    qtbot.waitUntil(lambda: newer.isVisible(), timeout=WAIT)
    assert "while you have unsaved changes" in newer.text()
    assert not bo.live.banner.reload_button.isVisible()
    asked = []
    monkeypatch.setattr(dialogs, "ask_conflict",
                        lambda _w, title, mine, latest: asked.append((mine, latest)) or "mine")
    activate(qtbot, bo)
    press(qtbot, bo.view, Qt.Key.Key_S, CTRL)
    assert asked == [(1, 2)]
    assert bo.session.version == 3 and not bo.session.dirty
    assert not newer.isVisible()
    assert [v.reviewer for v in bo.store.history(1)] == ["Seed", "Ana", "Bo"]


def test_closing_a_window_ends_its_presence(desk, qtbot) -> None:
    ana = desk("Ana")
    bo = desk("Bo")
    assert bo.live.banner.presence.isVisible()
    ana.close()
    qtbot.waitUntil(lambda: not bo.live.banner.isVisible(), timeout=WAIT)
    assert bo.store.holders(1) == []


def test_a_change_of_state_elsewhere_shows_in_a_clean_window(desk, qtbot) -> None:
    ana = desk("Ana")
    bo = desk("Bo")
    ana.store.transition(1, State.IN_REVIEW, reviewer="Ana")
    qtbot.waitUntil(lambda: bo.session.document.state == State.IN_REVIEW, timeout=WAIT)
    assert bo.session.version == 2
    assert bo.state_label.text().startswith(f"State: {State.IN_REVIEW} · version 2")
    assert "Ana set it to in review in version 2 at " in bo.notice_label.text()


def test_the_library_refreshes_when_another_editor_approves(desk, qtbot) -> None:
    ana = desk("Ana")
    bo = desk("Bo")
    activate(qtbot, bo)
    press(qtbot, bo.view, Qt.Key.Key_L, CTRL)
    library = bo.versions.library
    assert library.isVisible()
    assert library.model.rows[0].state == "new"
    title = library.model.index(0, 0)
    qtbot.waitUntil(lambda: "Ana has this open since" in (
        library.model.data(title, Qt.ItemDataRole.ToolTipRole) or ""), timeout=WAIT)
    assert library.model.data(title, Qt.ItemDataRole.DecorationRole) is not None
    ana.store.transition(1, State.IN_REVIEW, reviewer="Ana")
    ana.store.transition(1, State.APPROVED, reviewer="Ana")
    qtbot.waitUntil(lambda: library.model.rows[0].state == "approved", timeout=WAIT)
    assert library.model.rows[0].versions == 3
    assert library.table.selectionModel().isRowSelected(0)  # the selection is kept


def test_a_library_refresh_keeps_selection_and_scroll_and_comes_once_per_burst(
    desk, qtbot,
) -> None:
    ana = desk("Ana")
    with Store.open(ana.store.path) as other:
        for n in range(60):
            other.import_document(Document(Article(f"Wire copy {n}\n\nThe council met.")),
                                  reviewer="Seed")
    bo = desk("Bo")
    activate(qtbot, bo)
    press(qtbot, bo.view, Qt.Key.Key_L, CTRL)
    library = bo.versions.library
    library.table.setFocus()
    for _ in range(40):
        press(qtbot, library.table, Qt.Key.Key_Down)
    chosen = library.selected_ids()
    scroll = library.table.verticalScrollBar().value()
    assert len(chosen) == 1 and scroll > 0
    resets = []
    library.model.modelReset.connect(lambda: resets.append(1))
    ana.store.assign(chosen[0] - 5, "Ana")  # three changes at once: one refresh
    ana.store.assign(chosen[0] - 6, "Ana")
    ana.store.assign(chosen[0] - 7, "Ana")
    qtbot.waitUntil(lambda: bool(resets), timeout=WAIT)
    rows = {row.id: (at, row) for at, row in enumerate(library.model.rows)}
    assert rows[chosen[0] - 5][1].assignee == "Ana"
    assert resets == [1]
    assert library.selected_ids() == chosen
    assert library.table.currentIndex().row() == rows[chosen[0]][0]
    assert library.table.verticalScrollBar().value() == scroll


def test_undoing_every_change_turns_the_warning_into_an_offer(desk, qtbot) -> None:
    ana = desk("Ana")
    bo = desk("Bo")
    _edit(bo, "Bo's unsaved line.")
    _edit(ana, "Added by Ana.")
    ana.files.save_version()
    newer = bo.live.banner.newer
    qtbot.waitUntil(lambda: "while you have unsaved changes" in newer.text(), timeout=WAIT)
    activate(qtbot, bo)
    press(qtbot, bo.view, Qt.Key.Key_Z, CTRL)
    assert not bo.session.dirty
    assert newer.text().startswith("Ana saved version 2 at ")
    assert bo.live.banner.reload_button.isVisible()


def test_next_article_passes_over_the_one_another_editor_has_open(desk, qtbot) -> None:
    ana = desk("Ana")
    for n in (2, 3):
        ana.store.import_document(Document(Article(f"Wire copy {n}\n\nThe council met.")),
                                  reviewer="Seed")
    ana.show_loaded(ana.store.load(1))  # the oldest new article: the queue's first
    bo = desk("Bo")
    bo.show_loaded(bo.store.load(3))
    activate(qtbot, bo)
    press(qtbot, bo.view, Qt.Key.Key_N, CTRL | SHIFT)
    assert bo.session.article_id == 2  # 1 is Ana's, open in her window
    ana.close()
    activate(qtbot, bo)
    press(qtbot, bo.view, Qt.Key.Key_N, CTRL | SHIFT)
    assert bo.session.article_id == 1


def test_a_change_of_state_never_reloads_under_an_open_dialog(desk, qtbot) -> None:
    ana = desk("Ana")
    bo = desk("Bo")
    seen = []

    def while_asked(dialog) -> None:
        ana.store.transition(1, State.IN_REVIEW, reviewer="Ana")
        try:  # the window hears of it while the dialog is open
            qtbot.waitUntil(lambda: bo.session.version != 1
                            or bo.live.banner.reload_button.isVisible(), timeout=WAIT)
        finally:
            seen.append(bo.session.version)
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer_next_dialog(qtbot, while_asked)
    activate(qtbot, bo)
    press(qtbot, bo.view, Qt.Key.Key_G, CTRL | SHIFT)  # Assign to…: a dialog asks a name
    assert seen == [1]  # offered, not reloaded, while the dialog was open
    assert bo.live.banner.newer.text().startswith("Ana set it to in review in version 2")


def test_a_window_keeps_hearing_the_server_after_it_drops_the_connection(
        desk, qtbot, request) -> None:
    """The server ends the listening connection (a restart, a network cut): the window
    listens again on a new socket and still hears the other editor's save."""
    if request.node.callspec.params["desk"] != "postgresql":
        pytest.skip("only a server drops a listening connection")
    import psycopg

    ana = desk("Ana")
    bo = desk("Bo")
    listening = bo.live.listener.db.conn
    with psycopg.connect(request.getfixturevalue("pg_url"), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (listening.info.backend_pid,))
    qtbot.waitUntil(lambda: listening.closed or listening.broken, timeout=WAIT)
    activate(qtbot, ana)
    _edit(ana, "Added by Ana after the cut.")
    press(qtbot, ana.view, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: bo.live.banner.newer.isVisible(), timeout=3 * WAIT)
    assert bo.live.banner.newer.text().startswith("Ana saved version 2 at ")
    assert bo.live.notifier is not None
    assert bo.live.notifier.socket() == bo.live.listener.fileno()
