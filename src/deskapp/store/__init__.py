"""The store of reviewed articles — an SQLite file or a desk's PostgreSQL database behind one
API (``Store``) — the only part of deskapp that speaks SQL."""

from deskapp.core.errors import NotFound, StoreError
from deskapp.store.live import ChangeListener
from deskapp.store.records import (
    ArticleSummary,
    Change,
    Draft,
    Holder,
    Imported,
    ReadOnlyStore,
    VersionConflict,
    VersionInfo,
)
from deskapp.store.repository import Store
from deskapp.store.schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "ArticleSummary",
    "Change",
    "ChangeListener",
    "Draft",
    "Holder",
    "Imported",
    "NotFound",
    "ReadOnlyStore",
    "Store",
    "StoreError",
    "VersionConflict",
    "VersionInfo",
]
