"""How the window looks: light or dark (following the system unless Preferences say
otherwise) and the article's font size and zoom (Ctrl++ / Ctrl+- / Ctrl+0)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from deskapp.core.settings_spec import FONT_SIZE, THEME, ZOOM
from deskapp.ui import highlights

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow

SMALLEST = 6  # points


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (text #e8e8e8 on #2b2b2b)."""
    role, palette = QPalette.ColorRole, QPalette()
    colours = {role.Window: "#2b2b2b", role.WindowText: "#e8e8e8", role.Base: "#1e1e1e",
               role.AlternateBase: "#333a44", role.Text: "#e8e8e8", role.Button: "#353535",
               role.ButtonText: "#e8e8e8", role.ToolTipBase: "#3a3a3a",
               role.ToolTipText: "#e8e8e8", role.Highlight: "#3d7ac7",
               role.HighlightedText: "#ffffff", role.Link: "#8cb4ff",
               role.PlaceholderText: "#a0a0a0", role.BrightText: "#ff6b6b"}
    for which, colour in colours.items():
        palette.setColor(which, QColor(colour))
    for which in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, which, QColor("#8a8a8a"))
    return palette


class Look:
    """Applies the theme and the article font; the zoom actions."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.base_size = window.view.font().pointSizeF()
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: self.apply_theme())

    # -- theme -----------------------------------------------------------------------
    def wants_dark(self) -> bool:
        theme = self.window.options.get(THEME)
        return system_is_dark() if theme == "system" else theme == "dark"

    def apply_theme(self) -> None:
        """Set the application's palette and redraw the marks in the theme's colours."""
        dark = self.wants_dark()
        app = QApplication.instance()
        if dark and not highlights.dark_theme:
            app.setStyle("Fusion")
            app.setPalette(dark_palette())
        elif not dark and highlights.dark_theme:
            app.setPalette(QPalette())  # back to the platform's own palette
        highlights.use_dark_theme(dark)
        for widget in self.window.findChildren(QWidget):  # style sheets naming palette colours
            if "palette(" in widget.styleSheet():
                widget.setStyleSheet(widget.styleSheet())
        self.window.renderer.redraw()

    # -- font and zoom ---------------------------------------------------------------
    def point_size(self) -> float:
        size = self.window.options.get(FONT_SIZE) or self.base_size
        return max(SMALLEST, size + self.window.options.get(ZOOM))

    def apply_font(self) -> None:
        font = self.window.view.font()
        font.setPointSizeF(self.point_size())
        self.window.view.setFont(font)

    def zoom_in(self) -> None:
        self._zoom(self.window.options.get(ZOOM) + 1)

    def zoom_out(self) -> None:
        self._zoom(self.window.options.get(ZOOM) - 1)

    def zoom_reset(self) -> None:
        self._zoom(0)

    def _zoom(self, steps: int) -> None:
        self.window.options.set(ZOOM, steps)  # the change applies it (apply_font)
        zoom = self.window.options.get(ZOOM)
        self.window.status(f"Article text {self.point_size():g} pt (zoom {zoom:+d}; Ctrl+0 resets)")
