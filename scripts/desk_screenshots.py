"""Make docs/desk-1280x800.png (the window with a hand-off note above the text and the
article details open), docs/desk-library-1280x800.png (the library with its ID, file,
assignee, flags and pending columns) and docs/desk-live-1280x800.png (the live desk: another
editor has the article open and saved a newer version), offscreen on a temporary store."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENS = ROOT / "tests" / "fixtures" / "screens.json"
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS}"

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from deskapp.core.importers import read_document  # noqa: E402
from deskapp.core.workflow import State  # noqa: E402
from deskapp.paths import SAMPLE_ARTICLE, resource_path  # noqa: E402
from deskapp.store import Store  # noqa: E402
from deskapp.ui.app import application  # noqa: E402
from deskapp.ui.main_window import MainWindow  # noqa: E402


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def build(path: Path) -> int:
    """The sample sent back with a note, and copies of one wire story, two assigned."""
    sample = read_document(resource_path(SAMPLE_ARTICLE))
    with Store.open(path) as store:
        for n in range(1, 6):
            text = ("Council approves budget\n\nThe city council approved the budget on "
                    f"Tuesday, officials said. Copy {n} of the wire story.\n")
            doc = read_document(resource_path(SAMPLE_ARTICLE))
            doc = type(doc)(type(doc.article)(text, meta=doc.article.meta.__class__(
                title="Council approves budget", file_name=f"wire-{n:02d}.txt")))
            saved = store.import_document(doc, reviewer="Ana Editor").document
            if n % 2:
                store.assign(saved.id, "Bea Senior" if n == 1 else "Ana Editor")
        first = store.import_document(sample, reviewer="Ana Editor").document
        store.transition(first.id, State.IN_REVIEW, reviewer="Ana Editor",
                         note="Marked; please check the second source")
        store.transition(first.id, State.NEEDS_CHANGES, reviewer="Bea Senior",
                         note="The 567 figure needs its source: the Colombian migration "
                              "authority, as in paragraph 2.")
        store.assign(first.id, "Ana Editor")
        return first.id


def live_shot(app: QApplication, window: MainWindow, article_id: int, out: Path) -> Path:
    """Bea, in another session on the same store, opens the article and saves a version:
    the window's bar says so (it polls the store every second)."""
    target = out / "desk-live-1280x800.png"
    with Store.open(window.store.path) as bea:
        bea.hold(article_id, "Bea Senior")
        doc = bea.load(article_id)
        bea.save(replace(doc, rejected=doc.rejected | {"checked-by-bea"}),
                 reviewer="Bea Senior", parent=doc.version)
        deadline = time.monotonic() + 10
        while window.live.banner.newer_row.isHidden() and time.monotonic() < deadline:
            settle(app)
            time.sleep(0.05)
        settle(app)
        window.grab().save(str(target))
    return target


def main() -> int:
    app = application()
    out = ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "desk.sqlite3"
        article_id = build(path)
        store = Store.open(path)
        settings = QSettings(str(Path(tmp) / "desk.ini"), QSettings.Format.IniFormat)
        settings.setValue("reviewer", "Ana Editor")
        window = MainWindow(store, settings)
        screen = next(s for s in app.screens() if s.name().endswith("1280x800"))
        window.move(screen.availableGeometry().topLeft())
        window.show_loaded(store.load(article_id))
        window.show()
        settle(app)
        window.parts.focus_metadata()
        settle(app)
        window.grab().save(str(out / "desk-1280x800.png"))
        window.versions.show_library()
        library = window.versions.library
        library.resize(1240, 560)
        settle(app)
        library.grab().save(str(out / "desk-library-1280x800.png"))
        library.hide()
        live = live_shot(app, window, article_id, out)
        print(out / "desk-1280x800.png", out / "desk-library-1280x800.png", live, sep="\n")
        window.session.undo_stack.setClean()
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
