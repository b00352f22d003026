"""Validated mark creation and navigation among marks (what the editor's shortcuts call).

Every maker snaps its ranges to whole words and raises :class:`MarkRejected` with a message
for the status bar when the mark cannot be made; nothing is changed in that case.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from deskapp.core.annotations import Attribution, Mark, Quote, SourceKind
from deskapp.core.article import Article, PartKind
from deskapp.core.document import Document
from deskapp.core.errors import MarkRejected
from deskapp.core.selection import snap_to_words
from deskapp.core.spans import Span

Range = tuple[int, int]
NAMED_KINDS = frozenset(
    {SourceKind.PERSON, SourceKind.ORGANISATION, SourceKind.MEDIA, SourceKind.DOCUMENT}
)


def snapped_span(doc: Document, rng: Range | Span, what: str) -> Span:
    """The span of ``rng`` snapped to words, checked against empty text and boilerplate."""
    start, end = (rng.start, rng.end) if isinstance(rng, Span) else rng
    text = doc.article.text
    if start == end:
        raise MarkRejected(f"Nothing selected for the {what}: select some words first.")
    snapped = snap_to_words(text, start, end)
    if snapped is None:
        raise MarkRejected(
            f"The selection for the {what} holds only spaces or punctuation: select words."
        )
    span = Span.of(text, *snapped)
    if doc.article.is_boilerplate(span):
        raise MarkRejected(
            f"The {what} reaches into the boilerplate (text of the site, not of the article): "
            "marks belong to the article."
        )
    return span


def make_quote(
    doc: Document,
    start: int,
    end: int,
    *,
    speaker: str | None = None,
    speaker_span: Range | Span | None = None,
    cue: Range | Span | None = None,
    note: str = "",
    replacing: str | None = None,
) -> Quote:
    """A new quote on ``[start, end)``; ``replacing`` = id of the mark it replaces (edit).

    ``speaker`` defaults to the text of ``speaker_span``; give it explicitly when the
    mention is a pronoun or a short name (“she” → "Amanda Lapo").
    """
    span = snapped_span(doc, (start, end), "quote")
    who_span = snapped_span(doc, speaker_span, "speaker") if speaker_span is not None else None
    cue_span = snapped_span(doc, cue, "cue") if cue is not None else None
    if speaker is not None and not speaker.strip():
        raise MarkRejected("The speaker's name is empty: type a name or leave the speaker out.")
    name = speaker.strip() if speaker else (who_span.text if who_span else None)
    quote = Quote(span=span, speaker=name, speaker_span=who_span, cue=cue_span, note=note)
    if replacing:
        quote = replace(quote, id=replacing)
    _refuse_duplicate(doc, quote)
    return quote


def make_attribution(
    doc: Document,
    content_ranges: Range | Iterable[Range],
    *,
    source: Range | Span | None = None,
    cue: Range | Span | None = None,
    source_kind: SourceKind = SourceKind.UNKNOWN,
    entity: str | None = None,
    note: str = "",
    replacing: str | None = None,
) -> Attribution:
    """A new attribution: content (one range or pieces), source span, cue span.

    ``source=None`` means the source is not named in the text (anonymous), which a
    person/organisation/media/document source may only be when ``entity`` names it.
    """
    ranges = [content_ranges] if _is_range(content_ranges) else list(content_ranges)
    if not ranges:
        raise MarkRejected("Nothing selected for the content: select the words said first.")
    pieces = [snapped_span(doc, r, "content") for r in ranges]
    content = Span.pieces(doc.article.text, [(p.start, p.end) for p in pieces])
    source_span = snapped_span(doc, source, "source") if source is not None else None
    cue_span = snapped_span(doc, cue, "cue") if cue is not None else None
    if entity is not None and not entity.strip():
        raise MarkRejected("The source name is empty: type a name or choose one from the list.")
    if source_kind in NAMED_KINDS and source_span is None and not entity:
        raise MarkRejected(
            f"A {source_kind} source needs a name: select it in the text or type it."
        )
    attribution = Attribution(
        content=content,
        source=source_span,
        cue=cue_span,
        source_kind=source_kind,
        entity=entity.strip() if entity else None,
        note=note,
    )
    if replacing:
        attribution = replace(attribution, id=replacing)
    _refuse_duplicate(doc, attribution)
    return attribution


def _is_range(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value)


def _identity(mark: Mark) -> tuple:
    """What makes two marks the same mark: kind and spans (and source, for attributions)."""
    if isinstance(mark, Quote):
        return ("quote", mark.span.ranges)
    source = mark.source.ranges if mark.source else None
    return ("attribution", mark.content.ranges, source, mark.entity if source is None else None)


def _refuse_duplicate(doc: Document, mark: Mark) -> None:
    wanted = _identity(mark)
    marks = doc.marks.marks
    i = bisect.bisect_left(marks, mark.anchor.start, key=lambda m: m.anchor.start)
    while i < len(marks) and marks[i].anchor.start == mark.anchor.start:
        other = marks[i]
        if other.id != mark.id and not other.orphaned and _identity(other) == wanted:
            what = "quote" if isinstance(mark, Quote) else "attribution"
            raise MarkRejected(f"This {what} is already marked: “{_short(mark.anchor.text)}”.")
        i += 1


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def mark_at(doc: Document, pos: int) -> list[Mark]:
    """Marks with a span (anchor, speaker, source or cue) covering character ``pos``.

    Innermost (shortest covering span) first; orphaned marks, whose offsets are only
    approximate, are never found by position.
    """
    return doc.marks.covering(pos)


def next_mark(
    doc: Document, pos: int, *, current: str | None = None, wrap: bool = True
) -> Mark | None:
    """The mark after ``pos`` (F8), in text order of anchors; wraps to the first by default.

    With ``current`` (the selected mark's id) the one after it in order, so marks
    starting at the same place are all visited. Orphaned marks are skipped.
    """
    live = [m for m in doc.marks.marks if not m.orphaned]
    i = _index_after(live, pos, current)
    if i < len(live):
        return live[i]
    return live[0] if wrap and live else None


def previous_mark(
    doc: Document, pos: int, *, current: str | None = None, wrap: bool = True
) -> Mark | None:
    """The mark before ``pos`` (Shift+F8); wraps to the last by default."""
    live = [m for m in doc.marks.marks if not m.orphaned]
    ids = [m.id for m in live]
    if current in ids:
        i = ids.index(current) - 1
    else:
        i = bisect.bisect_left(live, pos, key=lambda m: m.anchor.start) - 1
    if i >= 0:
        return live[i]
    return live[-1] if wrap and live else None


def _index_after(live: Sequence[Mark], pos: int, current: str | None) -> int:
    for i, mark in enumerate(live):
        if mark.id == current:
            return i + 1
    return bisect.bisect_right(live, pos, key=lambda m: m.anchor.start)


_NAME = re.compile(
    r"\b(?:[A-Z][\w’'\-]*|[A-Z]{2,})(?:[ \t]+(?:(?:of|for|the|de|del|da|di|van|von|al)[ \t]+)*"
    r"(?:[A-Z][\w’'\-]*|\([A-Z]{2,}\)))+"
)
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_LEADING = re.compile(
    r"^(?:(?:The|A|An|But|And|In|On|At|For|As|By|President|Vice|Prime|Minister|Senator|General"
    r"|Governor|Mr|Mrs|Ms|Dr)\s+)+"
)
_OWNER = re.compile(r"^.*[’']s\s+")
_POSSESSIVE = re.compile(r"[’']s?$")


def names_in_text(article: Article) -> list[str]:
    """Names for the source type-ahead: capitalised multi-word names and acronyms.

    Taken from the headline, byline and body (the whole text less boilerplate when the
    article has no parts); a leading article or conjunction is dropped (“The Associated
    Press” → "Associated Press"); most frequent first, then by first appearance. Kept
    for the last few articles asked about (each mark dialog asks; 1 MB takes ~0.1 s).
    """
    return list(_names_in_text(article))


@lru_cache(maxsize=4)
def _names_in_text(article: Article) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    for chunk in _searchable(article):
        for match in _NAME.finditer(chunk):
            for name in _name_variants(match.group()):
                counts[name] = counts.get(name, 0) + 1
        for match in _ACRONYM.finditer(chunk):
            counts[match.group()] = counts.get(match.group(), 0) + 1
    order = {name: i for i, name in enumerate(counts)}
    return tuple(sorted(counts, key=lambda n: (-counts[n], order[n])))


def _name_variants(raw: str) -> list[str]:
    name = _LEADING.sub("", _OWNER.sub("", raw.strip()))
    variants = []
    head, paren, tail = name.partition(" (")
    for part in (head, tail.rstrip(")") if paren else ""):
        part = _POSSESSIVE.sub("", part.strip(" .,"))
        if " " in part or (part.isupper() and len(part) > 1):
            variants.append(part)
    return variants


def _searchable(article: Article) -> list[str]:
    wanted = {PartKind.HEADLINE, PartKind.BYLINE, PartKind.BODY}
    chosen = [p.span.text for p in article.parts if p.kind in wanted]
    if chosen:
        return chosen
    text = article.text
    cut = min((p.span.start for p in article.parts_of(PartKind.BOILERPLATE)), default=len(text))
    return [text[:cut]]
