"""Tables, indexes, full-text search and migrations (``PRAGMA user_version``).

Version 1 (the first deskapp store):
- ``articles``: one row per article, the library's denormalised view of its latest version
  (with the speakers and sources of its marks, as text for the search index).
- ``versions``: immutable rows (triggers refuse UPDATE/DELETE), the full document JSON,
  chained by hash.
- ``transitions``: the audit of state changes (who, when, from → to, note, overridden checks).
- ``drafts`` (crash recovery) and ``settings`` (key/value).
- ``articles_fts``: FTS5 over title, text, speakers and sources, with the view
  ``article_search`` as its external content (nothing is stored twice).

Version 2: ``registry`` — the person/source registry kept across articles (see
``store/registry_table.py``).

Version 3: tamper evidence and identity —
- ``versions.seal``: the keyed seal of each version (HMAC of its hash and its audit rows,
  see ``store/sealing.py``); an upgraded store's versions are sealed by the upgrade.
- ``articles.identity``: what makes an import "the same article" (``core/admission.py``),
  unique, so two imports of one text can never both be stored; NULL for articles not made
  by an import. An upgraded store takes it from the first version's text of each imported
  article (the oldest of any twins keeps it).
- ``store_info``: the store's own id and the id of the key that seals it.
- registry names cleaned (``core.names``); look-alike twins merged into the first entry.

Version 4: the desk —
- ``articles.assignee``: who the article is assigned to ('' for nobody); not part of any
  version (assigning is routing, not content), so ``verify`` does not compare it.
- ``articles.pending``: suggestions not yet accepted or rejected, counted with the same
  code as the article's approval checks (``core.checks.review_counts``); NULL means "not
  counted yet": ``flags`` and ``pending`` are then worked out when the library lists the
  article (``Store.list_articles``). ``flags`` now counts the review flags the article's
  flags panel shows; every article is left uncounted by the upgrade so both are redone.
- index ``articles_assignee`` (assignee, state, updated) for the library's filter and the
  work queue.

Version 5: the live desk (see ``store/presence.py``) —
- ``presence``: which session (one open Store, i.e. one window's connection) has which
  article open for editing, under which reviewer, since when, its last heartbeat and its
  (host, pid), so a row left by a crashed process stops counting.
- ``events``: what each session did (saved, imported, transition, assigned, opened,
  closed), appended in the write's own transaction; listeners read the rows after the last
  id they saw. The ids never go back (AUTOINCREMENT), so pruning old rows loses no news.

A migration is a function run inside one transaction that brings the schema from
version ``n`` to ``n + 1``; ``MIGRATIONS[n]`` does that step, given the store's
``SQLiteDialect`` (its ``execute``, and sqlite-utils as ``utils``: tables, columns and
indexes are made with sqlite-utils; triggers, the partial and case-folded indexes and the
full-text index over a view are SQL that sqlite-utils does not write). The driver
(``migrations.run``) is shared with the PostgreSQL engine (``postgres_schema.py``).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

from deskapp.core.admission import article_identity
from deskapp.core.errors import StoreError
from deskapp.store import migrations
from deskapp.store.dialect import SQLiteDialect
from deskapp.store.registry_table import create_registry_table, normalise_names
from deskapp.store.sealing import ChainKey, seal_existing

APPLICATION_ID = 0x4445534B  # "DESK": marks an SQLite file as a deskapp store

ARTICLE_COLUMNS = {
    "id": int, "title": str, "outlet": str, "state": str, "created": str, "updated": str,
    "latest": int, "sha256": str, "source_url": str, "file_name": str, "encoding": str,
    "imported_at": str, "marks": int, "flags": int, "speakers": str, "sources": str,
}
VERSION_COLUMNS = {
    "article_id": int, "version": int, "state": str, "reviewer": str, "note": str,
    "time": str, "content": str, "hash": str, "parent": str,
}
TRANSITION_COLUMNS = {
    "id": int, "article_id": int, "version": int, "source": str, "target": str,
    "reviewer": str, "time": str, "note": str, "overridden": str,
}

V1_SQL = """
CREATE INDEX articles_title ON articles(title COLLATE NOCASE);
CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);
CREATE INDEX articles_sha256 ON articles(sha256) WHERE sha256 != '';
CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
CREATE TRIGGER transitions_no_update BEFORE UPDATE ON transitions
BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
CREATE TRIGGER transitions_no_delete BEFORE DELETE ON transitions
BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;

CREATE VIEW article_search (id, title, text, speakers, sources) AS
SELECT a.id, a.title, json_extract(v.content, '$.text'), a.speakers, a.sources
FROM articles AS a JOIN versions AS v ON v.article_id = a.id AND v.version = a.latest;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, speakers, sources,
    content='article_search', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
