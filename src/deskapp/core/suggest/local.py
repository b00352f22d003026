"""What the rules find inside one block of lines, in offsets relative to the block.

A block is a line of the article, or several lines that a quote (or a cue such as
"according\\nto") runs across. Everything here reads only the block's own text, so its
result depends only on that text, the quotes in it and the parts it overlaps: the engine
keeps it and reuses it when a correction leaves the block as it was (``blocks.py``).
Speakers that come from an earlier paragraph ("continuation") and names are worked out
afterwards, over the whole article (``engine.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from deskapp.core.suggest import rules
from deskapp.core.suggest.attributions import find_attributions
from deskapp.core.suggest.clauses import lead_subject
from deskapp.core.suggest.model import Range, RawAttribution
from deskapp.core.suggest.quotes import (
    THOUGHT_VERBS,
    Attachment,
    RawQuote,
    cue_after,
    cue_before,
    reported_by,
    word_count,
)
from deskapp.core.suggest.rules.base import Rule
from deskapp.core.suggest.sentences import Layout, sentence_ranges
from deskapp.core.suggest.subjects import subject_before
from deskapp.core.suggest.written import written_by

_PARTIAL_CUE_RE = re.compile(
    r"\b(?:call(?:ed|s|ing)?|describ(?:ed|es|ing)|dubb(?:ed|ing)|brand(?:ed|ing)|"
    r"label(?:l)?(?:ed|ing)|dismiss(?:ed|es)|"
    r"accus(?:ed|es)|denounc(?:ed|es)|hail(?:ed|s)|prais(?:ed|es)|condemn(?:ed|s)|"
    r"critici[sz](?:ed|es)|slammed|urg(?:ed|es)|den(?:ied|ies)|insist(?:ed|s)|warn(?:ed|s))\b"
)
# what stands between a partial cue and its quote: a short object, perhaps "as"
_OBJECT_RE = re.compile(r"\s+(?!(?:and|but|that|though|while)\b)[\w’'-]+"
                        r"(?:\s+(?!(?:and|but|that|though|while)\b)[\w’'-]+){0,7}\s+")
_THAT_RE = re.compile(r"\s+(that)\s+")  # "warned that “…”": the content opens at "that"
_SPLIT_GAP_RE = re.compile(r"[^.!?“”\"\n]{0,40}?,\s*$")

Ranges = tuple[Range, ...]


@dataclass(frozen=True, slots=True)
class QuotePlan:
    """A quote (one or more raw quotes split by a cue) and the speaker found in its block.

    ``rule`` is None when nothing in the block names a speaker: the engine then tries the
    previous quote ("continuation") and otherwise proposes it without one.
    """

    pieces: Ranges
    open_at: int
    para_start: int
    words: int
    rule: Rule | None = None
    confidence: float | None = None  # the rule's, as the block found it
    speaker: Ranges | None = None
    cue: Ranges | None = None
    content: Ranges | None = None  # its attribution's, when wider than the quote


@dataclass(frozen=True, slots=True)
class BlockResult:
    sentences: Ranges
    raws: tuple[RawAttribution, ...]
    quotes: tuple[QuotePlan, ...]


EMPTY = BlockResult((), (), ())


def analyse_block(text: str, quotes: Sequence[RawQuote], skipped: Ranges,
                  dateline_ends: tuple[int, ...]) -> BlockResult:
    """Sentences, indirect attributions and quote plans of one block's ``text``."""
    layout = Layout.build(text, sentence_ranges(text), skipped, dateline_ends)
    used_cues: set[int] = set()
    groups = _attach_all(text, layout, quotes, used_cues)
    hulls = [(q.open_at, q.close_end) for q in quotes]
    raws = find_attributions(layout, hulls, used_cues)
    plans = _plans(text, layout, groups, raws) if groups else ()
    return BlockResult(layout.sentences, tuple(raws), plans)


def _attach_all(text: str, layout: Layout, quotes: Sequence[RawQuote],
                used_cues: set[int]) -> list[tuple[list[RawQuote], Attachment | None]]:
    """Each quote with the cue next to it; a quote split by a cue joins its second half."""
    groups: list[tuple[list[RawQuote], Attachment | None]] = []
    i = 0
    while i < len(quotes):
        q = quotes[i]
        para_start, para_end = layout.paragraph_of(q.close_end - 1)
        attachment = None
        if (text[q.end - 1:q.end] != "." or text[q.close_end:q.close_end + 1] == ",") \
                and (attachment := cue_after(text, q, para_end)) is not None \
                and mid_sentence(text, q.open_at) \
                and _inside_reported_clause(text, _clause(layout, para_start, q), q.open_at):
            attachment = None
        members = [q]
        if attachment is None:  # the clause of the opening mark (a quote may run on)
            open_para = para_start if len(q.pieces) == 1 else layout.paragraph_of(q.open_at)[0]
            attachment = cue_before(text, q, _clause(layout, open_para, q))
        elif i + 1 < len(quotes):
            nxt = quotes[i + 1]
            tail = max(attachment.cue[1], attachment.speaker[1] if attachment.speaker else 0)
            if nxt.open_at < para_end and _SPLIT_GAP_RE.fullmatch(text, tail, nxt.open_at) \
                    and cue_after(text, nxt, para_end) is None:
                members.append(nxt)
                i += 1
        if attachment is not None:
            used_cues.add(attachment.cue[1] - 1)
            used_cues.update(range(attachment.cue[0], attachment.cue[1]))
        groups.append((members, attachment))
        i += 1
    return groups


