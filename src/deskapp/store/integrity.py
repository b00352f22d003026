"""Checking that the store still holds what was saved, and copying it safely.

``verify`` checks, per version: its hash against its content, its parent against the
version before, and its seal (keyed, see ``sealing.py``) against its hash and audit rows;
per article: the library row (title, state, counts …) against its latest version; and
audit rows that belong to no version.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from deskapp.core.admission import article_identity
from deskapp.core.document import Document
from deskapp.core.versioning import version_hash
from deskapp.store.backup_file import backup_file
from deskapp.store.dialect import Dialect
from deskapp.store.sealing import ChainKey, audit_digest, audits_by_version
from deskapp.store.versions import copied_values

SUMMARY_COLUMNS = ("title", "outlet", "state", "sha256", "source_url", "file_name", "encoding",
                   "imported_at", "marks", "speakers", "sources")
"""Library columns copied from the latest version; each is checked against it. ``flags`` is
not: it counts failed review checks, whose rules may change from one deskapp to the next."""


def verify_versions(conn: Dialect, key: ChainKey | None) -> list[str]:
    """Every version's hash, chain and seal; one message per broken version.

    ``key`` None: the store was sealed with another key, so seals are not checked.
    """
    problems: list[str] = []
    audits = audits_by_version(conn)
    rows = conn.execute(
        "SELECT article_id, version, content, state, reviewer, note, time, hash, parent, seal "
        "FROM versions ORDER BY article_id, version")
    current, expected_version, previous_hash = None, 1, None
    for article_id, version, content, state, reviewer, note, time, digest, parent, seal in rows:
        where = f"article {article_id} version {version}"
        if article_id != current:
            current, expected_version, previous_hash = article_id, 1, None
        if version != expected_version:
            problems.append(f"article {article_id}: version {expected_version} is missing")
        try:
            recomputed = version_hash(article_id=article_id, version=version, content=content,
                                      state=state, reviewer=reviewer, note=note, time=time,
                                      parent=parent)
        except (TypeError, ValueError, UnicodeError) as exc:
            problems.append(f"{where}: unreadable ({exc})")
            recomputed = None
        if recomputed is not None and recomputed != digest:
            problems.append(f"{where}: its content does not match its hash "
                            "(changed outside deskapp)")
        elif key is not None and seal != key.seal(digest, audit_digest(
                audits.pop((article_id, version), ()))):
            problems.append(f"{where}: its seal does not match its hash and audit "
                            "(changed or forged outside deskapp)")
        audits.pop((article_id, version), None)
        if parent != previous_hash:
            problems.append(f"{where}: its parent hash does not match version {version - 1}"
                            if version > 1 else f"{where}: the first version has a parent")
        previous_hash, expected_version = digest, version + 1
    problems += [f"article {a} version {v}: an audit record belongs to no stored version"
                 for a, v in sorted(audits)]
    return problems + _verify_articles(conn)


def _verify_articles(conn: Dialect) -> list[str]:
    """Each article row points at its real latest version and shows what that version holds."""
    rows = conn.execute(
        f"SELECT a.id, a.latest, a.created, a.updated, a.identity, "
        f"{', '.join('a.' + c for c in SUMMARY_COLUMNS)}, "
        "(SELECT max(version) FROM versions WHERE article_id = a.id), "
        "(SELECT time FROM versions WHERE article_id = a.id AND version = 1), "
        f"(SELECT {conn.json_text('content')} FROM versions "
        " WHERE article_id = a.id AND version = 1), "
        "(SELECT time FROM versions WHERE article_id = a.id AND version = a.latest), "
        "(SELECT content FROM versions WHERE article_id = a.id AND version = a.latest) "
        "FROM articles AS a ORDER BY a.id")
    problems = []
    for row in rows:
        article_id, latest, created, updated, identity = row[:5]
        shown = dict(zip(SUMMARY_COLUMNS, row[5:5 + len(SUMMARY_COLUMNS)], strict=True))
        newest, first_time, first_text, latest_time, content = row[5 + len(SUMMARY_COLUMNS):]
        if newest is None:
            problems.append(f"article {article_id}: it has no versions")
            continue
        if latest != newest:
            problems.append(f"article {article_id}: the library points at version {latest} "
                            f"but the newest is version {newest}")
            continue
        wrong = [name for name, value in _expected(content).items() if shown[name] != value]
        if created != first_time or updated != latest_time:
            wrong.append("created" if created != first_time else "updated")
        if identity is not None and not _identity_holds(conn, article_id, identity,
                                                        first_text):
            wrong.append("identity")
        if wrong:
            problems.append(f"article {article_id}: the library shows other {', '.join(wrong)} "
                            f"than version {latest} holds (changed outside deskapp)")
    return problems


def _identity_holds(conn: Dialect, article_id: int, identity: str,
                    first_text: str | None) -> bool:
    """An import's identity is the text it read: version 1's, or (an export with its
    history, whose earlier versions are stored first) the text of one of its versions."""
    if identity == article_identity(first_text or ""):
        return True
    texts = conn.execute(f"SELECT {conn.json_text('content')} FROM versions "
                         "WHERE article_id = ? AND version > 1", (article_id,)).fetchall()
    return any(identity == article_identity(text or "") for (text,) in texts)


def _expected(content: str) -> dict:
    try:
        return copied_values(Document.from_json(json.loads(content)))
    except (KeyError, TypeError, ValueError) as exc:
        return {"title": f"(version unreadable: {exc})"}


def count_rows(conn: Dialect) -> tuple[int, int]:
    """How many articles and versions the store holds."""
    return (conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            conn.execute("SELECT count(*) FROM versions").fetchone()[0])


def holds_save(conn: Dialect, article_id: int, version: int, seal: str) -> bool:
    """Whether the store holds this version with this seal."""
    row = conn.execute("SELECT seal FROM versions WHERE article_id = ? AND version = ?",
                       (article_id, version)).fetchone()
    return row is not None and row[0] == seal


def backup_to(conn: sqlite3.Connection, source: Path, dest: Path, *, overwrite: bool) -> None:
    """SQLite's online backup into a temporary file beside ``dest``, then a rename
    (``backup_file``)."""
    with backup_file(dest, overwrite=overwrite, source=source) as tmp:
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
