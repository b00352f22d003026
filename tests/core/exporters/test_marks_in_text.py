"""Marks in the exported text: HTML <mark> elements, Markdown marks and notes, one
canonical name per person, contents in pieces exported as their pieces."""

from __future__ import annotations

import csv
import io

import markdown
import pytest
from tests.core.exporters.inspect_html import elements
from tests.core.exporters.samples import REGISTRY, reviewed

from deskapp.core.exporters import to_csv, to_html, to_markdown
from deskapp.core.exporters.view import mark_views


@pytest.fixture
def doc(sample_text):
    return reviewed(sample_text)


def _marks(page: str) -> list[dict[str, str]]:
    return [a for tag, a in elements(page).tags if tag == "mark" and "data-mark" in a]


def test_every_role_of_every_mark_is_a_mark_element_with_its_id_and_name(doc):
    marks = _marks(to_html(doc, REGISTRY))
    roles = {(m["data-mark"], m["data-role"]) for m in marks}
    for mark in doc.marks:
        main = "quote" if mark.kind == "quote" else "content"
        assert {(mark.id, main), (mark.id, "source"), (mark.id, "cue")} <= roles
    assert all(m["class"] == m["data-role"] for m in marks)
    quote = next(m for m in marks if m["data-role"] == "quote")
    assert quote["data-name"] == "Amanda Lapo"


def test_the_legend_names_each_role_and_the_colours_print(doc):
    page = to_html(doc, REGISTRY)
    legend = [a["class"] for t, a in elements(page).tags if t == "mark" and "data-mark" not in a]
    assert legend == ["quote", "content", "source", "cue"]
    assert "print-color-adjust: exact" in page


def test_the_words_inside_the_marks_are_the_article_text(doc):
    page = to_html(doc, REGISTRY)
    assert ">she</mark>" in page and ">told</mark>" in page
    assert ">Our soldiers are leaving</mark>,” " in page
    assert ">because they are not paid</mark>" in page


def test_one_canonical_name_per_person_beside_the_words_as_written(doc):
    names = {v.written: v.name for v in mark_views(doc, REGISTRY)}
    assert names["she"] == "Amanda Lapo"  # the registry's name for "Lapo"
    assert names["De Vries"] == names["Marieke de Vries"] == "Marieke de Vries"
    md = to_markdown(doc, REGISTRY)
    assert "Amanda Lapo (as written: “she”)" in md
    assert "⟦De Vries⟧{Marieke de Vries}" in md
    rows = list(csv.DictReader(io.StringIO(to_csv(doc, REGISTRY))))
    assert {r["canonical"] for r in rows if r["source_kind"] == "person"} == {
        "Amanda Lapo", "Marieke de Vries"}


def test_a_content_in_pieces_is_exported_as_its_pieces_never_as_one_string(doc, sample_text):
    joined = "Our soldiers are leaving … because they are not paid"
    page, md = to_html(doc, REGISTRY), to_markdown(doc, REGISTRY)
    rows = list(csv.DictReader(io.StringIO(to_csv(doc, REGISTRY))))
    assert joined in page and joined in md
    assert joined in [r["text"] for r in rows]
    never = "Our soldiers are leaving because they are not paid"
    assert all(never not in out for out in (page, md, to_csv(doc, REGISTRY)))


def test_markdown_marks_read_in_plain_text_with_notes_naming_source_and_cue(doc):
    md = to_markdown(doc, REGISTRY)
    assert "“⟦The defections don’t appear" in md and "Maduro⟧[^2],” ⟦she⟧{Amanda Lapo}" in md
    note = next(line for line in md.splitlines() if line.startswith("[^2]:"))
    assert "Quote — Amanda Lapo" in note and "cue “told”" in note


def test_markdown_renders_its_marks_as_text_and_notes(doc):
    page = markdown.markdown(to_markdown(doc, REGISTRY), extensions=["tables", "footnotes"])
    tags = {tag for tag, _ in elements(page).tags}
    assert tags <= {"h1", "ul", "li", "strong", "p", "hr", "div", "ol", "a", "sup"}
    assert "⟦she⟧{Amanda Lapo}" in page


def test_without_a_registry_the_names_the_marks_give_are_used(doc):
    names = {v.written: v.name for v in mark_views(doc)}
    assert names["she"] == "Lapo" and names["De Vries"] == "Marieke de Vries"
