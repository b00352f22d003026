"""The article being reviewed in a window: its current Document and its undo stack.

Every change is a ``ChangeDocument`` command that swaps one immutable Document for
another, so undo and redo are exact. Text corrections carry the edit, so the view
can replay it without reloading the whole text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from deskapp.core.document import Document


def flag_stale_marks(doc: Document) -> Document:
    """``doc`` with every mark that no longer reads its text flagged orphaned (listed,
    never drawn): a document from a draft, a file or the store may hold offsets that a
    correction made elsewhere left stale. Offsets and last known text are kept."""
    text = doc.article.text
    stale = [m for m in doc.marks if not m.orphaned and not all(
        span is None or span.holds_in(text)
        for span in (getattr(m, name) for name in m.span_fields))]
    if not stale:
        return doc
    marks = doc.marks
    for mark in stale:
        marks = marks.replace(replace(mark, orphaned=True))
    return doc.with_marks(marks)


@dataclass(frozen=True, slots=True)
class TextChange:
    """Replace ``[start, end)`` of the old text by ``replacement``."""

    start: int
    end: int
    replacement: str

    def inverse(self, old_text: str) -> TextChange:
        return TextChange(
            self.start, self.start + len(self.replacement), old_text[self.start : self.end]
        )


class ChangeDocument(QUndoCommand):
    """Swap the session's document; the Edit menu shows ``label``."""

    TYPING_ID = 1001

    def __init__(
        self,
        session: ReviewSession,
        before: Document,
        after: Document,
        label: str,
        change: TextChange | None = None,
        *,
        from_view: bool = False,
    ) -> None:
        super().__init__(label)
        self.session, self.before, self.after = session, before, after
        self.change, self._from_view = change, from_view

    def redo(self) -> None:
        self.session._show(self.after, self.change, from_view=self._from_view)
        self._from_view = False

    def undo(self) -> None:
        inverse = self.change.inverse(self.before.article.text) if self.change else None
        self.session._show(self.before, inverse, from_view=False)

    def id(self) -> int:
        return self.TYPING_ID if self.change is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing one character after another is one undo step."""
        if not isinstance(other, ChangeDocument) or other.change is None or self.change is None:
            return False
        mine, theirs = self.change, other.change
        typed_on = theirs.start == mine.start + len(mine.replacement) and theirs.start == theirs.end
        if not typed_on or "\n" in theirs.replacement or len(theirs.replacement) != 1:
            return False
        self.change = TextChange(mine.start, mine.end, mine.replacement + theirs.replacement)
        self.after = other.after
        return True


class ReviewSession(QObject):
    """Holds the current document; emits ``changed(document, text_change)``, ``replaced``
    when another article is loaded and ``saved(document)`` when the store holds it."""

    changed = Signal(object, object)
    replaced = Signal(object)
    saved = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.article_id: int | None = None
        self.version: int | None = None

    def load(self, doc: Document) -> None:
        """Start reviewing ``doc`` afresh: no undo history, nothing unsaved (marks at stale
        offsets are flagged orphaned, see ``flag_stale_marks``)."""
        doc = flag_stale_marks(doc)
        self.undo_stack.clear()
        self.document = doc
        self.article_id, self.version = doc.id, doc.version
        self.undo_stack.setClean()
        self.replaced.emit(doc)

    def apply(
        self,
        after: Document,
        label: str,
        change: TextChange | None = None,
        *,
        from_view: bool = False,
    ) -> None:
        """Make ``after`` the current document as one undoable step."""
        assert self.document is not None
        self.undo_stack.push(
            ChangeDocument(self, self.document, after, label, change, from_view=from_view)
        )

    def amend(self, doc: Document) -> None:
        """Swap in an equivalent document without an undo step or signal: for data that
        follows the text, e.g. the ids of rejected suggestions after a correction."""
        self.document = doc

    def current(self) -> Document:
        """The current document, carrying the stored id and version it builds on."""
        assert self.document is not None
        return replace(self.document, id=self.article_id, version=self.version)

    def mark_saved(self, saved: Document) -> None:
        """The store now holds the current document as ``saved``; nothing is unsaved."""
        self.article_id, self.version = saved.id, saved.version
        if self.document is not None:  # the hand-off notes as the store now has them
            self.document = replace(self.document, handoff=saved.handoff)
        self.undo_stack.setClean()
        self.changed.emit(self.current(), None)
        self.saved.emit(saved)

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def _show(self, doc: Document, change: TextChange | None, *, from_view: bool) -> None:
        self.document = doc
        self.changed.emit(doc, None if from_view else change)
