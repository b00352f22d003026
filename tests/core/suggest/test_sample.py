"""The sample's reference review: every core item found, nothing for not_attributions."""

import json

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import suggest
from deskapp.core.suggest.evaluate import find, load_gold, overlaps, same_text


@pytest.fixture(params=["plain", "imported"])
def article(request, fixtures, sample_text) -> Article:
    if request.param == "plain":
        return Article(sample_text)
    from deskapp.core.importers import read_article

    return read_article(fixtures / "venezuela-defections.txt")


@pytest.fixture
def reference(fixtures) -> dict:
    return json.loads((fixtures / "seed-gold.json").read_text(encoding="utf-8"))


def test_every_core_attribution_is_found_with_source_cue_and_content(article, reference):
    found = suggest(article)
    gold = load_gold(article.text, reference)
    assert len(gold.attributions) == 8
    for item in gold.attributions:
        assert any(
            same_text(article.text, a.content.ranges, item.content)
            and a.cue and same_text(article.text, a.cue.ranges, item.cue)
            and a.source and same_text(article.text, a.source.ranges, item.source)
            for a in found.attributions
        ), article.text[item.content[0][0]:item.content[0][1]]


def test_the_quote_is_given_to_amanda_lapo_through_she(article, reference):
    found = suggest(article)
    expected = reference["quotes"][0]
    quote = next(q for q in found.quotes if q.span.text == expected["text"])
    assert quote.speaker == "Amanda Lapo"
    assert quote.speaker_span.text == "she"
    assert quote.cue.text == "told"
    assert "told" in quote.reason


def test_the_source_she_resolves_to_amanda_lapo(article):
    found = suggest(article)
    she = next(a for a in found.attributions if a.source and a.source.text == "she")
    assert she.entity == "Amanda Lapo"
    assert str(she.source_kind) == "person"


def test_statements_of_fact_get_no_attribution(article, reference):
    found = suggest(article)
    for sentence in reference["not_attributions"]:
        where = (find(article.text, sentence),)
        assert not any(overlaps(a.content.ranges, where) for a in found.attributions), sentence


def test_the_unattributed_figure_is_flagged(article, reference):
    found = suggest(article)
    for expected in reference["review_flags"]:
        assert any(f.kind == expected["kind"] and f.span.text == expected["text"]
                   for f in found.flags), expected


def test_nothing_is_proposed_in_the_teaser_after_check_also(fixtures):
    from deskapp.core.importers import read_article

    article = read_article(fixtures / "venezuela-defections.txt")
    teaser = article.text.index("Check Also")
    found = suggest(article)
    assert all(s.anchor.start < teaser for s in found.items)
    assert all(f.span.start < teaser for f in found.flags)


def test_every_suggestion_has_a_reason_a_rule_and_a_confidence(article):
    for item in suggest(article).items:
        assert item.reason and item.rule
        assert 0 < item.confidence <= 1


def test_ids_are_stable_for_the_same_text(article):
    first = [s.id for s in suggest(article).items]
    assert first == [s.id for s in suggest(article).items]
    assert len(set(first)) == len(first)
