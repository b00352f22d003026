"""Checking that the store still holds what was saved, and copying it safely."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from deskapp.core.errors import ExportFailed, StoreError
from deskapp.core.exporters.files import check_target, new_file_mode, temporary_beside
from deskapp.core.versioning import version_hash


def verify_versions(conn: sqlite3.Connection) -> list[str]:
    """Recompute every version's hash and the chain; one message per broken version."""
    problems: list[str] = []
    rows = conn.execute(
        "SELECT article_id, version, content, state, reviewer, note, time, hash, parent "
        "FROM versions ORDER BY article_id, version")
    current, expected_version, previous_hash = None, 1, None
    for article_id, version, content, state, reviewer, note, time, digest, parent in rows:
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
        if parent != previous_hash:
            problems.append(f"{where}: its parent hash does not match version {version - 1}"
                            if version > 1 else f"{where}: the first version has a parent")
        previous_hash, expected_version = digest, version + 1
    return problems + _verify_articles(conn)


def _verify_articles(conn: sqlite3.Connection) -> list[str]:
    """Each article row points at its real latest version and has its state."""
    rows = conn.execute(
        "SELECT a.id, a.latest, a.state, max(v.version), "
        "(SELECT state FROM versions WHERE article_id = a.id AND version = a.latest) "
        "FROM articles AS a LEFT JOIN versions AS v ON v.article_id = a.id GROUP BY a.id")
    problems = []
    for article_id, latest, state, newest, newest_state in rows:
        if newest is None:
            problems.append(f"article {article_id}: it has no versions")
        elif latest != newest:
            problems.append(f"article {article_id}: the library points at version {latest} "
                            f"but the newest is version {newest}")
        elif state != newest_state:
            problems.append(f"article {article_id}: the library shows state {state} but "
                            f"version {latest} is {newest_state}")
    return problems


def verify_file(conn: sqlite3.Connection, *, read_only: bool) -> list[str]:
    """SQLite's own integrity check and (when writable) the full-text index's."""
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    problems = [] if problems == ["ok"] else [f"file: {p}" for p in problems]
    if read_only:  # FTS5's check is an INSERT command, refused on a read-only connection
        return problems
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as exc:
        problems.append(f"search index: {exc} (the search index does not match the articles)")
    return problems


def backup_to(conn: sqlite3.Connection, source: Path, dest: Path, *, overwrite: bool) -> None:
    """SQLite's online backup into a temporary file beside ``dest``, then a rename.

    Only a regular file or a new name is replaced (see ``core.exporters.files``); the copy
    follows the umask, or keeps the mode of the file it replaces.
    """
    dest = Path(dest).expanduser()
    try:
        existing = check_target(dest)
        if existing is not None and dest.resolve() == source.resolve():
            raise StoreError(f"cannot back up the store {source} onto itself")
        if existing is not None and not overwrite:
            raise StoreError(f"{dest} exists already; choose another name or allow overwriting")
        mode = new_file_mode(existing)
        fd, tmp = temporary_beside(dest)
    except ExportFailed as exc:
        raise StoreError(str(exc).replace("cannot write", "cannot write the backup", 1)) from exc
    os.close(fd)
    try:
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        check_target(dest)
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error, ExportFailed) as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise StoreError(f"cannot write the backup {dest}: {reason or exc}") from exc
