"""``suggest(article)``: quotes, speakers, attributions and review flags of one article.

Order of work: pair quotation marks → cut the text into blocks of lines (``blocks.py``) →
in each block, attach each quote to the cue next to it and find indirect attributions at
every other cue (``local.py``; a block unchanged since an earlier run is not read again)
→ give unattached quotes the speaker of the quote before → resolve pronouns and surnames
→ raise review flags → number the ids. Each step is linear.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from deskapp.core.annotations import SourceKind
from deskapp.core.article import Article, PartKind
from deskapp.core.plain_reading import plain_reading
from deskapp.core.spans import Span
from deskapp.core.suggest import rules, titles, vocab
from deskapp.core.suggest.blocks import BlockCache, analysed_blocks
from deskapp.core.suggest.clauses import lead_subject
from deskapp.core.suggest.context import PreviousSpeakers
from deskapp.core.suggest.cue_shapes import BELIEF
from deskapp.core.suggest.flags import review_flags
from deskapp.core.suggest.headline import headline_quotes
from deskapp.core.suggest.learned.attributions import SentenceCache, learned_attributions
from deskapp.core.suggest.learned.taken import Taken
from deskapp.core.suggest.lexicon import FORM_TO_LEMMA
from deskapp.core.suggest.local import QuotePlan, mid_sentence
from deskapp.core.suggest.model import (
    Range,
    RawAttribution,
    Suggestions,
    new_attribution,
    new_quote,
    new_span,
    numbered_id,
)
from deskapp.core.suggest.nested import nested_quotes
from deskapp.core.suggest.quotes import scan_quotes
from deskapp.core.suggest.reasons import attribution_reason, quote_reason
from deskapp.core.suggest.rules.base import Rule
from deskapp.core.suggest.sentences import Layout, skipped_parts
from deskapp.core.suggest.speakers import Resolver, looks_like_person
from deskapp.core.suggest.subjects import last_visible

_CACHE = BlockCache()
_LEARNED_CACHE = SentenceCache()
# parts the learned models do not read (they read the headline: "Poll: Sanders leads")
_NOT_READ_BY_LEARNED = {PartKind.BOILERPLATE, PartKind.BREADCRUMB, PartKind.CREDIT,
                        PartKind.BYLINE}
_LAST: list[Resolver] = []  # the resolver of the latest run, whose answers a rerun may reuse


def clear_cache() -> None:
    """Forget every block and name kept for reruns (benchmarks measure cold runs so)."""
    _CACHE.clear()
    _LEARNED_CACHE.clear()
    _LAST.clear()


def suggest(article: Article, *, reuse: bool = True) -> Suggestions:
    """Everything deskapp proposes for ``article``, in text order.

    Blocks of text that an earlier call already read (the same words in the same place
    relative to their line, e.g. everything a one-word correction did not touch) are
    not read again: their findings come from a bounded cache. ``reuse=False`` reads every
    block afresh; the result is the same either way. Hard-wrapped paragraphs and
    non-breaking spaces are read as plain text (``plain_reading``); spans still quote the
    article exactly.
    """
    reading = plain_reading(article.text)
    with _collector_paused():
        if reading is article.text:
            return _suggest(article, reuse)
        found = _suggest(replace(article, text=reading), reuse).retexted(article.text)
    if "''" in article.text:
        found = _without_typewriter_quotes(article.text, found)
    return found


def _without_typewriter_quotes(text: str, found: Suggestions) -> Suggestions:
    """The suggestions less the quotes between two-apostrophe marks (''…'', some newspaper
    archives): the rules read them as quotes (no attribution is found inside one, and each
    is the content of its speaker's attribution), but they are left to that attribution,
    not proposed as quotes of their own, since the convention deskapp is measured against
    (expert-annotated news) counts only “…” and "…" as quotation marks."""
    quotes = tuple(q for q in found.quotes if text[q.span.start - 2:q.span.start] != "''")
    return found if len(quotes) == len(found.quotes) else replace(found, quotes=quotes)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cycle collection while a run makes its 10,000s of acyclic tuples, spans and
    suggestions (each 700 new objects would start one, and it finds nothing to free).
    Turned back on only if it was on: a pause elsewhere, in any thread, ends as it would."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _suggest(article: Article, reuse: bool) -> Suggestions:
    text = article.text
    layout, attributions, quotes, short, unbalanced, resolver = _rule_findings(article, reuse)
    learned = [(*_attribution(text, found.raw, 0, resolver)[:6], found.reason,
                found.raw.confidence) for found in
               learned_attributions(*_learned_input(article, layout, attributions, quotes),
                                    cache=_LEARNED_CACHE if reuse else None)]
    attributions.extend(learned)
    quotes = _speakers_from_learned(text, quotes, learned, attributions, resolver)
    quotes, attributions = _contents_into_quotes(text, quotes, attributions)
    quotes = _inline_colons(text, quotes, attributions, resolver)
    quotes = _sentence_subjects(text, quotes, resolver)
    quotes = _late_continuations(text, quotes, resolver)
    quotes.extend(_short_quotes(short, attributions))
    attributions.sort(key=_attribution_order)
    quotes.sort(key=_quote_order)
    seen: dict[str, int] = {}
    # the tuples carry each finding's rule; a suggestion carries the rule's id
    made_quotes = tuple([new_quote(q[0], q[1], q[2], q[3], q[4].id, q[5], q[6],
                                   numbered_id("quote", (q[0],), seen)) for q in quotes])
    made_attributions = tuple([new_attribution(a[0], a[1], a[2], a[3], a[4], a[5].id, a[6], a[7],
                                               numbered_id("attribution", a[:3], seen))
                               for a in _unique(attributions)])
    flags = review_flags(layout, made_quotes, made_attributions, unbalanced)
    return Suggestions(made_quotes, made_attributions, flags)


def _speakers_from_learned(text: str, quotes: list[tuple], learned: list[tuple],
                           attributions: list[tuple], resolver: Resolver) -> list[tuple]:
    """Speakers for quotes the rules found none for: a quote inside the content of a
    learned attribution ("According to the newspaper, “…”") takes its source and cue; a
    quote that opens the paragraph after one ending in a colon ("Cruz continued:") takes the
    source of the last attribution whose cue is in that paragraph's last sentence."""
    contents = _Contents([a for a in learned if a[1] is not None], reach=1)
    colons = _ColonCues(attributions)
    out = []
    for q in quotes:
        if q[4] is rules.NO_SPEAKER:
            if (holder := contents.holding(q[0].start, q[0].end)) is not None:
                q = _spoken_by(q, holder, rules.LEARNED_ATTRIBUTION)
            elif (colon := _colon_before(text, q[0].start)) is not None:
                q = colons.speaker(text, q, colon, resolver)
        out.append(q)
    return out


def _inline_colons(text: str, quotes: list[tuple], attributions: list[tuple],
                   resolver: Resolver) -> list[tuple]:
    """Quotes still without a speaker after a colon in their own paragraph ("Hale leaned
    in and told the crowd: “…”"): spoken as after a paragraph ending in a colon."""
    colons = None
    out = []
    for q in quotes:
        if q[4] is rules.NO_SPEAKER and not q[0].fragments \
                and (colon := _colon_before(text, q[0].start, inline=True)) is not None:
            colons = colons or _ColonCues(attributions)
            q = colons.speaker(text, q, colon, resolver)
        out.append(q)
    return out


class _ColonCues:
    """The cues of attributions with a source, in text order, to find the one in the
    sentence that ends in a colon before a quote."""

    def __init__(self, attributions: list[tuple]) -> None:
        self.cues = sorted((a[2].end, a) for a in attributions
                           if a[1] is not None and a[2] is not None)
        self.ends = [c[0] for c in self.cues]

    def speaker(self, text: str, q: tuple, colon: int, resolver: Resolver) -> tuple:
        """``q`` spoken by the source of the last cue in the sentence ending in ``colon``,
        else by that sentence's subject (unchanged when it has neither)."""
        j = bisect_right(self.ends, colon) - 1
        opening = _sentence_start_before(text, colon)
        if j >= 0 and self.cues[j][0] > opening:
            return _spoken_by(q, self.cues[j][1], rules.AFTER_COLON)
        subject = lead_subject(text, opening, colon)
        if subject is None or _DASH_RE.search(text, subject[1], colon):
            return q  # "Pollsters agree - Jo Hale:": the name after the dash, not the subject
        return _spoken_by_subject(text, q, subject, resolver)


_DASH_RE = re.compile(r"\s[-—–]|[-—–]\s")


def _contents_into_quotes(text: str, quotes: list[tuple], attributions: list[tuple]
                          ) -> tuple[list[tuple], list[tuple]]:
    """A quote left without a speaker that an attributed content runs into (“…, saying he
    is “weak on immigration. Weak like a baby.””: the content stopped at the quote's first
    full stop) belongs to that content: the content goes on to the quote's end, and the
    quote is spoken by its source."""
    held = sorted((a[0].start, i) for i, a in enumerate(attributions)
                  if a[1] is not None and not a[0].fragments)
    starts = [s for s, _ in held]
    ends: dict[int, int] = {}  # attribution index → where its content now ends
    out = []
    for q in quotes:
        span = q[0]
        if q[4] is rules.NO_SPEAKER and not span.fragments:
            j = bisect_right(starts, span.start)
            for _, i in reversed(held[max(0, j - 3):j]):
                if span.start < attributions[i][0].end < span.end:
                    ends[i] = max(ends.get(i, 0), span.end)
                    q = _spoken_by(q, attributions[i], rules.CONTENT_INTO_QUOTE)
                    break
        out.append(q)
    if ends:
        attributions = [a if i not in ends else
                        (_span(text, ((a[0].start, ends[i]),)), *a[1:])
                        for i, a in enumerate(attributions)]
    return out, attributions


def _short_quotes(short: list[Span], attributions: list[tuple]) -> list[tuple]:
    """The short quotes (a few words) that sit inside an attributed content with a source
    ("Trump says he goes “back to war tomorrow.”"): the source's words, quoted exactly."""
    if not short:
        return []
    contents = _Contents([a for a in attributions if a[1] is not None], reach=3)
    return [_spoken_by((span,), holder, rules.INSIDE_ATTRIBUTION, "short") for span in short
            if (holder := contents.holding(span.start, span.end)) is not None]


def _spoken_by(quote: tuple, attribution: tuple, rule: Rule, case: str | None = None) -> tuple:
    """The quote spoken by the source of ``attribution``: the rule's confidence (of
    ``case``), at most the attribution's."""
    speaker = attribution[4] or attribution[1].text
    return (quote[0], speaker, attribution[1], attribution[2], rule,
            quote_reason(rule, attribution[2], speaker), min(attribution[7], rule.conf(case)))


def _spoken_by_subject(text: str, quote: tuple, subject: tuple[int, int],
                       resolver: Resolver, rule: Rule = rules.COLON_SUBJECT) -> tuple:
    """The quote spoken by the subject of the sentence that ends in the colon before it
    ("Cruz continued:"), or (``SENTENCE_SUBJECT``) of the sentence it sits in."""
    span = _span(text, (subject,))
    speaker = resolver.resolve(*subject) or span.text
    return (quote[0], speaker, span, None, rule, quote_reason(rule, None, speaker), rule.conf())


def _late_continuations(text: str, quotes: list[tuple], resolver: Resolver) -> list[tuple]:
    """Quotes still without a speaker right after a quote whose speaker was found after the
    rules ran (by a learned attribution, a colon, a content running into it): the same
    paragraph, or the next one opening with the quote, continues that speaker."""
    out: list[tuple] = []
    for q in quotes:
        before = out[-1] if out else None
        if q[4] is rules.NO_SPEAKER and before is not None and before[2] is not None \
                and before[0].end <= q[0].start:
            open_at = q[0].start - 1
            para_start = text.rfind("\n", 0, open_at) + 1
            previous = (before[0], before[1], before[2], before[3],
                        text.rfind("\n", 0, before[0].start) + 1)
            if _continues(text, previous, para_start, open_at) \
                    and _own_subject(text, open_at, resolver) is None:
                rule = rules.CONTINUATION if previous[4] == para_start else rules.NEXT_PARAGRAPH
                q = (q[0], before[1], before[2], before[3], rule,
                     quote_reason(rule, before[3], before[1]), rule.conf())
        out.append(q)
    return out


def _sentence_subjects(text: str, quotes: list[tuple], resolver: Resolver) -> list[tuple]:
    """Quotes still without a speaker, inside a sentence that opens with a subject, spoken
    by that subject (``SENTENCE_SUBJECT``)."""
    return [_spoken_by_subject(text, q, subject, resolver, rules.SENTENCE_SUBJECT)
            if q[4] is rules.NO_SPEAKER and not q[0].fragments
            and (subject := _sentence_subject(text, q[0].start)) is not None
            and _speaking_kind(text[subject[0]:subject[1]], resolver) else q
            for q in quotes]


def _speaking_kind(subject: str, resolver: Resolver) -> bool:
    """A person, a body or an outlet ("Hale", "she", "the council"), not a thing ("the
    statements", "fundraising") nor a clause opener ("When he")."""
    first = subject.split(None, 1)[0]
    if not (first[:1].isupper() or first in _PRONOUNS):
        return False
    kind = resolver.kind(subject)
    return kind in _SPEAKING_KINDS or (kind == SourceKind.UNKNOWN and (
        subject in _PRONOUNS or looks_like_person(subject)))


_SPEAKING_KINDS = (SourceKind.PERSON, SourceKind.ORGANISATION, SourceKind.MEDIA,
                   SourceKind.ANONYMOUS)
_PRONOUNS = frozenset({"he", "she", "He", "She", "they", "They", "we", "We", "I"})
_CLAUSE_OPENERS = frozenset(vocab.read("clause_openers"))
# between the subject and the quote: another clause, whose subject may be the speaker
_OTHER_CLAUSE_RE = re.compile(r",\s+(?:and|but|while|though|although|as)\s|—|\s-\s")
_AS_RE = re.compile(r"[Aa]s\s+(?=[A-Z])")


def _sentence_subject(text: str, start: int) -> tuple[int, int] | None:
    """The subject of the sentence a quote starting at ``start`` sits in, when words of
    that sentence come before its opening mark ("Clinton celebrated in Florida, declaring
    it “…”")."""
    open_at = start - 1
    if open_at <= 0 or not mid_sentence(text, open_at):
        return None
    opening = _sentence_start_before(text, open_at)
    while opening < open_at and text[opening].isspace():
        opening += 1
    subject = lead_subject(text, opening, open_at)
    if subject is None:
        return None
    start, end = subject
    if (as_ := _AS_RE.match(text, start, end)) is not None:
        start = as_.end()  # "As The Daily Caller reported, “…”"
    elif text[start:end].split(None, 1)[0].lower() in _CLAUSE_OPENERS:
        return None
    comma = text.find(",", start, end)
    if comma > start:  # "Trump, who has …,": the name before the aside
        end = comma
    end = start + len(text[start:end].rstrip())
    if _OTHER_CLAUSE_RE.search(text, end, open_at):
        return None
    return start, end


def _colon_before(text: str, open_at: int, inline: bool = False) -> int | None:
    """Where the paragraph before ends in a colon, when the quote opens its paragraph; with
    ``inline``, where the words before the quote in its own paragraph end in one ("Hale
    told the crowd: “…”")."""
    line = text.rfind("\n", 0, open_at)
    lead = text[line + 1:open_at].rstrip(" \t“\"‘'")
    if inline or lead:
        return line + 1 + len(lead) - 1 if inline and lead.endswith(":") else None
    if line < 0:
        return None
    last = last_visible(text, line)
    return last if last >= 0 and text[last] == ":" else None


def _sentence_start_before(text: str, at: int) -> int:
    """The start of the sentence holding ``at`` (a rough cut: the last . ! ? or newline),
    looked for in the ``SENTENCE_REACH`` characters before it only (a mark that a long
    text never holds would otherwise send every call back to its start)."""
    lo = max(0, at - SENTENCE_REACH)
    return max(text.rfind(mark, lo, at) + 1 for mark in (". ", "! ", "? ", "\n")) or lo


SENTENCE_REACH = 2000


def learned_input(article: Article) -> tuple[str, list[Range], Taken, tuple[Range, ...]]:
    """What the learned models read of ``article`` beside the rules' findings (for training
    them on the same input the engine gives them): text, sentences, taken words, skipped."""
    article = replace(article, text=plain_reading(article.text))
    layout, attributions, quotes, _, _, _ = _rule_findings(article, reuse=False)
    return _learned_input(article, layout, attributions, quotes)


def _learned_input(article: Article, layout: Layout, attributions: list[tuple],
                   quotes: list[tuple]) -> tuple[str, list[Range], Taken, tuple[Range, ...]]:
    taken = Taken(cues=[r for a in attributions for r in _ranges(a[2])],
                  sources=[r for a in attributions for r in _ranges(a[1])],
                  contents=[r for a in attributions for r in _ranges(a[0])],
                  quotes=[r for q in quotes if q[4] is not rules.NO_SPEAKER for r in _ranges(q[0])],
                  hulls=[_hull(a[:3]) for a in attributions])
    unread = sorted((p.span.start, p.span.end) for p in article.parts
                    if p.kind in _NOT_READ_BY_LEARNED)
    return article.text, layout.sentences, taken, tuple(unread)


def _without_nested_beliefs(attributions: list[tuple]) -> list[tuple]:
    """Attributions less the beliefs reported inside another one's content ("voters say
    they think she could win": one attribution, as expert annotators of news mark it)."""
    contents = _Contents(attributions, reach=4)

    def nested(a: tuple) -> bool:
        cue = a[2]
        return cue is not None \
            and FORM_TO_LEMMA.get(cue.text.split()[-1].lower()) in BELIEF \
            and contents.holding(cue.start, cue.end, but=(a[0].start, a[0].end)) is not None

    return [a for a in attributions if not nested(a)]


class _Contents:
    """Attribution tuples by their content, to ask which one holds a span: the ``reach``
    contents that start last at or before it are read (contents seldom nest deeper)."""

    def __init__(self, attributions: list[tuple], reach: int) -> None:
        self._reach = reach
        self._items = sorted((((a[0].start, a[0].end), a) for a in attributions),
                             key=lambda item: item[0])
        self._starts = [r[0] for r, _ in self._items]

    def holding(self, start: int, end: int, but: Range | None = None) -> tuple | None:
        """The attribution whose content holds ``[start, end)``, latest first; none whose
        content is exactly ``but``."""
        i = bisect_right(self._starts, start)
        for (s, e), a in reversed(self._items[max(0, i - self._reach):i]):
            if s <= start and end <= e and (s, e) != but:
                return a
        return None


def _hull(spans: tuple[Span | None, ...]) -> Range:
    present = [s for s in spans if s is not None]
    return min(s.start for s in present), max(s.end for s in present)


def _rule_findings(article: Article, reuse: bool
                   ) -> tuple[Layout, list[tuple], list[tuple], list[Span], list, Resolver]:
    """What the hand-written rules find: layout, attribution and quote tuples (unsorted),
    the short quotes they left without a speaker, unbalanced quotation marks, and the
    resolver of names they used."""
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
    attributions = _without_nested_beliefs([_attribution(text, r, d, resolver)
                                            for r, d in raws])
    quotes, quote_attributions, short = _quotes(text, plans, resolver, PreviousSpeakers(raws))
    quotes.extend(nested_quotes(text, quotes, resolver))
    if article.parts:
        quotes.extend(headline_quotes(article))
    attributions.extend(quote_attributions)
    return layout, attributions, quotes, short, unbalanced, resolver


# Suggestions are built as tuples of their fields (id last, added at the end):
# quotes (span, speaker, speaker_span, cue, rule, reason, confidence), attributions
# (content, source, cue, source_kind, entity, rule, reason, confidence).
_NO_SOURCE = (0, 0, "", ())  # Span(0, 0, "") in the order of Span's fields


def _attribution_order(a: tuple) -> tuple:
    """Content start, content end, then the source (spans order by their fields)."""
    content, source = a[0], a[1]
    return (content.start, content.end, _NO_SOURCE if source is None else
            (source.start, source.end, source.text, source.fragments))


def _quote_order(q: tuple) -> tuple[int, int]:
    return q[0].start, q[0].end


def _ranges(span: Span | None) -> tuple:
    return () if span is None else span.fragments or ((span.start, span.end),)


def _unique(items: list[tuple]) -> list[tuple]:
    """One attribution per content, source and cue ranges (the first in text order)."""
    seen: set[tuple] = set()
    out = []
    for item in items:
        key = (_ranges(item[0]), _ranges(item[1]), _ranges(item[2]))
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
        if start >= 0 and end <= len(text):
            return new_span(start, end, text[start:end], ())
        return Span.of(text, start, end)
    ranges = [(r[0] + d, r[1] + d) for r in ranges if r and r[1] > r[0]]
    return Span.pieces(text, ranges) if ranges else None


def _without_leading_commas(text: str, ranges: tuple, d: int) -> tuple:
    """``ranges`` whose first piece no longer opens with a comma and spaces (", saying,
    “…”" gives the quoted words, not the comma before them)."""
    start, end = ranges[0]
    while start < end and text[start + d] in ", ":
        start += 1
    return ranges if start == ranges[0][0] or start == end else ((start, end), *ranges[1:])


def _attribution(text: str, raw: RawAttribution, d: int, resolver: Resolver) -> tuple:
    source = _span(text, (raw.source,), d) if raw.source else None
    if source is None:
        kind, entity = SourceKind.UNKNOWN, None
    else:
        kind = resolver.kind(source.text)
        entity = resolver.resolve(source.start, source.end)
        if entity and kind == SourceKind.UNKNOWN and entity != source.text:
            kind = _resolved_kind(source.text)
    cue = _span(text, raw.cue, d)
    content = _span(text, _without_leading_commas(text, raw.content, d), d)
    assert content is not None
    return (content, source, cue, kind, entity, raw.rule,
            attribution_reason(raw.rule, cue, source), raw.confidence)


def _quotes(text: str, plans: list[tuple[QuotePlan, int]], resolver: Resolver,
            earlier: PreviousSpeakers) -> tuple[list[tuple], list[tuple], list[Span]]:
    """Quote suggestions in text order, each with the attribution its speaker makes, and the
    short quotes without a speaker (kept only inside a reported content)."""
    quotes: list[tuple] = []
    quote_attrs: list[tuple] = []
    short: list[Span] = []
    # the previous quote: its span, speaker, speaker span, cue, paragraph, attribution
    previous: tuple | None = None
    for plan, d in plans:
        span = (_span(text, plan.pieces, d) if len(plan.pieces) == 1
                else Span.pieces(text, [(a + d, b + d) for a, b in plan.pieces]))
        open_at, para_start = plan.open_at + d, plan.para_start + d
        if plan.words <= titles.MAX_WORDS and len(plan.pieces) == 1 \
                and titles.is_title(text, open_at, span.start, span.end):
            continue  # told NBC's “Good Morning America”: a show's name, nobody's words
        rule, conf = plan.rule, plan.confidence
        speaker_span = cue = speaker = None
        if rule is not None:
            speaker_span = _span(text, plan.speaker, d) if plan.speaker else None
            cue = _span(text, plan.cue, d) if plan.cue else None
        elif previous and previous[1] and _continues(text, previous, para_start, open_at):
            if (own := _own_subject(text, open_at, resolver)) is not None:
                speaker_span = _span(text, (own,))  # "He rails against its “…”": a new
                rule = rules.SENTENCE_SUBJECT  # sentence, its own subject
            else:
                speaker_span, cue = previous[2], previous[3]
                if (local := _local_mention(text, previous, open_at, resolver)) is not None:
                    speaker_span = _span(text, (local,))  # "She then added: “…”": the
                    speaker = previous[1]  # mention next to the quote, the same name
                same = previous[4] == para_start
                rule = rules.CONTINUATION if same else rules.NEXT_PARAGRAPH
            conf = rule.conf()
        elif plan.words > 2 and (found := earlier.speaker_before(text, open_at, resolver.kind)):
            speaker_span, cue = _span(text, (found[0],)), _span(text, found[1])
            rule = rules.PREVIOUS_PARAGRAPH  # speaker only: no cue of its own
            conf = rule.conf()
        else:
            rule = rules.NO_SPEAKER
            conf = rule.conf()
            if plan.words <= 2 or (plan.words <= 4 and mid_sentence(text, open_at)):
                short.append(span)  # scare quotes, titles, single words: only inside a
                continue  # reported content are they a speaker's words (``_short_quotes``)
        if speaker is None and speaker_span is not None:
            speaker = resolver.resolve(speaker_span.start, speaker_span.end)
        quotes.append((span, speaker, speaker_span, cue, rule, quote_reason(rule, cue, speaker),
                       conf))
        attr = None
        if (rule is rules.CONTINUATION or rule is rules.NEXT_PARAGRAPH) and previous \
                and previous[5] is not None:
            attr = previous[5]
            quote_attrs[attr] = _extend(text, quote_attrs[attr], span)
        elif speaker_span is not None and rule not in _NO_ATTRIBUTION:
            kind = resolver.kind(speaker_span.text)
            if speaker and speaker != speaker_span.text and kind == SourceKind.UNKNOWN:
                kind = _resolved_kind(speaker_span.text)
            content = _span(text, plan.content, d) if plan.content else span
            quote_attrs.append((content, speaker_span, cue, kind, speaker, rules.DIRECT_QUOTE,
                                attribution_reason(rules.DIRECT_QUOTE, cue, speaker_span), conf))
            attr = len(quote_attrs) - 1
        previous = (span, speaker, speaker_span, cue, para_start, attr)
    return quotes, quote_attrs, short


# quote rules whose speaker makes no attribution of the quote: it sits in one already, or
# no cue ties the speaker to it
_NO_ATTRIBUTION = (rules.INSIDE_ATTRIBUTION, rules.PREVIOUS_PARAGRAPH, rules.SENTENCE_SUBJECT)


def _own_subject(text: str, open_at: int, resolver: Resolver) -> tuple[int, int] | None:
    """The subject of a sentence that holds no quote before the one opening at
    ``open_at``: when it names a person or a body, the sentence is theirs, not the earlier
    quote's speaker's."""
    subject = _sentence_subject(text, open_at + 1)
    if subject is None or _MARK_RE.search(text, subject[0], open_at) \
            or not _speaking_kind(text[subject[0]:subject[1]], resolver):
        return None
    return subject


_MARK_RE = re.compile(r"[\"“”«»]")


def _local_mention(text: str, previous: tuple, open_at: int,
                   resolver: Resolver) -> tuple[int, int] | None:
    """A mention of the previous quote's speaker in the quote's own sentence, before its
    opening mark and after the previous quote and speaker ("… she said. Then she added:
    “…”", "…,” said Hale, the mayor, who added that it was “…”"): the first subject
    pronoun or name there that stands for the same speaker."""
    before = previous[2]
    sentence = _sentence_start_before(text, open_at)
    lo = max(sentence, previous[0].end, before.end)
    if lo >= open_at or _MARK_RE.search(text, lo, open_at):
        return None
    name, same_sentence = previous[1], before.end > sentence
    for m in _MENTION_RE.finditer(text, lo, open_at):
        word = m.group()
        if word == "who":
            if m.start() - before.end < 120 and _APPOSED_WHO_RE.fullmatch(
                    text, before.end, m.start()) and (verb := _WORD_AFTER_RE.match(
                    text, m.end())) and verb.group(1) in FORM_TO_LEMMA:
                return m.span()  # "Hale, the mayor, who added …"
        elif same_sentence:
            continue  # "Hale said that he …": the speaker is named in the sentence
        elif word.lower() in _SAME_PRONOUNS:
            if word.lower() == before.text.lower() or resolver.resolve(*m.span()) == name:
                return m.span()
        elif text.startswith(("’s", "'s"), m.end()):
            continue  # "Hale's plan": not the one speaking
        elif resolver.resolve(*m.span()) == name:
            return m.span()
    return None


_MENTION_RE = re.compile(r"\b(?:who|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|"
                         r"[A-Z][\w’'.-]*[\w.](?:\s+[A-Z][\w’'.-]*[\w.])*)\b")
_SAME_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
# between a speaker and "who": their title or role, set off by commas
_APPOSED_WHO_RE = re.compile(r"(?:,\s+(?:the|a|an|his|her|its|their|[A-Z])[^,;:.!?\"“”\n]*)?,\s*")
_WORD_AFTER_RE = re.compile(r"\s+(?:also\s+|later\s+|then\s+)?([a-z]+)")


def _resolved_kind(mention: str) -> SourceKind:
    """A mention of unknown kind that stands for a name: "it" an organisation ("It said
    in a statement"), anything else ("she", "Lapo") a person."""
    return SourceKind.ORGANISATION if mention.lower() == "it" else SourceKind.PERSON


def _continues(text: str, previous: tuple, para_start: int, open_at: int) -> bool:
    """Same paragraph as the last quote, or a paragraph that opens with the quote."""
    if previous[4] == para_start:
        return True
    prev_para_end = text.find("\n", previous[0].end, para_start)
    return (prev_para_end >= 0 and not text[para_start:open_at].strip()  # (an indent)
            and not text[prev_para_end:para_start].strip())


def _extend(text: str, attr: tuple, span: Span) -> tuple:
    """The attribution ``attr`` with ``span`` added to its content."""
    return (Span.pieces(text, [*attr[0].ranges, *span.ranges]), *attr[1:])
