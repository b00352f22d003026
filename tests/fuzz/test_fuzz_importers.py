"""Fuzzing the importers (issue 13): mutated JSON exports, HTML pages and text in odd
encodings, read by ``inspect`` and ``import``. Whatever the bytes: no traceback (an
``ImportFailed`` of one line naming the file, or a document whose every span reads its
text and that exports and re-imports), no input over 5 s, nothing half-stored.

Deterministic (``derandomize``) and bounded: ``DESKAPP_FUZZ_EXAMPLES`` examples per test
(60 by default, well under a minute in all); set it to 1000 for a deep run, and
``DESKAPP_FUZZ_RANDOM=1`` for a fresh random one.
"""

from __future__ import annotations

import copy
import json
import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskapp.cli import main
from deskapp.core.annotations import Attribution, Quote
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.errors import ImportFailed
from deskapp.core.exporters.json_export import to_json_text
from deskapp.core.importers import read_document
from deskapp.core.spans import Span
from deskapp.store import Store

FIXTURES = Path(__file__).parent.parent / "fixtures"
EXAMPLES = int(os.environ.get("DESKAPP_FUZZ_EXAMPLES", "60"))
LIMIT_S = 5
FUZZ = settings(
    max_examples=EXAMPLES, deadline=timedelta(seconds=LIMIT_S),
    derandomize=os.environ.get("DESKAPP_FUZZ_RANDOM") != "1",
    database=None, suppress_health_check=list(HealthCheck),
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252",
             "latin-1", "cp1251", "koi8-r", "shift_jis", "gb18030", "euc-kr", "mac-roman",
             "cp437", "utf-7", "iso8859-7")
SUFFIXES = (".txt", ".md", ".html", ".json", ".text", "")
SNIPPETS = (b"<div>", b"<p a=1 b=2 c=3>", b"&amp;", b"&#0;", b"\x00", b"<!--", b"<script>",
            b"<meta charset=utf-16>", b"[", b"**", b"_", b"\xff\xfe", b"\xc3", b"\x1b]0;x\x07",
            b"\r", b"\\ud800", b"\\u0000", b'"', b"{", b"]", b"Infinity", b"-0", b"1e400")


def _seed_export() -> bytes:
    text = (FIXTURES / "venezuela-defections.txt").read_text(encoding="utf-8")
    quote = "The defections don’t appear to be on a senior enough level to undermine Maduro,"
    start = text.index(quote)
    said = text.index("More than 500 Venezuelan soldiers")
    doc = Document(Article(text)).add_mark(
        Quote(Span.of(text, start, start + len(quote)), speaker="Amanda Lapo")).add_mark(
        Attribution(content=Span.of(text, said, said + 33), note="n"))
    imported = read_document(FIXTURES / "venezuela-defections.txt").article
    return to_json_text(Document(imported, marks=doc.marks)).encode("utf-8")


SEED_EXPORT = _seed_export()
SEED_PAGES = [p.read_bytes() for p in sorted((FIXTURES / "pages").glob("*.html"))]
SEED_TEXT = (FIXTURES / "venezuela-defections.txt").read_text(encoding="utf-8")

hostile_values = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.integers(-3, 3000),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
    st.sampled_from(["\ud800", "\x00", "\x1b]0;x\x07", "", "approved", "body", "person"]),
    st.lists(st.integers(0, 50), max_size=3), st.just({"start": 0, "end": 3, "text": "x"}),
    st.just([[[[["deep"]]]]]),
)


def _nodes(value: object, at: tuple = ()) -> list[tuple]:
    """Every path into a parsed JSON value (keys and indexes)."""
    found = [at]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _nodes(item, (*at, key))
    elif isinstance(value, list):
        for i, item in enumerate(value[:20]):
            found += _nodes(item, (*at, i))
    return found


def _set(root: object, path: tuple, action: str, value: object) -> object:
    if not path:
        return value if action == "replace" else root
    parent = root
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "shift" and isinstance(parent[last], int):
        parent[last] += value if isinstance(value, int) and not isinstance(value, bool) else 1
    else:
        parent[last] = value
    return root


