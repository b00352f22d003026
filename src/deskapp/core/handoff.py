"""Hand-off notes: what one editor left for the next on an article (pure core, no Qt/SQL).

A note is a recorded change of state that carries words for the next person: "needs
changes" with what to change, an approval that overrode failed checks (and why), an
article returned from approved or spiked, or any other move with a note. The window shows
the notes of the article's current round above the text and in its details; every export
carries them (``review_notes`` in JSON).

The current round starts after the last approval that overrode nothing (a clean approval
settles what came before), so an article sent back again shows what was asked since.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from deskapp.core.workflow import State, Transition

KIND_TEXT = {
    "needs_changes": "Needs changes",
    "override": "Approved over failed checks",
    "returned": "Returned",
    "note": "Note",
}


@dataclass(frozen=True, slots=True)
class HandoffNote:
    """One note left with a change of state (``kind``: a key of ``KIND_TEXT``)."""

    kind: str
    reviewer: str
    time: str
    version: int
    source: str | None
    target: str
    text: str
    overridden: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        """E.g. "Needs changes — Rosa Reviewer, 2026-12-08 09:15 (version 3)"."""
        when = self.time.replace("T", " ")[:16]
        who = self.reviewer or "unnamed reviewer"
        return f"{KIND_TEXT[self.kind]} — {who}, {when} UTC (version {self.version})"

    def lines(self) -> list[str]:
        """The heading, the note, and each overridden check: plain text for any export."""
        out = [self.heading]
        if self.text:
            out.append(self.text)
        out += [f"overridden: {message}" for message in self.overridden]
        return out

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "reviewer": self.reviewer, "time": self.time,
                "version": self.version, "from": self.source, "to": self.target,
                "note": self.text, "overridden": list(self.overridden)}


def note_kind(transition: Transition) -> str | None:
    """Which kind of hand-off note ``transition`` is; None when it leaves none (the first
    version's creation, e.g. an import, is not a hand-off)."""
    if transition.source is None:
        return None
    if transition.target == State.NEEDS_CHANGES:
        return "needs_changes"
    if transition.overridden:
        return "override"
    if transition.source in (State.APPROVED, State.SPIKED):
        return "returned"
    return "note" if transition.note.strip() else None


def current_notes(transitions: Iterable[Transition]) -> tuple[HandoffNote, ...]:
    """The notes of the current round, oldest first (see the module's docstring)."""
    found: list[HandoffNote] = []
    for transition in transitions:
        if transition.target == State.APPROVED and not transition.overridden:
            found = []
            continue
        kind = note_kind(transition)
        if kind is None:
            continue
        found.append(HandoffNote(
            kind=kind, reviewer=transition.reviewer, time=transition.time,
            version=transition.version,
            source=None if transition.source is None else str(transition.source),
            target=str(transition.target), text=transition.note.strip(),
            overridden=tuple(transition.overridden)))
    return tuple(found)


def notes_text(notes: Iterable[HandoffNote]) -> list[str]:
    """Every note as plain lines, a blank line between two notes."""
    out: list[str] = []
    for note in notes:
        if out:
            out.append("")
        out += note.lines()
    return out
