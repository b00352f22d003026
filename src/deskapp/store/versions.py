"""Writing and reading immutable versions (SQL side of save, load and history)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from deskapp.core.anchoring import from_storage_json, storage_json
from deskapp.core.checks import ReviewCounts
from deskapp.core.document import Document
from deskapp.core.errors import NotFound
from deskapp.core.versioning import canonical_json, version_hash
from deskapp.core.workflow import State, Transition, check_transition
from deskapp.store.dialect import Dialect
from deskapp.store.records import VersionConflict, VersionInfo
from deskapp.store.sealing import AUDIT_COLUMNS, ChainKey, audit_digest


def utc_now() -> str:
    """ISO 8601 UTC with milliseconds, e.g. ``2025-01-31T09:15:02.123Z`` (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def article_values(doc: Document, counts: ReviewCounts | None) -> dict:
    """The library columns of an article, as its latest version ``doc`` gives them.
    ``counts`` None leaves the review counts to be worked out later (``pending`` NULL)."""
    return {**copied_values(doc), "flags": counts.flags if counts else 0,
            "pending": counts.pending if counts else None}


def copied_values(doc: Document) -> dict:
    """The library columns copied from the latest version (all but the derived review
    counts ``flags`` and ``pending``)."""
    meta = doc.article.meta
    return {
        "title": doc.title, "outlet": meta.site_name or meta.credit, "state": str(doc.state),
        "sha256": meta.sha256, "source_url": meta.source_url, "file_name": meta.file_name,
        "encoding": meta.encoding, "imported_at": meta.imported_at,
        "marks": len(doc.marks),
        "speakers": " ".join(q.speaker for q in doc.marks.quotes if q.speaker),
        "sources": " ".join(part for a in doc.marks.attributions
                            for part in (a.source.text if a.source else "", a.entity or "")
                            if part),
    }


def insert_version(
    conn: Dialect, doc: Document, *, reviewer: str, note: str,
    parent: int | None, key: ChainKey, overridden: Sequence[str] = (),
    identity: str | None = None, counts: ReviewCounts | None = None,
) -> Document:
    """Store ``doc`` as the next version of its article, sealed with ``key`` (the caller
    holds the transaction). ``identity`` marks a new article as made by an import;
    ``counts``: its review counts, when the caller has them (else counted later)."""
    now = utc_now()
    values = article_values(doc, counts)
    if doc.id is None:
        article_id = conn.insert_id(
            "INSERT INTO articles (title, outlet, state, created, updated, latest, sha256, "
            "source_url, file_name, encoding, imported_at, marks, flags, pending, speakers, "
            "sources, identity) "
            "VALUES (:title, :outlet, :state, :now, :now, 1, :sha256, :source_url, "
            ":file_name, :encoding, :imported_at, :marks, :flags, :pending, :speakers, "
            ":sources, :identity)",
            {**values, "now": now, "identity": identity})
        version, previous_hash, source = 1, None, None
    else:
        article_id = doc.id
        row = conn.execute("SELECT latest, state FROM articles WHERE id = ?"
                           f"{conn.for_update}", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"there is no article {article_id} in the store")
        latest, source = row[0], State(row[1])
        if parent is not None and parent != latest:
            raise VersionConflict(
                f"article {article_id} has changed since version {parent} was opened: "
                f"version {latest} was saved by another window or program",
                article_id=article_id, latest=latest, parent=parent)
        check_transition(source, doc.state)
        previous_hash = conn.execute(
            "SELECT hash FROM versions WHERE article_id = ? AND version = ?",
            (article_id, latest)).fetchone()[0]
        version = latest + 1
        conn.unindex_article(article_id)
        conn.execute(
            "UPDATE articles SET title = :title, outlet = :outlet, state = :state, "
            "updated = :now, latest = :version, sha256 = :sha256, source_url = :source_url, "
            "file_name = :file_name, encoding = :encoding, imported_at = :imported_at, "
            "marks = :marks, flags = :flags, pending = :pending, speakers = :speakers, "
            "sources = :sources "
            "WHERE id = :id",
            {**values, "now": now, "version": version, "id": article_id})
    content = canonical_json(storage_json(doc))  # spans carry prefix/suffix context
    state = str(doc.state)
    digest = version_hash(article_id=article_id, version=version, content=content, state=state,
                          reviewer=reviewer, note=note, time=now, parent=previous_hash)
    audit = []
    if source != doc.state:
        audit.append((None if source is None else str(source), state, reviewer, now, note,
                      json.dumps(list(overridden), ensure_ascii=False)))
    seal = key.seal(digest, audit_digest(audit))
    conn.execute(
        "INSERT INTO versions (article_id, version, state, reviewer, note, time, content, "
        "hash, parent, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article_id, version, state, reviewer, note, now, content, digest, previous_hash, seal))
    conn.index_article(article_id, values, doc.article.text)
    conn.executemany(
        f"INSERT INTO transitions (article_id, version, {AUDIT_COLUMNS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(article_id, version, *row) for row in audit])
    return replace(doc, id=article_id, version=version, reviewer=reviewer, note=note)


def select_version(conn: Dialect, article_id: int, version: int | None) -> Document:
    """The stored document of one version (the latest when ``version`` is None)."""
    latest_row = conn.execute("SELECT latest FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
    if latest_row is None:
        raise NotFound(f"there is no article {article_id} in the store")
    wanted = latest_row[0] if version is None else version
    row = conn.execute(
        "SELECT content, reviewer, note FROM versions WHERE article_id = ? AND version = ?",
        (article_id, wanted)).fetchone()
    if row is None:
        raise NotFound(f"article {article_id} has no version {wanted} "
                       f"(its versions are 1 to {latest_row[0]})")
    # marks whose offsets no longer read their text are re-found by exact quote and
    # context, or orphaned (never a fuzzy match)
    doc = from_storage_json(json.loads(row[0]), id=article_id, version=wanted)
    return replace(doc, reviewer=row[1], note=row[2])


def select_history(conn: Dialect, article_id: int) -> list[VersionInfo]:
    rows = conn.execute(
        "SELECT version, state, reviewer, time, note, hash, parent FROM versions "
        "WHERE article_id = ? ORDER BY version", (article_id,)).fetchall()
    if not rows and conn.execute("SELECT 1 FROM articles WHERE id = ?",
                                 (article_id,)).fetchone() is None:
        raise NotFound(f"there is no article {article_id} in the store")
    return [VersionInfo(*row) for row in rows]


def select_transitions(conn: Dialect, article_id: int) -> list[Transition]:
    rows = conn.execute(
        "SELECT version, source, target, reviewer, time, note, overridden FROM transitions "
        "WHERE article_id = ? ORDER BY id", (article_id,)).fetchall()
    return [
        Transition(article_id=article_id, version=v, source=None if s is None else State(s),
                   target=State(t), reviewer=r, time=tm, note=n,
                   overridden=tuple(json.loads(o or "[]")))
        for v, s, t, r, tm, n, o in rows
    ]
