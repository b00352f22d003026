"""Span: a stretch of an article's text, carried with the text it covers.

Offsets are Python ``str`` indices into the article's canonical text. A span in
pieces (content split by a cue, as in “…,” she said, “…”) keeps its hull in
``start``/``end``/``text`` and the pieces in ``fragments``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of a text, and that text."""

    start: int
    end: int
    text: str
    fragments: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of ``source``."""
        if not 0 <= start <= end <= len(source):
            raise ValueError(f"span [{start}, {end}) outside a text of {len(source)} characters")
        return cls(start, end, source[start:end])

    @classmethod
    def pieces(cls, source: str, ranges: Iterable[tuple[int, int]]) -> Span:
        """A span made of several ranges of ``source`` (sorted, non-empty)."""
        parts = tuple(sorted((s, e) for s, e in ranges if e > s))
        if not parts:
            raise ValueError("a span needs at least one non-empty piece")
        if len(parts) == 1:
            return cls.of(source, *parts[0])
        start, end = parts[0][0], parts[-1][1]
        return cls(start, end, source[start:end], parts)

    @property
    def ranges(self) -> tuple[tuple[int, int], ...]:
        """The pieces of the span; one range when it is contiguous."""
        return self.fragments or ((self.start, self.end),)

    @property
    def piece_text(self) -> str:
        """The text of the pieces joined by a space (the hull text when contiguous)."""
        if not self.fragments:
            return self.text
        return " ".join(self.text[s - self.start : e - self.start] for s, e in self.fragments)

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def holds_in(self, source: str) -> bool:
        """True when this span still reads its own text in ``source``."""
        return source[self.start : self.end] == self.text

    def to_json(self) -> dict:
        """The ``{"start", "end", "text"}`` form of the CLI and export contracts."""
        out: dict = {"start": self.start, "end": self.end, "text": self.text}
        if self.fragments:
            out["fragments"] = [{"start": s, "end": e} for s, e in self.fragments]
        return out

    @classmethod
    def from_json(cls, data: dict) -> Span:
        fragments = tuple((f["start"], f["end"]) for f in data.get("fragments") or ())
        return cls(int(data["start"]), int(data["end"]), str(data["text"]), fragments)


def span_or_none(data: dict | None) -> Span | None:
    """``Span.from_json`` that passes ``None`` through."""
    return None if data is None else Span.from_json(data)


def json_or_none(span: Span | None) -> dict | None:
    """``Span.to_json`` that passes ``None`` through."""
    return None if span is None else span.to_json()
