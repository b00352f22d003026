"""The keyed seal on every stored version: an HMAC only this user's deskapp can make.

A version's ``hash`` (SHA-256, see ``core.versioning``) chains it to the version before; its
``seal`` is HMAC-SHA256 under a secret key of that hash and of the audit rows (state
changes) recorded with the version. Without the key, rewriting versions or transitions and
recomputing the hashes leaves seals that no longer match. The key lives outside the store,
in ``chain.key`` of the user's deskapp config folder, made on first use (mode 0600).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from deskapp.core.errors import StoreError
from deskapp.core.versioning import canonical_json
from deskapp.paths import config_dir

if TYPE_CHECKING:
    from deskapp.store.dialect import Dialect

KEY_FILE = "chain.key"


@dataclass(frozen=True, slots=True)
class ChainKey:
    """The secret that seals versions; ``id`` names it without revealing it."""

    secret: bytes

    @property
    def id(self) -> str:
        return hmac.new(self.secret, b"deskapp chain key id", hashlib.sha256).hexdigest()[:16]

    def seal(self, version_hash: str, audit_digest: str) -> str:
        """The seal of one version: its hash and the digest of its audit rows."""
        message = f"{version_hash}\n{audit_digest}".encode("ascii")
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()

    @classmethod
    def for_user(cls, folder: Path | None = None) -> ChainKey:
        """The key in ``folder`` (default: the user's config folder), made on first use."""
        path = (folder or config_dir()) / KEY_FILE
        try:
            return cls(_read(path))
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot read deskapp's key {path}: {exc}") from exc
        try:
            _create(path)
            return cls(_read(path))
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            raise StoreError(f"cannot create deskapp's key {path}: {reason or exc}") from exc


def _read(path: Path) -> bytes:
    secret = bytes.fromhex(path.read_text(encoding="ascii").strip())
    if len(secret) < 32:
        raise ValueError("the key is too short (damaged?)")
    return secret


def _create(path: Path) -> None:
    """Write a new random key; a key another process made meanwhile wins (no overwrite)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_hex(32) + "\n")
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def audit_digest(rows: Iterable[Sequence]) -> str:
    """The digest of a version's audit rows ``(source, target, reviewer, time, note,
    overridden)``, in the order they were written; "" when the version has none."""
    rows = [list(row) for row in rows]
    if not rows:
        return ""
    return hashlib.sha256(canonical_json(rows).encode("utf-8", "surrogatepass")).hexdigest()


AUDIT_COLUMNS = "source, target, reviewer, time, note, overridden"


def audits_by_version(conn: Dialect | sqlite3.Connection) -> dict[tuple[int, int], list[tuple]]:
    """Every audit row, grouped by (article id, version), in the order they were written."""
    out: dict[tuple[int, int], list[tuple]] = defaultdict(list)
    for row in conn.execute(f"SELECT article_id, version, {AUDIT_COLUMNS} FROM transitions "
                            "ORDER BY id"):
        out[(row[0], row[1])].append(row[2:])
    return out


def seal_existing(conn: sqlite3.Connection, key: ChainKey) -> None:
    """Seal every version of a store upgraded to sealing (inside the migration's transaction).

    Only versions whose hash still matches their content are sealed; a version already
    broken stays unsealed, so ``verify`` keeps reporting it.
    """
    from deskapp.core.versioning import version_hash

    rows = conn.execute("SELECT article_id, version, content, state, reviewer, note, time, "
                        "hash, parent FROM versions").fetchall()
    audits, seals = audits_by_version(conn), []
    for article_id, version, content, state, reviewer, note, time, digest, parent in rows:
        recomputed = version_hash(article_id=article_id, version=version, content=content,
                                  state=state, reviewer=reviewer, note=note, time=time,
                                  parent=parent)
        if recomputed == digest:
            audit = audit_digest(audits.get((article_id, version), ()))
            seals.append((key.seal(digest, audit), article_id, version))
    conn.execute("DROP TRIGGER IF EXISTS versions_no_update")
    conn.executemany("UPDATE versions SET seal = ? WHERE article_id = ? AND version = ?", seals)
    conn.execute("CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions "
                 "BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END")
    conn.execute("INSERT OR REPLACE INTO store_info (key, value) VALUES ('key_id', ?)",
                 (key.id,))
