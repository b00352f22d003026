"""deskapp's log file: ``deskapp.log`` in the app's data folder, rotated at 1 MB (three old
files kept). The window logs there; the command line keeps to stderr."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from deskapp.paths import data_dir

LOG_FILE = "deskapp.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
log = logging.getLogger("deskapp")


def log_path() -> Path:
    return data_dir() / LOG_FILE


def start_log_file(path: Path | None = None) -> Path | None:
    """Send deskapp's log records (INFO and up) to the rotating file; its path, or None
    when the folder cannot be written (the app runs on without a log file)."""
    path = path or log_path()
    if any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path
           for h in log.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path