"""
"""What sqlite-utils cannot write: case-folded and partial indexes, the triggers that make
versions and the audit immutable, and FTS5 whose external content is a view (the text
lives in the latest version, so it is never stored twice)."""


def _to_v1(db: SQLiteDialect) -> None:
    utils = db.utils
    defaults = {name: "" for name in ("outlet", "sha256", "source_url", "file_name",
                                      "encoding", "imported_at", "speakers", "sources")}
    utils["articles"].create(ARTICLE_COLUMNS, pk="id", not_null=set(ARTICLE_COLUMNS) - {"id"},
                             defaults={**defaults, "marks": 0, "flags": 0})
    for columns in (["updated"], ["created"], ["state", "updated"], ["marks"], ["flags"],
                    ["latest"]):
        utils["articles"].create_index(columns, index_name="articles_" + columns[0])
    utils["versions"].create(VERSION_COLUMNS, pk=("article_id", "version"),
                             not_null=set(VERSION_COLUMNS) - {"parent"},
                             defaults={"note": ""},
                             foreign_keys=[("article_id", "articles", "id")])
    utils["transitions"].create(TRANSITION_COLUMNS, pk="id",
                                not_null=set(TRANSITION_COLUMNS) - {"id", "source"},
                                defaults={"note": "", "overridden": "[]"},
                                foreign_keys=[("article_id", "articles", "id")])
    utils["transitions"].create_index(["article_id", "id"], index_name="transitions_article")
    utils["drafts"].create({"key": str, "payload": str, "saved": str}, pk="key",
                           not_null={"payload", "saved"})
    utils["settings"].create({"key": str, "value": str}, pk="key", not_null={"value"})
    for statement in _statements(V1_SQL):
        db.execute(statement)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _statements(script: str) -> list[str]:
    """Split a script on the ends of complete statements (triggers included)."""
    out, buffer = [], ""
    for line in script.strip().splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    return out


def _to_v3(db: SQLiteDialect) -> None:
    utils = db.utils
    utils["versions"].add_column("seal", str)
    utils["articles"].add_column("identity", str)
    db.execute("CREATE UNIQUE INDEX articles_identity ON articles(identity) "
               "WHERE identity IS NOT NULL")
    utils["store_info"].create({"key": str, "value": str}, pk="key", not_null={"value"})
    utils["store_info"].insert({"key": "store_id", "value": uuid.uuid4().hex})
    rows = db.execute(
        "SELECT a.id, json_extract(v.content, '$.text') FROM articles AS a "
        "JOIN versions AS v ON v.article_id = a.id AND v.version = 1 "
        "WHERE a.sha256 != '' ORDER BY a.id").fetchall()
    normalise_names(db)
    taken: set[str] = set()
    for article_id, text in rows:
        identity = article_identity(text or "")
        if identity not in taken:
            taken.add(identity)
            db.execute("UPDATE articles SET identity = ? WHERE id = ?", (identity, article_id))


def _to_v4(db: SQLiteDialect) -> None:
    articles = db.utils["articles"]
    articles.add_column("assignee", str, not_null_default="")
    articles.add_column("pending", int)
    articles.create_index(["assignee", "state", "updated"], index_name="articles_assignee")


V5_EVENTS = """
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    session TEXT NOT NULL,
    kind TEXT NOT NULL,
    article_id INTEGER,
    reviewer TEXT NOT NULL DEFAULT ''
)
"""
"""AUTOINCREMENT (ids never reused after pruning) is SQL that sqlite-utils does not write."""


def _to_v5(db: SQLiteDialect) -> None:
    presence = db.utils["presence"]
    presence.create({"session": str, "article_id": int, "reviewer": str, "since": str,
                     "heartbeat": str, "host": str, "pid": int}, pk=("session", "article_id"),
                    not_null={"session", "article_id", "reviewer", "since", "heartbeat",
                              "host", "pid"})
    presence.create_index(["article_id", "since"], index_name="presence_article")
    db.execute(V5_EVENTS)
    db.utils["events"].create_index(["at"], index_name="events_at")


MIGRATIONS: list[Callable[[SQLiteDialect], None]] = [
    _to_v1, create_registry_table, _to_v3, _to_v4, _to_v5]
SCHEMA_VERSION = len(MIGRATIONS)
SEALED_FROM = 3
"""The schema that added seals: migrating to it seals the versions already there."""


def schema_version(conn: sqlite3.Connection | SQLiteDialect) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def check_deskapp_file(conn: sqlite3.Connection | SQLiteDialect, path: Path) -> int:
    """The file's schema version; raise when it is another program's or a newer deskapp's."""
    version = schema_version(conn)
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id not in (0, APPLICATION_ID):
        raise StoreError(f"{path} is not a deskapp store (it belongs to another program)")
    if version == 0:
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
        if tables:
            raise StoreError(f"{path} is not a deskapp store (an SQLite file with other tables)")
    migrations.refuse_newer(version, SCHEMA_VERSION, path)
    return version


def migrate(db: SQLiteDialect, *, read_only: bool, key: ChainKey | None = None) -> None:
    """Bring the schema up to ``SCHEMA_VERSION``, one transaction per step.

    ``key`` seals the versions found when a store reaches ``SEALED_FROM`` (default: the
    user's key).
    """
    def step(version: int) -> int:
        MIGRATIONS[version](db)
        if version + 1 == SEALED_FROM:
            seal_existing(db.conn, key or ChainKey.for_user())
        db.execute(f"PRAGMA user_version = {version + 1}")
        return version + 1

    migrations.run(db, target=SCHEMA_VERSION, read_only=read_only,
                   current=lambda: check_deskapp_file(db, db.location), step=step)
