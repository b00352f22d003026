"""Issue 15, item 8: non-fatal problems are said where they stay visible (the kept notice
at the right of the status bar), not only logged or passed over."""

from __future__ import annotations

from deskapp.core.errors import StoreError
from deskapp.core.importers import read_document
from deskapp.paths import SAMPLE_ARTICLE, resource_path
from deskapp.store import Store
from deskapp.ui import dialogs
from deskapp.ui.controllers.files import LAST_ARTICLE
from deskapp.ui.controllers.recovery import draft_payload


def test_a_last_article_that_cannot_be_opened_is_said_and_the_sample_shown(open_window,
                                                                            tmp_path):
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.set_setting(LAST_ARTICLE, "999")
    window = open_window(path)
    assert "Article 999 could not be opened" in window.notice_label.text()
    assert window.session.document.title  # the bundled sample instead
    assert window.session.article_id is None


def test_a_draft_that_cannot_be_discarded_is_said(open_window, tmp_path, monkeypatch):
    path = tmp_path / "store.sqlite3"
    doc = read_document(resource_path(SAMPLE_ARTICLE))
    with Store.open(path) as store:
        store.save_draft("kept:one", draft_payload(doc, None, None))

    def refuse(_store, _key):
        raise StoreError("the store is locked")

    monkeypatch.setattr(Store, "discard_draft", refuse)
    monkeypatch.setattr(dialogs, "ask_recover", lambda *a: "discard")
    window = open_window(path)
    notice = window.notice_label.text()
    assert "Draft not discarded (it will be offered again): the store is locked" in notice
