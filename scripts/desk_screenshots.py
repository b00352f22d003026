"""Make docs/desk-1280x800.png (the window with a hand-off note above the text and the
article details open) and docs/desk-library-1280x800.png (the library with its ID, file,
assignee, flags and pending columns), offscreen on a temporary store."""

from __future__ import annotations

import os
import sys
import tempfile
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
        print(out / "desk-1280x800.png", out / "desk-library-1280x800.png", sep="\n")
        window.session.undo_stack.setClean()
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
