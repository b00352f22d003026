"""Hostile article text, names and notes stay inert in every export (parsed, not grepped)."""

from __future__ import annotations

import csv
import io
import json

import markdown
import pytest
from tests.core.exporters.inspect_html import unsafe_parts

from deskapp.core.annotations import AnnotationSet, SourceKind
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.exporters import to_brat, to_csv, to_html, to_markdown, to_wadm
from deskapp.core.marks import Attribution, Quote
from deskapp.core.spans import Span

HOSTILE = (
    "Officials said <script>alert(1)</script> was fine.\n\n"
    "<img src=x onerror=alert(2)> and [click](javascript:alert(3)) and <javascript:alert(4)>\n\n"
    "![pic](javascript:alert(5)) <a href=\"javascript:alert(6)\">a</a> <svg onload=alert(7)>\n\n"
    "+SUM(A1:A9) was the figure, @officials said. =HYPERLINK(\"http://x\") -2+3\n\n"
    "Control \x1b[31m red \x07 bell, tab\there, emoji 😀 and “quotes” <b onclick=x>b</b>\n"
)


def _span(words: str) -> Span:
    start = HOSTILE.index(words)
    return Span.of(HOSTILE, start, start + len(words))


@pytest.fixture
def doc() -> Document:
    marks = [
        Attribution(_span("+SUM(A1:A9) was the figure"), source=_span("@officials"),
                    cue=_span("said"), source_kind=SourceKind.PERSON,
                    entity="<script>alert(8)</script>", note="=cmd|' /C calc'!A0"),
        Quote(_span("<img src=x onerror=alert(2)>"), speaker="<img src=y onerror=alert(9)>",
              speaker_span=_span("<b onclick=x>b</b>"), note="javascript:alert(10)"),
        Attribution(_span("=HYPERLINK(\"http://x\")"), source=_span("[click](javascript:"),
                    source_kind=SourceKind.PERSON, entity="[x](javascript:alert(11))"),
        Quote(_span("tab\there, emoji 😀"), speaker="-2+3", speaker_span=_span("Control")),
    ]
    return Document(Article(HOSTILE), marks=AnnotationSet.of(marks))


def test_the_html_export_holds_no_script_handler_or_javascript_url(doc):
    assert unsafe_parts(to_html(doc)) == []


@pytest.mark.parametrize("extensions", [[], ["tables"], ["tables", "footnotes", "extra"]])
def test_html_made_from_the_markdown_export_is_inert(doc, extensions):
    page = markdown.markdown(to_markdown(doc), extensions=extensions)
    assert unsafe_parts(page) == []


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(doc):
    rows = list(csv.reader(io.StringIO(to_csv(doc))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'+SUM(A1:A9) was the figure" in cells and "'@officials" in cells
    assert "'=HYPERLINK(\"http://x\")" in cells and "'-2+3" in cells
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)


def test_wadm_keeps_the_exact_text_and_offsets(doc):
    page = json.loads(to_wadm(doc))
    for annotation in page["first"]["items"]:
        targets = annotation["target"]
        for target in targets if isinstance(targets, list) else [targets]:
            quote, position = target["selector"]
            assert HOSTILE[position["start"]:position["end"]] == quote["exact"]
            assert HOSTILE[:position["start"]].endswith(quote["prefix"])
            assert HOSTILE[position["end"]:].startswith(quote["suffix"])


def test_brat_keeps_the_text_byte_for_byte_and_each_span_at_its_offsets(doc):
    pair = to_brat(doc)
    assert pair[".txt"] == HOSTILE
    for line in pair[".ann"].splitlines():
        if line.startswith("T"):
            _, where, words = line.split("\t", 2)
            ranges = [tuple(map(int, r.split())) for r in where.split(" ", 1)[1].split(";")]
            assert " ".join(HOSTILE[a:b] for a, b in ranges) == words
