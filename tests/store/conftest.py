"""Stores on tmp_path (SQLite) or in a fresh database of the test cluster (PostgreSQL) and
documents made from the sample article.

A test that takes ``store`` (or ``location``) runs on both engines — the contract both
keep — unless marked ``sqlite_only`` (it reaches into SQLite's file or tables)."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_samples import sample_document

from deskapp.core.document import Document
from deskapp.store import Store


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "deskapp.sqlite3"


ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames:
        sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("engine", ENGINES[:1] if sqlite_only else ENGINES)


@pytest.fixture
def location(engine: str, store_path: Path, request: pytest.FixtureRequest) -> Path | str:
    """Where a new store of ``engine`` goes: a file path, or a fresh database's URL."""
    if engine == "sqlite":
        return store_path
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(location: Path | str):
    opened = Store.open(location)
    yield opened
    opened.close()


@pytest.fixture
def doc(sample_text: str) -> Document:
    return sample_document(sample_text)
