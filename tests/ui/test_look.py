"""Issue 15, item 4: zoom, light and dark themes, marks readable in both and without colour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QApplication

from deskapp.core.settings_spec import THEME, ZOOM
from deskapp.ui import highlights
from deskapp.ui.highlights import COLOURS, TEXT, Role
from tests.ui.keys import CTRL, press


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    r, g, b = (channel(x) for x in (q.redF(), q.greenF(), q.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_mark_colours_keep_text_readable_in_both_themes(dark):
    base = "#1e1e1e" if dark else "#ffffff"
    for role, (colour, _line) in COLOURS[dark].items():
        if role is Role.BOILERPLATE:  # dimmed text on the page
            assert contrast(colour, base) >= 4.5, role
        elif colour:
            assert contrast(TEXT[dark], colour) >= 4.5, role


def test_marks_differ_without_colour():
    def shape(fmt: QTextCharFormat) -> tuple:
        return (fmt.underlineStyle(), fmt.fontOverline(), fmt.fontWeight(), fmt.fontItalic())

    shapes = [shape(highlights.role_format(role)) for role in Role]
    assert len(set(shapes)) == len(shapes)


def test_zoom_in_out_and_reset_from_the_keyboard(open_window, qtbot, settings):
    window = open_window()
    base = window.view.font().pointSizeF()
    press(qtbot, window.view, Qt.Key.Key_Plus, CTRL)
    press(qtbot, window.view, Qt.Key.Key_Equal, CTRL)
    assert window.view.font().pointSizeF() == base + 2
    assert window.options.get(ZOOM) == 2
    press(qtbot, window.view, Qt.Key.Key_Minus, CTRL)
    assert window.view.font().pointSizeF() == base + 1
    assert "zoom +1" in window.statusBar().currentMessage()
    press(qtbot, window.view, Qt.Key.Key_0, CTRL)
    assert window.view.font().pointSizeF() == base
    press(qtbot, window.view, Qt.Key.Key_Plus, CTRL)
    window.close()
    again = open_window()  # the zoom is kept
    assert again.view.font().pointSizeF() == base + 1


def _background_at(window, offset: int) -> str:
    block = window.view.document().findBlock(offset)
    inside = offset - block.position()
    for rng in block.layout().formats():
        if rng.start <= inside < rng.start + rng.length and rng.format.background().style():
            return rng.format.background().color().name()
    return ""


def test_switching_the_theme_repaints_the_marks(open_window, qtbot):
    window = open_window()
    press(qtbot, window.view, Qt.Key.Key_R, CTRL)
    press(qtbot, window.view, Qt.Key.Key_A)  # accept the first suggestion: a mark
    mark = next(iter(window.session.document.marks))
    offset = mark.content.start if hasattr(mark, "content") else mark.span.start
    light = _background_at(window, offset)
    assert light in {c for c, _ in COLOURS[False].values()}
    try:
        window.options.set(THEME, "dark")
        assert _background_at(window, offset) in {c for c, _ in COLOURS[True].values()}
        assert QApplication.palette().window().color().lightness() < 80
    finally:
        window.options.set(THEME, "system")
    assert _background_at(window, offset) == light
    assert not highlights.dark_theme
