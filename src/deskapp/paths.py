"""Where deskapp keeps its data and finds its bundled resources."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "deskapp"
ORG_NAME = "deskapp"
STORE_FILE = "deskapp.sqlite3"


def default_store_path() -> Path:
    """``QStandardPaths.AppDataLocation/deskapp.sqlite3`` (QtCore only, no window)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    if not QCoreApplication.applicationName() or QCoreApplication.applicationName() == "python":
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setOrganizationName(ORG_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) / STORE_FILE


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
    import os
    import sys

    if os.environ.get("DESKAPP_CONFIG_DIR"):
        return Path(os.environ["DESKAPP_CONFIG_DIR"]).expanduser()
    if os.environ.get("XDG_CONFIG_HOME"):
        return Path(os.environ["XDG_CONFIG_HOME"]).expanduser() / APP_NAME
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    return Path.home() / ".config" / APP_NAME