@st.composite
def byte_mutations(draw, data: bytes) -> bytes:
    """A few byte-level edits: overwrite, insert a snippet (maybe repeated), cut, duplicate."""
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["byte", "snippet", "cut", "truncate", "repeat"]))
        if kind == "byte":
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
        elif kind == "snippet":
            data = data[:at] + draw(st.sampled_from(SNIPPETS)) * draw(
                st.sampled_from([1, 2, 10, 1000, 20_000])) + data[at:]
        elif kind == "cut":
            data = data[:at] + data[at + draw(st.integers(1, 200)) :]
        elif kind == "truncate":
            data = data[:at]
        else:
            data = data[:at] + data[at : at + draw(st.integers(1, 64))] * 50 + data[at:]
    return data


@st.composite
def mutated_exports(draw) -> bytes:
    data = json.loads(SEED_EXPORT)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_nodes(data)))
        action = draw(st.sampled_from(["replace", "delete", "shift"]))
        data = _set(data, path, action, copy.deepcopy(draw(hostile_values)))
    text = json.dumps(data, ensure_ascii=draw(st.booleans()), allow_nan=True)
    raw = text.encode("utf-8", "surrogatepass")
    return draw(byte_mutations(raw)) if draw(st.booleans()) else raw


@st.composite
def mutated_pages(draw) -> bytes:
    return draw(byte_mutations(draw(st.sampled_from(SEED_PAGES))))


@st.composite
def odd_texts(draw) -> bytes:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=2000))
    start = draw(st.integers(0, len(SEED_TEXT)))
    text = SEED_TEXT[start : start + draw(st.integers(0, 1500))] + draw(st.text(max_size=200))
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors=draw(st.sampled_from(["replace", "ignore"])))
    return draw(byte_mutations(data))


def _read(folder: Path, name: str, data: bytes) -> Document | None:
    """Read ``data`` as the file ``name``: a document that holds together, or None after a
    one-line ``ImportFailed`` naming the file; in either case within the time limit."""
    path = folder / name
    path.write_bytes(data)
    began = time.monotonic()
    try:
        doc = read_document(path)
    except ImportFailed as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith(f"{path}: "), message
        return None
    finally:
        assert time.monotonic() - began < LIMIT_S
    _holds_together(doc, folder)
    return doc


def _holds_together(doc: Document, folder: Path) -> None:
    text = doc.article.text
    assert text.strip() and "\x00" not in text
    text.encode("utf-8")  # no lone surrogate
    for part in doc.article.parts:
        assert part.span.holds_in(text)
    for mark in doc.marks:
        if not mark.orphaned:
            for field in mark.span_fields:
                span = getattr(mark, field)
                assert span is None or (span.end <= len(text) and span.holds_in(text))
    exported = folder / "exported.json"
    exported.write_text(to_json_text(doc), encoding="utf-8")
    again = read_document(exported)
    assert again.article.text == text and again.marks == doc.marks


@FUZZ
@given(data=mutated_exports())
def test_mutated_json_exports(tmp_path_factory, data):
    _read(tmp_path_factory.mktemp("json"), "export.json", data)


@FUZZ
@given(data=mutated_pages())
def test_mutated_html_pages(tmp_path_factory, data):
    _read(tmp_path_factory.mktemp("html"), "page.html", data)


@FUZZ
@given(data=odd_texts(), suffix=st.sampled_from(SUFFIXES))
def test_text_in_odd_encodings(tmp_path_factory, data, suffix):
    _read(tmp_path_factory.mktemp("text"), f"capture{suffix}", data)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "fuzz.sqlite3"
    Store.open(path).close()
    return path


@settings(FUZZ, max_examples=max(10, EXAMPLES // 3))
@given(data=st.one_of(mutated_exports(), mutated_pages(), odd_texts()),
       suffix=st.sampled_from(SUFFIXES))
def test_import_stores_all_or_nothing(store_path, tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("import") / f"file{suffix}"
    path.write_bytes(data)
    with Store.open(store_path) as store:
        before = store.count_articles()
    result = CliRunner().invoke(main, ["import", "--format", "json", "--store",
                                       str(store_path), str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    line = json.loads(result.stdout)
    with Store.open(store_path) as store:
        after = store.count_articles()
        if line["error"]:
            assert result.exit_code == 1 and after == before
        else:
            assert result.exit_code == 0 and after - before == (0 if line["duplicate"] else 1)
            stored = store.load(line["id"])
            _holds_together(stored, path.parent)
        assert store.verify() == []
