"""Where a backup is written: a temporary file beside its destination, renamed over it
only when the copy is whole."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from deskapp.core.errors import ExportFailed, StoreError
from deskapp.core.exporters.files import check_target, new_file_mode, temporary_beside


@contextlib.contextmanager
def backup_file(dest: Path, *, overwrite: bool, source: Path | None = None
                ) -> Iterator[Path]:
    """A temporary file beside ``dest`` to write the backup into; when the block ends
    without error it is synced and replaces ``dest``, otherwise it is removed.

    Only a regular file or a new name is replaced (see ``core.exporters.files``), never the
    store ``source`` itself; the copy follows the umask, or keeps the mode of the file it
    replaces. Failures are one-line ``StoreError``s naming ``dest``.
    """
    dest = Path(dest).expanduser()
    try:
        existing = check_target(dest)
        if existing is not None and source is not None and dest.resolve() == source.resolve():
            raise StoreError(f"cannot back up the store {source} onto itself")
        if existing is not None and not overwrite:
            raise StoreError(f"{dest} exists already; choose another name or allow overwriting")
        mode = new_file_mode(existing)
        fd, tmp = temporary_beside(dest)
    except ExportFailed as exc:
        raise StoreError(str(exc).replace("cannot write", "cannot write the backup", 1)) from exc
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        check_target(dest)
        os.replace(tmp, dest)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, (OSError, sqlite3.Error, ExportFailed)):
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            raise StoreError(f"cannot write the backup {dest}: {reason or exc}") from exc
        raise
