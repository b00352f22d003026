"""Writing an export (or any file deskapp makes) to disk all-or-nothing.

The content goes to a temporary file beside the target, then a rename replaces the target.
Only a regular file or a new name is ever replaced: a symbolic link, a device, a FIFO, a
socket or a folder at the target is refused, never followed or turned into a file. The new
file gets the mode the user's umask gives a new file, or keeps the mode of the file it
replaces.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from deskapp.core.errors import ExportFailed

_KINDS = (
    (stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
)


def check_target(path: Path) -> os.stat_result | None:
    """The status of the regular file at ``path``, None when the name is new; else refuse."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from exc
    if stat.S_ISLNK(status.st_mode):
        raise ExportFailed(f"cannot write {path}: it is a symbolic link (give the file it "
                           "points to, or a new name)")
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _KINDS if test(status.st_mode)), "not a file")
        raise ExportFailed(f"cannot write {path}: it is {kind}, not a regular file")
    return status


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode(existing: os.stat_result | None) -> int:
    """The replaced file's permission bits, or those the umask gives a new file."""
    if existing is not None:
        return stat.S_IMODE(existing.st_mode)
    return 0o666 & ~current_umask()


def temporary_beside(path: Path) -> tuple[int, str]:
    """An open temporary file in ``path``'s folder (descriptor, name), for a later rename."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from exc


def write_atomically(path: Path, content: str) -> None:
    """Write ``content`` (UTF-8) to ``path``; on failure the old file is untouched."""
    path = Path(path)
    mode = new_file_mode(check_target(path))
    fd, tmp = temporary_beside(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        check_target(path)  # nothing special appeared meanwhile
        os.replace(tmp, path)
    except (OSError, ExportFailed) as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, ExportFailed):
            raise
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from exc


def write_all_atomically(contents: dict[Path, str]) -> None:
    """Write several files that belong together (brat's .txt and .ann): every one goes to
    a temporary file first, and only when all are written are they renamed into place;
    on failure no target is touched."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, content in contents.items():
            path = Path(path)
            mode = new_file_mode(check_target(path))
            fd, tmp = temporary_beside(path)
            staged.append((tmp, path))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                out.write(content)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, mode)
        for tmp, path in staged:
            check_target(path)
            os.replace(tmp, path)
    except (OSError, ExportFailed) as exc:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, ExportFailed):
            raise
        where = staged[-1][1] if staged else next(iter(contents), "")
        raise ExportFailed(f"cannot write {where}: {exc.strerror or exc}") from exc
