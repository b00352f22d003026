"""Batch import from the window: many files or folders, with progress and Cancel.

Files are read on a worker thread (``iter_import``; it never touches Qt) and come back
through a bounded queue that a timer on the GUI thread drains. Each is saved on the GUI
thread, on the window's store connection, in its own transaction: what finished stays
imported, nothing is half-imported. Cancel stops between files. At the end a summary
lists the counts and every failure with its reason, and the window shows the last
article imported.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog

from deskapp.core.errors import DeskappError
from deskapp.core.importers import ImportResult, collect_files, iter_import
from deskapp.core.settings_spec import LAST_FOLDER
from deskapp.store.file_import import import_file
from deskapp.ui import dialogs

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

BATCH_THRESHOLD = 3
"""File ▸ Open and drops of more files than this import as a batch with progress."""

IN_FLIGHT = 8
"""How many read files may wait for the GUI thread to save them."""

POLL_MS = 10
SLICE_S = 0.05
"""The GUI thread looks for read files every ``POLL_MS`` and saves for at most ``SLICE_S``
at a time, so the progress dialog and Cancel stay responsive."""

SHOWN_FAILURES = 12
"""Failures listed in the summary's message; all of them are in its details."""


@dataclass
class BatchSummary:
    """What a batch did, file by file."""

    total: int = 0
    imported: list[int] = field(default_factory=list)
    present: list[int] = field(default_factory=list)
    failures: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False
    last_id: int | None = None

    @property
    def handled(self) -> int:
        return len(self.imported) + len(self.present) + len(self.failures)

    def counts(self) -> str:
        line = (
            f"Imported: {len(self.imported):,}\nAlready in the store: {len(self.present):,}\n"
            f"Failed: {len(self.failures):,}"
        )
        if self.cancelled:
            line += f"\nNot imported (cancelled): {self.total - self.handled:,}"
        return line


class _Reader:
    """Reads the files on a plain worker thread (no Qt object is touched there) and hands
    the results over through a bounded queue that the GUI thread drains."""

    def __init__(self, paths: list[Path], cancel: threading.Event) -> None:
        self.paths, self.cancel = paths, cancel
        self.results: queue.Queue[int | ImportResult] = queue.Queue(maxsize=IN_FLIGHT)
        self.over = threading.Event()
        self.crash = ""
        self.thread = threading.Thread(target=self._run, name="deskapp-import", daemon=True)

    def _put(self, item: int | ImportResult) -> bool:
        """Queue ``item`` (waiting while the GUI catches up); False when cancelled."""
        while not self.cancel.is_set():
            try:
                self.results.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            files = collect_files(self.paths)
            if not self._put(len(files)):
                return
            for result in iter_import(files, recursive=False, cancelled=self.cancel.is_set):
                if not self._put(result):
                    return
        except Exception as exc:  # reported in the summary, never lost
            self.crash = f"the import stopped: {exc}"
        finally:
            self.over.set()


