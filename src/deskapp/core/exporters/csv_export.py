"""CSV export: one row per mark, for spreadsheets and other desks' tools."""

from __future__ import annotations

import csv
import io

from deskapp.core.annotations import Quote
from deskapp.core.document import Document

COLUMNS = (
    "article_id", "version", "kind", "start", "end", "text", "who", "who_start", "who_end",
    "refers_to", "cue", "cue_start", "cue_end", "source_kind", "note", "orphaned",
)


def _span_cells(span) -> tuple[str, str, str]:
    return ("", "", "") if span is None else (span.text, str(span.start), str(span.end))


def to_csv(doc: Document) -> str:
    """Every quote and attribution in text order, with offsets into the article text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for mark in doc.marks:
        if isinstance(mark, Quote):
            who, refers, kind = mark.speaker_span, mark.speaker or "", "person"
        else:
            who, refers, kind = mark.source, mark.entity or "", str(mark.source_kind)
        anchor = mark.anchor
        writer.writerow((
            doc.id if doc.id is not None else "", doc.version or "", mark.kind,
            anchor.start, anchor.end, anchor.piece_text, *_span_cells(who), refers,
            *_span_cells(mark.cue), kind, mark.note, "yes" if mark.orphaned else "no",
        ))
    return out.getvalue()
