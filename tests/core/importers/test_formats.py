"""HTML, Markdown, deskapp JSON and clipboard imports."""

from __future__ import annotations

import json
import socket
from dataclasses import replace

import pytest

from deskapp.core.annotations import Attribution, Quote
from deskapp.core.article import PartKind
from deskapp.core.errors import ImportFailed
from deskapp.core.exporters.json_export import to_json_text
from deskapp.core.importers import article_from_clipboard, read_article, read_document
from deskapp.core.spans import Span
from deskapp.core.workflow import State

PAGE = """<!DOCTYPE html><html><head><meta charset="windows-1252">
<title>Oil prices rise after talks | Gulf Monitor</title>
<link rel="canonical" href="https://gulfmonitor.example/world/oil-prices-rise">
<meta property="og:site_name" content="Gulf Monitor"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-01T10:00:00Z">
<script>document.title = "SCRIPT RAN"; fetch("https://tracker.example/p");</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/oil">Oil</a></nav>
<div class="ad">Advertisement: cheap flights to Dubai, book now and save</div>
<article><h1>Oil prices rise after talks</h1><p class="byline">By Jane Doe</p>
<p>DUBAI (Reuters) - Oil prices rose on Monday after talks between producers ended with
a deal, traders said, adding that supply would tighten.</p>
<p>“We expect the market to stay tight,” said analyst John Roe of Example Bank.</p>
<p>(Gulf Monitor Desk)</p></article>
<section class="comments"><h3>Comments</h3><p>Great article! Visit my site for cheap pills.</p>
</section><footer>Copyright 2024 Gulf Monitor. All rights reserved.</footer></body></html>"""


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the importer tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_html_page_gives_article_text_and_metadata(tmp_path, no_network):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode("cp1252"))
    article = read_article(path)
    meta = article.meta
    assert meta.title == "Oil prices rise after talks"
    assert meta.byline == "Jane Doe"
    assert meta.published == "2024-03-01"
    assert meta.source_url == "https://gulfmonitor.example/world/oil-prices-rise"
    assert meta.site_name == "Gulf Monitor"
    assert meta.encoding == "cp1252"
    assert meta.dateline == "DUBAI (Reuters)"
    assert meta.credit == "(Gulf Monitor Desk)"
    assert article.text.startswith("Oil prices rise after talks\n\nDUBAI (Reuters) - Oil prices")
    assert "“We expect the market to stay tight,”" in article.text
    furniture_words = ("SCRIPT RAN", "tracker", "Advertisement", "cheap pills", "Copyright")
    for furniture in (*furniture_words, "World"):
        assert furniture not in article.text
    assert article.part(PartKind.HEADLINE).span.text == "Oil prices rise after talks"


def test_html_without_article_text_is_refused(tmp_path, no_network):
    path = tmp_path / "index.htm"
    path.write_text("<html><head><title>Gulf Monitor</title><script>var a=1;</script></head>"
                    "<body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
                    "<footer>Copyright 2024 Gulf Monitor. All rights reserved.</footer>"
                    "</body></html>", encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"index\.htm: no article text"):
        read_article(path)


def test_html_is_recognised_without_its_suffix(tmp_path, no_network):
    path = tmp_path / "saved-page"
    path.write_bytes(PAGE.encode("cp1252"))
    assert read_article(path).meta.site_name == "Gulf Monitor"


MARKDOWN = """---
title: "Talks resume in Doha"
author: Sara Khan
date: 2024-03-12
source: https://example.org/doha
---
# Talks resume in Doha

*By Sara Khan*

DOHA (Reuters) - Negotiators **returned** on Tuesday, [officials said](https://x.example).
A snake_case_word stays.

> "We are close," one diplomat said.

Related
Other story
"""


def test_markdown_loses_its_markup_and_keeps_front_matter(tmp_path):
    path = tmp_path / "doha.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = read_article(path)
    assert article.meta.title == "Talks resume in Doha"
    assert article.meta.byline == "Sara Khan"
    assert article.meta.published == "2024-03-12"
    assert article.meta.source_url == "https://example.org/doha"
    assert article.meta.dateline == "DOHA (Reuters)"
    assert "Negotiators returned on Tuesday, officials said." in article.text
    assert "snake_case_word" in article.text
    assert '"We are close," one diplomat said.' in article.text
    for markup in ("#", "**", "](", "---", "> "):
        assert markup not in article.text
    assert article.part(PartKind.BOILERPLATE).span.text == "Related\nOther story"


