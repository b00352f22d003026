"""``suggest(article)``: quotes, speakers, attributions and review flags of one article.

Order of work: pair quotation marks → attach each quote to the cue next to it → find
indirect attributions at every other cue → give unattached quotes the speaker of their
context → resolve pronouns and surnames → raise review flags. Each step is linear.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from deskapp.core.annotations import SourceKind
from deskapp.core.article import Article
from deskapp.core.spans import Span
from deskapp.core.suggest.attributions import find_attributions
from deskapp.core.suggest.flags import review_flags
from deskapp.core.suggest.model import (
    AttributionSuggestion,
    QuoteSuggestion,
    RawAttribution,
    Suggestions,
)
from deskapp.core.suggest.phrases import subject_before
from deskapp.core.suggest.quotes import RawQuote, cue_after, cue_before, scan_quotes, word_count
from deskapp.core.suggest.reasons import attribution_reason, quote_reason
from deskapp.core.suggest.sentences import Layout
from deskapp.core.suggest.speakers import Resolver

_PARTIAL_CUE_RE = re.compile(
    r"\b(?:call(?:ed|s)?|describ(?:ed|es)|dubbed|branded|label(?:l)?ed|dismiss(?:ed|es)|"
    r"accus(?:ed|es)|denounc(?:ed|es)|hail(?:ed|s)|prais(?:ed|es)|condemn(?:ed|s)|"
    r"critici[sz](?:ed|es)|slammed|urg(?:ed|es)|den(?:ied|ies)|insist(?:ed|s)|warn(?:ed|s))\b"
)
_SPLIT_GAP_RE = re.compile(r"[^.!?“”\"\n]{0,40}?,\s*$")


def suggest(article: Article) -> Suggestions:
    """Everything deskapp proposes for ``article``, in text order."""
    text = article.text
    layout = Layout.of(article)
    raw_quotes, unbalanced = scan_quotes(text)
    raw_quotes = [q for q in raw_quotes if not layout.is_skipped(q.open_at)]
    builder = _QuoteBuilder(text, layout)
    groups = builder.attach_all(raw_quotes)
    hulls = [(q.open_at, q.close_end) for q in raw_quotes]
    raws = find_attributions(layout, hulls, builder.used_cues)
    resolver = Resolver(text)
    attributions = [_attribution(text, r, resolver) for r in raws]
    quotes, quote_attributions = builder.finish(groups, raws, resolver)
    attributions.extend(quote_attributions)
    attributions.sort(key=lambda a: (a.content.start, a.content.end, a.source or Span(0, 0, "")))
    quotes.sort(key=lambda q: (q.span.start, q.span.end))
    flags = review_flags(layout, tuple(quotes), tuple(attributions), unbalanced)
    return Suggestions(tuple(quotes), tuple(_unique(attributions)), flags)


def _unique(items: list[AttributionSuggestion]) -> list[AttributionSuggestion]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            out.append(item)
    return out


def _span(text: str, ranges) -> Span | None:
    if len(ranges) == 1:  # the common case, without building lists
        r = ranges[0]
        if not r or r[1] <= r[0]:
            return None
        start, end = r
        return Span(start, end, text[start:end]) if end <= len(text) else Span.of(text, start, end)
    ranges = [r for r in ranges if r and r[1] > r[0]]
    return Span.pieces(text, ranges) if ranges else None


def _attribution(text: str, raw: RawAttribution, resolver: Resolver) -> AttributionSuggestion:
    source = _span(text, [raw.source]) if raw.source else None
    kind = resolver.kind(source.text) if source else SourceKind.UNKNOWN
    entity = resolver.resolve(source.start, source.end) if source else None
    if source and entity and kind == SourceKind.UNKNOWN and entity != source.text:
        kind = SourceKind.PERSON
    cue = _span(text, raw.cue)
    content = _span(text, raw.content)
    assert content is not None
    return AttributionSuggestion(
        content=content, source=source, cue=cue, source_kind=kind, entity=entity,
        rule=raw.rule, reason=attribution_reason(raw.rule, cue, source), confidence=raw.confidence,
    )


class _QuoteBuilder:
    """Attaches quotes to cues and speakers; remembers which cues it used."""

    def __init__(self, text: str, layout: Layout) -> None:
        self.text = text
        self.layout = layout
        self.used_cues: set[int] = set()

    def attach_all(self, quotes: list[RawQuote]) -> list[tuple[list[RawQuote], object, str]]:
        groups: list[tuple[list[RawQuote], object, str]] = []
        i = 0
        text = self.text
        while i < len(quotes):
            q = quotes[i]
            para_start, para_end = self.layout.paragraph_of(q.close_end - 1)
            attachment = None
            if text[q.end - 1:q.end] != "." or text[q.close_end:q.close_end + 1] == ",":
                attachment = cue_after(text, q, para_end)
            members = [q]
            if attachment is None:
                sentence = self.layout.sentence_at(q.open_at)
                clause = max(para_start, sentence[0] if sentence else para_start)
                attachment = cue_before(text, q, self.layout.body_start(clause, q.open_at))
            elif i + 1 < len(quotes):
                nxt = quotes[i + 1]
                tail = max(attachment.cue[1], attachment.speaker[1] if attachment.speaker else 0)
                if nxt.open_at < para_end and _SPLIT_GAP_RE.fullmatch(text, tail, nxt.open_at) \
                        and cue_after(text, nxt, para_end) is None:
                    members.append(nxt)
                    i += 1
            if attachment is not None:
                self.used_cues.add(attachment.cue[1] - 1)
                self.used_cues.update(range(attachment.cue[0], attachment.cue[1]))
            groups.append((members, attachment, "attached" if attachment else ""))
            i += 1
        return groups

    def _partial_cue(self, quote: RawQuote) -> tuple[Span, Span] | None:
        """Smith called the move “reckless” → Smith, through “called”."""
        sentence = self.layout.sentence_at(quote.open_at)
        if sentence is None:
            return None
        body = self.layout.body_start(sentence[0], quote.open_at)
        last = None
        for m in _PARTIAL_CUE_RE.finditer(self.text, body, quote.open_at):
            last = m
        if last is None:
            return None
        source = subject_before(self.text, body, last.start())
        if source is None:
            return None
        return Span.of(self.text, *source), Span.of(self.text, last.start(), last.end())

    def finish(self, groups, raws: list[RawAttribution],
               resolver: Resolver) -> tuple[list[QuoteSuggestion], list[AttributionSuggestion]]:
        text = self.text
        quotes: list[QuoteSuggestion] = []
        quote_attrs: list[AttributionSuggestion] = []
        previous: tuple[QuoteSuggestion, int, int | None] | None = None
        raws = sorted(raws, key=lambda r: r.content[0][0])
        starts = [r.content[0][0] for r in raws]
        for members, attachment, _ in groups:
            pieces = [p for q in members for p in q.pieces]
            span = Span.pieces(text, pieces)
            first = members[0]
            para = self.layout.paragraph_of(first.open_at)
            words = sum(word_count(text, q) for q in members)
            speaker_span = cue = None
            rule = "no-speaker"
            conf = 0.35
            if attachment is not None:
                speaker_span = _span(text, [attachment.speaker]) if attachment.speaker else None
                cue = _span(text, [attachment.cue])
                rule, conf = attachment.rule, 0.9 if speaker_span else 0.5
            else:
                holder = _holding_attribution(raws, starts, first)
                if holder is not None:
                    speaker_span = _span(text, [holder.source]) if holder.source else None
                    cue = _span(text, holder.cue)
                    rule, conf = "inside-attribution", 0.75
                elif (partial := self._partial_cue(first)) is not None:
                    speaker_span, cue = partial
                    rule, conf = "partial-quote", 0.6
                elif (holder := _last_in_paragraph(raws, starts, para[0], first)) is not None \
                        and not _mid_sentence(text, first):
                    speaker_span = _span(text, [holder.source])
                    cue = _span(text, holder.cue)
                    rule, conf = "context-speaker", 0.55
                elif previous and previous[0].speaker and _continues(text, previous, para, first):
                    speaker_span, cue = previous[0].speaker_span, previous[0].cue
                    same = previous[1] == para[0]
                    rule, conf = ("continuation", 0.65) if same else ("next-paragraph", 0.5)
            if rule == "no-speaker" and (words <= 2 or (words <= 4 and _mid_sentence(text, first))):
                continue  # scare quotes, titles, single words
            if rule == "inside-attribution" and words <= 2:
                conf = 0.5
            speaker = (resolver.resolve(speaker_span.start, speaker_span.end)
                       if speaker_span else None)
            quote = QuoteSuggestion(span=span, speaker=speaker, speaker_span=speaker_span, cue=cue,
                                    rule=rule, confidence=conf,
                                    reason=quote_reason(rule, cue, speaker))
            quotes.append(quote)
            attr = None
            if rule in {"continuation", "next-paragraph"} and previous and previous[2] is not None:
                attr = previous[2]
                quote_attrs[attr] = _extend(text, quote_attrs[attr], span)
            elif speaker_span is not None and rule != "inside-attribution":
                kind = resolver.kind(speaker_span.text)
                if speaker and speaker != speaker_span.text and kind == SourceKind.UNKNOWN:
                    kind = SourceKind.PERSON
                quote_attr = AttributionSuggestion(
                    content=span, source=speaker_span, cue=cue, source_kind=kind,
                    entity=speaker, rule="direct-quote", confidence=conf,
                    reason=attribution_reason("direct-quote", cue, speaker_span))
                quote_attrs.append(quote_attr)
                attr = len(quote_attrs) - 1
            previous = (quote, para[0], attr)
        return quotes, quote_attrs


def _last_in_paragraph(raws: list[RawAttribution], starts: list[int], para_start: int,
                       quote: RawQuote) -> RawAttribution | None:
    """The person-like attribution just before the quote in its paragraph, if any."""
    i = bisect_right(starts, quote.open_at)
    for raw in reversed(raws[max(0, i - 3):i]):
        if raw.source and raw.content[0][0] >= para_start and raw.content[-1][1] <= quote.open_at:
            return raw
    return None


def _holding_attribution(raws: list[RawAttribution], starts: list[int],
                         quote: RawQuote) -> RawAttribution | None:
    """The indirect attribution whose content holds the quote (raws sorted by start)."""
    i = bisect_right(starts, quote.open_at)
    for raw in raws[max(0, i - 4):i]:
        for s, e in raw.content:
            if s <= quote.open_at and quote.close_end <= e + 1:
                return raw
    return None


def _continues(text: str, previous, para: tuple[int, int], quote: RawQuote) -> bool:
    """Same paragraph as the last quote, or a paragraph that opens with the quote."""
    if previous[1] == para[0]:
        return True
    prev_para_end = text.find("\n", previous[0].span.end, para[0])
    return (quote.open_at == para[0] and prev_para_end >= 0
            and not text[prev_para_end:para[0]].strip())


def _mid_sentence(text: str, quote: RawQuote) -> bool:
    before = text[max(0, quote.open_at - 2):quote.open_at]
    return bool(before.strip()) and before.strip()[-1:] not in ".:"


def _extend(text: str, attr: AttributionSuggestion, span: Span) -> AttributionSuggestion:
    content = Span.pieces(text, [*attr.content.ranges, *span.ranges])
    return AttributionSuggestion(content=content, source=attr.source, cue=attr.cue,
                                 source_kind=attr.source_kind, entity=attr.entity, rule=attr.rule,
                                 reason=attr.reason, confidence=attr.confidence)
