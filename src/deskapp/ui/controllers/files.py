"""Opening, saving and exporting articles from the window."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from deskapp.core.admission import admit
from deskapp.core.document import Document
from deskapp.core.errors import DeskappError
from deskapp.core.exporters import SUFFIXES
from deskapp.core.exporters.writing import file_stem, write_export
from deskapp.core.importers import article_from_clipboard, read_document
from deskapp.core.settings_spec import LAST_FOLDER
from deskapp.paths import SAMPLE_ARTICLE, resource_path
from deskapp.store import VersionConflict
from deskapp.store.file_import import import_file
from deskapp.ui import dialogs
from deskapp.ui.pdf_export import export_pdf

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

EXPORT_FILTERS = {
    "Markdown (*.md)": "md",
    "HTML page (*.html)": "html",
    "PDF document (*.pdf)": "pdf",
    "deskapp JSON (*.json)": "json",
    "Marks as CSV (*.csv)": "csv",
    "W3C Web Annotation (*.jsonld)": "wadm",
    "brat standoff (*.ann + *.txt)": "brat",
}
SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
                  ".json": "json", ".csv": "csv", ".pdf": "pdf", ".jsonld": "wadm",
                  ".ann": "brat"}
LAST_ARTICLE = "last_article"


class FileActions:
    """File menu: open, paste, save a version, export; and what opens at start."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    # -- start -----------------------------------------------------------------------
    def open_initial(self) -> None:
        """Recovered drafts first (if the editor wants them); else the last article, else
        the newest one, else the bundled sample (unsaved)."""
        if self.window.versions.recovery.offer():
            return
        store = self.window.store
        last = store.get_setting(LAST_ARTICLE)
        candidates = [int(last)] if last and last.isdigit() else []
        candidates += [s.id for s in store.list_articles(limit=1)]
        problems = []
        for article_id in candidates:
            try:
                self.window.show_loaded(store.load(article_id))
                break
            except DeskappError as exc:
                problems.append(f"Article {article_id} could not be opened: {exc}")
        else:
            self.window.show_loaded(read_document(resource_path(SAMPLE_ARTICLE)))
        if problems:
            self.window.status(problems[0], keep=True)

    def remember_last(self, article_id: int) -> None:
        if not self.window.store.read_only:
            # remembering is a convenience; never block the editor for it
            with contextlib.suppress(DeskappError):
                self.window.store.set_setting(LAST_ARTICLE, str(article_id))

    # -- open ------------------------------------------------------------------------
    def open_files(self) -> None:
        paths = dialogs.open_files(self.window, self._last_folder())
        if paths:
            self.open_paths([Path(p) for p in paths])

    def open_paths(self, paths: list[Path]) -> None:
        """Import each file into the store and show the last one that worked."""
        from deskapp.ui.batch_import import BATCH_THRESHOLD, run_batch_import

        if len(paths) > BATCH_THRESHOLD:  # many files: read off the GUI thread, with progress
            run_batch_import(self.window, paths)
            return
        if not self.settle_unsaved():
            return
        if not self.window.store.read_only and not self.window.review.ensure_reviewer(
                "an import"):
            return
        shown, failures = None, []
        for path in paths:
            try:
                shown = self.find_or_import(read_document(path), path)[0]
            except DeskappError as exc:
                failures.append(str(exc))
        if shown is not None:
            self.window.show_loaded(shown)
            self.window.options.set(LAST_FOLDER, str(paths[-1].parent))
        if failures:
            dialogs.error(self.window, "Some files were not opened", "\n".join(failures))
        elif shown is not None:
            self.window.status(f"Opened “{shown.title}”")

    def find_or_import(self, doc: Document, path: Path | None = None
                       ) -> tuple[Document, bool]:
        """``(document, True)`` when ``doc`` was new (saved now, unless the store is
        read-only), ``(stored twin, False)`` when its bytes were imported before.
        ``path``: the file ``doc`` was read from (a JSON export's history and registry
        entries come along, see ``store.file_import``)."""
        store = self.window.store
        if store.read_only:
            existing = store.find_same_article(doc)
            return ((admit(doc).document, True) if existing is None
                    else (store.load(existing), False))
        if not self.window.review.ensure_reviewer("an import"):
            raise DeskappError("not imported: an import records who made it; give your name "
                               "(Edit ▸ Preferences, Ctrl+,)")
        outcome = import_file(store, doc, path, reviewer=self.window.reviewer(),
                              note="imported")
        return outcome.document or store.load(outcome.article_id), not outcome.duplicate

    def show_new_article(self, doc: Document, made: str) -> None:
        """Show ``doc`` (pasted or dropped text) and say whether it is a new article or
        one the store already held."""
        try:
            shown, new = self.find_or_import(doc)
        except DeskappError as exc:
            self.window.status(str(exc), keep=True)
            return
        self.window.show_loaded(shown)
        if new:
            self.window.status(f"{made} as a new article: “{shown.title}”")
        else:
            self.window.status(
                f"This text is already in the store: opened article {shown.id} "
                f"“{shown.title}” (version {shown.version}, {shown.state}); nothing new made")

    def import_folder(self) -> None:
        folder = dialogs.open_folder(self.window, self._last_folder())
        if folder:
            from deskapp.ui.batch_import import run_batch_import

            run_batch_import(self.window, [Path(folder)])

    def paste_article(self) -> None:
        mime = QApplication.clipboard().mimeData()
        html = mime.html() if mime.hasHtml() else None
        text = mime.text() if mime.hasText() else None
        try:
            article = article_from_clipboard(text, html)
        except DeskappError as exc:
            self.window.status(f"Nothing pasted: {exc}")
            return
        if self.settle_unsaved():
            self.show_new_article(Document(article), "Pasted")

    def _last_folder(self) -> str:
        return self.window.options.get(LAST_FOLDER)

    # -- save ------------------------------------------------------------------------
    def save_version(self, note: str = "") -> bool:
        """Save the current document as a new version; False when it was not saved."""
        window, session = self.window, self.window.session
        if session.document is None:
            return False
        if window.store.read_only:
            dialogs.error(
                window,
                "Read-only store",
                f"{window.store.path} is open read-only: nothing can be saved in it. "
                "Export the article instead (Ctrl+E).",
            )
            return False
        doc = session.current()
        recovery = window.versions.recovery
        if not window.review.ensure_reviewer("saving a version"):
            return False
        try:
            saved = window.store.save(doc, reviewer=window.reviewer(), note=note,
                                      parent=session.version, draft_key=recovery.key,
                                      counts=window.suggestions.counts(doc))
        except VersionConflict as exc:
            return self._resolve_conflict(doc, exc, note)
        except DeskappError as exc:
            dialogs.error(
                window,
                "Not saved",
                f"The version was not saved: {exc}\nYour changes are still here.",
            )
            return False
        self._saved(saved, f"Saved version {saved.version}")
        return True

    def _saved(self, saved: Document, message: str) -> None:
        self.window.session.mark_saved(saved)  # the recovery drops its draft
        self.remember_last(saved.id)
        self.window.status(message, keep=True)

    def _resolve_conflict(self, doc: Document, exc: VersionConflict, note: str = "") -> bool:
        """Another window saved first: save mine on top, or reload theirs keeping mine."""
        window = self.window
        answer = dialogs.ask_conflict(window, doc.title, exc.parent, exc.latest)
        try:
            if answer == "mine":
                saved = window.store.save(
                    replace(doc, version=exc.latest),
                    reviewer=window.reviewer(),
                    parent=exc.latest,
                    note=note or f"saved on top of version {exc.latest} (a concurrent save)",
                    draft_key=window.versions.recovery.key,
                    counts=window.suggestions.counts(doc),
                )
                self._saved(saved, f"Saved version {saved.version} on top of version "
                                   f"{exc.latest}")
                return True
            if answer == "theirs":
                window.versions.recovery.keep_aside(doc, doc.id, exc.parent)
                window.versions.recovery.forget()
                window.show_loaded(window.store.load(exc.article_id))
                window.status(f"Showing version {exc.latest}; your changes are kept as a draft "
                              "(File ▸ Recover drafts)")
                return False
        except DeskappError as exc2:
            dialogs.error(window, "Not saved", f"{exc2}\nYour changes are still here.")
            return False
        window.status("Not saved: the article was saved elsewhere meanwhile", keep=True)
        return False

    def settle_unsaved(self) -> bool:
        """Before the article goes away: True when it may (saved, discarded or clean)."""
        session = self.window.session
        if not session.dirty or session.document is None:
            self.window.versions.recovery.forget()
            return True
        answer = dialogs.ask_unsaved(self.window, session.document.title)
        if answer == "save":
            return self.save_version()
        if answer == "discard":
            self.window.versions.recovery.forget()
            return True
        return False

    # -- export ----------------------------------------------------------------------
    def export_article(self) -> None:
        window = self.window
        doc = window.session.document
        if doc is None:
            return
        doc = window.session.current()
        suggested = str(Path(self._last_folder() or ".") / file_stem(doc.title))
        path, chosen = dialogs.save_file(
            window, "Export article", suggested + ".md", ";;".join(EXPORT_FILTERS)
        )
        if not path:
            return
        target = Path(path)
        fmt = SUFFIX_FORMATS.get(target.suffix.lower())
        if fmt is None:
            fmt = EXPORT_FILTERS.get(chosen, "md")
            target = target.with_name(target.name + SUFFIXES[fmt])
        registry = getattr(window, "registry", None)
        try:
            if fmt == "pdf":
                export_pdf(target, doc, registry)
            else:
                write_export(doc, fmt, target, registry)
        except DeskappError as exc:
            dialogs.error(window, "Not exported", str(exc))
            return
        window.status(f"Exported to {target}")

