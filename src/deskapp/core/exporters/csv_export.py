"""CSV export: one row per mark, for spreadsheets and other desks' tools.

Columns (kept in this order; new ones are added at the end): article_id, version, kind,
start, end, text (pieces joined by " … "), who (source or speaker as written), who_start,
who_end, refers_to (the name the mark gives), cue, cue_start, cue_end, source_kind, note,
orphaned, canonical (the registry's name: one name per person across the article),
review_notes (the article's hand-off notes of the current round as plain lines, the same
on every row; empty when there are none). An article without marks but with notes gets
one row with no mark (empty kind) that carries them.
A cell a spreadsheet could run as a formula (starting with =, +, -, @, tab or carriage
return) is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io

from deskapp.core.document import Document
from deskapp.core.exporters.view import joined, mark_views
from deskapp.core.handoff import notes_text
from deskapp.core.registry import Registry

COLUMNS = (
    "article_id", "version", "kind", "start", "end", "text", "who", "who_start", "who_end",
    "refers_to", "cue", "cue_start", "cue_end", "source_kind", "note", "orphaned",
    "canonical", "review_notes",
)
_RUNNABLE = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: object) -> str:
    """``cell`` as text, with an apostrophe before anything a spreadsheet would run."""
    text = str(cell)
    return "'" + text if text.startswith(_RUNNABLE) else text


def _span_cells(span) -> tuple[str, str, str]:
    return ("", "", "") if span is None else (joined(span), str(span.start), str(span.end))


def to_csv(doc: Document, registry: Registry | None = None) -> str:
    """Every quote and attribution in text order, with offsets into the article text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    notes = "\n".join(notes_text(doc.handoff))
    for view in mark_views(doc, registry):
        mark = view.mark
        refers = (mark.speaker if view.is_quote else mark.entity) or ""
        anchor = mark.anchor
        row = (
            doc.id if doc.id is not None else "", doc.version or "", mark.kind,
            anchor.start, anchor.end, view.words, *_span_cells(view.who_span), refers,
            *_span_cells(mark.cue), view.source_kind, mark.note,
            "yes" if mark.orphaned else "no", view.name, notes,
        )
        writer.writerow([neutralised(cell) for cell in row])
    if notes and not doc.marks:
        empty = [""] * (len(COLUMNS) - 3)
        writer.writerow([neutralised(cell) for cell in (
            doc.id if doc.id is not None else "", doc.version or "", *empty, notes)])
    return out.getvalue()
