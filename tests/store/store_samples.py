"""Documents made from the sample article, as an editor would mark them."""

from __future__ import annotations

from deskapp.core.annotations import Attribution, Quote
from deskapp.core.article import Article, Metadata
from deskapp.core.document import Document
from deskapp.core.spans import Span


def span_of(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def sample_document(text: str, *, speaker: str | None = "Amanda Lapo") -> Document:
    """The sample with one quote and one attribution, as an editor would mark it."""
    quote = Quote(span_of(text, "The defections don’t appear to be on a senior enough level "
                                "to undermine Maduro,"), speaker=speaker)
    attribution = Attribution(
        content=span_of(text, "More than 500 Venezuelan soldiers have fled"),
        source=span_of(text, "the Colombian migration authority"),
        cue=span_of(text, "reported"))
    meta = Metadata(site_name="Sahar News", sha256="ab" * 32, file_name="venezuela.txt")
    return Document(Article(text, meta=meta)).add_mark(quote).add_mark(attribution)
