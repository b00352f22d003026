"""Running schema migrations, the same way on both engines: the store's schema version is
read, a newer one than this deskapp knows is refused, and each step runs in its own
transaction after re-reading the version (another process may have migrated meanwhile)."""

from __future__ import annotations

from collections.abc import Callable

from deskapp.core.errors import StoreError
from deskapp.store.dialect import Dialect


def refuse_newer(version: int, known: int, location: object) -> None:
    if version > known:
        raise StoreError(
            f"the store {location} was written by a newer deskapp (schema {version}; this "
            f"deskapp reads up to {known}); update deskapp or open another store")


def run(db: Dialect, *, target: int, read_only: bool, current: Callable[[], int],
        step: Callable[[int], int]) -> None:
    """Bring the store from ``current()`` up to ``target``: ``step(n)`` runs inside a
    transaction and returns the version it reached."""
    version = current()
    if version == target:
        return
    if read_only:
        raise StoreError(
            f"the store {db.location} needs an upgrade (schema {version} → {target}) but "
            "is open read-only; open it once with write access")
    while version < target:
        with db.transaction("upgrading the store"):
            db.lock("schema")
            now = current()
            if now != version:  # another process migrated meanwhile
                version = now
                continue
            version = step(version)
