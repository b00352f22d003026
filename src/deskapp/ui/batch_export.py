"""Batch export from the library: the chosen articles into a folder, one file each, with
progress and Cancel.

Articles are loaded and written on the GUI thread (the store's connection lives there, and
Qt lays PDFs out there) in slices of at most ``SLICE_S`` driven by a timer, so the progress
dialog and Cancel stay responsive. Each file is written all-or-nothing; Cancel stops
between articles, and what was written stays. A summary names every failure.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from deskapp.core.errors import DeskappError
from deskapp.core.exporters.writing import batch_name, write_export
from deskapp.ui import dialogs

if TYPE_CHECKING:
    from deskapp.store import Store

SLICE_S = 0.05
SHOWN_FAILURES = 12


class BatchExport(QObject):
    """One running export of ``ids`` as ``fmt`` into ``folder``."""

    done = Signal(object)

    def __init__(self, parent: QWidget, store: Store, ids: list[int], fmt: str,
                 folder: Path, registry=None) -> None:
        super().__init__(parent)
        self.setObjectName("batchExport")
        self.parent_, self.store, self.ids, self.fmt = parent, store, ids, fmt
        self.folder, self.registry = Path(folder), registry
        self.written: list[Path] = []
        self.failures: list[tuple[int, str]] = []
        self.cancelled = self.finished = False
        self._next = 0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)
        self.dialog = QProgressDialog(f"0 of {len(ids):,}", "Cancel", 0, max(len(ids), 1),
                                      parent)
        self.dialog.setObjectName("exportProgress")
        self.dialog.setWindowTitle("Exporting articles")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self.dialog.show()
        self._timer.start()

    def cancel(self) -> None:
        """Stop before the next article; the files written stay."""
        self.cancelled = True

    def _export(self, article_id: int) -> None:
        doc = self.store.load(article_id)
        target = self.folder / batch_name(doc, self.fmt)
        if self.fmt == "pdf":
            from deskapp.ui.pdf_export import export_pdf

            export_pdf(target, doc, self.registry)
        else:
            write_export(doc, self.fmt, target, self.registry)
        self.written.append(target)

    def _slice(self) -> None:
        deadline = time.monotonic() + SLICE_S
        while not self.cancelled and self._next < len(self.ids):
            article_id = self.ids[self._next]
            self._next += 1
            try:
                self._export(article_id)
            except DeskappError as exc:
                self.failures.append((article_id, str(exc)))
            if time.monotonic() > deadline:
                break
        self.dialog.setValue(self._next)
        self.dialog.setLabelText(f"{self._next:,} of {len(self.ids):,}")
        if self.cancelled or self._next >= len(self.ids):
            self._finish()

    def _finish(self) -> None:
        if self.finished:
            return
        self.finished = True
        self._timer.stop()
        self.dialog.close()
        message = (f"Exported {len(self.written):,} of {len(self.ids):,} article"
                   f"{'s' if len(self.ids) != 1 else ''} to {self.folder}")
        if self.cancelled:
            message += f"\nNot exported (cancelled): {len(self.ids) - self._next:,}"
        failed = [f"article {i}: {reason}" for i, reason in self.failures]
        if failed:
            message += f"\nFailed: {len(failed):,}\n" + "\n".join(failed[:SHOWN_FAILURES])
        dialogs.report(self.parent_, "Export finished", message, "\n".join(failed),
                       warning=bool(failed))
        self.done.emit(self)
