"""Errors in the open: an error nobody caught is logged with its traceback, the unsaved
work is kept as a draft first, and one dialog says so and where the log file is; then
deskapp quits (File ▸ Recover drafts offers the work at the next start)."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from deskapp.logs import log, log_path
from deskapp.ui import dialogs

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow


def keep_draft(window: MainWindow | None) -> str:
    """Save the window's unsaved changes as a draft; a sentence saying what happened."""
    if window is None or window.session.document is None or not window.session.dirty:
        return "There were no unsaved changes."
    try:
        recovery = window.versions.recovery
        recovery.autosave()  # writes the changes not yet kept (a draft may exist already)
        if recovery.written:
            return ("Your unsaved changes were kept as a draft: File ▸ Recover drafts "
                    "(Ctrl+Shift+D) offers them when deskapp starts again.")
    except Exception:  # the crash report must still be shown
        log.exception("the draft could not be kept")
    return "Your unsaved changes could not be kept as a draft."


def report_fatal(window: MainWindow | None, kind: type[BaseException], error: BaseException,
                 tb: TracebackType | None) -> None:
    """Log, keep a draft, tell the editor in one dialog, quit."""
    log.error("fatal error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
    kept = keep_draft(window)
    dialogs.error(window, "deskapp has to stop",
                  f"An error deskapp cannot recover from: {kind.__name__}: {error}\n\n{kept}\n\n"
                  f"The details are in the log file:\n{log_path()}")
    app = QApplication.instance()
    if app is not None:
        app.exit(1)


def install(window_of: Callable[[], MainWindow | None]) -> None:
    """Route uncaught errors (in Qt's slots too) to ``report_fatal``."""
    def hook(kind, error, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        report_fatal(window_of(), kind, error, tb)

    sys.excepthook = hook
