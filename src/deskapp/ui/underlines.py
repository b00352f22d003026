"""Drawing the dashed underlines of pending suggestions into the view's highlight index.

Only what changed is redrawn: an accept on a 200 KB article redraws one paragraph, not
120 ms worth of text. After a new run the underlines the index holds *now* are compared
with the new ones: corrections since the last run moved the old ones in the index (the
renderer's list of them is not kept moving), so comparing with that list would leave
moved underlines behind.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from deskapp.ui.highlights import Highlight, Role

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

INCREMENTAL_LIMIT = 400  # changed underlines above which one full redraw is quicker


def replace_underlines(window: MainWindow, wanted: list[Highlight]) -> None:
    """A new run (or none): draw ``wanted`` instead of whatever underlines are drawn."""
    renderer, view = window.renderer, window.view
    if not wanted and not renderer.extra_highlights:
        return
    shown = renderer.shown
    if shown is None or shown.article.text != view.text():
        renderer.extra_highlights = wanted
        renderer.redraw()
        return
    now = Counter(view.highlighter.index.of_role(Role.SUGGESTION))
    want = Counter(wanted)
    if now:
        show_underline_changes(window, wanted, now - want, want - now)
    else:  # nothing drawn yet (a first run): no comparison needed
        show_underline_changes(window, wanted, Counter(), want)
    renderer.extra_highlights = wanted


def show_underline_changes(window: MainWindow, wanted: list[Highlight], gone: Counter,
                           came: Counter) -> None:
    """``wanted`` are drawn now: ``gone`` were taken away and ``came`` added (counted)."""
    if not gone and not came:
        return
    renderer, view = window.renderer, window.view
    renderer.extra_highlights = wanted
    shown = renderer.shown
    if shown is None or shown.article.text != view.text():
        renderer.redraw()
        return
    index = view.highlighter.index
    if gone.total() + came.total() > INCREMENTAL_LIMIT:  # many: one pass, all redrawn
        index.replace(gone.elements(), came.elements())
        view.highlight_pass.start()
        return
    for item in gone.elements():
        index.remove(item)
    for item in came.elements():
        index.add(item)
    view.rehighlight([(h[0], h[1]) for h in (*gone, *came)])
