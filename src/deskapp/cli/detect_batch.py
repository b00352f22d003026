"""Batch detection for ``deskapp detect PATH...``: many files, every core, one line each.

Each file is read and run through the engine in a worker process (``--jobs N``; one job
runs in this process). A worker sends back the finished output of its file (a JSON line
or a text listing) or the file's one-line error, never an exception: a bad file cannot
stop the batch. Results are printed in the order of the files, each as soon as it and
every file before it are done.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from deskapp.cli.printable import json_text, printable
from deskapp.core.errors import DeskappError


@dataclass(frozen=True, slots=True)
class FileDetection:
    """One file's output (a JSON line or a text listing), or its one-line error."""

    path: str
    output: str | None = None
    error: str | None = None


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def detection_line(path: str, fmt: str = "json") -> str:
    """The output for one file: ``{"file", "text", "quotes", "attributions", "flags"}`` on
    one line (``fmt="json"``), or the text listing under a ``== PATH`` line."""
    from deskapp.cli.detect import detection_json, detection_text, load_article
    from deskapp.core.suggest import suggest

    article = load_article(path)
    found = suggest(article)
    if fmt == "json":
        return json_text({"file": path, **detection_json(article, found)})
    return f"== {one_line(path)}\n{detection_text(found)}"


def detect_one(path: str, fmt: str = "json") -> FileDetection:
    """``detection_line`` of ``path``, or the reason it failed (one line, file named)."""
    try:
        return FileDetection(path, output=detection_line(path, fmt))
    except DeskappError as exc:
        message = str(exc)
    except OSError as exc:
        message = f"{exc.strerror or exc}"
    except RecursionError:
        message = "too deeply nested to read"
    except Exception as exc:  # one bad file must not stop the batch
        message = f"could not be read ({type(exc).__name__}: {exc})"
    if not message.startswith(path):
        message = f"{path}: {message}"
    return FileDetection(path, error=one_line(message))


def _detect_json(path: str) -> FileDetection:
    return detect_one(path, "json")


def _detect_text(path: str) -> FileDetection:
    return detect_one(path, "text")


def detect_files(paths: Iterable[str], fmt: str = "json", jobs: int = 1) -> Iterator[FileDetection]:
    """``detect_one`` for each path, in order; ``jobs`` worker processes when above 1."""
    work = _detect_json if fmt == "json" else _detect_text
    files = list(paths)
    if jobs <= 1 or len(files) <= 1:
        yield from map(work, files)
        return
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(files)))
    try:
        yield from pool.map(work, files, chunksize=1)
    finally:  # the reader went away (`| head`, Ctrl+C): files not started are dropped
        pool.shutdown(wait=True, cancel_futures=True)


def batch_files(paths: Iterable[Path | str], *, recursive: bool = True) -> list[str]:
    """The files a batch reads: files as given, folders expanded (sorted, supported and
    not hidden, as ``deskapp import`` does)."""
    from deskapp.core.importers import collect_files

    return [str(p) for p in collect_files(paths, recursive=recursive)]


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped (a file name with a
    newline must not split an output line): ``printable``, the CLI's one rule."""
    return printable(text)
