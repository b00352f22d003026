"""Who said it: one canonical name per person or body across an exported article.

A mark names its speaker or source (``Quote.speaker``, ``Attribution.entity``) and its
words as written (“she”, “de Vries”). The registry turns a name or alias into the entry's
own name; within one article a name whose words end another name of the article
(“de Vries” in “Marieke de Vries”) is the same person, so every export says one name.
"""

from __future__ import annotations

from deskapp.core.document import Document
from deskapp.core.locate import PRONOUNS
from deskapp.core.marks import Mark, Quote
from deskapp.core.registry import Registry


def written(mark: Mark) -> str:
    """The speaker or source as the article writes it ("" when unmarked)."""
    span = mark.speaker_span if isinstance(mark, Quote) else mark.source
    return span.piece_text if span is not None else ""


def _given(mark: Mark) -> str:
    name = mark.speaker if isinstance(mark, Quote) else mark.entity
    if name and name.strip():
        return name.strip()
    said = written(mark).strip()
    return "" if said.casefold() in PRONOUNS else said


def _words(name: str) -> tuple[str, ...]:
    return tuple(name.casefold().split())


def _longer_form(name: str, names: set[str]) -> str:
    """The one longer name of the article that ``name``'s words end, else ``name``."""
    words = _words(name)
    longer = {n for n in names if len(_words(n)) > len(words) and _words(n)[-len(words):]
              == words}
    return longer.pop() if len(longer) == 1 else name


def canonical_names(doc: Document, registry: Registry | None = None) -> dict[str, str]:
    """Each mark id → the canonical name of its speaker or source ("" when unknown)."""
    registry = registry or Registry()
    found = {}
    for mark in doc.marks:
        name = _given(mark)
        found[mark.id] = registry.canonical(name) if name else ""
    names = {n for n in found.values() if n}
    return {mark_id: _longer_form(n, names) if n else "" for mark_id, n in found.items()}


def used_entities(names: dict[str, str], registry: Registry | None) -> list[dict]:
    """The registry entries the article's marks name, as JSON records."""
    if registry is None:
        return []
    wanted = {n for n in names.values() if n}
    return [e.to_json() for e in registry if e.name in wanted]