def _marked(fixtures):
    doc = read_document(fixtures / "venezuela-defections.txt")
    text = doc.article.text
    quote = "The defections don’t appear to be on a senior enough level to undermine Maduro,"
    q = text.index(quote)
    told = text.index("told", q)
    doc = doc.add_mark(Quote(Span.of(text, q, q + len(quote)), speaker="Amanda Lapo",
                             cue=Span.of(text, told, told + 4), note="checked"))
    c = text.index("according to CNN")
    content = Span.of(text, text.index("Colombia has counted"), text.index(" since violent"))
    doc = doc.add_mark(Attribution(content=content, source=Span.of(text, c + 13, c + 16),
                                   cue=Span.of(text, c, c + 12)))
    return replace(doc, state=State.APPROVED, id=7, version=3)


def test_json_export_round_trips_text_metadata_marks_and_state(tmp_path, fixtures):
    doc = _marked(fixtures)
    path = tmp_path / "export.json"
    path.write_text(to_json_text(doc), encoding="utf-8")
    back = read_document(path)
    assert back.article == doc.article
    assert back.marks == doc.marks
    assert back.state == State.APPROVED
    assert back.id is None and back.version is None


def test_json_with_only_the_contract_keys_gets_parts_and_provenance(tmp_path, sample_text):
    q = sample_text.index("The defections")
    minimal = {"id": 1, "title": "T", "text": sample_text, "state": "new", "version": 1,
               "quotes": [{"start": q, "end": q + 14, "text": "The defections", "speaker": None}],
               "attributions": []}
    path = tmp_path / "minimal.json"
    path.write_text(json.dumps(minimal), encoding="utf-8")
    doc = read_document(path)
    assert doc.marks.quotes[0].span.text == "The defections"
    assert doc.article.meta.dateline == "CARACAS, Venezuela"
    assert doc.article.meta.file_name == "minimal.json"
    assert len(doc.article.meta.sha256) == 64


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not valid JSON"),
        ('{"title": "no text"}', "not a deskapp export"),
        ('[{"text": "a"}, {"text": "b"}]', "one deskapp export per file"),
        ('{"text": "Hello world", "quotes": [{"start": 0, "end": 5, "text": "Howdy"}]}',
         "does not match the text"),
        ('{"text": "Hello world", "state": "published"}', "not a valid deskapp export"),
    ],
)
def test_bad_json_is_refused_with_its_reason(tmp_path, content, reason):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFailed, match=reason) as caught:
        read_document(path)
    assert "bad.json" in str(caught.value)


def test_clipboard_text_is_taken_as_is_but_for_line_endings():
    article = article_from_clipboard("Talks stall\r\n\r\nVIENNA (AFP) - Talks stalled.\r\n", None)
    assert article.text == "Talks stall\n\nVIENNA (AFP) - Talks stalled.\n"
    assert article.meta.dateline == "VIENNA (AFP)"
    assert len(article.meta.sha256) == 64 and article.meta.file_name == ""


def test_clipboard_html_alone_is_extracted(no_network):
    html = ("<html><body><p>LONDON (Reuters) - Britain said on Monday it would act soon.</p>"
            "<p>Officials added that more steps would follow next week.</p></body></html>")
    article = article_from_clipboard("", html)
    assert article.text.startswith("LONDON (Reuters) - Britain said")
    assert "<p>" not in article.text


def test_same_clipboard_text_has_the_same_fingerprint():
    a = article_from_clipboard("Same text pasted twice, word for word.", None)
    b = article_from_clipboard("Same text pasted twice, word for word.", "<p>ignored</p>")
    assert a.meta.sha256 == b.meta.sha256


def test_empty_clipboard_is_refused():
    with pytest.raises(ImportFailed, match="clipboard"):
        article_from_clipboard("  \n", None)
