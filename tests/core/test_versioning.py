"""Hashes that change with any stored field, and diffs of two documents."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from deskapp.core.annotations import Quote
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.spans import Span
from deskapp.core.versioning import (
    canonical_json,
    content_hash,
    diff_documents,
    diff_text,
    version_hash,
)
from deskapp.core.workflow import State

RECORD = dict(article_id=1, version=2, content='{"text":"a"}', state="new", reviewer="ana",
              note="", time="2025-01-01T00:00:00.000Z", parent="0" * 64)


def test_canonical_json_ignores_key_order_and_keeps_unicode() -> None:
    assert canonical_json({"b": 1, "a": "é"}) == canonical_json({"a": "é", "b": 1})
    assert canonical_json({"a": "é"}) == '{"a":"é"}'


def test_version_hash_changes_with_every_field() -> None:
    base = version_hash(**RECORD)
    assert base == version_hash(**RECORD) and len(base) == 64
    changed = {"article_id": 2, "version": 3, "content": '{"text":"b"}', "state": "approved",
               "reviewer": "ben", "note": "x", "time": "2025-01-01T00:00:00.001Z",
               "parent": None}
    for key, value in changed.items():
        assert version_hash(**{**RECORD, key: value}) != base, key


def test_content_hash_follows_marks_not_object_identity(sample_text: str) -> None:
    doc = Document(Article(sample_text))
    quote = Quote(Span.of(sample_text, 0, 4), speaker="x", id="q1")
    assert content_hash(doc) == content_hash(Document(Article(sample_text)))
    assert content_hash(doc.add_mark(quote)) != content_hash(doc)


@given(st.text(max_size=60), st.text(max_size=60))
def test_text_changes_turn_old_into_new(old: str, new: str) -> None:
    rebuilt, at = [], 0
    for change in diff_text(old, new):
        assert old[change.old_start:change.old_end] == change.old_text
        assert new[change.new_start:change.new_end] == change.new_text
        rebuilt.append(old[at:change.old_start] + change.new_text)
        at = change.old_end
    assert "".join(rebuilt) + old[at:] == new


def test_diff_of_a_word_edit_names_the_word() -> None:
    old, new = "line one\nsoldiers fled today\nend\n", "line one\nsoldiers left today\nend\n"
    [change] = diff_text(old, new)
    assert (change.tag, change.old_text, change.new_text) == ("replace", "fled", "left")
    assert (change.old_start, change.new_start) == (old.index("fled"), new.index("left"))


def test_diff_documents_reports_marks_added_removed_and_changed(sample_text: str) -> None:
    keep = Quote(Span.of(sample_text, 0, 4), speaker=None, id="keep")
    gone = Quote(Span.of(sample_text, 10, 14), speaker="a", id="gone")
    old = Document(Article(sample_text), version=1).add_mark(keep).add_mark(gone)
    added = Quote(Span.of(sample_text, 20, 24), speaker="b", id="new")
    edited_text = sample_text.replace("Venezuelan soldiers", "Venezuelan troops", 1)
    new = replace(Document(Article(edited_text), version=2, state=State.IN_REVIEW),
                  marks=old.marks.remove("gone").replace(replace(keep, speaker="Guaidó"))
                  .add(added))
    diff = diff_documents(old, new)
    assert [m.id for m in diff.marks_added] == ["new"]
    assert [m.id for m in diff.marks_removed] == ["gone"]
    [changed] = diff.marks_changed
    assert (changed.old.id, changed.fields) == ("keep", ("speaker",))
    assert diff.state_change == ("new", "in_review")
    assert [(c.old_text, c.new_text) for c in diff.text_changes] == [("soldiers", "troops")]
    assert any(line.startswith("+") and "troops" in line for line in diff.unified)
    assert diff.unified[0] == "--- version 1"
    assert not diff.is_empty
    assert diff_documents(old, old).is_empty
