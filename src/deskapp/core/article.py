"""Article: canonical text, its structural parts, and where it came from."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from enum import StrEnum

from deskapp.core.spans import Span


class PartKind(StrEnum):
    BREADCRUMB = "breadcrumb"
    HEADLINE = "headline"
    DATELINE = "dateline"
    BYLINE = "byline"
    BODY = "body"
    CREDIT = "credit"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
class Part:
    """One structural part of a monitored page, as a span of the article text."""

    kind: PartKind
    span: Span

    def to_json(self) -> dict:
        return {"kind": str(self.kind), **self.span.to_json()}

    @classmethod
    def from_json(cls, data: dict) -> Part:
        return cls(PartKind(data["kind"]), Span.from_json(data))


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known of an article besides its text. Empty string = unknown."""

    title: str = ""
    dateline: str = ""
    byline: str = ""
    credit: str = ""
    source_url: str = ""
    published: str = ""
    site_name: str = ""
    encoding: str = ""
    file_name: str = ""
    sha256: str = ""
    imported_at: str = ""

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Metadata:
        known = {f.name for f in fields(cls)}
        return cls(**{k: str(v or "") for k, v in data.items() if k in known})


def _first_line(text: str) -> str:
    """The first non-blank line, stripped; reads only as much of a long text as needed."""
    size = 4096
    while True:
        lines = text[:size].splitlines()
        whole = size >= len(text)
        for line in lines if whole else lines[:-1]:  # the last line may be cut short
            if line.strip():
                return line.strip()
        if whole:
            return ""
        size *= 8


@dataclass(frozen=True, slots=True)
class Article:
    """The canonical text of an article (line endings "\\n") and its parts."""

    text: str
    parts: tuple[Part, ...] = ()
    meta: Metadata = field(default_factory=Metadata)

    @property
    def title(self) -> str:
        if self.meta.title:
            return self.meta.title
        headline = self.part(PartKind.HEADLINE)
        if headline:
            return headline.span.text.strip()
        return _first_line(self.text)[:120] or "Untitled"

    def part(self, kind: PartKind) -> Part | None:
        """The first part of that kind, if any."""
        return next((p for p in self.parts if p.kind == kind), None)

    def parts_of(self, kind: PartKind) -> tuple[Part, ...]:
        return tuple(p for p in self.parts if p.kind == kind)

    def is_boilerplate(self, span: Span) -> bool:
        """True when ``span`` overlaps any boilerplate part."""
        return any(span.overlaps(p.span) for p in self.parts_of(PartKind.BOILERPLATE))

    def with_meta(self, **changes: str) -> Article:
        return replace(self, meta=replace(self.meta, **changes))
