"""The person/source registry: who is quoted, under which names, in which role.

Kept across articles (the store persists it). A mention in an article links to an entity
by name: ``Quote.speaker`` / ``Attribution.entity`` hold the entity's ``name``, so “she”
marked as speaker with ``speaker="Amanda Lapo"`` points at that entry.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from deskapp.core.annotations import SourceKind
from deskapp.core.errors import DeskappError
from deskapp.core.locate import PRONOUNS
from deskapp.core.names import clean_name, look_alike_reason, name_key, skeleton


class RegistryError(DeskappError):
    """A registry change that would make names ambiguous or empty."""


def _key(name: str) -> str:
    """How names are compared: case, spacing and invisible characters ignored (NFKC)."""
    return name_key(name)


def _cleaned(entity: Entity) -> Entity:
    """The entity with its names as the registry stores them (see ``core.names``)."""
    return replace(entity, name=clean_name(entity.name),
                   aliases=tuple(clean_name(a) for a in entity.aliases))


@dataclass(frozen=True, slots=True)
class LookAlike:
    """A known entity whose name looks like a new name although it is spelled otherwise."""

    entity: Entity
    known: str
    reason: str

    def warning(self, name: str) -> str:
        return (f"“{clean_name(name)}” looks like “{self.known}” ({self.entity.name}) but is "
                f"spelled otherwise: {self.reason}")


@dataclass(frozen=True, slots=True)
class Entity:
    """A person or source that articles quote."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""
    kind: SourceKind = SourceKind.PERSON
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "aliases": list(self.aliases),
            "role": self.role,
            "kind": str(self.kind),
        }

    @classmethod
    def from_json(cls, data: dict) -> Entity:
        return cls(
            name=str(data["name"]),
            aliases=tuple(str(a) for a in data.get("aliases") or ()),
            role=str(data.get("role") or ""),
            kind=SourceKind(data.get("kind") or "person"),
            id=str(data.get("id") or uuid.uuid4().hex[:12]),
        )


@dataclass(frozen=True, slots=True)
class Registry:
    """An immutable collection of entities; every name and alias points at one entity."""

    entities: tuple[Entity, ...] = ()

    @classmethod
    def of(cls, entities: Iterable[Entity]) -> Registry:
        registry = cls()
        for entity in entities:
            registry = registry.add(entity)
        return registry

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def find(self, name_or_alias: str) -> Entity | None:
        """The entity with that name or alias (case and spacing ignored)."""
        wanted = _key(name_or_alias)
        return next((e for e in self.entities if wanted in {_key(n) for n in e.names}), None)

    def complete(self, prefix: str, limit: int = 20) -> list[Entity]:
        """Entities whose name, alias or any word of them starts with ``prefix``.

        Matches on the full name first (alphabetical), then on a later word
        (“Lap” → Amanda Lapo); case-insensitive.
        """
        wanted = _key(prefix)
        if not wanted:
            return sorted(self.entities, key=lambda e: _key(e.name))[:limit]
        first: list[Entity] = []
        later: list[Entity] = []
        for entity in self.entities:
            keys = [_key(n) for n in entity.names]
            if any(k.startswith(wanted) for k in keys):
                first.append(entity)
            elif any(w.startswith(wanted) for k in keys for w in k.split(" ")[1:]):
                later.append(entity)
        order = sorted(first, key=lambda e: _key(e.name)) + sorted(
            later, key=lambda e: _key(e.name)
        )
        return order[:limit]

    def look_alike(self, name: str, ignore_id: str | None = None) -> LookAlike | None:
        """The entity a new ``name`` could be mistaken for (Cyrillic “А” for “A”, accents …);
        None when the name is known already, or resembles no other."""
        if not name.strip() or self.find(name) is not None:
            return None
        wanted = skeleton(name)
        for entity in self.entities:
            if entity.id == ignore_id:
                continue
            for known in entity.names:
                if skeleton(known) == wanted:
                    return LookAlike(entity, known, look_alike_reason(name, known))
        return None

    def add(self, entity: Entity) -> Registry:
        """The registry with ``entity`` (names cleaned, see ``core.names``); refused when a
        name of it is already taken. See ``look_alike`` to warn before adding."""
        entity = _cleaned(entity)
        self._check(entity, ignore_id=None)
        return Registry((*self.entities, entity))

    def update(self, entity: Entity) -> Registry:
        """The registry with the entity of the same id replaced by ``entity``."""
        if self.get(entity.id) is None:
            raise RegistryError(f"No registry entry {entity.name!r} to update.")
        entity = _cleaned(entity)
        self._check(entity, ignore_id=entity.id)
        return Registry(tuple(entity if e.id == entity.id else e for e in self.entities))

    def with_alias(self, entity_id: str, alias: str) -> Registry:
        """The registry with one more alias on an entity (e.g. a short name seen in a text)."""
        entity = self.get(entity_id)
        if entity is None:
            raise RegistryError("No such registry entry.")
        if _key(alias) in {_key(n) for n in entity.names}:
            return self
        return self.update(replace(entity, aliases=(*entity.aliases, clean_name(alias))))

    def canonical(self, name: str) -> str:
        """The entity's own name for a name or alias of it; ``name`` itself when unknown."""
        entity = self.find(name) if name.strip() else None
        return entity.name if entity is not None else name

    def learned(self, name: str, mention: str = "", kind: SourceKind = SourceKind.PERSON
                ) -> Registry:
        """The registry knowing ``name`` (added with ``kind`` when new) and ``mention``, the
        short name the text used for it, as an alias; a pronoun never becomes an alias."""
        name, mention = clean_name(name), clean_name(mention)
        if not name or name.casefold() in PRONOUNS:
            return self
        registry = self
        entity = registry.find(name)
        if entity is None:
            entity = Entity(name, kind=kind)
            registry = registry.add(entity)
        short = mention and mention.casefold() not in PRONOUNS and registry.find(mention) is None
        return registry.with_alias(entity.id, mention) if short else registry

    def remove(self, entity_id: str) -> Registry:
        return Registry(tuple(e for e in self.entities if e.id != entity_id))

    def _check(self, entity: Entity, ignore_id: str | None) -> None:
        if not name_key(entity.name):
            raise RegistryError("A registry entry needs a name.")
        if any(not name_key(a) for a in entity.aliases):
            raise RegistryError(f"An alias of {entity.name!r} is empty.")
        for name in entity.names:
            other = self.find(name)
            if other is not None and other.id != ignore_id:
                raise RegistryError(f"The name {name!r} already belongs to {other.name!r}.")

    def to_json(self) -> list[dict]:
        return [e.to_json() for e in self.entities]

    @classmethod
    def from_json(cls, data: Iterable[dict]) -> Registry:
        return cls(tuple(Entity.from_json(d) for d in data))
