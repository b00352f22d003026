"""Structure of a monitored page: the sample exactly as the gold file marks it, and the
forms of datelines, bylines, credits and boilerplate that other outlets use."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

from deskapp.core.article import PartKind
from deskapp.core.structure import date_stamp, detect_structure, summarize


def _by_kind(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in detect_structure(text):
        assert text[part.span.start : part.span.end] == part.span.text
        out.setdefault(str(part.kind), []).append(part.span.text)
    return out


def test_sample_parts_match_the_gold(sample_text, fixtures):
    gold = json.loads((fixtures / "seed-gold.json").read_text(encoding="utf-8"))["structure"]
    parts = _by_kind(sample_text)
    assert parts["breadcrumb"] == [gold["breadcrumb"]]
    assert parts["headline"] == [gold["headline"]]
    assert parts["dateline"] == [gold["dateline"]]
    assert parts["credit"] == [gold["credit"]]
    boiler = parts["boilerplate"][0]
    start = sample_text.index(gold["boilerplate_starts_at"])
    assert boiler == sample_text[start:].rstrip()
    body = parts["body"][0]
    assert body.startswith("More than 500 Venezuelan soldiers")
    assert body.endswith("control influential companies.")
    assert set(parts) == {"breadcrumb", "headline", "dateline", "body", "credit", "boilerplate"}


def test_parts_are_in_order_and_never_overlap(sample_text):
    parts = detect_structure(sample_text)
    for before, after in pairwise(parts):
        assert before.span.end <= after.span.start


def test_summary_of_the_sample(sample_text):
    meta = summarize(detect_structure(sample_text))
    assert meta == {
        "title": "567 Venezuelan soldiers defected to Colombia",
        "dateline": "CARACAS, Venezuela",
        "byline": "",
        "credit": "(Sahar News Monitoring Desk)",
    }


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("LONDON (Reuters) - Britain said", "LONDON (Reuters)"),
        ("WASHINGTON (AP) — The Senate voted", "WASHINGTON (AP)"),
        ("CARACAS, Venezuela – More than", "CARACAS, Venezuela"),
        ("NEW YORK, March 3 (Reuters) -- Stocks fell", "NEW YORK, March 3 (Reuters)"),
        ("GAZA CITY/JERUSALEM (AP) ― Talks resumed", "GAZA CITY/JERUSALEM (AP)"),
        ("Kyiv (AFP) - Ukraine said", "Kyiv (AFP)"),
        ("NEW DELHI: India on Monday said", "NEW DELHI"),
        ("BEIRUT, Lebanon (AP) — Israeli strikes", "BEIRUT, Lebanon (AP)"),
    ],
)
def test_dateline_forms(opening, dateline):
    text = f"A headline about events\n\n{opening} something happened on Monday.\nMore text.\n"
    assert _by_kind(text)["dateline"] == [dateline]
    body = _by_kind(text)["body"][0]
    assert not body.startswith(dateline)


@pytest.mark.parametrize(
    "opening",
    [
        "The minister said on Monday - after talks - that",
        "BREAKING: Markets fell",
        "I – for one – agree",
    ],
)
def test_ordinary_openings_are_not_datelines(opening):
    text = f"A headline about events\n\n{opening} sharply.\nMore text.\n"
    assert "dateline" not in _by_kind(text)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe, Reuters"),
        ("BY AHMAD RAFIQ", "AHMAD RAFIQ"),
        ("Written by Maria Lopez", "Maria Lopez"),
    ],
)
def test_bylines(line, name):
    text = f"Talks stall in Vienna\n\n{line}\n\nVIENNA (AFP) - Talks stalled on Friday.\n"
    parts = detect_structure(text)
    assert [p.span.text for p in parts if p.kind == PartKind.BYLINE] == [line]
    assert summarize(parts)["byline"] == name
    assert summarize(parts)["dateline"] == "VIENNA (AFP)"


@pytest.mark.parametrize(
    "marker",
    ["Related", "Read more:", "Share this", "Also read", "Recommended", "Tags: Iran, oil",
     "Comments", "You may also like", "READ MORE", "Leave a Reply"],
)
def test_trailing_boilerplate_starts_at_its_marker(marker):
    text = ("Oil prices rise\n\nPrices rose on Monday, traders said.\nThey fell later.\n\n"
            f"{marker}\n\nAnother story teaser here\n")
    parts = _by_kind(text)
    assert parts["boilerplate"] == [f"{marker}\n\nAnother story teaser here"]
    assert parts["body"] == ["Prices rose on Monday, traders said.\nThey fell later."]


@pytest.mark.parametrize(
    "credit",
    [
        "(Sahar News Monitoring Desk)",
        "Source: Reuters",
        "(Reporting by Jane Doe; Editing by Tim Roe)",
        "With inputs from agencies",
        "— AFP",
    ],
)
def test_desk_credits(credit):
    text = f"Oil prices rise\n\nPrices rose on Monday.\nThey fell.\n{credit}\n\nRelated\nTeaser\n"
    assert _by_kind(text)["credit"] == [credit]


def test_parenthesised_sentence_is_not_a_credit():
    text = "Oil prices rise\n\nPrices rose.\n(The figures are provisional.)\n"
    assert "credit" not in _by_kind(text)


def test_headline_repeats_and_deck_before_byline():
    text = ("News › Middle East › Talks resume in Doha\n\n"
            "Talks resume in Doha\nTalks resume in Doha\n\n"
            "Negotiators return after a month.\n\nBy Sara Khan\n12 March 2024\n\n"
            "DOHA (Reuters) - Negotiators returned on Tuesday.\nMore.\n")
    parts = _by_kind(text)
    assert parts["breadcrumb"] == ["News › Middle East › Talks resume in Doha"]
    assert parts["headline"] == ["Talks resume in Doha", "Talks resume in Doha"]
    assert parts["byline"] == ["By Sara Khan"]
    assert parts["body"] == [
        "Negotiators return after a month.",
        "Negotiators returned on Tuesday.\nMore.",
    ]
    assert parts["dateline"] == ["DOHA (Reuters)"]


def test_text_without_structure_is_all_body():
    text = "He said the talks went well, and that more would follow in the coming weeks."
    assert _by_kind(text) == {"body": [text]}


@pytest.mark.parametrize("lede", [
    "The central bank raised rates on Thursday, its governor said.",
    "“We lost everything,” said Maria Lopez.",
    '"Go home," he said.',
    "Police in the city said a man had been arrested after a robbery.",
])
def test_a_lede_pasted_without_its_headline_is_body(lede):
    text = f"{lede}\n\nThe second paragraph follows here.\n"
    parts = _by_kind(text)
    assert "headline" not in parts
    assert parts["body"][0].startswith(lede)


@pytest.mark.parametrize("headline", [
    "Man arrested.", "Earthquake shakes southern Turkey", "Is this the end of the euro?",
    "‘He just kept saying sorry’: shop owner describes robbery",
])
def test_short_or_unpunctuated_first_lines_are_headlines(headline):
    text = f"{headline}\n\nPolice said a man was held on Tuesday after the attack.\n"
    assert _by_kind(text)["headline"] == [headline]


def test_empty_text_has_no_parts():
    assert detect_structure("") == ()
    assert detect_structure("  \n\n ") == ()


def test_boilerplate_marker_in_the_header_does_not_cut_the_article():
    text = "Storm hits coast\nShare this\n\nA storm hit the coast.\nIt rained.\n"
    parts = _by_kind(text)
    assert parts["body"] == ["A storm hit the coast.\nIt rained."]
    assert "boilerplate" not in parts


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Published: March 5, 2024 10:32 IST", "March 5, 2024 10:32 IST"),
        ("12 February 2024", "12 February 2024"),
        ("Updated on 2024-03-01", "2024-03-01"),
    ],
)
def test_date_stamp_in_the_header(line, stamp):
    text = f"Talks stall\n{line}\n\nVIENNA (AFP) - Talks stalled on Friday.\n"
    assert date_stamp(text) == stamp
    assert "body" in _by_kind(text) and stamp not in _by_kind(text)["body"][0]


def test_no_date_stamp_in_prose():
    assert date_stamp("Talks stall\n\nTalks stalled on 12 February 2024, officials said.\n") == ""


def test_title_is_the_headline_without_the_site_name():
    text = "Talks resume in Doha | Gulf Monitor\n\nTalks resume in Doha\n\nDOHA (AFP) - Talks.\n"
    parts = detect_structure(text)
    assert [p.span.text for p in parts if p.kind == PartKind.HEADLINE] == [
        "Talks resume in Doha | Gulf Monitor", "Talks resume in Doha"]
    assert summarize(parts)["title"] == "Talks resume in Doha"


def test_a_marker_between_paragraphs_of_prose_does_not_end_the_article():
    body = ("Rescuers searched on Tuesday for survivors after the river burst its banks, "
            "officials said.\n\nRead more\n\n"
            "The mayor said the town would rebuild its bridges and schools before winter.\n\n"
            "“We will not give up on a single family in this valley,” said Mayor Ann Cole.\n\n"
            "The army said it had sent 200 troops and six helicopters to the villages.\n\n")
    text = f"Floods hit valley\n\n{body}Related\n\nStorm warning for the coast\nMap: the rain\n"
    parts = _by_kind(text)
    assert parts["body"][0].endswith("six helicopters to the villages.")
    assert parts["boilerplate"] == ["Related\n\nStorm warning for the coast\nMap: the rain"]
