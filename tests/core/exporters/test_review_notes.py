"""Hand-off notes (needs changes, overrides, returns) travel with every export but brat."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.exporters import FORMATS
from deskapp.core.handoff import current_notes
from deskapp.core.importers.json import document_from_export
from deskapp.core.importers.source import Provenance
from deskapp.core.workflow import State, Transition

NOTE = "Name the source of the 567 figure <b>now</b>"


def _document() -> Document:
    audit = [
        Transition(1, 1, None, State.NEW, "Ana", "2026-12-08T08:00:00.000Z", "imported"),
        Transition(1, 2, State.NEW, State.IN_REVIEW, "Ana", "2026-12-08T08:10:00.000Z"),
        Transition(1, 3, State.IN_REVIEW, State.NEEDS_CHANGES, "Rosa Senior",
                   "2026-12-08T09:15:00.000Z", NOTE),
        Transition(1, 4, State.NEEDS_CHANGES, State.APPROVED, "Rosa Senior",
                   "2026-12-08T10:00:00.000Z", "source unknown, figure kept",
                   ("the claim “567 soldiers” is not attributed",)),
    ]
    doc = Document(Article("567 soldiers defected.\n\nThey crossed at night."),
                   state=State.APPROVED, id=1, version=4)
    return replace(doc, handoff=current_notes(audit))


def test_the_notes_of_the_round_are_kept_in_order() -> None:
    notes = _document().handoff
    assert [(n.kind, n.reviewer) for n in notes] == [
        ("needs_changes", "Rosa Senior"), ("override", "Rosa Senior")]
    assert notes[0].heading == ("Needs changes — Rosa Senior, 2026-12-08 09:15 UTC "
                                "(version 3)")


def test_every_text_export_but_brat_carries_the_notes() -> None:
    doc = _document()
    for fmt, export in FORMATS.items():
        out = export(doc, None)
        if fmt == "brat":
            assert "Name the source" not in out  # no place for it (see brat_export)
            continue
        assert "Name the source of the 567 figure" in out, fmt
        assert "source unknown, figure kept" in out, fmt
        assert "is not attributed" in out, fmt


def test_html_escapes_a_note_and_json_keeps_it_whole() -> None:
    doc = _document()
    page = FORMATS["html"](doc, None)
    assert "&lt;b&gt;now&lt;/b&gt;" in page and "<b>now</b>" not in page
    record = json.loads(FORMATS["json"](doc, None))
    assert record["review_notes"][0] == {
        "kind": "needs_changes", "reviewer": "Rosa Senior", "time": "2026-12-08T09:15:00.000Z",
        "version": 3, "from": "in_review", "to": "needs_changes", "note": NOTE,
        "overridden": []}
    assert record["review_notes"][1]["overridden"] == [
        "the claim “567 soldiers” is not attributed"]
    # an export with notes still imports as the same article
    back = document_from_export(record, Provenance("x.json", "f" * 64, "2030-01-01T00:00:00Z"),
                                "x.json")
    assert back.article.text == doc.article.text


def test_csv_puts_the_notes_in_a_last_column_and_wadm_comments_on_the_article() -> None:
    from deskapp.core.annotations import Quote
    from deskapp.core.spans import Span

    doc = _document()
    doc = doc.add_mark(Quote(Span.of(doc.article.text, 0, 12), speaker="Ana"))
    rows = list(csv.reader(io.StringIO(FORMATS["csv"](doc, None))))
    assert rows[0][-1] == "review_notes"
    assert NOTE in rows[1][-1]
    items = json.loads(FORMATS["wadm"](doc, None))["first"]["items"]
    comments = [i for i in items if i["motivation"] == "commenting"]
    assert [c["creator"]["name"] for c in comments] == ["Rosa Senior", "Rosa Senior"]
    assert comments[0]["target"] == "urn:deskapp:article:1:v4"


def test_no_notes_no_section() -> None:
    doc = replace(_document(), handoff=())
    assert "Review notes" not in FORMATS["md"](doc, None)
    assert "review-notes" not in FORMATS["html"](doc, None)
    assert json.loads(FORMATS["json"](doc, None))["review_notes"] == []
