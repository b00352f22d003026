"""Test set-up: headless Qt for every test, before any QApplication exists."""

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

# offscreen, with the laptop screens the layout tests put the window on (tests/ui/test_layout)
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={FIXTURES / 'screens.json'}"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def sample_text() -> str:
    return (FIXTURES / "venezuela-defections.txt").read_text(encoding="utf-8")


@pytest.fixture(autouse=True, scope="session")
def _private_qt_paths(tmp_path_factory):
    """Keep QSettings and the default store away from the user's real ones."""
    home = tmp_path_factory.mktemp("xdg")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    os.environ.pop("DESKAPP_STORE", None)
    yield
