"""Articles quoted with single marks, as several British papers do: the quotes are found,
and apostrophes stay apostrophes."""

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import suggest
from deskapp.core.suggest.single_quotes import uses_single_marks

CURLY = ("Headline\n\n‘We lost everything,’ said Maria Lopez, 54. ‘The water came so fast we "
         "couldn’t save the farmers’ sheep.’\n\nHer neighbour, John Reid, said: ‘It’s the "
         "worst I’ve seen in 30 years.’\n\n‘The council didn’t warn us,’ he added.\n")
STRAIGHT = CURLY.replace("‘", "'").replace("’", "'")


def _quotes(text: str) -> list[tuple[str, str | None]]:
    found = suggest(Article(text), reuse=False)
    return [(q.span.piece_text, q.speaker) for q in found.quotes]


@pytest.mark.parametrize(("text", "apostrophe"), [(CURLY, "’"), (STRAIGHT, "'")])
def test_single_marks_are_the_quotes_of_a_british_style_article(text: str,
                                                                apostrophe: str) -> None:
    quotes = _quotes(text)
    assert ("We lost everything,", "Maria Lopez") in quotes
    assert (f"The water came so fast we couldn{apostrophe}t save the farmers{apostrophe} "
            "sheep.", "Maria Lopez") in quotes
    assert (f"It{apostrophe}s the worst I{apostrophe}ve seen in 30 years.", "John Reid") in quotes
    assert (f"The council didn{apostrophe}t warn us,", "John Reid") in quotes


def test_apostrophes_in_a_single_quoted_article_are_no_unbalanced_marks() -> None:
    found = suggest(Article(CURLY), reuse=False)
    assert not [f for f in found.flags if f.kind == "unbalanced quotation marks"]


def test_a_double_quoted_article_keeps_single_marks_as_apostrophes_and_nested_quotes() -> None:
    text = ("Headline\n\n“The minister called it ‘a disgrace’ and we couldn’t agree more,” "
            "said Ann Cole.\n\nIt’s the farmers’ view too, she said.\n")
    assert not uses_single_marks(text)
    assert ("The minister called it ‘a disgrace’ and we couldn’t agree more,", "Ann Cole") \
        in _quotes(text)


def test_a_title_in_double_marks_does_not_outvote_single_quotes() -> None:
    assert uses_single_marks(CURLY + "She was reading \"Ulysses\" at the time.\n")
    assert not uses_single_marks("It’s the farmers’ land, he said of the ’90s.")


def test_a_typewriter_quote_holds_no_attribution_and_is_its_speakers_content() -> None:
    from deskapp.core.article import Article
    from deskapp.core.suggest import suggest

    text = ("Headline\n\n''I said the plan was dead,'' Mr. Ross said on Tuesday.\n")
    found = suggest(Article(text), reuse=False)
    assert [(a.source.text, a.cue.text) for a in found.attributions] == [("Mr. Ross", "said")]
    assert found.attributions[0].content.text == "I said the plan was dead,"
    assert found.quotes == ()  # left to the attribution (see engine._without_typewriter_quotes)
