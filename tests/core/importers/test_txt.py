"""Plain-text import: encodings, line endings, provenance, and the sample's parts."""

from __future__ import annotations

import codecs
import hashlib

import pytest

from deskapp.core.article import PartKind
from deskapp.core.importers import read_article, read_document

WESTERN = ("Café talks\n\nPARIS (AFP) - Le ministre a déclaré à la presse que les négociations "
           "étaient «très avancées». Où en est-on? Déjà trois rounds.\n")


def test_sample_reads_with_parts_and_provenance(fixtures):
    path = fixtures / "venezuela-defections.txt"
    article = read_article(path)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.meta.title == "567 Venezuelan soldiers defected to Colombia"
    assert article.meta.dateline == "CARACAS, Venezuela"
    assert article.meta.credit == "(Sahar News Monitoring Desk)"
    assert article.meta.encoding == "utf-8"
    assert article.meta.file_name == "venezuela-defections.txt"
    assert article.meta.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert article.meta.imported_at.endswith("Z")
    assert article.part(PartKind.BOILERPLATE).span.text.startswith("Check Also")


def test_a_plain_file_gives_a_document_without_marks(fixtures):
    doc = read_document(fixtures / "venezuela-defections.txt")
    assert len(doc.marks) == 0
    assert doc.id is None


@pytest.mark.parametrize(
    ("payload", "encoding"),
    [
        (WESTERN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + WESTERN.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + WESTERN.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + WESTERN.encode("utf-16-be"), "utf-16-be"),
        (WESTERN.encode("latin-1"), "latin-1"),
        ((WESTERN + "Prix: 3 € – «ok» ‘yes’\n").encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_detected_and_recorded(tmp_path, payload, encoding):
    path = tmp_path / "capture.txt"
    path.write_bytes(payload)
    article = read_article(path)
    assert article.meta.encoding == encoding
    assert article.text.startswith(WESTERN)
    assert article.meta.dateline == "PARIS (AFP)"


def test_cyrillic_legacy_encoding_is_detected(tmp_path):
    text = ("Переговоры продолжаются\n\nМОСКВА - Министр заявил, что переговоры продолжаются. "
            "Он добавил, что ситуация остаётся стабильной и напряжённой.\n") * 3
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    article = read_article(path)
    assert article.text == text
    assert article.meta.encoding == "cp1251"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_become_newlines_and_nothing_else_changes(tmp_path, sample_text, newline):
    path = tmp_path / "crlf.txt"
    path.write_bytes(sample_text.replace("\n", newline).encode("utf-8"))
    article = read_article(path)
    assert article.text == sample_text
    assert article.meta.dateline == "CARACAS, Venezuela"


def test_white_space_and_tabs_are_kept(tmp_path):
    text = "  Title with spaces  \n\n\tIndented body line.  \nSecond\u00a0line.\n"
    path = tmp_path / "ws.txt"
    path.write_text(text, encoding="utf-8")
    assert read_article(path).text == text


def test_unknown_suffix_is_read_as_text(tmp_path, sample_text):
    path = tmp_path / "capture.eml-body"
    path.write_text(sample_text, encoding="utf-8")
    assert read_article(path).meta.title == "567 Venezuelan soldiers defected to Colombia"


def test_legacy_text_ending_in_an_accent_is_not_mistaken_for_cut_utf8(tmp_path):
    path = tmp_path / "cafe.txt"
    path.write_bytes("Menu\n\nThe menu is simple: one dish, at the café".encode("cp1252"))
    article = read_article(path)
    assert article.text.endswith("at the café")
    assert article.meta.encoding in {"cp1252", "latin-1"}
