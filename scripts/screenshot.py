"""Make docs/screenshot.png: the window on the bundled sample, offscreen, on a temporary store.

Marks the sample's quote and two attributions through the same core calls the window
uses, enters suggestion review if available, and grabs the window.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# offscreen, on a screen large enough for the 1280×800 window (the window fits its screen)
SCREENS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "screens.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREENS}")

from PySide6.QtCore import QSettings  # noqa: E402

from deskapp.core.marking import make_attribution, make_quote  # noqa: E402
from deskapp.store import Store  # noqa: E402
from deskapp.ui.app import application  # noqa: E402
from deskapp.ui.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshot.png"


def _range(text: str, needle: str, length: int | None = None) -> tuple[int, int]:
    """The first occurrence of ``needle`` (or of its first ``length`` characters)."""
    start = text.index(needle)
    return start, start + (len(needle) if length is None else length)


def main() -> int:
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "store.sqlite3")
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, settings)
        window.files.open_initial()
        doc = window.session.document
        text = doc.article.text
        quote = make_quote(doc, *_range(text, "The defections don’t appear to be on a senior "
                                              "enough level to undermine Maduro,"),
                           speaker="Amanda Lapo", speaker_span=_range(text, "she told", 3),
                           cue=_range(text, "told Business", 4))
        doc = doc.add_mark(quote)
        content = _range(text, "More than 500 Venezuelan soldiers have fled President Nicolás "
                               "Maduro’s crumbling regime for neighboring Colombia")
        doc = doc.add_mark(make_attribution(
            doc, content, source=_range(text, "the Colombian migration authority"),
            cue=_range(text, "reported Thursday", 8)))
        window.session.apply(doc, "Mark")
        window.resize(1280, 800)
        window.show()
        for _ in range(5):
            app.processEvents()
        OUT.parent.mkdir(exist_ok=True)
        window.grab().save(str(OUT))
        window.session.undo_stack.setClean()
        window.close()
        store.close()
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
