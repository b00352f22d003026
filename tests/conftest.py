"""Test set-up: headless Qt for every test, before any QApplication exists."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def sample_text() -> str:
    return (FIXTURES / "venezuela-defections.txt").read_text(encoding="utf-8")
