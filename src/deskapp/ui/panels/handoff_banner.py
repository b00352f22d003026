"""The bar above the article text: the hand-off notes left on it, and the queue's offer.

Notes (``core.handoff``: needs changes, overrides, returns, notes of a move) show the
newest ``SHOWN`` of the article's current round; the details panel (Ctrl+4) lists them
all. Right after an approval the bar offers the work queue's next article (a button and
its shortcut, Ctrl+Shift+N), so the editor moves on without the library.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from deskapp.core.handoff import HandoffNote
from deskapp.store import ArticleSummary

SHOWN = 3
STYLE = ("#handoffBanner { background:#fff3cd; border:1px solid #e0c36a; "
         "border-left:5px solid #b35c00; } #handoffBanner QLabel { color:#3d2a00; }")
KIND_COLOURS = {"needs_changes": "#a11", "override": "#b35c00", "returned": "#1a4d8f",
                "note": "#3d2a00"}


def note_html(note: HandoffNote) -> str:
    """One note: its heading in bold (coloured by kind), its words, the checks overridden."""
    colour = KIND_COLOURS.get(note.kind, "#3d2a00")
    heading, *rest = note.lines()
    body = "".join(f"<br>{escape(line)}" for line in rest)
    return f"<b style='color:{colour}'>{escape(heading)}</b>{body}"


def offer_text(found: ArticleSummary) -> str:
    """E.g. "Next in the queue: “Title” — in review, article 12, assigned to you"."""
    who = f", assigned to {found.assignee}" if found.assignee else ", unassigned"
    return (f"Next in the queue: “{found.title}” — {found.state.replace('_', ' ')}, "
            f"article {found.id}{who}")


class HandoffBanner(QFrame):
    """Hidden while there is nothing to say; ``open_next`` asks for the queue's next."""

    open_next = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoffBanner")
        self.setStyleSheet(STYLE)
        self.setAccessibleName("Hand-off notes")
        self.notes = QLabel()
        self.notes.setObjectName("handoffNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.offer = QLabel()
        self.offer.setObjectName("queueOffer")
        self.offer.setWordWrap(True)
        self.next_button = QPushButton("Open next (Ctrl+Shift+N)")
        self.next_button.setObjectName("queueNextButton")
        self.next_button.clicked.connect(self.open_next)
        offer_row = QHBoxLayout()
        offer_row.setContentsMargins(0, 0, 0, 0)
        offer_row.addWidget(self.offer, 1)
        offer_row.addWidget(self.next_button)
        self.offer_row = QWidget()
        self.offer_row.setLayout(offer_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.setSpacing(4)
        layout.addWidget(self.notes)
        layout.addWidget(self.offer_row)
        self.shown_notes: tuple[HandoffNote, ...] = ()
        self.offered: ArticleSummary | None = None
        self.offer_row.setVisible(False)
        self._refresh()

    def show_notes(self, notes: tuple[HandoffNote, ...]) -> None:
        if notes == self.shown_notes:
            return
        self.shown_notes = notes
        newest = notes[-SHOWN:]
        parts = [note_html(n) for n in reversed(newest)]  # newest first
        if len(notes) > SHOWN:
            parts.append(f"<i>{len(notes) - SHOWN} earlier note"
                         f"{'s' if len(notes) - SHOWN != 1 else ''}: article details "
                         "(Ctrl+4)</i>")
        self.notes.setText("<br>".join(parts))
        self._refresh()

    def show_offer(self, found: ArticleSummary | None, *, done: bool = False) -> None:
        """Offer ``found`` as the next article; with none, say the queue is empty when
        ``done`` (right after an approval), else show nothing."""
        self.offered = found
        if found is not None:
            self.offer.setText(escape(offer_text(found)))
        elif done:
            self.offer.setText("The queue is empty: nothing unassigned or yours is left.")
        self.offer_row.setVisible(found is not None or done)
        self.next_button.setVisible(found is not None)
        self._refresh()

    def clear_offer(self) -> None:
        self.offered = None
        self.offer_row.setVisible(False)
        self._refresh()

    def _refresh(self) -> None:
        self.notes.setVisible(bool(self.shown_notes))
        self.setVisible(bool(self.shown_notes) or not self.offer_row.isHidden())
