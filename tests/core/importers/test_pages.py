"""Captured pages in other outlets' and monitoring sites' styles, each with the parts a
careful editor marks (tests/fixtures/pages/NAME.expected.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deskapp.core.importers import read_article

PAGES = Path(__file__).parents[2] / "fixtures" / "pages"
CASES = sorted(p for p in PAGES.iterdir() if not p.name.endswith(".expected.json"))


def _expected(page: Path) -> dict:
    return json.loads(page.with_name(page.stem + ".expected.json").read_text(encoding="utf-8"))


def test_there_are_at_least_ten_pages():
    assert len(CASES) >= 10
    assert all(page.with_name(page.stem + ".expected.json").exists() for page in CASES)


@pytest.mark.parametrize("page", CASES, ids=[p.stem for p in CASES])
def test_page_parts_are_what_an_editor_marks(page):
    expected = _expected(page)
    article = read_article(page)
    got = [(str(p.kind), p.span.text) for p in article.parts]
    assert [kind for kind, _ in got] == [part["kind"] for part in expected["parts"]]
    for (kind, text), want in zip(got, expected["parts"], strict=True):
        if "text" in want:
            assert text == want["text"], kind
        else:
            assert text.startswith(want["starts"]), (kind, text[:80])
            assert text.endswith(want["ends"]), (kind, text[-80:])


@pytest.mark.parametrize("page", CASES, ids=[p.stem for p in CASES])
def test_page_metadata_and_furniture(page):
    expected = _expected(page)
    article = read_article(page)
    meta = article.meta.to_json()
    for key, value in expected["meta"].items():
        assert meta[key] == value, key
    for furniture in expected.get("absent", ()):
        assert furniture not in article.text
    for part in article.parts:
        assert article.text[part.span.start : part.span.end] == part.span.text
