"""Metadata panel: what is known of the article, and its structural parts.

Editable fields commit on Enter (or when the focus leaves them) through ``field_edited``;
provenance (encoding, file, SHA-256, import time) is shown read-only. The parts list
shows each part's kind and first words; Enter selects a part in the article, Delete
asks to remove it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskapp.core.article import Article
from deskapp.ui.panels.handoff_banner import note_html

EDITABLE = (
    ("title", "&Title"),
    ("dateline", "&Dateline"),
    ("byline", "B&yline"),
    ("credit", "C&redit"),
    ("source_url", "Source &URL"),
    ("published", "&Published"),
    ("site_name", "Si&te"),
)
READ_ONLY = (
    ("encoding", "Encoding"),
    ("file_name", "File"),
    ("sha256", "SHA-256"),
    ("imported_at", "Imported"),
)
PREVIEW_CHARS = 48
_DELETE_KEYS = {Qt.Key.Key_Delete, Qt.Key.Key_Backspace}


def part_preview(text: str) -> str:
    """The part's first words, whitespace collapsed (reads only the start of a long part)."""
    size = 4 * PREVIEW_CHARS
    words = " ".join(text[:size].split())
    while len(words) <= PREVIEW_CHARS and size < len(text):
        size *= 4
        words = " ".join(text[:size].split())
    return words if len(words) <= PREVIEW_CHARS else words[: PREVIEW_CHARS - 1] + "…"


class PartsList(QListWidget):
    """The parts; Delete/Backspace here removes a part (not the window's Delete mark)."""

    remove_requested = Signal(int)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in _DELETE_KEYS
        ):
            event.accept()  # the key comes to keyPressEvent instead of the shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _DELETE_KEYS and self.currentRow() >= 0:
            self.remove_requested.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class MetadataPanel(QWidget):
    """Shows one article's metadata and parts; reports the editor's corrections."""

    field_edited = Signal(str, str)
    part_activated = Signal(int)
    part_remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataPanel")
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self._shown: Article | None = None
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label in EDITABLE:
            edit = QLineEdit()
            edit.setObjectName(f"meta_{name}")
            edit.setAccessibleName(label.replace("&", ""))
            edit.setClearButtonEnabled(False)
            edit.returnPressed.connect(lambda n=name: self._commit(n))
            edit.editingFinished.connect(lambda n=name: self._commit(n))
            form.addRow(label, edit)
            self.edits[name] = edit
        for name, label in READ_ONLY:
            value = QLabel()
            value.setObjectName(f"meta_{name}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setStyleSheet("color: #555")
            form.addRow(label, value)
            self.labels[name] = value
        self.parts = PartsList()
        self.parts.setObjectName("partsList")
        self.parts.setAccessibleName("Article parts")
        self.parts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.parts.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.parts.setUniformItemSizes(True)
        self.parts.itemActivated.connect(
            lambda item: self.part_activated.emit(self.parts.row(item))
        )
        self.parts.remove_requested.connect(self.part_remove_requested)
        parts_label = QLabel("&Parts (Enter: select in article, Delete: remove)")
        parts_label.setBuddy(self.parts)
        self.desk = QLabel()
        self.desk.setObjectName("metaDesk")
        self.desk.setWordWrap(True)
        self.desk.setTextFormat(Qt.TextFormat.RichText)
        self.desk.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.desk.setAccessibleName("Assignment and review notes")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.desk)
        layout.addLayout(form)
        layout.addWidget(parts_label)
        layout.addWidget(self.parts, 1)

    def show_article(self, article: Article | None) -> None:
        """Show ``article``'s metadata and parts (an edit in progress is kept)."""
        if article is self._shown:
            return
        self._shown = article
        meta = article.meta if article else None
        for name, edit in self.edits.items():
            value = getattr(meta, name) if meta else ""
            if edit.text() != value:
                edit.setText(value)
                edit.setCursorPosition(0)
            edit.setEnabled(article is not None)
        for name, label in self.labels.items():
            value = getattr(meta, name) if meta else ""
            label.setText(value[:12] + "…" if name == "sha256" and value else value or "—")
            label.setToolTip(value)
        self._show_parts(article)

    def show_desk(self, assignee: str, notes: tuple) -> None:
        """Who the article is assigned to and every hand-off note of its round."""
        who = escape(assignee) if assignee else "nobody"
        parts = [f"<b>Assigned to:</b> {who}"]
        if notes:
            parts.append("<b>Review notes</b> (oldest first):")
            parts += [note_html(n) for n in notes]
        text = "<br>".join(parts)
        if self.desk.text() != text:
            self.desk.setText(text)

    def _show_parts(self, article: Article | None) -> None:
        row = self.parts.currentRow()
        self.parts.clear()
        for part in article.parts if article else ():
            item = QListWidgetItem(f"{part.kind}: {part_preview(part.span.text)}")
            item.setToolTip(f"{part.kind} [{part.span.start}–{part.span.end})")
            self.parts.addItem(item)
        if self.parts.count():
            self.parts.setCurrentRow(min(max(row, 0), self.parts.count() - 1))

    def _commit(self, name: str) -> None:
        if self._shown is None:
            return
        value = self.edits[name].text()
        if " ".join(value.split()) != getattr(self._shown.meta, name):
            self.field_edited.emit(name, value)

    def focus_first(self) -> None:
        edit = self.edits["title"]
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()


__all__ = ["MetadataPanel", "PartsList", "part_preview"]
