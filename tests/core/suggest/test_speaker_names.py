"""Who a quote's speaker is, when the sentence that names them also names places, bodies,
titles or party tags."""

import pytest

from deskapp.core.article import Article
from deskapp.core.suggest import suggest


def _speakers(text: str) -> dict[str, str | None]:
    found = suggest(Article("Headline\n\n" + text + "\n"))
    return {q.span.piece_text.strip(" ,.“”\""): q.speaker for q in found.quotes}


@pytest.mark.parametrize("text", [
    "Ray Gill, who runs a cafe on Bridge Street, says takings have fallen.\n\n"
    "“Nobody comes over any more,” he says.",
    "Dr Kwame Mensah, a hydrologist at the Accra Centre for Climate Research who was not "
    "involved, said the findings matched his own.\n\n“The ice is going,” he told reporters.",
    "Tom Reyes, an economist at the Bank of Ghana, said rates would stay high.\n\n"
    "“We see no relief this year,” he said.",
    "Ray Gill, 52, sells bread in a shop off Market Square.\n\n“It is hard,” he says.",
])
def test_a_place_or_body_after_a_preposition_is_nobody_a_pronoun_stands_for(text):
    speaker = list(_speakers(text).values())[-1]
    assert speaker in ("Ray Gill", "Kwame Mensah", "Tom Reyes")


def test_a_first_name_after_for_is_still_a_person():
    text = ("The prize went this year to a song for Maria Lopez.\n\n"
            "“I cried when I heard it,” she said.")
    assert _speakers(text)["I cried when I heard it"] == "Maria Lopez"
