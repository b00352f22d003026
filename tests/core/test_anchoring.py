"""Finding stored marks again: position, else exact quote with its context, else orphaned."""

from deskapp.core.anchoring import (
    from_storage_json,
    reanchor,
    storage_json,
)
from deskapp.core.annotations import AnnotationSet, Attribution, Quote
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.spans import Span

TEXT = "He said no. She said yes. They said no."


def stored(start: int, end: int, text: str = TEXT) -> tuple[Span, str, str]:
    """A span as loaded from storage, with its context."""
    return Span.of(text, start, end), text[max(0, start - 10) : start], text[end:][:10]


def test_position_is_trusted_when_it_still_reads_the_quote():
    span, prefix, suffix = stored(3, 7)
    assert reanchor(span, TEXT, prefix, suffix) == span


def test_moved_quote_is_found_by_its_context():
    span, prefix, suffix = stored(TEXT.index("She said yes"), TEXT.index("She said yes") + 12)
    moved = "Breaking: " + TEXT
    found = reanchor(span, moved, prefix, suffix)
    assert found is not None and found.holds_in(moved)
    assert found.start == span.start + len("Breaking: ")


def test_a_look_alike_with_other_context_is_not_taken():
    said = TEXT.index("said no", 20)  # “They said no.”
    span, prefix, suffix = stored(said, said + 7)
    changed = TEXT.replace("They said no.", "They refused.")
    assert (
        reanchor(span, changed, prefix, suffix) is None
    )  # “He said no.” reads the same but is not it


def test_ambiguous_places_leave_the_span_orphaned():
    text = "x said no. x said no."
    assert reanchor(Span(99, 106, "said no"), text, "x ", ".") is None


def test_without_context_only_the_position_counts():
    span = Span(40, 47, "said no")
    assert reanchor(span, "Breaking: " + TEXT) is None


def test_storage_round_trip_keeps_exports_plain_and_reanchors_on_load():
    quote_at = TEXT.index("She said yes")
    quote = Quote(
        Span.of(TEXT, quote_at, quote_at + 12), cue=Span.of(TEXT, quote_at + 4, quote_at + 8)
    )
    source = Attribution(Span.pieces(TEXT, [(0, 2), (8, 10)]), source=Span.of(TEXT, 3, 7))
    doc = Document(Article(TEXT), AnnotationSet.of([quote, source]))
    data = storage_json(doc)
    assert data["quotes"][0]["prefix"] == TEXT[max(0, quote_at - 32) : quote_at]
    assert "prefix" in data["attributions"][0]["content"]
    assert "prefix" not in doc.to_json()["quotes"][0]  # exports keep the contract form
    assert "prefix" not in quote.span.to_json()

    data["text"] = "Update: " + TEXT  # text changed behind the marks' back
    loaded = from_storage_json(data)
    for mark in loaded.marks:
        assert not mark.orphaned
    assert loaded.marks.get(quote.id).span.start == quote_at + len("Update: ")
    assert loaded.marks.get(quote.id).cue.text == "said"

    data["text"] = TEXT.replace("She said yes", "She said maybe")
    reloaded = from_storage_json(data)
    assert reloaded.marks.get(quote.id).orphaned
    assert reloaded.marks.get(quote.id).span.text == "She said yes"  # last known text kept
    assert not reloaded.marks.get(source.id).orphaned  # before the change: position holds
