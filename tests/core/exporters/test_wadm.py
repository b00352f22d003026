"""W3C Web Annotation export: one annotation per mark, both selectors exact, bodies naming
the role, the speaker or source and the cue."""

from __future__ import annotations

import json

from tests.core.exporters.samples import REGISTRY, reviewed

from deskapp.core.exporters import to_wadm
from deskapp.core.exporters.wadm_export import CONTEXT


def _items(doc) -> list[dict]:
    page = json.loads(to_wadm(doc, REGISTRY))
    assert page["@context"] == CONTEXT == "http://www.w3.org/ns/anno.jsonld"
    assert page["type"] == "AnnotationCollection" and page["total"] == len(doc.marks)
    return page["first"]["items"]


def _targets(annotation: dict) -> list[dict]:
    target = annotation["target"]
    return target if isinstance(target, list) else [target]


def test_one_annotation_per_mark_with_the_context(sample_text):
    doc = reviewed(sample_text)
    items = _items(doc)
    assert [a["id"] for a in items] == [f"urn:deskapp:mark:{m.id}" for m in doc.marks]
    assert all(a["@context"] == CONTEXT and a["type"] == "Annotation" for a in items)


def test_selectors_quote_and_position_the_exact_words(sample_text):
    doc = reviewed(sample_text)
    text = doc.article.text
    for annotation in _items(doc):
        for target in _targets(annotation):
            quote, position = target["selector"]
            assert quote["type"] == "TextQuoteSelector"
            assert position["type"] == "TextPositionSelector"
            assert text[position["start"]:position["end"]] == quote["exact"]
            assert text[:position["start"]].endswith(quote["prefix"]) and quote["prefix"]
            assert text[position["end"]:].startswith(quote["suffix"]) and quote["suffix"]


def test_a_content_in_pieces_has_a_target_per_piece(sample_text):
    doc = reviewed(sample_text)
    split = next(a for a in _items(doc) if isinstance(a["target"], list))
    assert [t["selector"][0]["exact"] for t in split["target"]] == [
        "Our soldiers are leaving", "because they are not paid"]


def test_bodies_name_role_speaker_as_written_and_cue(sample_text):
    doc = reviewed(sample_text)
    quote = next(a for a in _items(doc) if {"purpose": "tagging", "type": "TextualBody",
                                              "value": "quote"} in a["body"])
    values = {(b["purpose"], b.get("value")) for b in quote["body"]}
    assert ("identifying", "Amanda Lapo") in values
    assert ("describing", "source as written: she") in values
    assert ("describing", "cue: told") in values
    spans = [b for b in quote["body"] if b["type"] == "SpecificResource"]
    assert [(b["label"], b["selector"][0]["exact"]) for b in spans] == [
        ("source", "she"), ("cue", "told")]
