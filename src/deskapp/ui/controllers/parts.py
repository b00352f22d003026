"""Article parts and metadata: the metadata dock and the "Set selection as …" actions.

Every correction is one undoable step on the session; the logic is in
``deskapp.core.parts_edit``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from deskapp.core.article import Article, PartKind
from deskapp.core.document import Document
from deskapp.core.errors import DeskappError
from deskapp.core.parts_edit import line_range, part_at, remove_part, set_part, update_meta
from deskapp.ui.drop import DropImport
from deskapp.ui.panels.metadata_panel import EDITABLE, MetadataPanel

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

FIELD_LABELS = {name: label.replace("&", "").lower() for name, label in EDITABLE}


class PartsActions:
    """Shows the metadata dock; sets, removes and corrects parts and metadata."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel = MetadataPanel()
        dock = QDockWidget("Article details", window)
        dock.setObjectName("metadataDock")
        dock.setWidget(self.panel)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.dock = dock
        self.drops = DropImport(window)
        self.panel.field_edited.connect(self.correct_field)
        self.panel.part_activated.connect(self.select_part)
        self.panel.part_remove_requested.connect(self.remove_part_at)
        window.session.replaced.connect(self._refresh)
        window.session.changed.connect(lambda doc, _change: self._refresh(doc))

    def _refresh(self, doc: Document | None) -> None:
        self.panel.show_article(doc.article if doc else None)

    # -- actions ---------------------------------------------------------------------
    def focus_metadata(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.focus_first()

    def set_headline(self) -> None:
        self._set(PartKind.HEADLINE)

    def set_dateline(self) -> None:
        self._set(PartKind.DATELINE)

    def set_byline(self) -> None:
        self._set(PartKind.BYLINE)

    def set_body(self) -> None:
        self._set(PartKind.BODY)

    def set_credit(self) -> None:
        self._set(PartKind.CREDIT)

    def set_boilerplate(self) -> None:
        self._set(PartKind.BOILERPLATE)

    def remove_part_at_caret(self) -> None:
        doc = self.window.session.document
        if doc is None:
            return
        index = part_at(doc.article, self.window.view.caret())
        if index is None:
            self.window.status("The caret is not in a part")
            return
        self.remove_part_at(index)

    # -- corrections -----------------------------------------------------------------
    def _set(self, kind: PartKind) -> None:
        """The selection (or, with none, the caret's line) becomes a part of ``kind``."""
        doc, view = self.window.session.document, self.window.view
        if doc is None:
            return
        start, end = view.selection()
        if start == end:
            start, end = line_range(doc.article.text, view.caret())
        self._apply(doc, lambda a: set_part(a, kind, start, end), f"Set {kind}")

    def remove_part_at(self, index: int) -> None:
        doc = self.window.session.document
        if doc is None or not 0 <= index < len(doc.article.parts):
            return
        kind = doc.article.parts[index].kind
        self._apply(doc, lambda a: remove_part(a, index), f"Remove {kind}")

    def correct_field(self, name: str, value: str) -> None:
        doc = self.window.session.document
        if doc is not None:
            label = FIELD_LABELS.get(name, name)
            self._apply(doc, lambda a: update_meta(a, name, value), f"Correct {label}")

    def select_part(self, index: int) -> None:
        doc = self.window.session.document
        if doc is None or not 0 <= index < len(doc.article.parts):
            return
        span = doc.article.parts[index].span
        self.window.view.select(span.start, span.end)
        self.window.view.setFocus()

    def _apply(self, doc: Document, change, label: str) -> None:
        try:
            article: Article = change(doc.article)
        except DeskappError as exc:
            self.window.status(str(exc))
            return
        if article == doc.article:
            self.window.status("Nothing changed")
            return
        self.window.session.apply(replace(doc, article=article), label)
        self.window.status(label)
