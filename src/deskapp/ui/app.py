"""Starting the window: QApplication, the store, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from deskapp import __version__
from deskapp.core.errors import StoreError
from deskapp.core.settings_spec import DEFAULT_STORE
from deskapp.logs import log, start_log_file
from deskapp.paths import (
    APP_NAME,
    ORG_NAME,
    default_store_path,
    resource_path,
    store_location,
)
from deskapp.store import Store
from deskapp.ui import crash, dialogs


def application() -> QApplication:
    """The one QApplication, created with deskapp's names."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)  # the desktop matches windows to deskapp.desktop
    icon = resource_path(f"{APP_NAME}.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def open_store_interactively(path: Path | str) -> Store | None:
    """Open ``path``; when it cannot be opened, say why and offer another file."""
    while True:
        try:
            return Store.open(path)
        except StoreError as exc:
            dialogs.error(None, "Cannot open the store", f"{exc}\n\nChoose another store file.")
            chosen = dialogs.open_store(None, str(path.parent) if isinstance(path, Path) else "")
            if not chosen:
                return None
            path = Path(chosen)


def chosen_store(store_path: str | None) -> Path | str:
    """``--store`` (or DESKAPP_STORE), else the default store of Preferences, else the one
    in deskapp's data folder (a ``postgresql://…`` URL stays a string)."""
    if store_path:
        return store_location(store_path)
    configured = str(QSettings().value(DEFAULT_STORE.key, "") or "").strip()
    return store_location(configured) if configured else default_store_path()


def run(store_path: str | None = None, files: list[Path] | None = None) -> int:
    """Run the window until it closes (showing ``files`` when given); the exit status."""
    app = application()
    from deskapp.ui.main_window import MainWindow

    start_log_file()
    log.info("deskapp %s starting", __version__)

    store = open_store_interactively(chosen_store(store_path))
    if store is None:
        return 1
    window = MainWindow(store)
    crash.install(lambda: window)
    window.files.open_initial()
    window.show()
    if files:
        window.files.open_paths(list(files))
    try:
        return app.exec()
    finally:
        store.close()
