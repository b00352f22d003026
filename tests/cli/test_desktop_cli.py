"""Issue 15, item 7: the command line without Qt, the store where it always was, the
desktop entry, ``deskapp FILE...`` and the console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from deskapp import paths
from deskapp.cli import main
from deskapp.desktop import desktop_entry, install_desktop_entry

ROOT = Path(__file__).resolve().parents[2]
MIME_TYPES = {"text/plain", "text/markdown", "text/html", "application/json"}


def _run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    """``python -X importtime -m deskapp ARGS`` with private XDG folders."""
    full_env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
                "XDG_CONFIG_HOME": str(tmp_path / "config"), **env}
    full_env.pop("DESKAPP_STORE", None)
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "deskapp", *args],
                          capture_output=True, text=True, env=full_env, timeout=120)


def _qt_modules(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if "PySide6" in line]


def test_help_does_not_load_qt(tmp_path):
    result = _run(["--help"], tmp_path)
    assert result.returncode == 0
    assert "--install-desktop-entry" in result.stdout
    assert _qt_modules(result) == []


def test_list_does_not_load_qt(tmp_path, fixtures):
    store = tmp_path / "s.sqlite3"
    imported = _run(["import", str(fixtures / "venezuela-defections.txt"), "--store",
                     str(store)], tmp_path)
    assert imported.returncode == 0, imported.stderr[-500:]
    listed = _run(["list", "--store", str(store), "--format", "json"], tmp_path)
    assert listed.returncode == 0
    assert "567 Venezuelan soldiers" in listed.stdout
    assert _qt_modules(listed) == []
    default = _run(["list"], tmp_path)  # the default store, not made yet: a one-line error
    assert default.returncode == 1
    assert _qt_modules(default) == []


def test_the_store_stays_where_qt_put_it(monkeypatch, tmp_path):
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    from deskapp.ui.app import application

    application()
    assert QCoreApplication.applicationName() == "deskapp"
    qt_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert paths.default_store_path() == Path(qt_folder) / "deskapp.sqlite3"
    if sys.platform.startswith("linux"):
        monkeypatch.delenv("XDG_DATA_HOME")
        monkeypatch.setenv("HOME", str(tmp_path))
        assert paths.default_store_path() == (
            tmp_path / ".local/share/deskapp/deskapp/deskapp.sqlite3")
        monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
        assert paths.default_store_path().is_relative_to(tmp_path / ".local/share")


def test_the_desktop_entry_names_the_four_kinds_of_file():
    text = (ROOT / "resources" / "deskapp.desktop").read_text(encoding="utf-8")
    mime = next(line for line in text.splitlines() if line.startswith("MimeType="))
    assert set(filter(None, mime.removeprefix("MimeType=").split(";"))) == MIME_TYPES
    assert "Icon=deskapp" in text
    assert (ROOT / "resources" / "deskapp.svg").read_text(encoding="utf-8").lstrip().startswith(
        "<?xml")


@pytest.mark.skipif(not shutil.which("desktop-file-validate"),
                    reason="desktop-file-validate is not installed (desktop-file-utils)")
def test_the_desktop_entry_is_valid(tmp_path):
    bundled = subprocess.run(["desktop-file-validate", str(ROOT / "resources/deskapp.desktop")],
                             capture_output=True, text=True)
    assert bundled.returncode == 0 and "error" not in bundled.stdout, bundled.stdout
    (tmp_path / "deskapp.desktop").write_text(desktop_entry("/opt/my env/bin/deskapp"))
    written = subprocess.run(["desktop-file-validate", str(tmp_path / "deskapp.desktop")],
                             capture_output=True, text=True)
    assert written.returncode == 0 and "error" not in written.stdout, written.stdout


def test_install_desktop_entry_for_this_user(tmp_path):
    result = _run(["--install-desktop-entry"], tmp_path)
    assert result.returncode == 0, result.stderr[-500:]
    entry = tmp_path / "data" / "applications" / "deskapp.desktop"
    icon = tmp_path / "data" / "icons" / "hicolor" / "scalable" / "apps" / "deskapp.svg"
    assert entry.is_file() and icon.is_file()
    assert str(entry) in result.stdout
    exec_line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
    assert exec_line.endswith(" -m deskapp %F") and sys.executable in exec_line
    assert _qt_modules(result) == []
    again = install_desktop_entry(tmp_path / "data", "deskapp")  # a second time replaces
    assert again == [entry, icon]
    assert "Exec=deskapp %F" in entry.read_text()


@pytest.fixture
def launched(monkeypatch):
    """What ``deskapp …`` would open the window with (the window is not started)."""
    import deskapp.ui.app

    calls = []
    monkeypatch.setattr(deskapp.ui.app, "run", lambda **kw: calls.append(kw) or 0)
    return calls


def test_files_on_the_command_line_open_in_the_window(launched, tmp_path, fixtures):
    article = fixtures / "venezuela-defections.txt"
    result = CliRunner().invoke(main, [str(article), "notes.md"])
    assert result.exit_code == 0, result.output
    assert launched == [{"store_path": None, "files": [article, Path("notes.md")]}]
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "s.sqlite3"), str(article)])
    assert launched[-1] == {"store_path": str(tmp_path / "s.sqlite3"), "files": [article]}
    result = CliRunner().invoke(main, [])
    assert launched[-1] == {"store_path": None, "files": []}


def test_a_mistyped_command_is_still_a_usage_error(launched):
    result = CliRunner().invoke(main, ["lsit"])
    assert result.exit_code == 2
    assert "No such command" in result.output
    assert launched == []


def test_deskapp_is_a_console_script():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["deskapp"] == "deskapp.cli:main"
    assert "deskapp" not in project.get("gui-scripts", {})
