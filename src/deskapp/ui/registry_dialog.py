"""People and sources (Mark ▸ People and sources…): the registry kept in the store.

``PeopleActions`` loads ``window.registry`` at start, opens the dialog, saves changes to
the store, and learns the names the editor types while marking: a speaker or source not
yet in the registry is added (with the mark's kind) and a short name the text used for
it (“Lapo”) becomes an alias. Adding is silent apart from a status-bar line, so marking
is never interrupted by a question; the dialog is where roles are filled in or a
mistyped name is fixed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.core.annotations import Attribution, Quote, SourceKind
from deskapp.core.errors import DeskappError
from deskapp.core.registry import Entity, Registry, RegistryError

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow


def _line(entity: Entity) -> str:
    role = f" — {entity.role}" if entity.role else ""
    aliases = f" (also {', '.join(entity.aliases)})" if entity.aliases else ""
    return f"{entity.name}{role}{aliases} · {entity.kind}"


class RegistryDialog(QDialog):
    """A list of entries and a form: New (Alt+N), Enter saves the entry, Remove (Alt+R)."""

    def __init__(self, parent: QWidget, registry: Registry) -> None:
        super().__init__(parent)
        self.setObjectName("registryDialog")
        self.setWindowTitle("People and sources")
        self.registry = registry
        self._editing: str | None = None  # id of the entry in the form, None for a new one
        self.list = QListWidget()
        self.list.setObjectName("registryList")
        self.list.setAccessibleName("People and sources")
        self.name = QLineEdit(objectName="registryName")
        self.aliases = QLineEdit(objectName="registryAliases")
        self.aliases.setPlaceholderText("other names, separated by commas: Lapo, A. Lapo")
        self.role = QLineEdit(objectName="registryRole")
        self.role.setPlaceholderText("e.g. defense and military analyst at the IISS")
        self.kind = QComboBox(objectName="registryKind")
        for kind in SourceKind:
            if kind is not SourceKind.UNKNOWN:
                self.kind.addItem(str(kind), kind)
        self.message = QLabel("", objectName="registryMessage")
        self.message.setWordWrap(True)
        self._layout()
        self.list.currentItemChanged.connect(lambda item, _old: self._show(item))
        self._fill(None)
        self.new_entry()

    def _layout(self) -> None:
        form = QFormLayout()
        for label, field in (("&Name:", self.name), ("A&liases:", self.aliases),
                             ("R&ole:", self.role), ("&Kind:", self.kind)):
            form.addRow(label, field)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("&Save entry")
        self.save_button.setDefault(True)  # Enter in any field saves the entry
        new_button, remove_button = QPushButton("&New entry"), QPushButton("&Remove entry")
        close_button = QPushButton("Close")
        close_button.setAutoDefault(False)
        for button, slot, name in (
            (self.save_button, self.save_entry, "registrySave"),
            (new_button, self.new_entry, "registryNew"),
            (remove_button, self.remove_entry, "registryRemove"),
            (close_button, self.accept, "registryClose"),
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        listing = QLabel("&Entries:")
        listing.setBuddy(self.list)
        column = QVBoxLayout(self)
        column.addWidget(listing)
        column.addWidget(self.list, 1)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addLayout(buttons)
        self.resize(560, 460)

    def _fill(self, current: str | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for entity in sorted(self.registry, key=lambda e: e.name.casefold()):
            item = QListWidgetItem(_line(entity))
            item.setData(Qt.ItemDataRole.UserRole, entity.id)
            self.list.addItem(item)
            if entity.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def _show(self, item: QListWidgetItem | None) -> None:
        entity = self.registry.get(item.data(Qt.ItemDataRole.UserRole)) if item else None
        if entity is None:
            return
        self._editing = entity.id
        self.name.setText(entity.name)
        self.aliases.setText(", ".join(entity.aliases))
        self.role.setText(entity.role)
        self.kind.setCurrentIndex(max(0, self.kind.findData(str(entity.kind))))
        self.message.setText("")

    def new_entry(self) -> None:
        self._editing = None
        self.list.clearSelection()
        for field in (self.name, self.aliases, self.role):
            field.clear()
        self.kind.setCurrentIndex(0)
        self.name.setFocus()

    def save_entry(self) -> None:
        """Add the form as a new entry, or update the entry it shows."""
        aliases = tuple(a.strip() for a in self.aliases.text().split(",") if a.strip())
        entity = Entity(self.name.text().strip(), aliases, self.role.text().strip(),
                        SourceKind(self.kind.currentData()))
        look_alike = self.registry.look_alike(entity.name, ignore_id=self._editing)
        try:
            if self._editing is None:
                self.registry = self.registry.add(entity)
            else:
                entity = replace(entity, id=self._editing)
                self.registry = self.registry.update(entity)
        except RegistryError as exc:
            self.message.setText(str(exc))
            return
        entity = self.registry.get(entity.id) or entity
        self._fill(entity.id)
        self._editing = entity.id
        warning = f" Careful: {look_alike.warning(entity.name)}." if look_alike else ""
        self.message.setText(f"Saved “{entity.name}”.{warning}")

    def remove_entry(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.message.setText("Pick an entry in the list first.")
            return
        entity = self.registry.get(item.data(Qt.ItemDataRole.UserRole))
        self.registry = self.registry.remove(entity.id)
        self._fill(None)
        self.new_entry()
        self.message.setText(f"Removed “{entity.name}”.")


class PeopleActions:
    """The registry of the window's store: ``window.registry`` and the dialog."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        try:
            window.registry = window.store.load_registry()
        except DeskappError as exc:
            window.registry = Registry()
            window.status(f"The people and sources list could not be read: {exc}")

    def show_dialog(self) -> None:
        dialog = RegistryDialog(self.window, self.window.registry)
        dialog.exec()
        edited = dialog.registry
        dialog.deleteLater()  # a hidden dialog must not stay the active window
        if edited != self.window.registry:
            self.window.status(
                self._keep(edited, f"People and sources saved: {len(edited)} entries"))

    def learn_from(self, mark: Quote | Attribution) -> str:
        """Add the mark's speaker or source to the registry when it is new (see module doc);
        what was learned, for the status bar ("" when nothing)."""
        if isinstance(mark, Quote):
            name, mention, kind = mark.speaker or "", _text(mark.speaker_span), SourceKind.PERSON
        else:
            mention = _text(mark.source)
            name, kind = mark.entity or mention, mark.source_kind
            if kind is SourceKind.UNKNOWN:
                kind = SourceKind.PERSON
        before = self.window.registry
        after = before.learned(name, mention if mention != name else "", kind)
        if after is before:
            return ""
        if len(after) > len(before):
            look_alike = before.look_alike(name)
            warning = f" — careful: {look_alike.warning(name)}" if look_alike else ""
            return self._keep(after, f"“{after.entities[-1].name}” added to people and sources "
                                     f"(Ctrl+Shift+P){warning}")
        return self._keep(after, f"“{mention}” noted as a name of {after.canonical(name)}")

    def _keep(self, registry: Registry, message: str) -> str:
        self.window.registry = registry
        try:
            self.window.store.save_registry(registry)
        except DeskappError as exc:
            return f"people and sources kept for this session only: {exc}"
        return message


def _text(span) -> str:
    return span.text if span is not None else ""
