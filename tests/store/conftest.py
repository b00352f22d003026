"""Stores on tmp_path and documents made from the sample article."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_samples import sample_document

from deskapp.core.document import Document
from deskapp.store import Store


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "deskapp.sqlite3"


@pytest.fixture
def store(store_path: Path):
    opened = Store.open(store_path)
    yield opened
    opened.close()


@pytest.fixture
def doc(sample_text: str) -> Document:
    return sample_document(sample_text)
