"""F6 / Shift+F6: the keyboard moves from panel to panel (the article, the find bar, the
marks, the review flags, the article details, the history), skipping hidden ones; each
panel and dock gets an accessible name and description. Tab goes through every control
in the same panel order (the review bar last) and comes back round."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QWidget

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

DOCK_DESCRIPTIONS = {
    "marksDock": "The marks of the article: quotes and attributions; Enter goes to one",
    "flagsDock": "What the review checks found: figures without a source, quotes without "
                 "a speaker; Enter jumps to one",
    "metadataDock": "The article's metadata and parts; Enter commits a field",
    "historyDock": "Versions of the article; D diffs, C compares with the window, R restores",
    "reviewDock": "The suggestion under review, why it is made and the review keys",
}
TAB_PANELS = ("findBar", "marksDock", "flagsDock", "metadataDock", "historyDock", "reviewDock")


class PanelFocus:
    """Moves the keyboard between the window's panels in a fixed order."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        for dock in window.findChildren(QDockWidget):
            dock.setAccessibleName(dock.windowTitle())
            dock.setAccessibleDescription(DOCK_DESCRIPTIONS.get(dock.objectName(), ""))
            if dock.widget() is not None and not dock.widget().accessibleName():
                dock.widget().setAccessibleName(dock.windowTitle())

    def order_tabs(self) -> None:
        """Tab order: the article, then each panel's controls in ``TAB_PANELS`` order (their
        own order kept), then anything else. Run once the panels are in place."""
        window = self.window
        panels = [window.view] + [window.findChild(QWidget, name) for name in TAB_PANELS]
        panels = [p for p in panels if p is not None]

        def rank(widget: QWidget) -> int:
            return next((i for i, p in enumerate(panels)
                         if p is widget or p.isAncestorOf(widget)), len(panels))

        chain: list[QWidget] = []
        widget = window.nextInFocusChain()
        while widget is not window and widget not in chain:
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.window() is window:
                chain.append(widget)
            widget = widget.nextInFocusChain()
        chain.sort(key=rank)  # stable: each panel keeps its own order
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def targets(self) -> list[QWidget]:
        """The widget that takes the keyboard in each panel, in F6 order."""
        w = self.window
        return [w.view, w.find_bar.edit, w.marks_panel.list, w.suggestions.flags_panel.list,
                w.parts.panel.edits["title"], w.versions.history.panel.list]

    def visible(self) -> list[QWidget]:
        return [t for t in self.targets() if t.isVisible() and t.isEnabled()]

    def move(self, step: int) -> None:
        shown = self.visible()
        if not shown:
            return
        focus = self.window.focusWidget()
        here = next((i for i, t in enumerate(shown)
                     if focus is not None and (t is focus or t.isAncestorOf(focus))), -1)
        if here == -1:
            target = shown[0] if step > 0 else shown[-1]
        else:
            target = shown[(here + step) % len(shown)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        name = target.accessibleName() or target.objectName()
        self.window.statusBar().showMessage(f"Keyboard in: {name}", 3000)

    def next_panel(self) -> None:
        self.move(1)

    def previous_panel(self) -> None:
        self.move(-1)
