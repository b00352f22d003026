"""How an imported document enters the store: what makes it the same article, and its state.

This is the one place that decides both:

- **Identity** is the SHA-256 of the article's text as deskapp read it (UTF-8), computed
  here and never taken from a file: the ``meta.sha256`` a JSON export carries is only what
  that file claims about an earlier file, kept as provenance.
- **State**: an imported article starts where the workflow starts (``new``). A state the
  file claims (an export's ``"state": "approved"``) is recorded in the first version's note
  as provenance; approving it again goes through the review checks here. The earlier
  versions of an export's history are stored before it the same way: state ``new``, what
  the file claims about each (state, reviewer, time, note) in its note.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace

from deskapp.core.document import Document
from deskapp.core.workflow import State

IMPORTED_STATE = State.NEW
"""The state of every article made by an import, whatever the file says."""


def article_identity(text: str) -> str:
    """The hex SHA-256 of an article's text: the same text is the same article."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Admission:
    """An imported document as it is stored: its identity, starting state and note."""

    document: Document
    identity: str
    note: str
    claimed_state: State | None


def admit(doc: Document, note: str = "") -> Admission:
    """``doc`` (as an importer read it) made ready to be stored as a new article."""
    claimed = doc.state if doc.state != IMPORTED_STATE else None
    if claimed is not None:
        claim = (f"the file claims state “{claimed}”; it starts as {IMPORTED_STATE} here "
                 "(approval needs the review checks)")
        note = f"{note}; {claim}" if note else claim
    admitted = replace(doc, state=IMPORTED_STATE, id=None, version=None)
    return Admission(admitted, article_identity(doc.article.text), note, claimed)



def earlier_note(info: Mapping[str, object], doc: Document, note: str = "") -> str:
    """The note of an earlier version an export's history holds: what the file claims
    about it (number, state, reviewer, time, note), kept as provenance only."""
    claimed = doc.state != IMPORTED_STATE
    said = [f"state “{doc.state}”"] if claimed else []
    said += [f"{key} “{info[key]}”" for key in ("reviewer", "time", "note")
             if isinstance(info.get(key), str) and info[key]]
    head = f"version {info.get('version')} of the file's history"
    if said:
        head += f"; the file claims {', '.join(said)}"
    if claimed:
        head += f"; it is stored as {IMPORTED_STATE} here"
    return f"{note}: {head}" if note else head


def admit_earlier(info: Mapping[str, object], doc: Document, note: str = ""
                  ) -> tuple[Document, str]:
    """An earlier version of an imported article, ready to be stored before it: state
    ``new`` whatever the file says (a claimed state only goes into the note)."""
    return (replace(doc, state=IMPORTED_STATE, id=None, version=None, reviewer="", note=""),
            earlier_note(info, doc, note))
