"""House rules: layers, documentation and lint, checked on every run."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "deskapp"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((SRC / "core").rglob("*.py")), ids=lambda p: p.name)
def test_core_imports_neither_qt_nor_sql(path):
    assert not _imports(path) & {"PySide6", "sqlite3", "sqlite_utils"}


def test_only_the_store_speaks_sql():
    offenders = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if "store" not in p.relative_to(SRC).parts[:1] and _imports(p) & {"sqlite3", "sqlite_utils"}
    ]
    assert offenders == []


def test_readme_shortcut_table_matches_the_action_table():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import shortcuts_table
    finally:
        sys.path.pop(0)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert shortcuts_table.readme_table(readme) == shortcuts_table.table(), (
        "README shortcuts are stale: run python scripts/shortcuts_table.py --write"
    )


def test_every_action_has_a_unique_shortcut():
    from deskapp.ui.actions import ACTIONS

    keys = [a.shortcut for a in ACTIONS if a.shortcut]
    assert len(keys) == len(set(keys))
    assert len({a.id for a in ACTIONS}) == len(ACTIONS)


def test_every_cli_command_has_help():
    from deskapp.cli import main

    for name, command in main.commands.items():
        assert (command.help or "").strip(), f"deskapp {name} has no help text"


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "bench", "scripts"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_every_action_has_a_shortcut():
    from deskapp.ui.actions import ACTIONS

    assert [a.id for a in ACTIONS if not a.shortcut] == []
