"""Document: an article under review with its marks and review state."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from deskapp.core.annotations import AnnotationSet, Mark
from deskapp.core.article import Article, Metadata, Part
from deskapp.core.workflow import State

if TYPE_CHECKING:
    from deskapp.core.handoff import HandoffNote


@dataclass(frozen=True, slots=True)
class Document:
    """What one saved version holds. ``id``/``version`` are set once stored."""

    article: Article
    marks: AnnotationSet = field(default_factory=AnnotationSet)
    state: State = State.NEW
    id: int | None = None
    version: int | None = None
    reviewer: str = ""
    note: str = ""
    rejected: frozenset[str] = frozenset()
    """Ids of automatic suggestions the editor rejected (so they are not asked again)."""
    handoff: tuple[HandoffNote, ...] = field(default=(), compare=False)
    """The hand-off notes of the article's current round up to this version (from the
    store's audit, ``core.handoff``); not part of the version's content or hash."""

    @property
    def title(self) -> str:
        return self.article.title

    def with_marks(self, marks: AnnotationSet) -> Document:
        return replace(self, marks=marks)

    def add_mark(self, mark: Mark) -> Document:
        return replace(self, marks=self.marks.add(mark))

    def to_json(self) -> dict:
        """Everything a version stores, as plain JSON values."""
        return {
            "text": self.article.text,
            "parts": [p.to_json() for p in self.article.parts],
            "meta": self.article.meta.to_json(),
            **self.marks.to_json(),
            "state": str(self.state),
            "rejected_suggestions": sorted(self.rejected),
        }

    @classmethod
    def from_json(
        cls, data: dict, *, id: int | None = None, version: int | None = None
    ) -> Document:
        article = Article(
            text=data["text"],
            parts=tuple(Part.from_json(p) for p in data.get("parts") or ()),
            meta=Metadata.from_json(data.get("meta") or {}),
        )
        return cls(
            article=article,
            marks=AnnotationSet.from_json(data),
            state=State(data.get("state") or "new"),
            id=id,
            version=version,
            rejected=frozenset(data.get("rejected_suggestions") or ()),
        )
