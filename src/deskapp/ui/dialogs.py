"""The only place that opens blocking dialogs, so tests can replace one function.

Each function returns what the user chose (``None``/empty when cancelled).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

ARTICLE_FILTER = (
    "Articles (*.txt *.md *.markdown *.html *.htm *.json *.ann);;Text (*.txt);;Markdown (*.md);;"
    "Web pages (*.html *.htm);;deskapp JSON (*.json);;brat standoff (*.ann);;All files (*)"
)


def open_files(parent: QWidget, directory: str = "") -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Open articles", directory, ARTICLE_FILTER)
    return paths


def open_folder(parent: QWidget, directory: str = "") -> str:
    return QFileDialog.getExistingDirectory(parent, "Import a folder of articles", directory)


def export_folder(parent: QWidget, directory: str = "") -> str:
    """The folder a batch export writes into; empty when cancelled."""
    return QFileDialog.getExistingDirectory(parent, "Export into a folder", directory)


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


def ask_name(parent: QWidget, title: str, label: str, names: list[str],
             current: str = "") -> str | None:
    """A name picked from ``names`` or typed (an editable list); None when cancelled."""
    items = list(dict.fromkeys([current, *names])) if current else list(names) or [""]
    value, ok = QInputDialog.getItem(parent, title, label, items, 0, True)
    return value if ok else None


def confirm(parent: QWidget, title: str, message: str) -> bool:
    answer = QMessageBox.question(parent, title, message)
    return answer == QMessageBox.StandardButton.Yes


def _choose(parent: QWidget | None, title: str, message: str,
            choices: list[tuple[str, str, QMessageBox.ButtonRole]], default: str) -> str:
    """A message box with named buttons; the key of the pressed one ('cancel' on Esc)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, message,
                      QMessageBox.StandardButton.NoButton, parent)
    buttons = {}
    for key, text, role in choices:
        button = box.addButton(text, role)
        buttons[button] = key
        if key == default:
            box.setDefaultButton(button)
    box.exec()
    return buttons.get(box.clickedButton(), "cancel")


def ask_conflict(parent: QWidget, title: str, mine: int | None, latest: int) -> str:
    """'mine' (save on top), 'theirs' (reload; keep mine as a draft) or 'cancel'."""
    role = QMessageBox.ButtonRole
    return _choose(
        parent, "Saved elsewhere meanwhile",
        f"“{title}” was saved as version {latest} by another window or program after you "
        f"started from version {mine}.\n\n"
        "• Save mine: your article becomes a new version on top of theirs (theirs stays "
        "in the history).\n"
        "• Reload theirs: the window shows their version; your changes are kept as a draft "
        "(File ▸ Recover drafts).\n"
        "• Cancel: nothing is saved; your changes stay in this window.",
        [("mine", "&Save mine on top", role.AcceptRole),
         ("theirs", "&Reload theirs", role.DestructiveRole),
         ("cancel", "Cancel", role.RejectRole)],
        "mine",
    )


def ask_recover(parent: QWidget | None, description: str) -> str:
    """'recover', 'discard' or 'later' for one draft of unsaved edits."""
    role = QMessageBox.ButtonRole
    answer = _choose(
        parent, "Recover unsaved changes",
        f"deskapp kept changes that were never saved as a version:\n\n{description}\n\n"
        "Recover them into the window (they stay unsaved until you save)?",
        [("recover", "&Recover", role.AcceptRole),
         ("discard", "&Discard them", role.DestructiveRole),
         ("later", "Ask &later", role.RejectRole)],
        "recover",
    )
    return "later" if answer == "cancel" else answer


def run_modal(dialog: QDialog) -> bool:
    """Run ``dialog``; True when accepted. The keyboard goes back to the window it came
    from afterwards, also where no window manager does that (Xvfb, some tiling WMs)."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    owner = dialog.parentWidget()
    if owner is not None:
        owner.window().activateWindow()
    return accepted
