"""A window that fits its screen: panels scroll or shrink instead of growing the window.

``fit_window(window)`` (called once the docks exist) puts every dock's panel in a scroll
area, so no panel's minimum size can push the window past the screen, and watches the
window: whenever Qt would make it larger than the screen's available geometry (a panel
shown, a long text wrapped), it is put back inside.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QWidget
from shiboken6 import isValid

UNSCROLLED = ("reviewDock",)  # docks that manage their own height (the review bar)


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that resizes it (its minimum no longer counts)."""
    area = QScrollArea()
    area.setObjectName(f"{widget.objectName() or 'panel'}Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    area.setFocusProxy(widget)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a wrapper: Tab goes to the panel's controls
    # scroll up and down only: as wide as the panel needs, never a sideways scroll bar
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    extent = area.verticalScrollBar().sizeHint().width()
    area.setMinimumWidth(widget.minimumSizeHint().width() + extent)
    return area


def inside(rect: QRect, bounds: QRect) -> QRect:
    """``rect`` shrunk and moved as little as needed to lie within ``bounds``."""
    width, height = min(rect.width(), bounds.width()), min(rect.height(), bounds.height())
    left = min(max(rect.left(), bounds.left()), bounds.right() + 1 - width)
    top = min(max(rect.top(), bounds.top()), bounds.bottom() + 1 - height)
    return QRect(left, top, width, height)


def available(window: QWidget) -> QRect:
    """The available geometry of the screen under the window's centre (else its screen)."""
    screen = QGuiApplication.screenAt(window.frameGeometry().center()) or window.screen()
    return screen.availableGeometry()


class _DeferredFit(QObject):
    """Runs ``fit`` once, after the events of this turn of the loop, however often asked."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pending = False

    def schedule(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._run)

    def _run(self) -> None:
        self._pending = False
        if all(isValid(part) for part in self.parts()):  # the window may be gone by now
            self.fit()

    def parts(self) -> tuple[QObject, ...]:
        """The objects ``fit`` reads: all must still exist when it runs."""
        return (self,)

    def fit(self) -> None:
        raise NotImplementedError


class ScreenFit(_DeferredFit):
    """Keeps a top-level window inside its screen's available geometry."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (
            QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.LayoutRequest,
            QEvent.Type.ScreenChangeInternal,
        ):
            self.schedule()
        return False

    def parts(self) -> tuple[QObject, ...]:
        return (self, self.window)

    def fit(self) -> None:
        """Shrink and move the window (its frame included) inside the screen."""
        window = self.window
        if not window.isVisible() or window.isMaximized() or window.isFullScreen():
            return
        bounds = available(window)
        frame = window.frameGeometry()
        if bounds.contains(frame):
            return
        extra_w = frame.width() - window.width()
        extra_h = frame.height() - window.height()
        fitted = inside(frame, bounds)
        window.resize(fitted.width() - extra_w, fitted.height() - extra_h)
        window.move(fitted.topLeft())


class ReviewDockFit(_DeferredFit):
    """Gives the review dock the height its text needs, at most ``SHARE`` of the window."""

    SHARE = 0.4

    def __init__(self, window: QMainWindow, dock: QDockWidget) -> None:
        super().__init__(window)
        self.window, self.dock, self.bar = window, dock, dock.widget()
        self.bar.changed.connect(self.schedule)
        dock.visibilityChanged.connect(lambda visible: visible and self.schedule())
        window.installEventFilter(self)
        dock.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:  # the window's or the dock's: wraps anew
            self.schedule()
        return False

    def parts(self) -> tuple[QObject, ...]:
        return (self, self.window, self.dock, self.bar)

    def fit(self) -> None:
        if not self.dock.isVisible():
            return
        wanted = self.bar.wanted_height(self.dock.width())
        height = min(wanted, int(self.window.height() * self.SHARE))
        if abs(self.dock.height() - height) > 1:
            self.window.resizeDocks([self.dock], [height], Qt.Orientation.Vertical)


def fit_window(window: QMainWindow) -> ScreenFit:
    """Make ``window``'s docks scroll, size the review bar, keep the window on its screen."""
    docks = window.findChildren(QDockWidget)
    for dock in docks:
        inner = dock.widget()
        if inner is None or isinstance(inner, QScrollArea):
            continue
        if dock.objectName() in UNSCROLLED:
            ReviewDockFit(window, dock)
            bottom = Qt.DockWidgetArea.BottomDockWidgetArea
            above = [d for d in docks if d is not dock and window.dockWidgetArea(d) == bottom]
            for other in above:  # the review bar spans the window's width, under the others
                window.splitDockWidget(other, dock, Qt.Orientation.Vertical)
            continue
        dock.setWidget(scrolling(inner))
        if window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea:
            dock.visibilityChanged.connect(
                lambda visible, d=dock: visible and QTimer.singleShot(0, lambda: _cap(window, d)))
    return ScreenFit(window)


def _cap(window: QMainWindow, dock: QDockWidget, share: float = 0.3) -> None:
    """A bottom panel takes at most ``share`` of the window's height when it opens."""
    if not (isValid(window) and isValid(dock)):
        return  # closed before this deferred call ran
    most = int(window.height() * share)
    if dock.isVisible() and dock.height() > most:
        window.resizeDocks([dock], [most], Qt.Orientation.Vertical)


def initial_size(window: QWidget, wanted: tuple[int, int] = (1200, 780)) -> None:
    """Resize to ``wanted``, or to the screen's available size when that is smaller."""
    bounds = available(window)
    window.resize(min(wanted[0], bounds.width()), min(wanted[1], bounds.height()))


def place_over(dialog: QWidget, window: QWidget) -> None:
    """Centre ``dialog`` over ``window``, shrunk and moved to lie inside its screen."""
    bounds = available(window)
    frame = dialog.frameGeometry()
    extra_w, extra_h = frame.width() - dialog.width(), frame.height() - dialog.height()
    wanted = QRect(0, 0, frame.width(), frame.height())
    wanted.moveCenter(window.frameGeometry().center())
    fitted = inside(wanted, bounds)
    dialog.resize(fitted.width() - extra_w, fitted.height() - extra_h)
    dialog.move(fitted.topLeft())