def _plans(text: str, layout: Layout, groups, raws: list[RawAttribution]) -> tuple[QuotePlan, ...]:
    raws = sorted(raws, key=lambda r: r.content[0][0])
    starts = [r.content[0][0] for r in raws]
    plans = []
    last_close = -1  # where the block's previous quote closed
    for members, attachment in groups:
        pieces = tuple(p for q in members for p in q.pieces)
        first = members[0]
        para_start = layout.paragraph_of(first.open_at)[0]
        since = max(para_start, last_close)  # an attribution before a quote is not the next's
        last_close = members[-1].close_end
        words = sum(word_count(text, q) for q in members)
        base = (pieces, first.open_at, para_start, words)
        if attachment is not None:
            s = attachment.speaker
            named = s is not None and s[1] > s[0]
            that = _THAT_RE.fullmatch(text, attachment.cue[1], first.open_at)
            plans.append(QuotePlan(*base, attachment.rule,
                                   attachment.rule.conf(None if named else "unnamed"),
                                   (s,) if s else None, (attachment.cue,),
                                   ((that.start(1), members[-1].close_end),) if that else None))
        elif (holder := _holding_attribution(raws, starts, first)) is not None \
                and not _closer_partial_cue(text, layout, holder, first):
            inside = rules.INSIDE_ATTRIBUTION
            plans.append(QuotePlan(*base, inside, inside.conf("few words" if words <= 2 else None),
                                   (holder.source,) if holder.source else None, holder.cue))
        elif (partial := _partial_cue(text, layout, first)) is not None:
            plans.append(QuotePlan(*base, rules.PARTIAL_QUOTE, rules.PARTIAL_QUOTE.conf(),
                                   (partial[0],), (partial[1],),
                                   _object_and_quote(text, partial[1][1], first)))
        elif (written := written_by(text, layout, first)) is not None:
            plans.append(QuotePlan(*base, rules.WRITTEN_MESSAGE, rules.WRITTEN_MESSAGE.conf(),
                                   (written[0],), (written[1],)))
        elif (holder := _last_in_paragraph(raws, starts, since, first)) is not None \
                and not mid_sentence(text, first.open_at):
            plans.append(QuotePlan(*base, rules.CONTEXT_SPEAKER, rules.CONTEXT_SPEAKER.conf(),
                                   (holder.source,), holder.cue))
        else:
            plans.append(QuotePlan(*base))
    return tuple(plans)


def _partial_cue(text: str, layout: Layout, quote: RawQuote) -> tuple[Range, Range] | None:
    """Smith called the move “reckless” → Smith, through “called”."""
    sentence = layout.sentence_at(quote.open_at)
    if sentence is None:
        return None
    body = layout.body_start(sentence[0], quote.open_at)
    last = None
    for m in _PARTIAL_CUE_RE.finditer(text, body, quote.open_at):
        last = m
    if last is None:
        return None
    if last.group().endswith("ing"):  # "X vetoed the bill, calling it “reckless”"
        if text[max(body, last.start() - 2):last.start()] != ", ":
            return None
        source = lead_subject(text, body, last.start())
    else:
        source = subject_before(text, body, last.start())
    if source is None:
        return None
    return source, (last.start(), last.end())


def _closer_partial_cue(text: str, layout: Layout, holder: RawAttribution,
                        quote: RawQuote) -> bool:
    """A partial cue between the holding attribution's cue and the quote ("The agency said
    …, but its director called the situation “…”"): that cue's subject is the speaker."""
    after = holder.cue[-1][1] if holder.cue else quote.open_at
    if not _PARTIAL_CUE_RE.search(text, after, quote.open_at):
        return False
    partial = _partial_cue(text, layout, quote)
    return partial is not None and partial[1][0] >= after


def _object_and_quote(text: str, cue_end: int, quote: RawQuote) -> Ranges | None:
    """"called the move “reckless”", "described him as “…”": the content runs from the
    cue's object to the quote; None (the quote alone) when more than that comes between."""
    gap = text[cue_end:quote.open_at]
    if not gap.strip() or _OBJECT_RE.fullmatch(gap) is None:
        return None
    return ((cue_end + len(gap) - len(gap.lstrip()), quote.close_end),)


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
    """The indirect attribution whose content holds the quote (raws sorted by start): of
    several, the innermost made with a verb of saying ("Araghchi warned that … “…”, the
    agency reported"; "X said Washington believed “…”"), else the outermost."""
    i = bisect_right(starts, quote.open_at)
    holders = []
    for raw in raws[max(0, i - 4):i]:
        for s, e in raw.content:
            if s <= quote.open_at and quote.close_end <= e + 1:
                holders.append(raw)
                break
    if len(holders) < 2:
        return holders[0] if holders else None
    said = [raw for raw in holders if raw.verb and raw.verb not in THOUGHT_VERBS]
    return said[-1] if said else holders[0]


def _clause(layout: Layout, para_start: int, quote: RawQuote) -> int:
    """Where the sentence of the quote's opening mark begins (its body)."""
    sentence = layout.sentence_at(quote.open_at)
    return layout.body_start(max(para_start, sentence[0] if sentence else para_start),
                             quote.open_at)


def _inside_reported_clause(text: str, clause: int, open_at: int) -> bool:
    """The quote continues a clause that a verb of saying before it opened ("Araghchi
    warned that any attack would meet a “decisive response”, the agency reported"): the
    cue after the quote reports the whole clause, not the quote alone; two words are enough
    ("Hale said he was “a firm believer” in it, which the mayor said …")."""
    cue = reported_by(text, clause, open_at)
    return cue is not None and len(text[cue.end():open_at].split()) >= 2


def mid_sentence(text: str, open_at: int) -> bool:
    """Words (not a sentence end) right before the opening mark."""
    before = text[max(0, open_at - 2):open_at]
    return bool(before.strip()) and before.strip()[-1:] not in ".:"