class BatchImport(QObject):
    """One running batch: its worker thread, progress dialog and summary."""

    done = Signal(object)

    def __init__(self, window: MainWindow, paths: list[Path]) -> None:
        super().__init__(window)
        self.setObjectName("batchImport")
        self.window = window
        self.summary = BatchSummary()
        self.finished = False
        self._closing = False
        self._cancel = threading.Event()
        self._reader = _Reader(paths, self._cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._drain)
        self.dialog = self._progress_dialog()
        window.installEventFilter(self)

    def _progress_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog("Listing the files…", "Cancel", 0, 0, self.window)
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle("Importing articles")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(460)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        return dialog

    def start(self) -> None:
        self.dialog.show()
        self._reader.thread.start()
        self._timer.start()

    def cancel(self) -> None:
        """Stop after the file being read; what was saved stays."""
        if not self._cancel.is_set():
            self._cancel.set()
            self.summary.cancelled = True
            self.dialog.setLabelText("Cancelling…")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window closes: stop after the current file and wait for the reader."""
        if watched is self.window and event.type() == QEvent.Type.Close and not self.finished:
            self._closing = True
            self.cancel()
            self._reader.thread.join(10)
            self._finish()
        return super().eventFilter(watched, event)

    # -- GUI thread ------------------------------------------------------------------
    def _counted(self, total: int) -> None:
        self.summary.total = total
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setLabelText(f"0 of {total:,}")

    def _drain(self) -> None:
        """Save what the reader has read (for at most a slice of time), show the progress
        once, then end when the reader is done."""
        ended = self._reader.over.is_set()
        deadline = time.monotonic() + SLICE_S
        last: ImportResult | None = None
        while time.monotonic() < deadline:
            try:
                item = self._reader.results.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, int):
                self._counted(item)
            elif not self._cancel.is_set():  # read before Cancel took effect: not imported
                self._save(item)
                last = item
        if last is not None:
            done, total = self.summary.handled, self.summary.total
            self.dialog.setValue(done)
            self.dialog.setLabelText(f"{done:,} of {total:,}\n{last.path.name}")
        if ended and self._reader.results.empty():
            self._finish()

    def _save(self, result: ImportResult) -> None:
        summary, store = self.summary, self.window.store
        if result.document is None:
            summary.failures.append((result.path, _reason(result.path, result.error or "")))
            return
        try:
            outcome = import_file(store, result.document, result.path,
                                  reviewer=self.window.reviewer(),
                                  note=f"imported from {result.path.name}")
        except DeskappError as exc:
            summary.failures.append((result.path, f"not stored ({exc})"))
            return
        (summary.present if outcome.duplicate else summary.imported).append(outcome.article_id)
        summary.last_id = outcome.article_id

    def _finish(self) -> None:
        if self.finished:
            return
        self._timer.stop()
        if self._reader.crash:
            self.summary.failures.append((Path("…"), self._reader.crash))
        self.dialog.reset()
        self.dialog.hide()
        self.finished = True
        self.setObjectName("")  # a new batch may start
        self.window.removeEventFilter(self)
        if not self._closing:
            self._report()
            self._show_last()
        self.done.emit(self.summary)
        self.deleteLater()

    def _report(self) -> None:
        s = self.summary
        head = "Import cancelled." if s.cancelled else "Import finished."
        lines = [f"{path.name}: {reason}" for path, reason in s.failures]
        listed = lines[:SHOWN_FAILURES]
        if len(lines) > SHOWN_FAILURES:
            listed.append(f"… and {len(lines) - SHOWN_FAILURES:,} more (see details)")
        message = f"{head}\n\n{s.counts()}"
        if listed:
            message += "\n\nNot imported:\n" + "\n".join(listed)
        details = "\n".join(f"{path}: {reason}" for path, reason in s.failures)
        dialogs.report(self.window, "Import summary", message, details, warning=bool(lines))
        self.window.status(f"{head} {len(s.imported):,} imported, {len(s.failures):,} failed")

    def _show_last(self) -> None:
        last = self.summary.last_id
        if last is None or not self.window.files.settle_unsaved():
            return
        try:
            self.window.show_loaded(self.window.store.load(last))
        except DeskappError as exc:
            dialogs.error(self.window, "Not opened", str(exc))


def _reason(path: Path, error: str) -> str:
    """The error without the path it starts with (the summary names the file)."""
    for prefix in (f"{path}: ", f"{path.name}: "):
        if error.startswith(prefix):
            return error[len(prefix) :]
    return error


def run_batch_import(window: MainWindow, paths: list[Path]) -> BatchImport | None:
    """Import ``paths`` (files and folders) with a progress dialog; returns at once.

    ``None`` when nothing was started (a batch is already running, or the store is
    read-only).
    """
    if window.findChild(BatchImport, "batchImport") is not None:
        window.status("An import is already running")
        return None
    if window.store.read_only:
        dialogs.error(
            window,
            "Read-only store",
            f"{window.store.path} is read-only: articles cannot be imported into it.",
        )
        return None
    if not window.review.ensure_reviewer("an import"):
        return None
    paths = [Path(p) for p in paths]
    if paths:
        folder = paths[0] if paths[0].is_dir() else paths[0].parent
        window.options.set(LAST_FOLDER, str(folder))
    job = BatchImport(window, paths)
    job.start()
    return job
