"""The person/source registry in the store (schema 2): one row per entity, kept across articles.

``registry(id, name, aliases, role, kind)``: ``aliases`` is a JSON list of strings, ``kind``
a :class:`~deskapp.core.annotations.SourceKind` value. Saving replaces the whole table in
the caller's transaction, so the registry on disk is always one consistent set of names.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from deskapp.core.annotations import SourceKind
from deskapp.core.errors import StoreError
from deskapp.core.registry import Entity, Registry, RegistryError

if TYPE_CHECKING:
    from deskapp.store.dialect import Dialect, SQLiteDialect


def create_registry_table(db: SQLiteDialect) -> None:
    """Migration step 1 → 2 (SQLite): the empty registry table."""
    db.utils["registry"].create(
        {"id": str, "name": str, "aliases": str, "role": str, "kind": str}, pk="id",
        not_null={"name", "aliases", "role", "kind"},
        defaults={"aliases": "[]", "role": "", "kind": "person"})
    db.execute("CREATE INDEX registry_name ON registry(name COLLATE NOCASE)")


def select_registry(conn: Dialect) -> Registry:
    """Every stored entity, in name order; a damaged row is named in a StoreError."""
    rows = conn.execute(
        f"SELECT id, name, aliases, role, kind FROM registry ORDER BY {conn.nocase('name')}, id"
    ).fetchall()
    entities = []
    for entity_id, name, aliases, role, kind in rows:
        try:
            names = json.loads(aliases or "[]")
            entities.append(Entity(name=name, aliases=tuple(str(a) for a in names), role=role,
                                   kind=SourceKind(kind or "person"), id=entity_id))
        except (ValueError, TypeError) as exc:
            raise StoreError(f"the registry entry {name!r} is damaged: {exc}") from exc
    try:
        return Registry.of(entities)
    except RegistryError as exc:
        raise StoreError(f"the stored registry has clashing names: {exc}") from exc


def replace_registry(conn: Dialect, registry: Registry) -> None:
    """Make the table hold exactly ``registry`` (the caller holds the transaction)."""
    conn.lock("registry")
    conn.execute("DELETE FROM registry")
    conn.insert_all("registry", [
        {"id": e.id, "name": e.name, "aliases": json.dumps(list(e.aliases), ensure_ascii=False),
         "role": e.role, "kind": str(e.kind)} for e in registry])


def normalise_names(conn: SQLiteDialect) -> None:
    """Migration to schema 3: clean every stored name (``core.names``); an entry whose
    name then equals another's (a look-alike made with invisible characters or fullwidth
    letters) is merged into the earlier entry, its names kept as aliases."""
    rows = conn.execute("SELECT id, name, aliases, role, kind FROM registry ORDER BY rowid")
    try:
        entities = [Entity(name=name, aliases=tuple(str(a) for a in json.loads(aliases or "[]")),
                           role=role, kind=SourceKind(kind or "person"), id=entity_id)
                    for entity_id, name, aliases, role, kind in rows.fetchall()]
    except (ValueError, TypeError):
        return  # a damaged row: the table stays as it is, and select_registry names it
    registry = Registry()
    for entity in entities:
        try:
            registry = registry.add(entity)
        except RegistryError:
            registry = _merged(registry, entity)
    replace_registry(conn, registry)


def _merged(registry: Registry, entity: Entity) -> Registry:
    owner = next(registry.find(n) for n in entity.names if registry.find(n) is not None)
    for name in entity.names:
        other = registry.find(name)
        if other is None:
            registry = registry.with_alias(owner.id, name)
    return registry
