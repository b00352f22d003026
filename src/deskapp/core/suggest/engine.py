"""``suggest(article)``: quotes, speakers, attributions and review flags of one article.

Order of work: pair quotation marks → cut the text into blocks of lines (``blocks.py``) →
in each block, attach each quote to the cue next to it and find indirect attributions at
every other cue (``local.py``; a block unchanged since an earlier run is not read again)
→ give unattached quotes the speaker of the quote before → resolve pronouns and surnames
→ raise review flags → number the ids. Each step is linear.
"""

from __future__ import annotations

from deskapp.core.annotations import SourceKind
from deskapp.core.article import Article
from deskapp.core.spans import Span
from deskapp.core.suggest.blocks import BlockCache, analysed_blocks
from deskapp.core.suggest.context import PreviousSpeakers
from deskapp.core.suggest.flags import review_flags
from deskapp.core.suggest.local import QuotePlan, mid_sentence
from deskapp.core.suggest.model import (
    AttributionSuggestion,
    QuoteSuggestion,
    RawAttribution,
    Suggestions,
    assign_ids,
)
from deskapp.core.suggest.quotes import scan_quotes
from deskapp.core.suggest.reasons import attribution_reason, quote_reason
from deskapp.core.suggest.sentences import Layout, skipped_parts
from deskapp.core.suggest.speakers import Resolver

_CACHE = BlockCache()
_LAST: list[Resolver] = []  # the resolver of the latest run, whose answers a rerun may reuse


def clear_cache() -> None:
    """Forget every block and name kept for reruns (benchmarks measure cold runs so)."""
    _CACHE.clear()
    _LAST.clear()


def suggest(article: Article, *, reuse: bool = True) -> Suggestions:
    """Everything deskapp proposes for ``article``, in text order.

    Blocks of text that an earlier call already read (the same words in the same place
    relative to their line, e.g. everything a one-word correction did not touch) are
    not read again: their findings come from a bounded cache. ``reuse=False`` reads every
    block afresh; the result is the same either way.
    """
    text = article.text
    skipped, dateline_ends = skipped_parts(article)
    raw_quotes, unbalanced = scan_quotes(text)
    if skipped:
        raw_quotes = [q for q in raw_quotes if not any(s <= q.open_at < e for s, e in skipped)]
    sentences: list[tuple[int, int]] = []
    raws: list[tuple[RawAttribution, int]] = []
    plans: list[tuple[QuotePlan, int]] = []
    cache = _CACHE if reuse else None
    for start, block in analysed_blocks(text, raw_quotes, skipped, dateline_ends, cache):
        if start:
            sentences.extend([(s + start, e + start) for s, e in block.sentences])
        else:
            sentences.extend(block.sentences)
        raws.extend([(r, start) for r in block.raws])
        plans.extend([(p, start) for p in block.quotes])
    layout = Layout.build(text, sentences, skipped, dateline_ends)
    resolver = Resolver(text, _LAST[0] if reuse and _LAST else None)
    if reuse:
        _LAST[:] = [resolver]
    attributions = [_attribution(text, r, d, resolver) for r, d in raws]
    quotes, quote_attributions = _quotes(text, plans, resolver, PreviousSpeakers(raws))
    attributions.extend(quote_attributions)
    attributions.sort(key=lambda a: (a.content.start, a.content.end, a.source or Span(0, 0, "")))
    quotes.sort(key=lambda q: (q.span.start, q.span.end))
    attributions = _unique(attributions)
    flags = review_flags(layout, tuple(quotes), tuple(attributions), unbalanced)
    return Suggestions(*assign_ids(quotes, attributions), flags)


def _ranges(span: Span | None) -> tuple:
    return () if span is None else span.ranges


def _unique(items: list[AttributionSuggestion]) -> list[AttributionSuggestion]:
    """One attribution per content, source and cue ranges (the first in text order)."""
    seen: set[tuple] = set()
    out = []
    for item in items:
        key = (item.content.ranges, _ranges(item.source), _ranges(item.cue))
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _span(text: str, ranges, d: int = 0) -> Span | None:
    """The span of ``ranges`` moved by ``d`` (empty ranges dropped; None if nothing is left)."""
    if len(ranges) == 1:  # the common case, without building lists
        r = ranges[0]
        if not r or r[1] <= r[0]:
            return None
        start, end = r[0] + d, r[1] + d
        return Span(start, end, text[start:end]) if end <= len(text) else Span.of(text, start, end)
    ranges = [(r[0] + d, r[1] + d) for r in ranges if r and r[1] > r[0]]
    return Span.pieces(text, ranges) if ranges else None


