"""The desk in the store: review counts, assignments, the work queue, hand-off notes."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from store_samples import sample_document

from deskapp.core.article import Article
from deskapp.core.checks import article_flags, pending_suggestions, review_counts
from deskapp.core.desk import BadReviewerName
from deskapp.core.document import Document
from deskapp.core.errors import NotFound
from deskapp.core.suggest import suggest
from deskapp.core.workflow import State
from deskapp.store import Store


def _import(store: Store, text: str, **kw) -> Document:
    return store.import_document(Document(Article(text)), reviewer="ana", **kw).document


def test_the_library_counts_flags_as_the_article_does(store, sample_text) -> None:
    """The sample says "N flags to check" in its flags panel; the library says N too."""
    saved = store.import_document(sample_document(sample_text), reviewer="ana").document
    found = suggest(saved.article)
    assert article_flags(found)  # the sample has flags to check
    [row] = store.list_articles()
    assert row.flags == len(article_flags(found)) > 0
    assert row.pending == pending_suggestions(saved, found) > 0
    # counted once, then kept in the row
    assert store.conn.execute("SELECT flags, pending FROM articles").fetchone() == (
        row.flags, row.pending)


def test_a_save_with_counts_keeps_them_and_a_new_version_recounts(store, sample_text) -> None:
    doc = sample_document(sample_text)
    saved = store.save(doc, reviewer="ana", counts=review_counts(doc))
    assert store.conn.execute("SELECT pending FROM articles").fetchone()[0] == (
        review_counts(doc).pending)
    plain = replace(saved, article=Article("Nothing to flag here."), marks=type(doc.marks)())
    store.save(plain, reviewer="ana", parent=saved.version)  # no counts: worked out on listing
    [row] = store.list_articles()
    assert (row.flags, row.pending) == (0, 0)


def test_a_read_only_store_still_lists_true_counts(store_path, sample_text) -> None:
    with Store.open(store_path) as store:
        store.import_document(sample_document(sample_text), reviewer="ana")
    with Store.open(store_path, read_only=True) as store:
        [row] = store.list_articles()
        assert row.flags > 0 and row.pending is not None
    raw = sqlite3.connect(store_path)
    assert raw.execute("SELECT pending FROM articles").fetchone()[0] is None  # nothing written
    raw.close()


def test_assignment_filters_the_library(store) -> None:
    a = _import(store, "First story.\n\nBody one.")
    b = _import(store, "Second story.\n\nBody two.")
    _import(store, "Third story.\n\nBody three.")
    assert store.assign(a.id, "  Rosa   Senior ") == "Rosa Senior"
    store.assign(b.id, "Ana Editor")
    assert [r.id for r in store.list_articles(assignee="Rosa Senior")] == [a.id]
    assert store.count_articles(assignee="Ana Editor") == 1
    assert store.count_articles(assignee="") == 1  # unassigned
    assert store.assignees() == ["Ana Editor", "Rosa Senior"]
    store.assign(a.id, "")
    assert store.assignees() == ["Ana Editor"]
    assert store.verify() == []  # assignment is not a version: nothing to break


def test_assignment_refuses_bad_input(store) -> None:
    a = _import(store, "First story.\n\nBody one.")
    with pytest.raises(NotFound):
        store.assign(999, "Ana")
    with pytest.raises(BadReviewerName, match="control"):
        store.assign(a.id, "Ana\x1b[31m")
    with pytest.raises(BadReviewerName, match="at most"):
        store.assign(a.id, "x" * 101)
    with pytest.raises(BadReviewerName, match="empty"):
        store.save(a, reviewer="  ", parent=a.version)


def test_the_queue_goes_by_state_then_age_unassigned_or_mine(store) -> None:
    new_old = _import(store, "Oldest new story.\n\nBody.")
    review = _import(store, "A story in review.\n\nBody.")
    store.transition(review.id, State.IN_REVIEW, reviewer="ana")
    back = _import(store, "A story sent back.\n\nBody.")
    store.transition(back.id, State.IN_REVIEW, reviewer="ana")
    store.transition(back.id, State.NEEDS_CHANGES, reviewer="rosa", note="fix the quote")
    theirs = _import(store, "Someone else's story.\n\nBody.")
    store.transition(theirs.id, State.IN_REVIEW, reviewer="ana")
    store.assign(theirs.id, "Bea")
    done = _import(store, "An approved story.\n\nBody.")
    store.transition(done.id, State.APPROVED, reviewer="ana")
    new_late = _import(store, "A newer new story.\n\nBody.")

    order = []
    while (row := store.next_article("Ana", skip=order)) is not None:
        order.append(row.id)
    # needs changes, in review, then new oldest first; never someone else's, never done
    assert order == [back.id, review.id, new_old.id, new_late.id]
    store.assign(new_late.id, "Ana")  # mine comes before unassigned within a state
    assert store.next_article("Ana", skip=[back.id, review.id]).id == new_late.id
    assert store.next_article("Bea", skip=[back.id]).id == theirs.id


def test_the_queue_skips_articles_open_elsewhere(store, monkeypatch) -> None:
    first = _import(store, "First story.\n\nBody.")
    second = _import(store, "Second story.\n\nBody.")
    assert store.open_elsewhere() == frozenset()  # SQLite: no presence
    assert store.next_article("Ana").id == first.id
    monkeypatch.setattr(store, "open_elsewhere", lambda: frozenset({first.id}))
    assert store.next_article("Ana").id == second.id
    monkeypatch.setattr(store, "open_elsewhere", lambda: frozenset({first.id, second.id}))
    assert store.next_article("Ana") is None


def test_hand_off_notes_come_with_the_article(store) -> None:
    doc = _import(store, "A story.\n\nBody.")
    assert store.load(doc.id).handoff == ()  # an import is no hand-off
    store.transition(doc.id, State.IN_REVIEW, reviewer="Ana", note="ready for a look")
    saved = store.transition(doc.id, State.NEEDS_CHANGES, reviewer="Rosa",
                             note="name the source")
    assert [(n.kind, n.reviewer, n.text) for n in saved.handoff] == [
        ("note", "Ana", "ready for a look"), ("needs_changes", "Rosa", "name the source")]
    loaded = store.load(doc.id)
    assert loaded.handoff == saved.handoff
    assert store.load(doc.id, version=2).handoff == saved.handoff[:1]  # as of that version
    over = store.transition(doc.id, State.APPROVED, reviewer="Rosa", note="source unknown",
                            overridden=["the claim “Body” is not attributed"])
    assert over.handoff[-1].kind == "override"
    assert over.handoff[-1].overridden == ("the claim “Body” is not attributed",)
    back = store.transition(doc.id, State.IN_REVIEW, reviewer="Rosa", note="one more look")
    assert back.handoff[-1].kind == "returned"
    clean = store.transition(doc.id, State.APPROVED, reviewer="Rosa")
    assert clean.handoff == ()  # a clean approval settles the round
