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