def _attribution(text: str, raw: RawAttribution, d: int,
                 resolver: Resolver) -> AttributionSuggestion:
    source = _span(text, (raw.source,), d) if raw.source else None
    kind = resolver.kind(source.text) if source else SourceKind.UNKNOWN
    entity = resolver.resolve(source.start, source.end) if source else None
    if source and entity and kind == SourceKind.UNKNOWN and entity != source.text:
        kind = SourceKind.PERSON
    cue = _span(text, raw.cue, d)
    content = _span(text, raw.content, d)
    assert content is not None
    return AttributionSuggestion(
        content=content, source=source, cue=cue, source_kind=kind, entity=entity,
        rule=raw.rule, reason=attribution_reason(raw.rule, cue, source), confidence=raw.confidence,
        id="-",
    )


def _quotes(text: str, plans: list[tuple[QuotePlan, int]], resolver: Resolver,
            earlier: PreviousSpeakers) -> tuple[list[QuoteSuggestion], list[AttributionSuggestion]]:
    """Quote suggestions in text order, each with the attribution its speaker makes."""
    quotes: list[QuoteSuggestion] = []
    quote_attrs: list[AttributionSuggestion] = []
    previous: tuple[QuoteSuggestion, int, int | None] | None = None
    for plan, d in plans:
        span = (_span(text, plan.pieces, d) if len(plan.pieces) == 1
                else Span.pieces(text, [(a + d, b + d) for a, b in plan.pieces]))
        open_at, para_start = plan.open_at + d, plan.para_start + d
        rule, conf = plan.rule, plan.confidence
        speaker_span = cue = None
        if rule is not None:
            speaker_span = _span(text, plan.speaker, d) if plan.speaker else None
            cue = _span(text, plan.cue, d) if plan.cue else None
        elif previous and previous[0].speaker and _continues(text, previous, para_start,
                                                             open_at):
            speaker_span, cue = previous[0].speaker_span, previous[0].cue
            same = previous[1] == para_start
            rule, conf = ("continuation", 0.65) if same else ("next-paragraph", 0.5)
        elif plan.words > 2 and (found := earlier.speaker_before(text, open_at, resolver.kind)):
            speaker_span, cue = _span(text, (found[0],)), _span(text, found[1])
            rule, conf = "previous-paragraph", 0.45  # speaker only: no cue of its own
        else:
            rule = "no-speaker"
            if plan.words <= 2 or (plan.words <= 4 and mid_sentence(text, open_at)):
                continue  # scare quotes, titles, single words
        speaker = (resolver.resolve(speaker_span.start, speaker_span.end)
                   if speaker_span else None)
        quote = QuoteSuggestion(span=span, speaker=speaker, speaker_span=speaker_span, cue=cue,
                                rule=rule, confidence=conf,
                                reason=quote_reason(rule, cue, speaker), id="-")
        quotes.append(quote)
        attr = None
        if rule in {"continuation", "next-paragraph"} and previous and previous[2] is not None:
            attr = previous[2]
            quote_attrs[attr] = _extend(text, quote_attrs[attr], span)
        elif speaker_span is not None and rule not in {"inside-attribution", "previous-paragraph"}:
            kind = resolver.kind(speaker_span.text)
            if speaker and speaker != speaker_span.text and kind == SourceKind.UNKNOWN:
                kind = SourceKind.PERSON
            quote_attr = AttributionSuggestion(
                content=span, source=speaker_span, cue=cue, source_kind=kind,
                entity=speaker, rule="direct-quote", confidence=conf,
                reason=attribution_reason("direct-quote", cue, speaker_span), id="-")
            quote_attrs.append(quote_attr)
            attr = len(quote_attrs) - 1
        previous = (quote, para_start, attr)
    return quotes, quote_attrs


def _continues(text: str, previous, para_start: int, open_at: int) -> bool:
    """Same paragraph as the last quote, or a paragraph that opens with the quote."""
    if previous[1] == para_start:
        return True
    prev_para_end = text.find("\n", previous[0].span.end, para_start)
    return (open_at == para_start and prev_para_end >= 0
            and not text[prev_para_end:para_start].strip())


def _extend(text: str, attr: AttributionSuggestion, span: Span) -> AttributionSuggestion:
    content = Span.pieces(text, [*attr.content.ranges, *span.ranges])
    return AttributionSuggestion(content=content, source=attr.source, cue=attr.cue,
                                 source_kind=attr.source_kind, entity=attr.entity, rule=attr.rule,
                                 reason=attr.reason, confidence=attr.confidence, id="-")
