"""``deskapp --install-desktop-entry``: the .desktop file and the SVG icon, for this user.

No Qt: ``resources/deskapp.desktop`` goes to ``$XDG_DATA_HOME/applications`` with its
``Exec`` pointing at the ``deskapp`` that runs now (so a virtual environment's works), the
icon to ``$XDG_DATA_HOME/icons/hicolor/scalable/apps``. The desktop's menu caches are
refreshed when their tools are there.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from deskapp.paths import APP_NAME, resource_path, user_data_home

DESKTOP_FILE = f"{APP_NAME}.desktop"
ICON_FILE = f"{APP_NAME}.svg"


def launch_command() -> str:
    """How the desktop should start this deskapp: the running script, else ``python -m``."""
    script = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    if script is not None and script.name == APP_NAME and script.is_file():
        return shlex.quote(str(script))
    return f"{shlex.quote(sys.executable)} -m deskapp"


def desktop_entry(command: str) -> str:
    """The bundled entry with ``Exec`` set to ``command %F``."""
    lines = resource_path(DESKTOP_FILE).read_text(encoding="utf-8").splitlines()
    return "\n".join(f"Exec={command} %F" if line.startswith("Exec=") else line
                     for line in lines) + "\n"


def install_desktop_entry(data_home: Path | None = None, command: str | None = None,
                          ) -> list[Path]:
    """Write the entry and the icon under ``data_home``; the files written."""
    home = data_home or user_data_home()
    entry = home / "applications" / DESKTOP_FILE
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / ICON_FILE
    entry.parent.mkdir(parents=True, exist_ok=True)
    icon.parent.mkdir(parents=True, exist_ok=True)
    _write(entry, desktop_entry(command or launch_command()))
    _write(icon, resource_path(ICON_FILE).read_text(encoding="utf-8"))
    _refresh(["update-desktop-database", "-q", str(entry.parent)])
    _refresh(["gtk-update-icon-cache", "-q", "-t", str(home / "icons" / "hicolor")])
    return [entry, icon]


def _write(path: Path, text: str) -> None:
    """Replace ``path`` whole (a temporary file renamed over it)."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def _refresh(command: list[str]) -> None:
    """Run a desktop cache tool when it is installed; its failure changes nothing here."""
    if shutil.which(command[0]):
        subprocess.run(command, check=False, capture_output=True, timeout=30)
