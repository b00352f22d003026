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
version ``n`` to ``n + 1``; ``MIGRATIONS[n]`` does that step.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

from deskapp.core.admission import article_identity
from deskapp.core.errors import StoreError
from deskapp.store.registry_table import create_registry_table, normalise_names
from deskapp.store.sealing import ChainKey, seal_existing

APPLICATION_ID = 0x4445534B  # "DESK": marks an SQLite file as a deskapp store

V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    outlet TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    latest INTEGER NOT NULL,
    sha256 TEXT NOT NULL DEFAULT '',
    source_url TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    encoding TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL DEFAULT '',
    marks INTEGER NOT NULL DEFAULT 0,
    flags INTEGER NOT NULL DEFAULT 0,
    speakers TEXT NOT NULL DEFAULT '',
    sources TEXT NOT NULL DEFAULT ''
);
CREATE INDEX articles_updated ON articles(updated);
CREATE INDEX articles_created ON articles(created);
CREATE INDEX articles_state ON articles(state, updated);
CREATE INDEX articles_title ON articles(title COLLATE NOCASE);
CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);
CREATE INDEX articles_marks ON articles(marks);
CREATE INDEX articles_flags ON articles(flags);
CREATE INDEX articles_latest ON articles(latest);
CREATE INDEX articles_sha256 ON articles(sha256) WHERE sha256 != '';

CREATE TABLE versions (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    version INTEGER NOT NULL,
    state TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    time TEXT NOT NULL,
    content TEXT NOT NULL,
    hash TEXT NOT NULL,
    parent TEXT,
    PRIMARY KEY (article_id, version)
);
CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;

CREATE TABLE transitions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    version INTEGER NOT NULL,
    source TEXT,
    target TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    time TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    overridden TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX transitions_article ON transitions(article_id, id);
CREATE TRIGGER transitions_no_update BEFORE UPDATE ON transitions
BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
CREATE TRIGGER transitions_no_delete BEFORE DELETE ON transitions
BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;

CREATE TABLE drafts (
    key TEXT PRIMARY KEY,
    payload TEXT NOT NULL,
    saved TEXT NOT NULL
);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE VIEW article_search (id, title, text, speakers, sources) AS
SELECT a.id, a.title, json_extract(v.content, '$.text'), a.speakers, a.sources
FROM articles AS a JOIN versions AS v ON v.article_id = a.id AND v.version = a.latest;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, speakers, sources,
    content='article_search', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
"""


def _to_v1(conn: sqlite3.Connection) -> None:
    for statement in _statements(V1):
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _statements(script: str) -> list[str]:
    """Split a script on the ends of complete statements (triggers included)."""
    out, buffer = [], ""
    for line in script.strip().splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    return out


V3 = """
ALTER TABLE versions ADD COLUMN seal TEXT;
ALTER TABLE articles ADD COLUMN identity TEXT;
CREATE UNIQUE INDEX articles_identity ON articles(identity) WHERE identity IS NOT NULL;
CREATE TABLE store_info (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def _to_v3(conn: sqlite3.Connection) -> None:
    for statement in _statements(V3):
        conn.execute(statement)
    conn.execute("INSERT INTO store_info (key, value) VALUES ('store_id', ?)",
                 (uuid.uuid4().hex,))
    rows = conn.execute(
        "SELECT a.id, json_extract(v.content, '$.text') FROM articles AS a "
        "JOIN versions AS v ON v.article_id = a.id AND v.version = 1 "
        "WHERE a.sha256 != '' ORDER BY a.id").fetchall()
    normalise_names(conn)
    taken: set[str] = set()
    for article_id, text in rows:
        identity = article_identity(text or "")
        if identity not in taken:
            taken.add(identity)
            conn.execute("UPDATE articles SET identity = ? WHERE id = ?", (identity, article_id))


V4 = """
ALTER TABLE articles ADD COLUMN assignee TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN pending INTEGER;
CREATE INDEX articles_assignee ON articles(assignee, state, updated);
"""


def _to_v4(conn: sqlite3.Connection) -> None:
    for statement in _statements(V4):
        conn.execute(statement)


V5 = """
CREATE TABLE presence (
    session TEXT NOT NULL,
    article_id INTEGER NOT NULL,
    reviewer TEXT NOT NULL,
    since TEXT NOT NULL,
    heartbeat TEXT NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    PRIMARY KEY (session, article_id)
);
CREATE INDEX presence_article ON presence(article_id, since);
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    session TEXT NOT NULL,
    kind TEXT NOT NULL,
    article_id INTEGER,
    reviewer TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_at ON events(at);
"""


def _to_v5(conn: sqlite3.Connection) -> None:
    for statement in _statements(V5):
        conn.execute(statement)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _to_v1, create_registry_table, _to_v3, _to_v4, _to_v5]
SCHEMA_VERSION = len(MIGRATIONS)
SEALED_FROM = 3
"""The schema that added seals: migrating to it seals the versions already there."""


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def check_deskapp_file(conn: sqlite3.Connection, path: Path) -> int:
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
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the store {path} was written by a newer deskapp (schema {version}; this "
            f"deskapp reads up to {SCHEMA_VERSION}); update deskapp or open another store")
    return version


def migrate(
    conn: sqlite3.Connection, path: Path, *, read_only: bool, key: ChainKey | None = None,
) -> None:
    """Bring the schema up to ``SCHEMA_VERSION``, one transaction per step.

    ``key`` seals the versions found when a store reaches ``SEALED_FROM`` (default: the
    user's key).
    """
    version = check_deskapp_file(conn, path)
    if version == SCHEMA_VERSION:
        return
    if read_only:
        raise StoreError(
            f"the store {path} needs an upgrade (schema {version} → {SCHEMA_VERSION}) but "
            "is open read-only; open it once with write access")
    while version < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) != version:  # another process migrated meanwhile
                conn.execute("ROLLBACK")
                version = check_deskapp_file(conn, path)
                continue
            MIGRATIONS[version](conn)
            if version + 1 == SEALED_FROM:
                seal_existing(conn, key or ChainKey.for_user())
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version += 1
