"""Plain records the store hands out: library rows, version info, drafts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from deskapp.core.errors import StoreError

if TYPE_CHECKING:
    from deskapp.core.document import Document


class VersionConflict(StoreError):
    """Saving on top of a version that another window or program has superseded."""

    def __init__(self, message: str, *, article_id: int, latest: int, parent: int) -> None:
        super().__init__(message)
        self.article_id = article_id
        self.latest = latest
        self.parent = parent


class ReadOnlyStore(StoreError):
    """A write was asked of a store opened read-only."""


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the library."""

    id: int
    title: str
    outlet: str
    state: str
    versions: int
    created: str
    updated: str
    marks: int
    flags: int
    file_name: str = ""
    assignee: str = ""
    pending: int | None = None
    """Suggestions not yet accepted or rejected; None only before the store counted them."""

    def to_json(self) -> dict[str, Any]:
        """The ``deskapp list`` contract: id, title, state, versions (+ extra keys)."""
        return {
            "id": self.id, "title": self.title, "state": self.state, "versions": self.versions,
            "outlet": self.outlet, "updated": self.updated, "marks": self.marks,
            "flags": self.flags, "pending_suggestions": self.pending,
            "assignee": self.assignee, "file_name": self.file_name,
        }


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import did: ``article_id`` is the new article, or the stored one it is the
    same article as (``duplicate``); ``document`` is the saved version when new."""

    article_id: int
    duplicate: bool
    document: Document | None = None


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One saved version, as the history lists it (``parent`` is the previous hash)."""

    version: int
    state: str
    reviewer: str
    time: str
    note: str
    hash: str
    parent: str | None

    def to_json(self) -> dict[str, Any]:
        """The ``deskapp history`` contract."""
        return {
            "version": self.version, "state": self.state, "reviewer": self.reviewer,
            "time": self.time, "note": self.note, "hash": self.hash, "parent": self.parent,
        }


@dataclass(frozen=True, slots=True)
class Draft:
    """Unsaved edits kept for crash recovery. ``key`` is an article id or ``new:<uuid>``."""

    key: str
    payload: dict[str, Any]
    saved: str

    @property
    def article_id(self) -> int | None:
        return int(self.key) if self.key.isdigit() else None


@dataclass(frozen=True, slots=True)
class Holder:
    """Another session that has an article open for editing, since ``since`` (aware UTC)."""

    reviewer: str
    since: datetime


CHANGE_KINDS = ("saved", "imported", "transition", "assigned", "opened", "closed")
"""What a ``Change`` reports: a version saved (without a change of state), an article
imported, a change of state (approve, needs changes, return …), an assignment, an article
opened for editing (presence began) or closed (presence ended)."""


@dataclass(frozen=True, slots=True)
class Change:
    """Something another session did to the store, as a ``ChangeListener`` reports it.

    ``reviewer``: who did it — the reviewer of the version or presence; for ``assigned``,
    the name the article is now assigned to ('' for nobody). ``at``: aware UTC."""

    kind: str
    article_id: int | None
    reviewer: str
    at: datetime
