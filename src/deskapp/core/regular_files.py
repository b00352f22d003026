"""Opening files to read: only regular files, so a FIFO, device or socket never hangs us.

Every reader of a user-named file (importers, ``inspect``/``import``/``detect``, the store
path) goes through here. A special file is refused from its ``stat`` without being opened
(opening a FIFO blocks until a writer comes; opening some devices acts on them); the file
is then opened non-blocking and checked again on the open descriptor, so a file swapped
for a FIFO in between is refused too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(
    os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """The path names something other than a regular file (``reason`` says what)."""

    def __init__(self, path: Path, kind: str) -> None:
        self.reason = f"is {kind}, not a regular file"
        super().__init__(f"{path}: {self.reason}")
        self.filename = str(path)
        self.strerror = self.reason


def special_kind(mode: int) -> str | None:
    """What a ``st_mode`` names in words ("a FIFO (named pipe)" …); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "a special file"


def require_regular(path: Path | str) -> os.stat_result:
    """The ``stat`` of ``path`` (links followed); ``NotRegularFile`` unless a regular file,
    ``FileNotFoundError`` when there is nothing there."""
    result = os.stat(path)
    kind = special_kind(result.st_mode)
    if kind is not None:
        raise NotRegularFile(Path(path), kind)
    return result


def require_regular_or_absent(path: Path | str) -> None:
    """``NotRegularFile`` when ``path`` exists as anything but a regular file."""
    try:
        require_regular(path)
    except (FileNotFoundError, NotADirectoryError):
        return


def open_regular(path: Path | str) -> BinaryIO:
    """``path`` opened for reading in binary, only if it is a regular file."""
    require_regular(path)
    fd = os.open(path, _FLAGS)
    try:
        kind = special_kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise NotRegularFile(Path(path), kind)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
