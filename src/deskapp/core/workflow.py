"""Review states and the transitions allowed between them (the one place that decides)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from deskapp.core.errors import TransitionRefused


class State(StrEnum):
    NEW = "new"
    IN_REVIEW = "in_review"
    NEEDS_CHANGES = "needs_changes"
    APPROVED = "approved"
    SPIKED = "spiked"


ALLOWED: dict[State, frozenset[State]] = {
    State.NEW: frozenset({State.IN_REVIEW, State.APPROVED, State.SPIKED}),
    State.IN_REVIEW: frozenset({State.APPROVED, State.NEEDS_CHANGES, State.SPIKED}),
    State.NEEDS_CHANGES: frozenset({State.IN_REVIEW, State.APPROVED, State.SPIKED}),
    State.APPROVED: frozenset({State.IN_REVIEW, State.NEEDS_CHANGES, State.SPIKED}),
    State.SPIKED: frozenset({State.IN_REVIEW}),
}


def check_transition(current: State, target: State) -> State:
    """Return ``target`` when the move from ``current`` is allowed, else raise."""
    if target == current or target in ALLOWED[current]:
        return target
    raise TransitionRefused(f"cannot move an article from {current} to {target}")


@dataclass(frozen=True, slots=True)
class Transition:
    """One recorded change of state: who moved which version from where to where, and when.

    ``source`` is None for the first version of an article. ``overridden`` lists the
    messages of the approval checks that the reviewer overrode (with ``note`` saying why).
    """

    article_id: int
    version: int
    source: State | None
    target: State
    reviewer: str
    time: str
    note: str = ""
    overridden: tuple[str, ...] = ()
