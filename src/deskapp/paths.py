"""Where deskapp keeps its data and finds its bundled resources. No Qt here: the command
line finds its store without loading Qt; the folders are the ones Qt's QStandardPaths gives
the window (a test checks they agree)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "deskapp"
ORG_NAME = "deskapp"
STORE_FILE = "deskapp.sqlite3"


def data_dir() -> Path:
    """Qt's ``AppDataLocation`` for deskapp: ``$XDG_DATA_HOME/deskapp/deskapp`` (on Linux
    ``~/.local/share/deskapp/deskapp``), ``%APPDATA%\\deskapp\\deskapp`` on Windows,
    ``~/Library/Application Support/deskapp/deskapp`` on macOS."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = _xdg("XDG_DATA_HOME", Path.home() / ".local" / "share")
    return base / ORG_NAME / APP_NAME


def default_store_path() -> Path:
    """``deskapp.sqlite3`` in ``data_dir()`` (where every earlier version kept it)."""
    return data_dir() / STORE_FILE


SERVER_SCHEMES = ("postgresql://", "postgres://")
"""A store location starting so is a PostgreSQL server's database; anything else a file."""


def is_server_url(location: object) -> bool:
    """True for a ``postgresql://…`` location (a shared store on a server)."""
    return isinstance(location, str) and location.strip().lower().startswith(SERVER_SCHEMES)


def store_location(value: str) -> Path | str:
    """A store location as given (``--store``, ``DESKAPP_STORE``, Preferences): a
    ``postgresql://…`` URL stays a string; anything else is a file path."""
    value = value.strip() if is_server_url(value) else value
    return value if is_server_url(value) else Path(value).expanduser()


def user_data_home() -> Path:
    """``$XDG_DATA_HOME`` (``~/.local/share``): where desktop entries and icons go."""
    return _xdg("XDG_DATA_HOME", Path.home() / ".local" / "share")


def _xdg(variable: str, fallback: Path) -> Path:
    """An XDG base folder: the variable when it holds an absolute path, else ``fallback``."""
    value = os.environ.get(variable, "")
    return Path(value) if value and Path(value).is_absolute() else fallback


def resource_path(name: str) -> Path:
    """A file of ``resources/``: inside the installed package, or in the source tree."""
    packaged = Path(__file__).parent / "resources" / name
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources" / name


SAMPLE_ARTICLE = "venezuela-defections.txt"


def config_dir() -> Path:
    """deskapp's folder in the user's configuration (the chain key, records of stores).

    ``DESKAPP_CONFIG_DIR`` when set; else ``$XDG_CONFIG_HOME/deskapp`` (``~/.config/deskapp``
    on Linux, the folder of deskapp's QSettings), ``%APPDATA%\\deskapp`` on Windows,
    ``~/Library/Application Support/deskapp`` on macOS. No Qt needed.
    """
    if os.environ.get("DESKAPP_CONFIG_DIR"):
        return Path(os.environ["DESKAPP_CONFIG_DIR"]).expanduser()
    if os.environ.get("XDG_CONFIG_HOME"):
        return Path(os.environ["XDG_CONFIG_HOME"]).expanduser() / APP_NAME
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    return Path.home() / ".config" / APP_NAME
