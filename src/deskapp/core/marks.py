"""The marks an editor puts on an article: quotes and attributions (source – cue – content).

Immutable values; every span carries its text. ``annotations.AnnotationSet`` keeps them
in text order (``order``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from enum import StrEnum

from deskapp.core.spans import Span, json_or_none, span_or_none


def new_id() -> str:
    """A short unique id for a mark."""
    return uuid.uuid4().hex[:12]


class SourceKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    MEDIA = "media"
    DOCUMENT = "document"
    ANONYMOUS = "anonymous"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote: its exact span, who said it, and the cue that says so."""

    span: Span
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: Span | None = None
    note: str = ""
    orphaned: bool = False
    id: str = field(default_factory=new_id)

    kind = "quote"
    span_fields = ("span", "speaker_span", "cue")  # every span the mark has

    @property
    def anchor(self) -> Span:
        return self.span

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "start": self.span.start,
            "end": self.span.end,
            "text": self.span.text,
            **({"fragments": self.span.to_json()["fragments"]} if self.span.fragments else {}),
            "speaker": self.speaker,
            "speaker_span": json_or_none(self.speaker_span),
            "cue": json_or_none(self.cue),
            "note": self.note,
            "orphaned": self.orphaned,
        }

    @classmethod
    def from_json(cls, data: dict) -> Quote:
        return cls(
            span=Span.from_json(data),
            speaker=data.get("speaker"),
            speaker_span=span_or_none(data.get("speaker_span")),
            cue=span_or_none(data.get("cue")),
            note=data.get("note") or "",
            orphaned=bool(data.get("orphaned", False)),
            id=data.get("id") or new_id(),
        )


@dataclass(frozen=True, slots=True)
class Attribution:
    """Source – cue – content. ``source`` is None for an anonymous source."""

    content: Span
    source: Span | None = None
    cue: Span | None = None
    source_kind: SourceKind = SourceKind.UNKNOWN
    entity: str | None = None
    note: str = ""
    orphaned: bool = False
    id: str = field(default_factory=new_id)

    kind = "attribution"
    span_fields = ("content", "source", "cue")  # every span the mark has

    @property
    def anchor(self) -> Span:
        return self.content

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "source": json_or_none(self.source),
            "cue": json_or_none(self.cue),
            "content": self.content.to_json(),
            "source_kind": str(self.source_kind),
            "entity": self.entity,
            "note": self.note,
            "orphaned": self.orphaned,
        }

    @classmethod
    def from_json(cls, data: dict) -> Attribution:
        return cls(
            content=Span.from_json(data["content"]),
            source=span_or_none(data.get("source")),
            cue=span_or_none(data.get("cue")),
            source_kind=SourceKind(data.get("source_kind") or "unknown"),
            entity=data.get("entity"),
            note=data.get("note") or "",
            orphaned=bool(data.get("orphaned", False)),
            id=data.get("id") or new_id(),
        )


Mark = Quote | Attribution


def order(mark: Mark) -> tuple[int, int, str]:
    return (mark.anchor.start, mark.anchor.end, mark.id)



def with_note(mark: Mark, note: str) -> Mark:
    return replace(mark, note=note)
