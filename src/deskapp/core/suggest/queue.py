"""The review queue: suggestions one at a time, accepted, rejected or skipped by key.

``ReviewQueue`` is immutable: every action returns a new queue, so the window can keep
the previous one on its undo stack. Items come in text order; suggestions that an
accepted mark already covers (same kind, same span; for attributions the same source
too) are left out, so rerunning the engine after an edit does not ask twice.

    queue = ReviewQueue.of(suggest(article), document.marks)
    queue = queue.accept()            # A / Enter
    queue = queue.reject()            # X / Delete
    queue = queue.skip()              # Space
    queue = queue.back()              # Backspace
    queue = queue.accept_all("quote")
    queue = queue.only_kind(ClaimKind.THOUGHT)  # review thoughts only (None: every kind)
    queue.progress                    # "12 of 19 reviewed"
    queue.marks()                     # the accepted items as Quote / Attribution marks

With a claim-kind filter (``only``) the queue moves only among the items of that kind
(a quote is a statement); ``current``, ``total``, ``reviewed`` and ``done`` count them alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from deskapp.core.annotations import Attribution, Mark, Quote
from deskapp.core.claim_kinds import PLURALS, ClaimKind
from deskapp.core.suggest.model import AttributionSuggestion, Suggestion, Suggestions


class Decision(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


def _ranges(span) -> tuple | None:
    return None if span is None else span.ranges


def _mark_key(mark: Mark) -> tuple | None:
    """What a suggestion must match to count as already marked (see ``_item_key``)."""
    if isinstance(mark, Attribution):
        return ("attribution", mark.content.ranges, _ranges(mark.source))
    if isinstance(mark, Quote):
        return ("quote", mark.span.ranges)
    return None


def _item_key(item: Suggestion) -> tuple:
    """Quotes: the same span ranges; attributions: the same content and source ranges."""
    if isinstance(item, AttributionSuggestion):
        return ("attribution", item.content.ranges, _ranges(item.source))
    return ("quote", item.span.ranges)


@dataclass(frozen=True, slots=True)
class ReviewQueue:
    """Suggestions in review order, a decision per item (None = not yet), a position."""

    items: tuple[Suggestion, ...] = ()
    decisions: tuple[Decision | None, ...] = ()
    position: int = 0
    only: ClaimKind | None = None  # review only the items of this claim kind

    @classmethod
    def of(cls, suggestions: Suggestions, marks: Iterable[Mark] = ()) -> ReviewQueue:
        marked = {_mark_key(mark) for mark in marks}
        items = tuple(s for s in suggestions.items if _item_key(s) not in marked)
        return cls(items, (None,) * len(items), 0)

    # --- reading -------------------------------------------------------------------
    def listed(self, item: Suggestion) -> bool:
        """Whether ``item`` is reviewed under the filter ``only``."""
        return self.only is None or item.claim_kind == self.only

    @property
    def current(self) -> Suggestion | None:
        """The item under review; None when every listed item has a decision."""
        if self.position < len(self.items):
            item = self.items[self.position]
            return item if self.listed(item) else None
        return None

    @property
    def total(self) -> int:
        if self.only is None:
            return len(self.items)
        return sum(1 for item in self.items if self.listed(item))

    @property
    def reviewed(self) -> int:
        if self.only is None:
            return len(self.decisions) - self.decisions.count(None)
        return sum(1 for item, d in zip(self.items, self.decisions, strict=True)
                   if d is not None and self.listed(item))

    @property
    def done(self) -> bool:
        return self.reviewed == self.total

    @property
    def progress(self) -> str:
        """E.g. "12 of 19 reviewed", "2 of 5 thoughts reviewed" under a filter."""
        what = f" {PLURALS[self.only]}" if self.only is not None else ""
        return f"{self.reviewed} of {self.total}{what} reviewed"

    def decision(self, suggestion_id: str) -> Decision | None:
        for item, decision in zip(self.items, self.decisions, strict=True):
            if item.id == suggestion_id:
                return decision
        return None

    @property
    def accepted(self) -> tuple[Suggestion, ...]:
        return tuple(i for i, d in zip(self.items, self.decisions, strict=True)
                     if d is Decision.ACCEPTED)

    def marks(self) -> tuple[Mark, ...]:
        """The accepted suggestions as the marks an editor would have made by hand."""
        return tuple(item.to_mark() for item in self.accepted)

    # --- acting --------------------------------------------------------------------
    def accept(self) -> ReviewQueue:
        return self._decide(Decision.ACCEPTED)

    def reject(self) -> ReviewQueue:
        return self._decide(Decision.REJECTED)

    def skip(self) -> ReviewQueue:
        """Leave the current item undecided and move to the next undecided one."""
        if self.current is None:
            return self
        return replace(self, position=self.next_open(self.position + 1))

    def back(self) -> ReviewQueue:
        """Return to the previous listed item (decided or not) to look at it again."""
        for i in range(min(self.position, len(self.items)) - 1, -1, -1):
            if self.listed(self.items[i]):
                return replace(self, position=i)
        return self

    def accept_all(self, kind: str) -> ReviewQueue:
        """Accept every undecided listed item of ``kind`` ("quote" or "attribution")."""
        decisions = tuple(Decision.ACCEPTED if d is None and item.kind == kind
                          and self.listed(item) else d
                          for item, d in zip(self.items, self.decisions, strict=True))
        moved = replace(self, decisions=decisions)
        return replace(moved, position=moved.next_open(self.position))

    def _decide(self, decision: Decision) -> ReviewQueue:
        if self.current is None:
            return self
        decisions = list(self.decisions)
        decisions[self.position] = decision
        moved = replace(self, decisions=tuple(decisions))
        return replace(moved, position=moved.next_open(self.position + 1))

    def only_kind(self, kind: ClaimKind | None) -> ReviewQueue:
        """Review only the items of claim ``kind`` (None: every item): the current item
        stays if listed, else the next undecided listed one becomes current."""
        moved = replace(self, only=kind)
        if moved.current is not None:
            return moved
        return replace(moved, position=moved.next_open(self.position))

    def next_open(self, start: int) -> int:
        """The first undecided listed item from ``start``, wrapping round; len(items) if
        none."""
        n = len(self.items)
        for step in range(n):
            i = (start + step) % n
            if self.decisions[i] is None and self.listed(self.items[i]):
                return i
        return n

