"""Exporters: the JSON contract, Markdown/HTML without page furniture, CSV rows."""

from __future__ import annotations

import csv
import io
import json

from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.exporters import to_csv, to_html, to_json_text, to_markdown
from deskapp.core.marking import make_attribution, make_quote
from deskapp.core.structure import detect_structure


def _doc(sample_text: str) -> Document:
    doc = Document(Article(sample_text, detect_structure(sample_text)))
    text = sample_text
    q = text.index("The defections")
    doc = doc.add_mark(make_quote(doc, q, q + 14, speaker="Amanda Lapo"))
    c = text.index("They also work")
    src = text.index("the International Institute")
    return doc.add_mark(make_attribution(doc, (c, c + 14), source=(src, src + 27)))


def test_json_contract_keys_and_offsets(sample_text):
    data = json.loads(to_json_text(_doc(sample_text)))
    assert {"id", "title", "text", "state", "version", "quotes", "attributions"} <= data.keys()
    (quote,) = data["quotes"]
    assert {"start", "end", "text", "speaker"} <= quote.keys()
    assert data["text"][quote["start"]:quote["end"]] == quote["text"]
    (attribution,) = data["attributions"]
    assert attribution["cue"] is None
    for role in ("source", "content"):
        span = attribution[role]
        assert data["text"][span["start"]:span["end"]] == span["text"]


def test_markdown_and_html_leave_out_boilerplate_and_escape_markup(sample_text):
    marked_up = "<script>x</script> *Venezuelans* are living"
    text = sample_text.replace("Venezuelans are living", marked_up)
    doc = Document(Article(text, detect_structure(text)))
    md, page = to_markdown(doc), to_html(doc)
    assert "Check Also" not in md and "Check Also" not in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<em>" not in page


def test_csv_has_a_row_per_mark_with_offsets(sample_text):
    rows = list(csv.DictReader(io.StringIO(to_csv(_doc(sample_text)))))
    assert [r["kind"] for r in rows] == ["attribution", "quote"]
    assert rows[1]["refers_to"] == "Amanda Lapo" and rows[1]["text"] == "The defections"
    assert sample_text[int(rows[0]["who_start"]):int(rows[0]["who_end"])] == rows[0]["who"]
