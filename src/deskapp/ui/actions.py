"""Every user-facing action, declared once.

Menus, the toolbar, the shortcut help (F1) and the README's shortcut table all come
from ``ACTIONS``. A handler is a dotted path from the main window to a method, e.g.
``"marking.mark_quote"`` is ``window.marking.mark_quote``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

MENUS = ("File", "Edit", "Mark", "Review", "View", "Help")


@dataclass(frozen=True)
class ActionSpec:
    """One action: id, menu text, shortcut, menu, handler and help text."""

    id: str
    text: str
    shortcut: str
    menu: str
    handler: str
    tip: str
    toolbar: bool = False
    checkable: bool = False
    also: tuple[str, ...] = ()  # more shortcuts for the same action, e.g. ("Return",)
    in_dialog: bool = False  # a key of the mark dialog: listed, greyed out in the window

    @property
    def shortcuts(self) -> tuple[str, ...]:
        return tuple(s for s in (self.shortcut, *self.also) if s)


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec(
        "open",
        "&Open…",
        "Ctrl+O",
        "File",
        "files.open_files",
        "Open one or more articles (.txt, .md, .html, .json, brat .ann)",
        True,
    ),
    ActionSpec(
        "import_folder",
        "&Import folder…",
        "Ctrl+Shift+O",
        "File",
        "files.import_folder",
        "Import every article in a folder",
    ),
    ActionSpec("open_recent", "Open &recent", "Ctrl+Alt+O", "File", "recent.show_menu",
               "The articles opened last in this store; a digit or Enter opens one"),
    ActionSpec("reopen_closed", "Reopen closed ar&ticle", "Ctrl+Shift+T", "File",
               "recent.reopen_closed", "Show again the article this window showed before"),
    ActionSpec(
        "paste_article",
        "&Paste as new article",
        "Ctrl+Shift+V",
        "File",
        "files.paste_article",
        "Make a new article from the clipboard (plain text or HTML)",
    ),
    ActionSpec(
        "save",
        "&Save version",
        "Ctrl+S",
        "File",
        "files.save_version",
        "Save the reviewed article as a new version in the store",
        True,
    ),
    ActionSpec("reload_latest", "Re&load latest version", "Ctrl+Shift+L", "File",
               "live.reload_latest", "Show the newest version saved in the store, e.g. "
               "another editor's (unsaved changes are asked about first)"),
    ActionSpec(
        "export",
        "&Export…",
        "Ctrl+E",
        "File",
        "files.export_article",
        "Export the article (Markdown, HTML, PDF, JSON, marks as CSV, W3C Web Annotation, brat)",
        True,
    ),
    ActionSpec(
        "library",
        "&Library…",
        "Ctrl+L",
        "File",
        "versions.show_library",
        "Every article in the store: search, filter by state, sort; Enter opens one",
        True,
    ),
    ActionSpec(
        "recover_drafts",
        "&Recover drafts…",
        "Ctrl+Shift+D",
        "File",
        "versions.recovery.offer_from_menu",
        "Offer unsaved changes kept as drafts (autosaved, or kept aside in a conflict)",
    ),
    ActionSpec("quit", "&Quit", "Ctrl+Q", "File", "close", "Quit deskapp"),
    # Edit
    ActionSpec("undo", "&Undo", "Ctrl+Z", "Edit", "undo", "Undo the last change"),
    ActionSpec("redo", "&Redo", "Ctrl+Shift+Z", "Edit", "redo", "Redo the last undone change"),
    ActionSpec("find", "&Find…", "Ctrl+F", "Edit", "marking.show_find", "Find text in the article"),
    ActionSpec(
        "find_next",
        "Find &next",
        "F3",
        "Edit",
        "marking.find_next",
        "Select the next match of the find text",
    ),
    ActionSpec(
        "select_sentence",
        "Select &sentence",
        "Alt+S",
        "Edit",
        "marking.select_sentence",
        "Select the sentence around the caret",
    ),
    ActionSpec(
        "select_quoted",
        "Select &quoted text",
        "Alt+Q",
        "Edit",
        "marking.select_quoted",
        "Select the text between the quotation marks around the caret",
    ),
    ActionSpec("select_clause", "Select c&lause", "Alt+C", "Edit", "marking.select_clause",
               "Select the clause around the caret (commas, “that”, semicolons, quotes bound it)"),
    ActionSpec("grow_selection", "&Grow selection", "Alt+Shift+Right", "Edit",
               "marking.grow_selection", "Widen the selection by one unit: word → clause → "
               "sentence → paragraph"),
    ActionSpec("shrink_selection", "S&hrink selection", "Alt+Shift+Left", "Edit",
               "marking.shrink_selection",
               "Narrow the selection by one unit (back the way it grew)"),
    ActionSpec(
        "edit_text",
        "&Correct text",
        "Ctrl+Shift+E",
        "Edit",
        "marking.toggle_edit_mode",
        "Switch text-correction mode on or off (marks follow the edits)",
        checkable=True,
    ),
    ActionSpec("settings", "&Preferences…", "Ctrl+,", "Edit", "show_preferences",
               "Reviewer name, default store, font size, zoom, theme, autosave, approval "
               "checks; Restore Defaults"),
    # Mark
    ActionSpec(
        "mark_quote",
        "Mark &quote",
        "Ctrl+Shift+Q",
        "Mark",
        "marking.mark_quote",
        "Mark the selection as a direct quote and name its speaker",
        True,
    ),
    ActionSpec(
        "mark_attribution",
        "Mark &attribution",
        "Ctrl+Shift+A",
        "Mark",
        "marking.mark_attribution",
        "Mark the selection as attributed content; with none, the attribution proposed at "
        "the caret (source, cue, content highlighted; Return accepts)",
        True,
    ),
    ActionSpec("next_candidate", "Next source or cue in the text", "Alt+Down", "Mark",
               "marking.candidate_keys", "In the mark dialog: the source (or cue, in its field) "
               "becomes the next name, noun phrase or verb of the text, highlighted; a proposed "
               "mark's content and source follow its cue",
               in_dialog=True),
    ActionSpec("previous_candidate", "Previous source or cue in the text", "Alt+Up", "Mark",
               "marking.candidate_keys", "In the mark dialog: back to the previous candidate",
               in_dialog=True),
    ActionSpec("longer_content", "Longer content", "Alt+Right", "Mark",
               "marking.candidate_keys", "In the mark dialog: the content runs on to the next "
               "comma, clause or sentence end, highlighted", in_dialog=True),
    ActionSpec("shorter_content", "Shorter content", "Alt+Left", "Mark",
               "marking.candidate_keys", "In the mark dialog: the content ends at the previous "
               "comma, clause or sentence end", in_dialog=True),
    ActionSpec("content_starts_earlier", "Content starts earlier", "Alt+Shift+Up", "Mark",
               "marking.candidate_keys", "In the mark dialog: the content starts one word "
               "earlier, highlighted", in_dialog=True),
    ActionSpec("content_starts_later", "Content starts later", "Alt+Shift+Down", "Mark",
               "marking.candidate_keys", "In the mark dialog: the content starts one word "
               "later", in_dialog=True),
    ActionSpec(
        "edit_mark",
        "&Edit mark…",
        "F2",
        "Mark",
        "marking.edit_mark",
        "Change speaker, source, cue or note of the current mark",
    ),
    ActionSpec(
        "delete_mark",
        "&Delete mark",
        "Del",
        "Mark",
        "marking.delete_mark",
        "Remove the current mark",
    ),
    ActionSpec("next_mark", "&Next mark", "F8", "Mark", "marking.next_mark", "Go to the next mark"),
    ActionSpec(
        "previous_mark",
        "&Previous mark",
        "Shift+F8",
        "Mark",
        "marking.previous_mark",
        "Go to the previous mark",
    ),
    ActionSpec(
        "people",
        "P&eople and sources…",
        "Ctrl+Shift+P",
        "Mark",
        "people.show_dialog",
        "The registry of people and sources kept across articles: names, aliases, roles",
    ),
    ActionSpec(
        "set_headline",
        "Set selection as &headline",
        "Alt+Shift+H",
        "Mark",
        "parts.set_headline",
        "The selection (or the caret's line) becomes the headline; the title follows",
    ),
    ActionSpec(
        "set_dateline",
        "Set selection as da&teline",
        "Alt+Shift+D",
        "Mark",
        "parts.set_dateline",
        "The selection (or the caret's line) becomes the dateline",
    ),
    ActionSpec(
        "set_byline",
        "Set selection as b&yline",
        "Alt+Shift+Y",
        "Mark",
        "parts.set_byline",
        "The selection (or the caret's line) becomes the byline",
    ),
    ActionSpec(
        "set_body",
        "Set selection as &body",
        "Alt+Shift+B",
        "Mark",
        "parts.set_body",
        "The selection (or the caret's line) becomes body text",
    ),
    ActionSpec(
        "set_credit",
        "Set selection as &credit",
        "Alt+Shift+C",
        "Mark",
        "parts.set_credit",
        "The selection (or the caret's line) becomes the desk credit",
    ),
    ActionSpec(
        "set_boilerplate",
        "Set selection as boi&lerplate",
        "Alt+Shift+X",
        "Mark",
        "parts.set_boilerplate",
        "The selection (or the caret's line) becomes boilerplate: dimmed, not reviewed",
    ),
    ActionSpec(
        "remove_part",
        "&Remove part at caret",
        "Alt+Shift+R",
        "Mark",
        "parts.remove_part_at_caret",
        "The part holding the caret is no longer a part (the text stays)",
    ),
    # Review
    ActionSpec(
        "approve",
        "&Approve",
        "Ctrl+Return",
        "Review",
        "review.approve",
        "Run the review checks and approve the article",
        True,
    ),
    ActionSpec(
        "review_suggestions",
        "Review &suggestions",
        "Ctrl+R",
        "Review",
        "suggestions.mode.set_reviewing",
        "Review mode: go through the suggestions one by one (Esc leaves it)",
        True,
        checkable=True,
    ),
    ActionSpec(
        "accept_suggestion",
        "&Accept suggestion",
        "A",
        "Review",
        "suggestions.mode.accept",
        "Review mode: accept the current suggestion as a mark (Ctrl+Z undoes it)",
        also=("Return", "Enter"),
    ),
    ActionSpec(
        "reject_suggestion",
        "Re&ject suggestion",
        "X",
        "Review",
        "suggestions.mode.reject",
        "Review mode: reject the current suggestion (Delete too, in review mode)",
        also=("Del",),
    ),
    ActionSpec(
        "skip_suggestion",
        "S&kip suggestion",
        "Space",
        "Review",
        "suggestions.mode.skip",
        "Review mode: leave the current suggestion undecided and go to the next",
    ),
    ActionSpec(
        "previous_suggestion",
        "&Back to previous suggestion",
        "Backspace",
        "Review",
        "suggestions.mode.back",
        "Review mode: return to the previous suggestion",
    ),
    ActionSpec(
        "accept_all_kind",
        "Accept all of this &kind",
        "Shift+A",
        "Review",
        "suggestions.mode.accept_all_of_kind",
        "Review mode: accept every undecided suggestion of the current kind (quote or "
        "attribution)",
    ),
    ActionSpec(
        "review_kind_filter",
        "Review only one &claim kind",
        "K",
        "Review",
        "suggestions.mode.cycle_kind",
        "Review mode: review only one kind of claim, in turn all → statements (quotes too) → "
        "thoughts → documents/data → all",
    ),
    ActionSpec(
        "leave_review",
        "&Leave review mode",
        "Esc",
        "Review",
        "suggestions.mode.leave",
        "Leave review mode (decisions are kept)",
    ),
    ActionSpec(
        "refresh_suggestions",
        "Re&fresh suggestions",
        "F5",
        "Review",
        "suggestions.refresh",
        "Run the suggestions again now (also for articles too large for automatic runs)",
    ),
    ActionSpec(
        "history",
        "&History",
        "Ctrl+H",
        "Review",
        "versions.history.toggle",
        "Versions of the article; in the list D diffs with the previous (or the two "
        "selected), C with the window, R restores",
        True,
    ),
    ActionSpec(
        "restore_version",
        "Restore selected &version",
        "Ctrl+Shift+H",
        "Review",
        "versions.history.restore",
        "Make a new version from the version selected in the history",
    ),
    ActionSpec(
        "send_to_review",
        "Send to &review…",
        "Ctrl+Shift+R",
        "Review",
        "versions.workflow.send_to_review",
        "Set the state to in review (saved as a version, with an optional note)",
    ),
    ActionSpec(
        "needs_changes",
        "&Needs changes…",
        "Ctrl+Shift+B",
        "Review",
        "versions.workflow.needs_changes",
        "Send the article back: state needs changes, with a note saying what (the note "
        "shows above the text; Ctrl+Shift+N is Next article)",
    ),
    ActionSpec(
        "spike",
        "S&pike…",
        "Ctrl+Shift+K",
        "Review",
        "versions.workflow.spike",
        "Set the article aside (spiked); it can be restored later",
    ),
    ActionSpec(
        "unspike",
        "Restore from spi&ked…",
        "Ctrl+Shift+U",
        "Review",
        "versions.workflow.unspike",
        "Bring a spiked article back into review",
    ),
    ActionSpec("next_article", "Ne&xt article", "Ctrl+Shift+N", "Review", "desk.next_article",
               "The work queue: open the next article unassigned or yours (needs changes, "
               "then in review, then new; longest waiting first), never one another editor "
               "has open; also offered right after an approval", True),
    ActionSpec("assign", "Assi&gn to…", "Ctrl+Shift+G", "Review", "desk.assign",
               "Assign the article to a reviewer (empty: nobody); the library filters by "
               "assignee"),
    ActionSpec(
        "thoughts_in_checks",
        "&Thoughts take part in approval checks",
        "Ctrl+Alt+T",
        "Review",
        "review.set_thoughts_in_checks",
        "When on (the default), pending thought attributions (believes, plans, …) block "
        "approval like any suggestion; off, they do not (kept in the settings)",
        checkable=True,
    ),
    # View
    ActionSpec(
        "focus_text",
        "Focus &article",
        "Ctrl+1",
        "View",
        "focus_text",
        "Move the keyboard focus to the article text",
    ),
    ActionSpec(
        "focus_marks",
        "Focus &marks list",
        "Ctrl+2",
        "View",
        "focus_marks",
        "Move the keyboard focus to the list of marks",
    ),
    ActionSpec(
        "focus_flags",
        "Focus review &flags",
        "Ctrl+3",
        "View",
        "suggestions.focus_flags",
        "Show the review flags (unattributed figures, quotes without speaker, …); "
        "Enter jumps to one",
    ),
    ActionSpec(
        "focus_metadata",
        "Focus article &details",
        "Ctrl+4",
        "View",
        "parts.focus_metadata",
        "Show the article's metadata and parts; Enter commits a field, Delete removes a part",
    ),
    ActionSpec("next_panel", "Ne&xt panel", "F6", "View", "panels.next_panel",
               "Move the keyboard to the next panel: article, find bar, marks, flags, "
               "details, history"),
    ActionSpec("previous_panel", "Pre&vious panel", "Shift+F6", "View",
               "panels.previous_panel", "Move the keyboard to the previous panel"),
    ActionSpec("zoom_in", "Zoom &in", "Ctrl++", "View", "look.zoom_in",
               "Larger article text (Ctrl+= too); kept in the settings", also=("Ctrl+=",)),
    ActionSpec("zoom_out", "Zoom &out", "Ctrl+-", "View", "look.zoom_out",
               "Smaller article text; kept in the settings"),
    ActionSpec("zoom_reset", "&Reset zoom", "Ctrl+0", "View", "look.zoom_reset",
               "Article text at the font size of Preferences"),
    # Help
    ActionSpec(
        "shortcuts",
        "&Help and keyboard shortcuts",
        "F1",
        "Help",
        "show_shortcuts",
        "Searchable help: every action and its shortcut, and how a review goes",
    ),
    ActionSpec("about", "&About deskapp", "Shift+F1", "Help", "show_about",
               "Version, store, log file and settings file"),
)


def spec(action_id: str) -> ActionSpec:
    """The declaration of one action."""
    return next(a for a in ACTIONS if a.id == action_id)


def key_sequence(item: ActionSpec) -> QKeySequence:
    return QKeySequence(item.shortcut)


def build_actions(window: QWidget) -> dict[str, QAction]:
    """Create every QAction on ``window``, connected to its handler method."""
    actions: dict[str, QAction] = {}
    for item in ACTIONS:
        action = QAction(item.text, window)
        action.setObjectName(f"action_{item.id}")
        if item.shortcut:
            action.setShortcuts([QKeySequence(s) for s in item.shortcuts])
        action.setStatusTip(item.tip)
        action.setToolTip(f"{item.tip} ({item.shortcut})" if item.shortcut else item.tip)
        action.setCheckable(item.checkable)
        action.setEnabled(not item.in_dialog)  # never takes its key from the window's widgets
        handler = resolve(window, item.handler)
        if item.checkable:
            action.toggled.connect(handler)
        else:
            action.triggered.connect(lambda _checked=False, h=handler: h())
        window.addAction(action)
        actions[item.id] = action
    return actions


def resolve(window: QWidget, path: str):
    """The bound method that ``path`` names on ``window``."""
    target = window
    for name in path.split("."):
        target = getattr(target, name)
    return target


def shortcut_rows() -> list[tuple[str, str, str, str]]:
    """(menu, action, shortcut in native text, what it does) for the help and README."""
    rows = []
    for item in ACTIONS:
        text = item.text.replace("&", "").rstrip("…")
        native = " / ".join(
            QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText)
            for s in item.shortcuts
        )
        rows.append((item.menu, text, native, item.tip))
    return rows
