"""Help (F1): a searchable window with the keyboard shortcuts, generated from the action
table, and a short page on how a review goes. Typing in the search box keeps the rows that
match and finds the words in the page; Esc closes the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from deskapp.ui.actions import shortcut_rows
from deskapp.ui.shortcuts_dialog import EXTRA_KEYS

HEADERS = ("Menu", "Action", "Shortcut", "What it does")
REVIEW_GUIDE = """
<h2>How a review goes</h2>
<ol>
<li><b>Open the article</b>: File ▸ Open (Ctrl+O), paste it (Ctrl+Shift+V), drop a file
on the window or pick one from the Library (Ctrl+L). It is kept in the store at once.</li>
<li><b>Check its parts</b>: headline, dateline, byline and credit are found for you; the
article details (Ctrl+4) show them, Alt+Shift+H / D / Y / C set the selection as one.</li>
<li><b>Review the suggestions</b>: Ctrl+R enters review mode. The review bar under the text
says why each suggestion is made and what accepting marks (source – cue – content).
A or Enter accepts, X or Delete rejects, Space skips, Backspace goes back,
Shift+A accepts all of a kind, K reviews one kind of claim at a time, Esc leaves.</li>
<li><b>Mark what the suggestions missed</b>: put the caret anywhere in the sentence and
press Ctrl+Shift+A: the attribution proposed there opens with its source, cue and content
highlighted in the text. In the dialog Alt+Down / Alt+Up step the source (or the cue, in
its field: Alt+C) through the names and verbs of the text (a new cue brings its own
content and source), Alt+Right / Alt+Left move the content's end, Alt+Shift+Up / Down its
start, Return accepts. Or select
the content first (Alt+C a clause, Alt+Shift+Right / Left grow and shrink it, Alt+S a
sentence, Alt+Q a quotation, Shift+arrows) and press Ctrl+Shift+A, or Ctrl+Shift+Q for a
quote; F2 edits a mark, F8 goes to the next one.</li>
<li><b>Look at the review flags</b> (Ctrl+3): figures without a source, quotes without a
speaker. Enter jumps to one.</li>
<li><b>Save</b> a version (Ctrl+S) whenever you like; History (Ctrl+H) shows them all.</li>
<li><b>Approve</b> (Ctrl+Return): the review checks run; what still blocks is listed and
can be overridden with a note. The first approval asks for your name (Edit ▸
Preferences, Ctrl+, changes it). The status bar and the state at its right say
“Approved by …” and the version saved. Needs changes (Ctrl+Shift+B) sends it back with
a note instead; notes left on an article show in a bar above its text.</li>
<li><b>Go on to the next article</b> (Ctrl+Shift+N): the work queue opens the next one
unassigned or yours (sent back first, then in review, then new, longest waiting first);
right after an approval the bar above the text names it. Ctrl+Shift+G assigns an article
to a reviewer; the library filters by assignee.</li>
<li><b>Work beside other editors</b> on one store: a blue bar above the text says who else
has the article open and since when, and when another editor saved a newer version
(Ctrl+Shift+L reloads it; with unsaved changes, Save asks whether to save yours on top).
The library refreshes as they work; a dot marks articles open elsewhere.</li>
<li><b>Export</b> it (Ctrl+E) as Markdown, HTML, PDF, JSON or the marks as CSV.</li>
</ol>
<p>Every action has a key; the shortcuts tab lists them all.</p>
"""


def help_rows() -> list[tuple[str, str, str, str]]:
    """Every row of the shortcut table: the action table's, then keys inside widgets."""
    return [*shortcut_rows(), *EXTRA_KEYS]


class HelpWindow(QDialog):
    """Non-modal help: the search box, the shortcut table and the review guide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle("deskapp help")
        self.search = QLineEdit()
        self.search.setObjectName("helpSearch")
        self.search.setPlaceholderText("Search the shortcuts and the guide")
        self.search.setAccessibleName("Search the help")
        self.search.setClearButtonEnabled(True)
        label = QLabel("&Search:")
        label.setBuddy(self.search)
        self.table = self._table()
        self.guide = QTextBrowser()
        self.guide.setObjectName("helpGuide")
        self.guide.setAccessibleName("How a review goes")
        self.guide.setHtml(REVIEW_GUIDE)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, "&Keyboard shortcuts")
        self.tabs.addTab(self.guide, "&How a review goes")
        self.found = QLabel()
        self.found.setObjectName("helpFound")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.found)
        self.search.textChanged.connect(self.filter)
        self.resize(1000, 620)

    def _table(self) -> QTableWidget:
        rows = help_rows()
        table = QTableWidget(len(rows), len(HEADERS))
        table.setObjectName("shortcutsTable")
        table.setAccessibleName("Keyboard shortcuts")
        table.setHorizontalHeaderLabels(HEADERS)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(value))
        header = table.horizontalHeader()
        for column in range(len(HEADERS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        return table

    def filter(self, text: str) -> None:
        """Keep the rows holding every word of ``text``; find it in the guide too."""
        words = text.lower().split()
        shown = 0
        for r in range(self.table.rowCount()):
            row = " ".join(self.table.item(r, c).text() for c in range(self.table.columnCount()))
            hide = not all(w in row.lower() for w in words)
            self.table.setRowHidden(r, hide)
            shown += not hide
        in_guide = self._find_in_guide(text.strip())
        self.found.setText("" if not words else
                           f"{shown} shortcuts match · " + ("found in the guide" if in_guide
                                                             else "not in the guide"))

    def _find_in_guide(self, text: str) -> bool:
        cursor = self.guide.textCursor()
        cursor.clearSelection()
        cursor.setPosition(0)
        self.guide.setTextCursor(cursor)
        return bool(text) and self.guide.find(text, QTextDocument.FindFlag(0))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def present(self) -> None:
        """Show (fitted over the window and its screen) with the keyboard in the search."""
        from deskapp.ui.layout import place_over

        if not self.isVisible() and self.parentWidget() is not None:
            place_over(self, self.parentWidget())
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus()
        self.search.selectAll()
