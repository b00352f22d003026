"""The desk's people and its work queue (pure core): reviewer names and queue order.

A reviewer name (Preferences, ``--reviewer``, an assignee) passes ``clean_reviewer``:
cleaned as registry names are (NFKC, no invisible or control characters, one space), at
most ``NAME_LIMIT`` characters, never empty.

The work queue (Review ▸ Next article) offers the articles still to do — states in
``QUEUE_STATES``, in that order — unassigned or assigned to the editor asking (theirs
first within a state), the longest waiting first (oldest ``updated``), never one another
editor has open.
"""

from __future__ import annotations

import unicodedata

from deskapp.core.errors import DeskappError
from deskapp.core.names import clean_name
from deskapp.core.workflow import State

NAME_LIMIT = 100
QUEUE_STATES: tuple[State, ...] = (State.NEEDS_CHANGES, State.IN_REVIEW, State.NEW)
"""What the queue offers, first to last: work sent back, then work waiting for review,
then articles nobody has touched."""


class BadReviewerName(DeskappError):
    """A reviewer or assignee name that cannot be recorded."""


def clean_reviewer(name: str, *, allow_empty: bool = False) -> str:
    """The name as recorded; raise BadReviewerName (one line) when it cannot be one.
    ``allow_empty``: "" is accepted (no assignee)."""
    if any(unicodedata.category(c) == "Cc" for c in name.strip()):
        raise BadReviewerName("a reviewer's name cannot hold control characters")
    cleaned = clean_name(name)
    if not cleaned and not allow_empty:
        raise BadReviewerName("the reviewer's name is empty")
    if len(cleaned) > NAME_LIMIT:
        raise BadReviewerName(f"a reviewer's name is at most {NAME_LIMIT} characters "
                              f"(this one has {len(cleaned)})")
    return cleaned
