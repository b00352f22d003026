"""The values the engine hands out: quote and attribution suggestions, flags, the bundle.

Every suggestion is immutable, carries a stable ``id``, the ``rule`` that made it, a
``reason`` a person can read, a ``confidence`` in 0–1, and ``to_mark()`` for the mark an
editor accepts. The id is a hash of the kind, the words of the suggestion's spans and how
many identical suggestions come before it, not of offsets: a correction elsewhere in the
article leaves it as it was, so a rejected suggestion stays rejected.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from deskapp.core.annotations import Attribution, Quote, SourceKind
from deskapp.core.claim_kinds import ClaimKind, claim_kind, kinded_reason
from deskapp.core.plain_reading import retexted
from deskapp.core.spans import Span

if TYPE_CHECKING:
    from deskapp.core.suggest.rules.base import Rule

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class RawAttribution:
    """Ranges of one attribution found by a rule, before names are resolved."""

    content: tuple[Range, ...]
    source: Range | None
    cue: tuple[Range, ...]
    rule: Rule
    confidence: float
    verb: str = ""


def _words_key(kind: str, spans: tuple[Span | None, ...]) -> str:
    parts = [kind]
    for s in spans:
        if s is None:
            parts.append("\x1e")
        elif s.fragments:
            parts.append("\x1f".join([s.text[a - s.start:b - s.start] for a, b in s.fragments]))
        else:
            parts.append(s.text)
    return "\x1d".join(parts)


def suggestion_id(kind: str, *spans: Span | None, occurrence: int = 0) -> str:
    """Stable id from the kind, the text of each span (pieces kept apart) and the number
    of identical suggestions before this one in the article (``occurrence``)."""
    key = f"{_words_key(kind, spans)}\x1d{occurrence}"
    return hashlib.blake2b(key.encode(), digest_size=6).hexdigest()


@dataclass(frozen=True, slots=True)
class QuoteSuggestion:
    """A proposed direct quote with its speaker."""

    span: Span
    speaker: str | None
    speaker_span: Span | None
    cue: Span | None
    rule: str
    reason: str
    confidence: float
    id: str = ""

    kind = "quote"
    claim_kind = ClaimKind.STATEMENT  # a direct quote is a statement

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", suggestion_id("quote", self.span))

    @property
    def anchor(self) -> Span:
        return self.span

    def to_mark(self) -> Quote:
        return Quote(span=self.span, speaker=self.speaker, speaker_span=self.speaker_span,
                     cue=self.cue, id=self.id)


@dataclass(frozen=True, slots=True)
class AttributionSuggestion:
    """A proposed attribution: source – cue – content. ``claim_kind`` (statement, thought,
    document/data) is worked out from the cue and source texts when not given, and leads
    the ``reason`` ("Thought: …")."""

    content: Span
    source: Span | None
    cue: Span | None
    source_kind: SourceKind
    entity: str | None
    rule: str
    reason: str
    confidence: float
    id: str = ""
    claim_kind: ClaimKind | None = None

    kind = "attribution"  # quote or attribution (the review queue's kind); see claim_kind

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id",
                               suggestion_id("attribution", self.content, self.source, self.cue))
        if self.claim_kind is None:
            object.__setattr__(self, "claim_kind", _claim_kind(self.cue, self.source))
        object.__setattr__(self, "reason", kinded_reason(self.claim_kind, self.reason))

    @property
    def anchor(self) -> Span:
        return self.content

    def to_mark(self) -> Attribution:
        return Attribution(content=self.content, source=self.source, cue=self.cue,
                           source_kind=self.source_kind, entity=self.entity, id=self.id)


Suggestion = QuoteSuggestion | AttributionSuggestion


def assign_ids(quotes: list[QuoteSuggestion], attributions: list[AttributionSuggestion]
               ) -> tuple[tuple[QuoteSuggestion, ...], tuple[AttributionSuggestion, ...]]:
    """Give each new suggestion (in text order) its id, numbering identical ones.

    The engine builds suggestions with a placeholder id and calls this once, before
    anyone else sees them; it is the only place that sets an id after construction.
    """
    seen: dict[str, int] = {}
    for item in quotes:
        _set_id(item, "quote", (item.span,), seen)
    for item in attributions:
        _set_id(item, "attribution", (item.content, item.source, item.cue), seen)
    return tuple(quotes), tuple(attributions)


def _set_id(item: Suggestion, kind: str, spans: tuple[Span | None, ...],
            seen: dict[str, int]) -> None:
    object.__setattr__(item, "id", numbered_id(kind, spans, seen))


def numbered_id(kind: str, spans: tuple[Span | None, ...], seen: dict[str, int]) -> str:
    """The id of the next suggestion of ``kind`` over ``spans`` in text order; ``seen``
    counts the identical ones met so far (what ``assign_ids`` gives)."""
    key = _words_key(kind, spans)
    n = seen.get(key, 0)
    seen[key] = n + 1
    return _blake2b(f"{key}\x1d{n}".encode(), digest_size=6).hexdigest()


_blake2b = hashlib.blake2b


def slot_filler(cls: type) -> Callable[..., Any]:
    """``cls(*values)`` for a frozen slotted dataclass, without its checks: the slots are set
    directly (generated code, as dataclasses does). Only for values known to be valid."""
    names = [f.name for f in fields(cls)]
    args = ", ".join(names)
    body = "".join(f"    _set_{n}(obj, {n})\n" for n in names)
    env = {"_new": object.__new__, "_cls": cls,
           **{f"_set_{n}": getattr(cls, n).__set__ for n in names}}
    exec(f"def make({args}):\n    obj = _new(_cls)\n{body}    return obj\n", env)
    return env["make"]


@dataclass(frozen=True, slots=True)
class Flag:
    """Something a careful editor would query, e.g. kind "unattributed figure"."""

    kind: str
    span: Span
    message: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "start": self.span.start, "end": self.span.end,
                "text": self.span.text, "message": self.message}


new_span = slot_filler(Span)  # new_span(start, end, text, fragments): 0 <= start <= end
new_quote = slot_filler(QuoteSuggestion)
_fill_attribution = slot_filler(AttributionSuggestion)


def _claim_kind(cue: Span | None, source: Span | None) -> ClaimKind:
    return claim_kind(cue.piece_text if cue is not None else None,
                      source.text if source is not None else None)


def new_attribution(content: Span, source: Span | None, cue: Span | None,
                    source_kind: SourceKind, entity: str | None, rule: str, reason: str,
                    confidence: float, id: str) -> AttributionSuggestion:
    """``AttributionSuggestion(...)`` without its checks, for the engine's hot path; the
    claim kind is worked out here and leads the reason."""
    kind = _claim_kind(cue, source)
    return _fill_attribution(content, source, cue, source_kind, entity, rule,
                             kinded_reason(kind, reason), confidence, id, kind)


@dataclass(frozen=True, slots=True)
class Suggestions:
    """What the engine proposes for one article, each tuple in text order."""

    quotes: tuple[QuoteSuggestion, ...] = ()
    attributions: tuple[AttributionSuggestion, ...] = ()
    flags: tuple[Flag, ...] = ()

    def __len__(self) -> int:
        return len(self.quotes) + len(self.attributions)

    @property
    def items(self) -> tuple[Suggestion, ...]:
        """Quotes and attributions together, in text order (the review order)."""
        both: list[Suggestion] = [*self.quotes, *self.attributions]
        both.sort(key=lambda s: (s.anchor.start, s.kind != "quote", s.anchor.end))
        return tuple(both)

    def get(self, suggestion_id: str) -> Suggestion | None:
        return next((s for s in self.items if s.id == suggestion_id), None)

    def retexted(self, text: str) -> Suggestions:
        """The same suggestions with every span's text read from ``text`` at its offsets
        (the engine read a same-length copy of it, see ``plain_reading``); ids are kept."""
        def q(s: QuoteSuggestion) -> QuoteSuggestion:
            return replace(s, span=retexted(s.span, text),
                           speaker_span=retexted(s.speaker_span, text), cue=retexted(s.cue, text))

        def a(s: AttributionSuggestion) -> AttributionSuggestion:
            return replace(s, content=retexted(s.content, text),
                           source=retexted(s.source, text), cue=retexted(s.cue, text))

        return Suggestions(tuple(map(q, self.quotes)), tuple(map(a, self.attributions)),
                           tuple(replace(f, span=retexted(f.span, text)) for f in self.flags))
