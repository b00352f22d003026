"""The main window: article view, marks panel, menus, toolbar and status bar.

Actions come from ``ui/actions.py``; what they do lives in small controllers
(``files``, ``marking``, ``review``) that the window owns.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from deskapp import __version__
from deskapp.core.document import Document
from deskapp.core.settings_spec import AUTOSAVE_SECONDS, FONT_SIZE, THEME, THOUGHTS_TAKE_PART, ZOOM
from deskapp.logs import log_path
from deskapp.store import Store
from deskapp.ui import dialogs
from deskapp.ui.actions import ACTIONS, MENUS, build_actions
from deskapp.ui.article_view import ArticleView
from deskapp.ui.controllers.files import FileActions
from deskapp.ui.controllers.marking import MarkingActions
from deskapp.ui.controllers.parts import PartsActions
from deskapp.ui.controllers.queue import DeskActions
from deskapp.ui.controllers.recent import RecentArticles
from deskapp.ui.controllers.review import ReviewActions
from deskapp.ui.controllers.versions import VersionActions
from deskapp.ui.find_bar import FindBar
from deskapp.ui.help_window import HelpWindow
from deskapp.ui.layout import fit_window, initial_size, place_over
from deskapp.ui.live_desk import LiveDesk
from deskapp.ui.look import Look
from deskapp.ui.panel_focus import PanelFocus
from deskapp.ui.panels.marks_panel import MarksPanel
from deskapp.ui.preferences import PreferencesDialog
from deskapp.ui.registry_dialog import PeopleActions
from deskapp.ui.rendering import DocumentRenderer
from deskapp.ui.session import ReviewSession
from deskapp.ui.settings import Options
from deskapp.ui.suggestions import SuggestionActions
from deskapp.ui.window_state import restore_window, save_window


class MainWindow(QMainWindow):
    """One window reviewing one article at a time, on one store."""

    def __init__(self, store: Store, settings: QSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.store = store
        self.settings = settings or QSettings()
        self.options = Options(self.settings, self)
        self.help_window: HelpWindow | None = None
        self.session = ReviewSession(self)
        self.view = ArticleView()
        self.find_bar = FindBar()
        self.marks_panel = MarksPanel()
        self.header = QLabel()
        self.header.setObjectName("articleHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self._build_layout()
        self.renderer = DocumentRenderer(self)
        self.files = FileActions(self)
        self.marking = MarkingActions(self)
        self.review = ReviewActions(self)
        self.people = PeopleActions(self)
        self.versions = VersionActions(self)
        self.parts = PartsActions(self)
        self.desk = DeskActions(self)
        self.live = LiveDesk(self)
        self.suggestions = SuggestionActions(self)
        self.recent = RecentArticles(self)
        self.look = Look(self)
        self.panels = PanelFocus(self)
        self.actions_by_id = build_actions(self)
        self.actions_by_id["open_recent"].setMenu(self.recent.menu)
        self.review.show_settings()
        self._build_menus()
        self.session.undo_stack.cleanChanged.connect(lambda _clean: self._update_title())
        self.session.undo_stack.undoTextChanged.connect(self._name_undo)
        self.session.undo_stack.redoTextChanged.connect(self._name_redo)
        self._name_undo("")
        self._name_redo("")
        self.screen_fit = fit_window(self)
        self.panels.order_tabs()
        initial_size(self)
        restore_window(self)
        self.options.changed.connect(self.apply_setting)
        self.apply_setting(AUTOSAVE_SECONDS.key)
        self.look.apply_font()
        self.look.apply_theme()

    # -- layout ----------------------------------------------------------------------
    def _build_layout(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        dock = QDockWidget("Marks", self)
        dock.setObjectName("marksDock")
        dock.setWidget(self.marks_panel)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.marks_dock = dock
        self.notice_label = QLabel()
        self.notice_label.setObjectName("noticeLabel")
        self.notice_label.setAccessibleName("Last saved, approved or blocked")
        self.statusBar().addPermanentWidget(self.notice_label)
        self.state_label = QLabel()
        self.state_label.setObjectName("stateLabel")
        self.state_label.setAccessibleName("State of the article")
        self.statusBar().addPermanentWidget(self.state_label)

    def _build_menus(self) -> None:
        menus = {name: self.menuBar().addMenu(f"&{name}") for name in MENUS}
        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        for item in ACTIONS:
            action = self.actions_by_id[item.id]
            menus[item.menu].addAction(action)
            if item.toolbar:
                toolbar.addAction(action)
        self.menus = menus

    # -- status ----------------------------------------------------------------------
    def status(self, message: str, timeout_ms: int = 8000, keep: bool = False) -> None:
        """A routine message (errors the user can fix included) in the status bar; with
        ``keep`` (saved, approved, blocked) it also stays at the right until the next one."""
        self.statusBar().showMessage(message, timeout_ms)
        if keep:
            self.notice_label.setText(f"{datetime.now():%H:%M} {message}")

    def reviewer(self) -> str:
        return self.review.reviewer_name()

    def show_loaded(self, doc: Document) -> None:
        """Start reviewing ``doc`` (fresh undo history)."""
        self.session.load(doc)
        if doc.id is not None:
            self.files.remember_last(doc.id)

    def update_header(self, doc: Document) -> None:
        meta = doc.article.meta
        facts = [f for f in (meta.dateline, meta.byline, meta.site_name, meta.published) if f]
        version = f"version {doc.version}" if doc.version else "not saved yet"
        self.header.setText(
            f"<b style='font-size:14pt'>{_esc(doc.title)}</b><br>"
            f"<span>{_esc(' · '.join(facts))}</span>"
        )
        ro = " · read-only store" if self.store.read_only else ""
        desk = getattr(self, "desk", None)
        assigned = f" · assigned to {desk.assignee}" if desk and desk.assignee else ""
        self.state_label.setText(f"State: {doc.state} · {version}{assigned}{ro}")
        if desk is not None:
            desk.show_document(doc)
        self._update_title()

    def _update_title(self) -> None:
        doc = self.session.document
        title = doc.title if doc else "No article"
        self.setWindowTitle(f"{title}[*] — deskapp")
        self.setWindowModified(self.session.dirty)

    def _name_undo(self, text: str) -> None:
        action = self.actions_by_id["undo"]
        action.setText(f"&Undo {text}" if text else "&Undo")
        action.setEnabled(bool(text))

    def _name_redo(self, text: str) -> None:
        action = self.actions_by_id["redo"]
        action.setText(f"&Redo {text}" if text else "&Redo")
        action.setEnabled(bool(text))

    # -- simple handlers -------------------------------------------------------------
    def undo(self) -> None:
        self.session.undo_stack.undo()

    def redo(self) -> None:
        self.session.undo_stack.redo()

    def focus_text(self) -> None:
        self.view.setFocus()

    def focus_marks(self) -> None:
        self.marks_panel.list.setFocus()

    def show_preferences(self) -> None:
        """Edit ▸ Preferences (Ctrl+,)."""
        dialog = PreferencesDialog(self.options, self)
        place_over(dialog, self)
        saved = dialog.exec()
        dialog.deleteLater()
        self.activateWindow()
        if saved:
            self.status("Preferences saved")

    def apply_setting(self, key: str) -> None:
        """Put a changed setting to work at once."""
        if key == AUTOSAVE_SECONDS.key:
            self.versions.recovery.timer.setInterval(1000 * self.options.get(AUTOSAVE_SECONDS))
        elif key == THOUGHTS_TAKE_PART.key:
            self.review.show_settings()
        elif key in (FONT_SIZE.key, ZOOM.key):
            self.look.apply_font()
        elif key == THEME.key:
            self.look.apply_theme()

    def show_shortcuts(self) -> None:
        """Help (F1): the searchable help window, made on first use."""
        if self.help_window is None:
            self.help_window = HelpWindow(self)
        self.help_window.present()

    def show_about(self) -> None:
        dialogs.info(
            self,
            "About deskapp",
            f"deskapp {__version__}\nReview monitored news articles.\n\n"
            f"Store: {self.store.path}\nLog file: {log_path()}\n"
            f"Settings: {self.settings.fileName()}",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.settle_unsaved():
            save_window(self)
            self.renderer.shutdown()
            self.live.stop()
            event.accept()
        else:
            event.ignore()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
