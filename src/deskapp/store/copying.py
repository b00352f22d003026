"""Copying a whole store into another, across engines (SQLite ⇄ PostgreSQL).

``copy_store`` moves every article, version, transition, registry entry, setting and draft
as they are stored — ids, times, hashes and seals unchanged, so the chains stay whole and
``verify`` passes on the copy. The source must verify first (a broken chain is never
carried over), the destination must be empty, and the copy is one transaction of the
destination that checks every copied version again before it commits: it is there
completely or not at all. ``backup_into_file`` is a server store's backup: a copy into a
new SQLite file, renamed into place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from deskapp.core.errors import StoreError
from deskapp.store import integrity
from deskapp.store.backup_file import backup_file

if TYPE_CHECKING:
    from deskapp.store.repository import Store

TABLES: dict[str, tuple[str, ...]] = {
    "articles": ("id", "title", "outlet", "state", "created", "updated", "latest", "sha256",
                 "source_url", "file_name", "encoding", "imported_at", "marks", "flags",
                 "speakers", "sources", "identity", "assignee", "pending"),
    "versions": ("article_id", "version", "state", "reviewer", "note", "time", "content",
                 "hash", "parent", "seal"),
    "transitions": ("id", "article_id", "version", "source", "target", "reviewer", "time",
                    "note", "overridden"),
    "registry": ("id", "name", "aliases", "role", "kind"),
    "settings": ("key", "value"),
    "drafts": ("key", "payload", "saved"),
}
"""What a copy carries, table by table, in the order it is inserted."""
ORDER = {"articles": "id", "versions": "article_id, version", "transitions": "id",
         "registry": "id", "settings": "key", "drafts": "key"}
BATCH = 500


@dataclass(frozen=True, slots=True)
class Copied:
    """How many rows of each table a copy carried."""

    counts: dict[str, int]

    def describe(self) -> str:
        return ", ".join(f"{n} {table}" for table, n in self.counts.items())


def _is_empty(store: Store) -> bool:
    return all(store.engine.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
               for table in ("articles", "registry", "settings", "drafts"))


def copy_store(source: Store, dest: Store) -> Copied:
    """Copy everything ``source`` holds into the empty ``dest`` (see the module)."""
    if dest.read_only:
        raise StoreError(f"the store {dest.path} is open read-only; nothing can be copied "
                         "into it")
    with source._reading("checking the store to copy") as conn:
        key = source.key if source.sealed_by == source.key.id else None
        problems = integrity.verify_versions(conn, key)
    if problems:
        raise StoreError(f"the store {source.path} fails verification ({problems[0]}"
                         f"{f'; {len(problems) - 1} more' if len(problems) > 1 else ''}); "
                         "nothing was copied")
    if not _is_empty(dest):
        raise StoreError(f"the store {dest.path} is not empty; copy into a new, empty store")
    counts = dict.fromkeys(TABLES, 0)
    with dest.engine.transaction(f"copying into {dest.path}"):
        for table, columns in TABLES.items():
            for rows in _batches(source, table, columns):
                dest.engine.insert_all(table, rows)
                counts[table] += len(rows)
                if table == "versions":
                    _index_latest(dest, rows)
            if table in ("articles", "transitions"):
                dest.engine.after_copy(table)
        dest.engine.upsert("store_info", "key", {"key": "key_id", "value": source.sealed_by})
        found = integrity.verify_versions(dest.engine, key)
        if found:
            raise StoreError(f"the copy into {dest.path} does not verify ({found[0]}); "
                             "nothing was copied")
    with dest.engine.translated(f"copying into {dest.path}"):
        dest.engine.after_bulk()
    dest.sealed_by = source.sealed_by
    return Copied(counts)


def _batches(source: Store, table: str, columns: tuple[str, ...]):
    """The rows of ``table``, as dicts, ``BATCH`` at a time (keyset paging)."""
    names = ", ".join(columns)
    with source._reading(f"reading {table}") as conn:
        if table == "versions":  # by article, so a batch never splits one article's chain
            ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
            for start in range(0, len(ids), BATCH):
                part = ids[start:start + BATCH]
                rows = conn.execute(
                    f"SELECT {names} FROM versions WHERE article_id BETWEEN ? AND ? "
                    f"ORDER BY {ORDER[table]}", (part[0], part[-1])).fetchall()
                yield [dict(zip(columns, row, strict=True)) for row in rows]
            return
        rows = conn.execute(f"SELECT {names} FROM {table} ORDER BY {ORDER[table]}").fetchall()
        for start in range(0, len(rows), BATCH):
            yield [dict(zip(columns, row, strict=True)) for row in rows[start:start + BATCH]]


def _index_latest(dest: Store, versions: list[dict]) -> None:
    """Put the copied articles whose latest version is in ``versions`` in the search index."""
    latest = {}
    for row in versions:
        latest[row["article_id"]] = row
    placeholders = ", ".join("?" for _ in latest)
    articles = dest.engine.execute(
        f"SELECT id, latest, title, speakers, sources FROM articles WHERE id IN "
        f"({placeholders})", list(latest)).fetchall()
    for article_id, version, title, speakers, sources in articles:
        row = latest[article_id]
        if row["version"] != version:
            continue
        text = json.loads(row["content"]).get("text", "")
        dest.engine.index_article(article_id, {"title": title, "speakers": speakers,
                                               "sources": sources}, text)


def backup_into_file(store: Store, dest: Path, *, overwrite: bool) -> None:
    """A copy of ``store`` as a new SQLite file at ``dest`` (written beside it, renamed)."""
    from deskapp.store.repository import Store

    with backup_file(dest, overwrite=overwrite) as tmp, Store.open(tmp, key=store.key) as copy:
        copy_store(store, copy)
