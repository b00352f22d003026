"""Finding stored marks again in a text: position first, then exact quote with context.

Like the W3C Web Annotation selectors, a stored span has a position (``start``/``end``,
a TextPositionSelector) and a quote (``text`` with ``prefix``/``suffix`` context, a
TextQuoteSelector). :func:`reanchor` trusts the position when it still reads the quote;
otherwise it looks for the exact quote whose context matches too, and accepts it only
when that place is unique. Anything else leaves the mark orphaned — never a fuzzy match,
never a look-alike elsewhere.
"""

from __future__ import annotations

from dataclasses import replace

from deskapp.core.annotations import AnnotationSet, Attribution, Mark, Quote
from deskapp.core.document import Document
from deskapp.core.spans import Span

CONTEXT = 32  # characters of prefix and suffix stored with every span


def context_of(span: Span, text: str, width: int = CONTEXT) -> tuple[str, str]:
    """The ``(prefix, suffix)`` around ``span`` in ``text``."""
    return text[max(0, span.start - width) : span.start], text[span.end : span.end + width]


def reanchor(old_span: Span, new_text: str, prefix: str = "", suffix: str = "") -> Span | None:
    """``old_span`` located in ``new_text``, or None when it cannot be found with certainty.

    ``prefix``/``suffix`` are the context stored with the span; without any, only the
    position is trusted.
    """
    if old_span.holds_in(new_text):
        return old_span
    if not old_span.text or not (prefix or suffix):
        return None
    found = _places(old_span.text, prefix, suffix, new_text)
    if len(found) != 1:
        return None
    shift = found[0] - old_span.start
    frags = tuple((s + shift, e + shift) for s, e in old_span.fragments)
    return Span(old_span.start + shift, old_span.end + shift, old_span.text, frags)


def _places(quote: str, prefix: str, suffix: str, text: str) -> list[int]:
    """Starts of ``quote`` in ``text`` with ``prefix`` before and ``suffix`` after (≤ 2)."""
    found = []
    i = text.find(quote)
    while i >= 0:
        if text.endswith(prefix, 0, i) and text.startswith(suffix, i + len(quote)):
            found.append(i)
            if len(found) > 1:
                break
        i = text.find(quote, i + 1)
    return found


def _spans(mark: Mark) -> tuple[Span | None, Span | None, Span | None]:
    if isinstance(mark, Quote):
        return (mark.span, mark.speaker_span, mark.cue)
    return (mark.content, mark.source, mark.cue)


def _with_spans(mark: Mark, spans: list[Span | None], orphaned: bool) -> Mark:
    if isinstance(mark, Quote):
        return replace(mark, span=spans[0], speaker_span=spans[1], cue=spans[2], orphaned=orphaned)
    assert isinstance(mark, Attribution)
    return replace(mark, content=spans[0], source=spans[1], cue=spans[2], orphaned=orphaned)


def reanchor_mark(mark: Mark, text: str, context: dict | None = None) -> Mark:
    """``mark`` with every span re-found in ``text``; orphaned if any cannot be.

    ``context`` is the mark's stored JSON (it holds ``prefix``/``suffix`` next to each
    span, see :func:`storage_json`). A span that cannot be found keeps its stored offsets
    and text.
    """
    spans = _spans(mark)
    if all(s is None or s.holds_in(text) for s in spans):
        return mark
    stored = _stored_context(mark, context or {})
    found = [
        None if s is None else reanchor(s, text, *ctx) for s, ctx in zip(spans, stored, strict=True)
    ]
    lost = any(s is not None and f is None for s, f in zip(spans, found, strict=True))
    kept = [f if f is not None else s for s, f in zip(spans, found, strict=True)]
    return _with_spans(mark, kept, mark.orphaned or lost)


def _stored_context(mark: Mark, data: dict) -> list[tuple[str, str]]:
    """The ``(prefix, suffix)`` stored for each span of ``mark`` (``("", "")`` if none)."""
    if isinstance(mark, Quote):
        holders = [data, data.get("speaker_span"), data.get("cue")]
    else:
        holders = [data.get("content"), data.get("source"), data.get("cue")]
    return [(str(h.get("prefix") or ""), str(h.get("suffix") or "")) if h else ("", "")
            for h in holders]  # fmt: skip


def reanchor_document(doc: Document, stored: dict | None = None) -> Document:
    """``doc`` with every mark re-found in its own text.

    ``stored`` is the storage JSON ``doc`` was read from (for the spans' context).
    """
    text = doc.article.text
    by_id = {}
    for item in (*(stored or {}).get("quotes", ()), *(stored or {}).get("attributions", ())):
        by_id[item.get("id")] = item
    marks = [reanchor_mark(m, text, by_id.get(m.id)) for m in doc.marks.marks]
    return replace(doc, marks=AnnotationSet.of(marks))


def storage_json(doc: Document, width: int = CONTEXT) -> dict:
    """``doc.to_json()`` plus ``prefix``/``suffix`` next to the offsets of every mark span.

    For what a version stores; exports keep the plain ``{"start","end","text"}`` form.
    """
    data = doc.to_json()
    text = doc.article.text
    for quote, out in zip(doc.marks.quotes, data["quotes"], strict=True):
        _put_context(out, quote.span, text, width)
        _put_context(out.get("speaker_span"), quote.speaker_span, text, width)
        _put_context(out.get("cue"), quote.cue, text, width)
    for attribution, out in zip(doc.marks.attributions, data["attributions"], strict=True):
        _put_context(out["content"], attribution.content, text, width)
        _put_context(out.get("source"), attribution.source, text, width)
        _put_context(out.get("cue"), attribution.cue, text, width)
    return data


def _put_context(out: dict | None, span: Span | None, text: str, width: int) -> None:
    if out is not None and span is not None and span.holds_in(text):
        out["prefix"], out["suffix"] = context_of(span, text, width)


def from_storage_json(data: dict, *, id: int | None = None, version: int | None = None) -> Document:
    """A stored version read back, every mark re-anchored in its text (see :func:`reanchor`)."""
    return reanchor_document(Document.from_json(data, id=id, version=version), data)
