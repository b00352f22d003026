"""Make docs/layout-WxH.png: the window in review mode, with History and the article details
open, on laptop screens of 1280×800, 1366×768 and 1024×640 (offscreen, temporary store).

Each picture shows what issue 15 asks to stay visible: the status bar, the review line in
full and review mode's key legend. ``--theme dark`` makes the dark-palette versions.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENS = ROOT / "tests" / "fixtures" / "screens.json"
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS}"

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from deskapp.store import Store  # noqa: E402
from deskapp.ui.app import application  # noqa: E402
from deskapp.ui.main_window import MainWindow  # noqa: E402

SIZES = ("1280x800", "1366x768", "1024x640")


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def shoot(app: QApplication, tmp: Path, size: str, out: Path, theme: str) -> None:
    screen = next(s for s in app.screens() if s.name().endswith(size))
    store = Store.open(tmp / f"{size}.sqlite3")
    settings = QSettings(str(tmp / f"{size}.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer", "Sample Editor")
    settings.setValue("look/theme", theme)
    window = MainWindow(store, settings)
    window.files.open_initial()
    window.move(screen.availableGeometry().topLeft())
    window.show()
    settle(app)
    window.parts.focus_metadata()
    window.versions.history.toggle()
    window.suggestions.mode.set_reviewing(True)
    window.suggestions.mode.accept()  # two marks, drawn in the theme's colours
    window.suggestions.mode.accept()
    settle(app)
    window.status("Review mode: Esc leaves it · every confirmation shows here")
    settle(app)
    window.grab().save(str(out))
    window.session.undo_stack.setClean()
    window.close()
    store.close()
    print(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    args = parser.parse_args()
    app = application()
    suffix = "" if args.theme == "light" else "-dark"
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            shoot(app, Path(tmp), size, ROOT / "docs" / f"layout-{size}{suffix}.png", args.theme)
    return 0


if __name__ == "__main__":
    sys.exit(main())
