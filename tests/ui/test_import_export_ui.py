"""The window imports a deskapp JSON export as the CLI does: its registry entries join the
store's registry and a ``--with-history`` export brings every version (one shared path,
``store.file_import``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt

from deskapp.core.document import Document
from deskapp.core.exporters import to_json_text
from deskapp.ui import dialogs
from tests.core.exporters.samples import REGISTRY, reviewed
from tests.ui.keys import CTRL, SHIFT, press, wait_summary


def _export(folder: Path, sample_text: str) -> Path:
    """A JSON export of a marked article (version 2, approved) with its history and the
    registry entry its quote names (“Lapo” is Amanda Lapo)."""
    doc = reviewed(sample_text)
    unmarked = Document(doc.article, id=1, version=1)
    exported = replace(doc, id=1, version=2)
    history = [({"version": 1, "reviewer": "bo", "note": "first"}, unmarked),
               ({"version": 2, "reviewer": "bo", "note": "marked"}, exported)]
    folder.mkdir(exist_ok=True)
    path = folder / "lapo.json"
    path.write_text(to_json_text(exported, REGISTRY, history), encoding="utf-8")
    return path


def _check_store(window, marks: int) -> None:
    store = window.store
    assert [e.name for e in store.load_registry()] == ["Amanda Lapo"]
    assert store.load_registry().find("Lapo").name == "Amanda Lapo"
    (article,) = store.list_articles()
    assert [v.version for v in store.history(article.id)] == [1, 2]
    assert [len(store.load(article.id, v).marks) for v in (1, 2)] == [0, marks]
    assert store.verify() == []


def test_ctrl_o_on_a_json_export_learns_its_registry_and_history(
    open_window, qtbot, monkeypatch, tmp_path, sample_text, shown_messages
):
    path = _export(tmp_path / "in", sample_text)
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: [str(path)])
    window = open_window()
    assert len(window.store.load_registry()) == 0
    press(qtbot, window.view, Qt.Key.Key_O, CTRL)
    assert not shown_messages
    assert window.session.document.version == 2 and window.session.document.id is not None
    _check_store(window, len(reviewed(sample_text).marks))


def test_folder_import_of_a_json_export_learns_its_registry_and_history(
    open_window, qtbot, monkeypatch, tmp_path, sample_text, shown_messages
):
    folder = _export(tmp_path / "in", sample_text).parent
    monkeypatch.setattr(dialogs, "open_folder", lambda *a, **k: str(folder))
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_O, CTRL | SHIFT)
    summary = wait_summary(qtbot, shown_messages)
    assert "Imported: 1" in summary and "Failed: 0" in summary
    _check_store(window, len(reviewed(sample_text).marks))
