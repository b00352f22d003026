"""Batch import: expand files and folders, read each file, never stop for one bad file."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from deskapp.core.document import Document
from deskapp.core.errors import ImportFailed


@dataclass(frozen=True, slots=True)
class ImportResult:
    """One file of a batch: its document, or the reason it could not be imported."""

    path: Path
    document: Document | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.document is not None


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$")) or name.endswith("~")


def expand_paths(paths: Iterable[Path | str], *, recursive: bool = True) -> Iterator[Path]:
    """Named files as given; folders expanded to their supported, non-hidden files, sorted
    by path (sub-folders too when ``recursive``). A missing path is passed through so that
    reading it reports the error."""
    from deskapp.core.importers import SUPPORTED_SUFFIXES

    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path
            continue
        for root, dirs, files in _walk(path, recursive):
            dirs[:] = sorted(d for d in dirs if not _hidden(d))
            for name in sorted(files):
                if not _hidden(name) and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                    yield Path(root) / name


def _walk(folder: Path, recursive: bool) -> Iterator[tuple[str, list[str], list[str]]]:
    for root, dirs, files in os.walk(folder, onerror=None):
        yield root, dirs, files
        if not recursive:
            dirs[:] = []
            return


def collect_files(paths: Iterable[Path | str], *, recursive: bool = True) -> list[Path]:
    """The files a batch will read, in order (paths only: cheap, for a progress total)."""
    return list(expand_paths(paths, recursive=recursive))


def iter_import(
    paths: Iterable[Path | str],
    *,
    recursive: bool = True,
    cancelled: Callable[[], bool] | None = None,
    reader: Callable[[Path], Document] | None = None,
) -> Iterator[ImportResult]:
    """Read each file of ``paths`` (folders expanded) and yield its result in order.

    One file is read at a time; a bad file gives an ``ImportResult`` with ``error`` and
    the batch goes on, whatever the reader raised. ``cancelled()`` is checked before each
    file: when it returns True the iteration stops (what was yielded stays yielded).
    ``reader`` defaults to ``read_document``.
    """
    if reader is None:
        from deskapp.core.importers import read_document as reader
    for path in expand_paths(paths, recursive=recursive):
        if cancelled is not None and cancelled():
            return
        try:
            yield ImportResult(path, reader(path))
        except ImportFailed as exc:
            yield ImportResult(path, error=str(exc))
        except (OSError, ValueError) as exc:
            yield ImportResult(path, error=f"{path}: cannot be imported ({exc})")
        except Exception as exc:  # a reader's bug must not cost the other files
            yield ImportResult(path, error=f"{path}: cannot be imported (unexpected "
                               f"{type(exc).__name__}: {exc})")
