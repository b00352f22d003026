"""Structural corrections: set, cut and remove parts; metadata follows the parts."""

from __future__ import annotations

from itertools import pairwise

import pytest

from deskapp.core.article import PartKind
from deskapp.core.importers import read_article
from deskapp.core.parts_edit import (
    PartRejected,
    line_range,
    part_at,
    remove_part,
    set_part,
    update_meta,
)

K = PartKind


@pytest.fixture
def sample(fixtures):
    return read_article(fixtures / "venezuela-defections.txt")


def _layout(article):
    return [(p.kind, p.span.start, p.span.end) for p in article.parts]


def _assert_well_formed(article):
    spans = [p.span for p in article.parts]
    assert spans == sorted(spans, key=lambda s: (s.start, s.end))
    assert all(a.end <= b.start for a, b in pairwise(spans))
    assert all(s.holds_in(article.text) and s.text == s.text.strip() for s in spans)


def _range(article, needle):
    start = article.text.index(needle)
    return start, start + len(needle)


def test_setting_a_headline_inside_the_body_cuts_the_body_in_two(sample):
    sentence = "More than 500 Venezuelan soldiers have fled"
    start, end = _range(sample, sentence)
    fixed = set_part(sample, K.HEADLINE, start, end)
    _assert_well_formed(fixed)
    body = sample.part(K.BODY).span
    kinds = [(p.kind, p.span.text[:20]) for p in fixed.parts if p.span.start >= body.start]
    assert kinds[0] == (K.HEADLINE, sentence[:20])
    assert kinds[1][0] == K.BODY and fixed.parts_of(K.BODY)[0].span.end == body.end
    assert fixed.meta.title == sentence
    # the old headline stays a headline; the title is what the editor chose
    assert sample.part(K.HEADLINE) in fixed.parts


def test_a_part_that_covers_others_replaces_them_and_their_metadata(sample):
    dateline = sample.part(K.DATELINE).span
    headline = sample.part(K.HEADLINE).span
    fixed = set_part(sample, K.BYLINE, headline.start, dateline.end)
    _assert_well_formed(fixed)
    assert fixed.part(K.DATELINE) is None and fixed.part(K.HEADLINE) is None
    assert fixed.meta.dateline == ""
    assert fixed.meta.title == ""  # no headline left; Article.title falls back to the text
    assert fixed.meta.byline.startswith("567 Venezuelan soldiers")


def test_selection_is_trimmed_and_white_space_alone_is_refused(sample):
    start, end = _range(sample, "CARACAS, Venezuela")
    fixed = set_part(sample, K.DATELINE, start - 2, end + 1)  # takes "\n\n" and " "
    assert fixed.part(K.DATELINE).span.text.strip() == fixed.part(K.DATELINE).span.text
    assert fixed.meta.dateline == "CARACAS, Venezuela"
    blank = sample.text.index("\n\n")
    with pytest.raises(PartRejected):
        set_part(sample, K.HEADLINE, blank, blank + 2)


def test_setting_the_same_part_again_changes_nothing(sample):
    credit = sample.part(K.CREDIT).span
    again = set_part(sample, K.CREDIT, credit.start, credit.end)
    assert again.parts == sample.parts and again.meta == sample.meta


def test_credit_metadata_joins_every_credit_part(sample):
    boiler = sample.part(K.BOILERPLATE).span
    start, end = _range(sample, "Check Also")
    assert boiler.start <= start
    fixed = set_part(sample, K.CREDIT, start, end)
    _assert_well_formed(fixed)
    assert fixed.meta.credit == "(Sahar News Monitoring Desk) Check Also"
    assert fixed.parts_of(K.BOILERPLATE)[0].span.start > end


def test_removing_a_part_clears_the_metadata_it_gave(sample):
    index = [p.kind for p in sample.parts].index(K.DATELINE)
    fixed = remove_part(sample, index)
    assert fixed.part(K.DATELINE) is None and fixed.meta.dateline == ""
    assert fixed.text == sample.text
    assert len(fixed.parts) == len(sample.parts) - 1
    with pytest.raises(PartRejected):
        remove_part(sample, len(sample.parts))


def test_removing_a_part_keeps_metadata_that_came_from_elsewhere(sample):
    custom = update_meta(sample, "dateline", "Caracas")
    index = [p.kind for p in custom.parts].index(K.DATELINE)
    assert remove_part(custom, index).meta.dateline == "Caracas"


def test_update_meta_trims_and_protects_provenance(sample):
    fixed = update_meta(sample, "byline", "  Jane   Doe \n")
    assert fixed.meta.byline == "Jane Doe"
    assert fixed.parts == sample.parts
    with pytest.raises(PartRejected, match="recorded at import"):
        update_meta(sample, "sha256", "0" * 64)
    with pytest.raises(PartRejected, match="not a field"):
        update_meta(sample, "colour", "red")


def test_line_range_and_part_at(sample):
    pos = sample.text.index("Venezuela", sample.part(K.DATELINE).span.start)
    start, end = line_range(sample.text, pos)
    assert sample.text[start:end].startswith("CARACAS, Venezuela")
    assert sample.parts[part_at(sample, pos)].kind is K.DATELINE
    assert part_at(sample, sample.part(K.BODY).span.start + 5) is not None
    blank = sample.text.index("\n\n") + 1
    assert line_range(sample.text, blank) == (blank, blank)
