"""Keeps the view, the marks panel and the header in step with the session's document.

Redrawing is incremental: a changed mark redraws only the blocks it covers; a text
correction redraws only the blocks around the edit. A new article redraws everything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deskapp.core.article import PartKind
from deskapp.core.document import Document
from deskapp.core.edits import TextEdit, map_position
from deskapp.core.marking import mark_at
from deskapp.ui.highlight_index import HighlightIndex, follow_edit
from deskapp.ui.highlights import (
    Highlight,
    Role,
    document_highlights,
    mark_highlights,
)
from deskapp.ui.panels.marks_panel import status_line, tooltip
from deskapp.ui.session import TextChange

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow


class DocumentRenderer:
    """Draws the session's document into the window's widgets."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.shown: Document | None = None
        self.current_mark: str | None = None
        self.extra_highlights: list = []
        self._under_caret: tuple[str, ...] = ()
        window.session.replaced.connect(self.show_new)
        window.session.changed.connect(self.show_change)
        window.view.tooltip_for = self.details_at
        window.view.cursorPositionChanged.connect(self._caret_moved)

    def shutdown(self) -> None:
        self.window.session.replaced.disconnect(self.show_new)
        self.window.session.changed.disconnect(self.show_change)

    def show_new(self, doc: Document) -> None:
        """A different article: everything is redrawn."""
        view = self.window.view
        view.show_text(doc.article.text)
        self.current_mark = None
        self._redraw_all(doc)
        self.window.marks_panel.set_marks(doc.marks)
        self.window.update_header(doc)
        view.show_current(None, None)
        self.shown = doc

    def redraw(self) -> None:
        """Redraw the highlights of the current document (e.g. when suggestions change)."""
        if self.shown is not None:
            self._redraw_all(self.shown)

    def _redraw_all(self, doc: Document) -> None:
        self.window.view.set_highlights(document_highlights(doc) + list(self.extra_highlights))

    def show_change(self, doc: Document, change: TextChange | None) -> None:
        """The same article changed: redraw what changed."""
        view, old = self.window.view, self.shown
        if old is None:
            self.show_new(doc)
            return
        view.highlight_pass.defer()  # off-screen formatting waits for a pause
        if doc.article.text != old.article.text:
            if change is not None:
                view.apply_edit(change.start, change.end, change.replacement)
            elif _made_by_view(view.last_edit, old.article.text, doc.article.text,
                               view.text()):
                change = TextChange(*view.last_edit)  # typed in the view: it shows it already
            elif view.text() != doc.article.text:
                view.show_text(doc.article.text)
            view.last_edit = None
            self._redraw_after_edit(old, doc, change)
        elif doc.article.parts != old.article.parts:
            self._redraw_all(doc)
        elif doc.marks is not old.marks:
            self._redraw_marks(old, doc)
        if doc.marks is not old.marks:
            self.window.marks_panel.set_marks(doc.marks, self.current_mark)
        self.window.update_header(doc)
        self.shown = doc
        self.refresh_current()

    def _redraw_marks(self, old: Document, new: Document) -> None:
        """Only the marks that changed (``AnnotationSet.diff``: the chunks that differ,
        then by identity) lose or gain their highlights."""
        _row, gone, came = old.marks.diff(new.marks, moved=False)
        index: HighlightIndex = self.window.view.highlighter.index
        ranges: list[tuple[int, int]] = []
        for mark in gone:
            for h in mark_highlights(mark):
                index.remove(h)
                ranges.append((h.start, h.end))
        for mark in came:
            for h in mark_highlights(mark):
                index.add(h)
                ranges.append((h.start, h.end))
        self.window.view.rehighlight(ranges)

    def _redraw_after_edit(self, old: Document, new: Document, change: TextChange | None) -> None:
        """Move the highlights with the edit (the index moves them lazily, by the same
        rules as mark spans); the marks rebuilt around it (``AnnotationSet.diff``) whose
        highlights did not simply follow the edit lose and regain theirs. Only the edited
        stretch and those marks are redrawn (blocks keep block-relative formats)."""
        view = self.window.view
        if change is None:
            self._redraw_all(new)
            return
        a, b, size = change.start, change.end, len(change.replacement)
        edit = TextEdit(a, b, change.replacement)
        index: HighlightIndex = view.highlighter.index
        _row, gone, came = old.marks.diff(new.marks)
        was = {m.id: mark_highlights(m) for m in gone}
        now = {m.id: mark_highlights(m) for m in came}
        changed = {key for key, drawn in was.items()
                   if now.get(key) != [follow_edit(h, a, b, size) for h in drawn]}
        changed.update(now.keys() - was.keys())
        ranges = [(a, a + size)]
        for key in changed & was.keys():
            for h in was[key]:
                index.remove(h)  # and redraw where its old look now is, to clear it
                ranges.append((map_position(h.start, edit, side="start"),
                               map_position(h.end, edit)))
        for h in _boilerplate(old):
            index.remove(h)
        index.shift(a, b, edit.delta)
        for key in changed & now.keys():
            for h in now[key]:
                index.add(h)
                ranges.append((h.start, h.end))
        for h in _boilerplate(new):
            index.add(h)
        view.highlighter.positions = view.positions
        self.window.view.rehighlight(ranges)

    def details_at(self, offset: int) -> str:
        """The details of the marks covering ``offset`` (innermost first), for the tooltip."""
        doc = self.window.session.document
        marks = mark_at(doc, offset) if doc is not None else []
        return "\n\n".join(tooltip(m) for m in marks[:3])

    def _caret_moved(self) -> None:
        """The status bar tells what mark the caret moved onto (not while correcting)."""
        view, doc = self.window.view, self.window.session.document
        if doc is None or not view.isReadOnly():
            return
        marks = mark_at(doc, view.selection()[0])
        ids = tuple(m.id for m in marks)
        if ids != self._under_caret:
            self._under_caret = ids
            if marks:
                self.window.status(status_line(marks[0]))

    def set_current(self, mark_id: str | None) -> None:
        """Outline ``mark_id`` in the text and select it in the panel."""
        self.current_mark = mark_id
        self.window.marks_panel.select(mark_id)
        self.refresh_current()

    def refresh_current(self) -> None:
        doc = self.window.session.document
        mark = doc.marks.get(self.current_mark) if doc and self.current_mark else None
        if mark is None or mark.orphaned:
            self.window.view.show_current(None, None)
        else:
            self.window.view.show_current(mark.anchor.start, mark.anchor.end)


def _made_by_view(edit: tuple[int, int, str] | None, old_text: str, new_text: str,
                  shown: str) -> bool:
    """Whether ``edit`` (the view's last typed change) turned ``old_text`` (what the view
    showed) into ``new_text``, which the view ``shown`` now: no slice of the text is
    copied (two 1 MB copies a keystroke)."""
    if edit is None:
        return False
    start, end, replacement = edit
    return (
        len(new_text) == len(old_text) - (end - start) + len(replacement)
        and new_text.startswith(replacement, start)
        and shown == new_text
    )


def _boilerplate(doc: Document) -> list[Highlight]:
    return [
        Highlight(p.span.start, p.span.end, Role.BOILERPLATE)
        for p in doc.article.parts
        if p.kind is PartKind.BOILERPLATE
    ]
