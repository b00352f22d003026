"""Hostile files (issue 13, items 1–4): each is refused as the file's one-line error, fast.

The corpus is ``tests/hostile.py`` (small files in ``fixtures/hostile``, big ones made on
the fly); the CLI side (exit status, stderr) is in ``tests/cli/test_hostile_cli.py``.
"""

from __future__ import annotations

import json
import time

import pytest
from tests.hostile import generated_cases, readable_cases, slow_before_cases, static_cases

from deskapp.core.errors import ImportFailed
from deskapp.core.importers import read_document
from deskapp.core.importers.md import markdown_to_text

CASES = static_cases() + generated_cases()


@pytest.mark.parametrize(("name", "data", "words"), CASES, ids=[c[0] for c in CASES])
def test_a_hostile_file_is_refused_with_one_line_naming_it(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    began = time.monotonic()
    with pytest.raises(ImportFailed) as caught:
        read_document(path)
    message = str(caught.value)
    assert time.monotonic() - began < 5
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert words in message


SLOW = slow_before_cases()


@pytest.mark.parametrize(("name", "data"), SLOW, ids=[c[0] for c in SLOW])
def test_markdown_reading_is_linear_in_the_line(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    began = time.monotonic()
    read_document(path)  # garbage in, garbage out: but in well under a second
    assert time.monotonic() - began < 2


def test_markdown_links_and_emphasis_still_read_as_before():
    source = ("# A *title* with __bold__\n\n> > quoted [link](https://en.wikipedia.org/wiki/"
              "Foo_(bar)) and ![img](x.png) **strong *inner* text** ~~gone~~ `code` "
              "snake_case_name _it_ <https://a.example/b>\n")
    assert markdown_to_text(source) == (
        "A title with bold\n\nquoted link and  strong inner text gone code "
        "snake_case_name it https://a.example/b\n")


def test_a_page_with_a_crowded_tag_is_refused_at_once_with_the_limit(tmp_path):
    attributes = " ".join(f'data-a{i}="x"' for i in range(200_000))
    path = tmp_path / "crowded.html"
    path.write_text(f"<html><body><div {attributes}><p>{'Words of prose here. ' * 20}</p>"
                    "</div></body></html>", encoding="utf-8")
    began = time.monotonic()
    with pytest.raises(ImportFailed, match="200,000 attributes; the limit is 1,000"):
        read_document(path)
    assert time.monotonic() - began < 3


def test_nul_bytes_are_not_an_article_whatever_their_layout(tmp_path):
    for name, data in (("zeros.txt", bytes(4096)), ("zeros.md", bytes(10)),
                       ("mixed.txt", b"Headline\n\nBody\x00text here.\n")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ImportFailed, match="NUL"):
            read_document(path)


def test_utf16_without_a_bom_is_still_read(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Talks stall\n\nVIENNA (AFP) - Talks stalled again.\n".encode("utf-16-le"))
    article = read_document(path).article
    assert article.text.startswith("Talks stall\n") and article.meta.encoding == "utf-16-le"


@pytest.mark.parametrize("damaged", [
    b"Caf\xc3\xa9 headline\n\nThe Caf\xff is open.\n",
    "Guaidó said".encode() + b" \xe9t\xe9 and more plain words\n",
    b"\xc3\xa9\xc3\xa8 \x80\n",
])
def test_damaged_utf8_is_refused_not_read_as_another_encoding(tmp_path, damaged):
    path = tmp_path / "damaged.txt"
    path.write_bytes(damaged)
    with pytest.raises(ImportFailed, match="damaged UTF-8"):
        read_document(path)


def test_legacy_single_byte_text_is_still_read(tmp_path):
    text = "Café crème à la française\n\nLe ministre a déclaré « non » à l'été.\n"
    path = tmp_path / "french.txt"
    path.write_bytes(text.encode("cp1252"))
    assert read_document(path).article.text == text


def test_a_valid_export_with_an_orphaned_mark_imports(tmp_path):
    record = {"text": "Some article text here.", "quotes": [
        {"id": "q1", "start": 0, "end": 4, "text": "Some", "speaker": "Ana"},
        {"id": "q2", "start": 5, "end": 12, "text": "artikel", "orphaned": True}]}
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    doc = read_document(path)
    assert [q.id for q in doc.marks.quotes] == ["q1", "q2"]
    assert doc.marks.quotes[1].orphaned


def test_a_batch_goes_on_whatever_a_reader_raises(tmp_path):
    from deskapp.core.importers import iter_import

    names = ["a.txt", "b.txt", "c.txt"]
    for name in names:
        (tmp_path / name).write_text("Headline\n\nSome text of the article.\n", encoding="utf-8")

    def reader(path):
        if path.name == "b.txt":
            raise AttributeError("'NoneType' object has no attribute 'get'")
        return read_document(path)

    results = list(iter_import([tmp_path], reader=reader))
    assert [r.path.name for r in results] == names
    assert [r.ok for r in results] == [True, False, True]
    assert "b.txt: cannot be imported (unexpected AttributeError" in results[1].error


READABLE = readable_cases()


@pytest.mark.parametrize(("name", "data"), READABLE, ids=[c[0] for c in READABLE])
def test_an_odd_but_readable_file_is_read_or_refused_never_a_crash(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    began = time.monotonic()
    try:
        assert read_document(path).article.text.strip()
    except ImportFailed as exc:
        assert "\n" not in str(exc)
    assert time.monotonic() - began < 5
