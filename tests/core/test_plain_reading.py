"""Hard-wrapped text (e-mail, wire feeds, Markdown) is read paragraph by paragraph, odd
spaces as plain ones, and what is found still quotes the text exactly."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from deskapp.core.article import Article, PartKind
from deskapp.core.plain_reading import plain_reading, unwrapped
from deskapp.core.structure import detect_structure
from deskapp.core.suggest import suggest

PARAGRAPHS = [
    "LONDON, March 4 - The Bank of England raised interest rates for the third time this "
    "year on Thursday, saying that inflation was proving more stubborn than it had expected "
    "in the autumn.",
    "“We will do whatever is necessary to bring inflation back to target, and we will not "
    "hesitate to act again if we have to,” Governor Andrew Bailey told reporters in London.",
    "Economists at the bank estimated that prices would rise by 6% this year, according to "
    "the minutes of the meeting published alongside the decision on Thursday afternoon.",
]


def _wrapped(paragraphs: list[str], width: int = 72) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs) + "\n"


def test_one_paragraph_a_line_is_read_as_it_is(sample_text):
    assert unwrapped(sample_text) is sample_text
    one_a_line = "\n".join(PARAGRAPHS)
    assert unwrapped(one_a_line) is one_a_line


def test_wrapped_paragraphs_are_read_as_one_line_each():
    text = _wrapped(PARAGRAPHS)
    reading = unwrapped(text)
    assert len(reading) == len(text)
    assert reading.split("\n\n")[0] == PARAGRAPHS[0]
    assert [p.strip() for p in reading.split("\n\n")] == PARAGRAPHS


def test_short_lines_and_indented_paragraphs_keep_their_breaks():
    body = textwrap.fill(PARAGRAPHS[0], 60)
    text = f"By Jane Doe\nReuters\n\n{body}\n    {textwrap.fill(PARAGRAPHS[2], 60)}\n"
    reading = unwrapped(text)
    assert reading.startswith("By Jane Doe\nReuters\n\n")
    assert "\n    Economists" in reading


@given(st.text(alphabet=st.sampled_from("ab .,\n“”\""), max_size=400))
def test_unwrapping_changes_only_line_breaks_into_spaces(text):
    reading = unwrapped(text)
    assert len(reading) == len(text)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, reading, strict=True))


def test_suggestions_in_wrapped_text_match_the_unwrapped_and_quote_it_exactly():
    text = _wrapped(PARAGRAPHS)
    found = suggest(Article(text, detect_structure(text)), reuse=False)
    flat = unwrapped(text)
    alone = suggest(Article(flat, detect_structure(flat)), reuse=False)
    key = [(a.content.ranges, a.source and a.source.ranges, a.cue and a.cue.ranges)
           for a in found.attributions]
    assert key == [(a.content.ranges, a.source and a.source.ranges, a.cue and a.cue.ranges)
                   for a in alone.attributions]
    assert len(found.attributions) >= 3
    quote = found.quotes[0]
    assert quote.speaker == "Andrew Bailey"
    assert "\n" in quote.span.text and text[quote.span.start:quote.span.end] == quote.span.text
    for a in found.attributions:
        for span in (a.content, a.source, a.cue):
            assert span is None or text[span.start:span.end] == span.text


def test_a_wrapped_lede_without_headline_is_body():
    text = _wrapped(PARAGRAPHS[1:])
    parts = detect_structure(text)
    assert [p.kind for p in parts] == [PartKind.BODY]
    assert parts[0].span.text == text[parts[0].span.start:parts[0].span.end]


def test_non_breaking_spaces_are_read_as_spaces_and_quoted_as_written():
    text = ("Headline\n\nThe central bank raised rates on Thursday, Governor\u00a0Ana Ruiz "
            "told\u00a0reporters.\n“We will act\u202fagain,” Ms.\u00a0Ruiz said.\n")
    reading = plain_reading(text)
    assert len(reading) == len(text) and "\u00a0" not in reading
    found = suggest(Article(text, detect_structure(text)), reuse=False)
    assert [q.speaker for q in found.quotes] == ["Ana Ruiz"]
    assert found.quotes[0].span.text == "We will act\u202fagain,"
    source = found.attributions[0].source
    assert source is not None and text[source.start:source.end] == source.text
    assert source.text == "Governor\u00a0Ana Ruiz"


def test_plain_text_is_read_as_it_is():
    text = "Headline\n\nOfficials said the port would reopen.\n"
    assert plain_reading(text) is text


def test_furniture_lines_between_paragraphs_are_read_as_blank():
    text = ("Headline\n\n“We will rebuild every bridge in this valley before the winter,” said "
            "Mayor Ann Cole.\n\nAdvertisement\n\n“Nobody will be left behind,” she added.\n\n"
            "Story continues below advertisement\n\nThe army said it had sent 200 troops.\n")
    reading = plain_reading(text)
    assert len(reading) == len(text) and "Advertisement" not in reading
    assert "The army said it had sent 200 troops." in reading
    found = suggest(Article(text, detect_structure(text)), reuse=False)
    assert [q.speaker for q in found.quotes] == ["Ann Cole", "Ann Cole"]
    assert all(text[q.span.start:q.span.end] == q.span.text for q in found.quotes)


def test_a_sentence_about_advertisements_is_no_furniture():
    text = "Headline\n\nThe advertisement was banned, the regulator said on Tuesday.\n"
    assert plain_reading(text) is text


def test_two_apostrophes_are_read_as_quotation_marks_next_to_their_words() -> None:
    text = "He said, ''The lesson is clear.'' Then he left."
    reading = plain_reading(text)
    assert len(reading) == len(text)
    assert reading == 'He said,  "The lesson is clear."  Then he left.'
    assert plain_reading("It's the candidates' plan.") == "It's the candidates' plan."
