"""The only place that opens blocking dialogs, so tests can replace one function.

Each function returns what the user chose (``None``/empty when cancelled).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

ARTICLE_FILTER = (
    "Articles (*.txt *.md *.markdown *.html *.htm *.json);;Text (*.txt);;Markdown (*.md);;"
    "Web pages (*.html *.htm);;deskapp JSON (*.json);;All files (*)"
)


def open_files(parent: QWidget, directory: str = "") -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Open articles", directory, ARTICLE_FILTER)
    return paths


def open_folder(parent: QWidget, directory: str = "") -> str:
    return QFileDialog.getExistingDirectory(parent, "Import a folder of articles", directory)


def save_file(parent: QWidget, title: str, suggested: str, filters: str) -> tuple[str, str]:
    """(path, chosen filter); path is empty when cancelled."""
    return QFileDialog.getSaveFileName(parent, title, suggested, filters)


def open_store(parent: QWidget, directory: str = "") -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent, "Open another store", directory, "deskapp stores (*.sqlite3 *.db);;All files (*)"
    )
    return path


def error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def report(
    parent: QWidget | None, title: str, message: str, details: str = "", *, warning: bool = False
) -> None:
    """A summary (e.g. of a batch import); ``details`` behind "Show Details…"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(message)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def ask_unsaved(parent: QWidget, title: str) -> str:
    """'save', 'discard' or 'cancel' for an article with unsaved changes."""
    buttons = (
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    answer = QMessageBox.question(
        parent,
        "Unsaved changes",
        f"“{title}” has changes that are not saved as a version.\nSave them first?",
        buttons,
        QMessageBox.StandardButton.Save,
    )
    return {
        QMessageBox.StandardButton.Save: "save",
        QMessageBox.StandardButton.Discard: "discard",
    }.get(answer, "cancel")


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def confirm(parent: QWidget, title: str, message: str) -> bool:
    answer = QMessageBox.question(parent, title, message)
    return answer == QMessageBox.StandardButton.Yes
