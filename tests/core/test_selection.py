"""Selections the editor makes by keyboard: words, sentences, between quotation marks."""

import pytest

from deskapp.core.selection import (
    quoted_at,
    quotes_around,
    sentence_at,
    snap_to_words,
    word_boundaries,
)

GOLD_QUOTE = "The defections don’t appear to be on a senior enough level to undermine Maduro,"


def cut(text: str, rng: tuple[int, int] | None) -> str | None:
    return None if rng is None else text[rng[0] : rng[1]]


def test_partial_words_widen_to_whole_words_and_spaces_are_trimmed():
    text = "the Colombian migration authority reported"
    start = text.index("lombian")
    end = text.index("authority") + 4
    assert cut(text, snap_to_words(text, start - 1, end)) == "Colombian migration authority"


def test_selection_of_spaces_around_words_is_trimmed():
    text = "said  that it is  "
    assert cut(text, snap_to_words(text, 4, len(text))) == "that it is"


def test_selected_punctuation_is_kept():
    text = "“undermine Maduro,” she told"
    assert cut(text, snap_to_words(text, 1, text.index("”"))) == "undermine Maduro,"


def test_apostrophes_and_hyphens_stay_inside_words():
    text = "don’t cross the Colombian-Venezuelan border"
    assert cut(text, snap_to_words(text, 1, 3)) == "don’t"
    assert cut(text, snap_to_words(text, text.index("Venez"), text.index("Venez") + 3)) == (
        "Colombian-Venezuelan"
    )


@pytest.mark.parametrize("selection", ["   ", " , . ", "“”", ""])
def test_nothing_but_spaces_or_punctuation_snaps_to_nothing(selection):
    text = f"word{selection}word"
    assert snap_to_words(text, 4, 4 + len(selection)) is None


def test_backwards_selection_is_ordered():
    text = "hello world"
    assert snap_to_words(text, 8, 2) == (0, 11)


def test_word_boundaries_inside_after_and_between_words():
    text = "between 95,000 and 150,000 active soldiers"
    assert cut(text, word_boundaries(text, text.index("5,0"))) == "95,000"
    assert cut(text, word_boundaries(text, text.index(" and"))) == "95,000"
    assert word_boundaries("a  b", 2) == (2, 2)


def test_sentence_of_the_sample_quote_keeps_quotes_and_cue(sample_text):
    pos = sample_text.index("senior enough")
    sentence = cut(sample_text, sentence_at(sample_text, pos))
    assert sentence == f"“{GOLD_QUOTE}” she told Business Insider."


@pytest.mark.parametrize(
    ("text", "inside", "expected"),
    [
        ("Mr. Smith left. He came back.", "Smith", "Mr. Smith left."),
        ("He met John F. Kennedy there. Then he left.", "Kennedy", "He met John F. Kennedy there."),
        ("It costs 3.5 million. Cheap.", "million", "It costs 3.5 million."),
        ("Troops left the U.S. Army base. Then.", "Army", "Troops left the U.S. Army base."),
        ("Troops left the U.S. The end came.", "end", "The end came."),
        ("“Why?” she asked. He left.", "asked", "“Why?” she asked."),
        ("He said: “We go.” Then silence.", "We", "He said: “We go.”"),
        ("Talks on Jan. 5 failed. Again.", "failed", "Talks on Jan. 5 failed."),
    ],
)
def test_sentence_at_knows_news_abbreviations(text, inside, expected):
    assert cut(text, sentence_at(text, text.index(inside))) == expected


def test_sentence_never_crosses_a_line_break():
    text = "Headline without stop\nFirst sentence. Second"
    assert cut(text, sentence_at(text, 3)) == "Headline without stop"
    assert cut(text, sentence_at(text, len(text) - 1)) == "Second"


def test_quoted_at_gives_the_gold_quote_text_without_marks(sample_text):
    pos = sample_text.index("senior enough")
    assert cut(sample_text, quoted_at(sample_text, pos)) == GOLD_QUOTE


def test_quoted_at_ignores_apostrophes_and_handles_straight_quotes():
    text = 'He said "it\'s over" and left.'
    assert cut(text, quoted_at(text, text.index("over"))) == "it's over"
    assert quoted_at(text, text.index("left")) is None


def test_nested_quotations_innermost_first():
    text = "“He told me ‘never again’ that day,” she said."
    pos = text.index("never")
    assert [cut(text, r) for r in quotes_around(text, pos)] == [
        "never again",
        "He told me ‘never again’ that day,",
    ]


def test_caret_on_the_opening_mark_counts_as_inside():
    text = "x “quoted words” y"
    assert cut(text, quoted_at(text, text.index("“"))) == "quoted words"
