"""Quotes whose source wrote or put them: "posted a message that read: “…”", "As one
farmer put it: “…”", "The statement read: “…”"."""

from __future__ import annotations

import re

from deskapp.core.suggest.clauses import lead_subject
from deskapp.core.suggest.model import Range
from deskapp.core.suggest.quotes import RawQuote
from deskapp.core.suggest.sentences import Layout

# "…, posting a cryptic message that read: “…”": who posted it wrote the quote
_WRITTEN_RE = re.compile(
    r"\b(?P<cue>post(?:ed|ing|s)|shar(?:ed|ing|es)|tweet(?:ed|ing|s)|wr(?:ote|iting|ites)|"
    r"publish(?:ed|ing|es)|issu(?:ed|ing|es)|sen(?:t|ding|ds)|le(?:ft|aving|aves))\b"
    r"[^.;:“”\"\n]{1,50}?\b(?:that|which)\s+(?:read|reads|said|says)\s*[:,]?\s*$")
# "As one farmer put it: “…”"
_PUT_IT_RE = re.compile(r"\b[Aa]s\s+(?P<who>[^,:;“”\"\n]{1,60}?)\s+(?P<cue>(?:has\s+|once\s+)?"
                        r"put\s+it|puts\s+it)\s*[,:]?\s*$")
# "The statement read: “…”": the document is the source
_READ_RE = re.compile(
    r"(?P<who>\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:statement|letter|message|note|sign|banner|post|text|email|memo|tweet|caption|"
    r"placard|notice|card))\s+(?P<cue>read|reads)\s*[:,]?\s*$")


def written_by(text: str, layout: Layout, quote: RawQuote) -> tuple[Range, Range] | None:
    """The singer posted a message that read: “…” → the singer, through "posted"; "As one
    farmer put it: “…”" → one farmer, through "put it"; "The statement read: “…”"."""
    sentence = layout.sentence_at(quote.open_at)
    if sentence is None:
        return None
    body = layout.body_start(sentence[0], quote.open_at)
    m = _WRITTEN_RE.search(text, max(body, quote.open_at - 120), quote.open_at)
    if m is None:
        put = (_PUT_IT_RE.search(text, max(body, quote.open_at - 90), quote.open_at)
               or _READ_RE.search(text, max(body, quote.open_at - 90), quote.open_at))
        return None if put is None else (put.span("who"), put.span("cue"))
    source = lead_subject(text, body, m.start())
    return None if source is None else (source, m.span("cue"))
