"""The review bar: shown in review mode under the text, it says where the review stands,
why the current suggestion is proposed and what accepting it would mark (in full, wrapped),
with the key legend always visible below; a very long suggestion scrolls above the legend.
``wanted_height()`` is the height that shows everything; ``changed`` asks for it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from deskapp.core.claim_kinds import PLURALS
from deskapp.core.suggest import Decision, QuoteSuggestion, ReviewQueue, Suggestion

KEYS_HINT = (
    "A / Enter accept · X / Delete reject · Space skip · Backspace back · "
    "Shift+A accept all of this kind · K statements / thoughts / documents only · "
    "Esc leave review"
)


def _short(text: str, limit: int = 4000) -> str:
    """Whitespace collapsed; only an extreme text is cut (the bar scrolls)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def progress_text(queue: ReviewQueue) -> str:
    """E.g. "12 of 19 reviewed"."""
    return queue.progress


def filter_text(queue: ReviewQueue) -> str:
    """Which claim kinds are reviewed, when not all: " · Showing: thoughts only (…)"."""
    if queue.only is None:
        return ""
    return f" · Showing: {PLURALS[queue.only]} only (K: next kind)"


def headline(item: Suggestion, decision: Decision | None) -> str:
    """Kind (and claim kind), rule, confidence and the decision so far."""
    state = {None: "pending", Decision.ACCEPTED: "accepted", Decision.REJECTED: "rejected"}
    claim = "" if isinstance(item, QuoteSuggestion) else f" · {item.claim_kind.label}"
    return (
        f"{item.kind.capitalize()}{claim} · rule {item.rule} · "
        f"confidence {item.confidence:.0%} · {state[decision]}"
    )


def marked_text(item: Suggestion) -> str:
    """What accepting would mark: speaker/source – cue – content."""
    cue = item.cue.text if item.cue is not None else "(no cue)"
    if isinstance(item, QuoteSuggestion):
        written = item.speaker_span.text if item.speaker_span is not None else ""
        who = item.speaker or "(no speaker found)"
        if written and written != who:
            who += f" (written “{written}”)"
        return f"Speaker: {who} – Cue: {cue} – Quote: “{_short(item.span.piece_text)}”"
    source = item.source.text if item.source is not None else "(anonymous)"
    if item.entity and item.entity != source:
        source += f" = {item.entity}"
    return (
        f"Source: {source} ({item.source_kind}) – Cue: {cue} – "
        f"Content: “{_short(item.content.piece_text)}”"
    )


class ReviewBar(QFrame):
    """Progress, the current suggestion's reason and what it would mark, the keys."""

    changed = Signal()  # the text changed: the dock may need another height

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#reviewBar, #reviewText { background: palette(alternate-base); }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        self.text = QWidget()
        self.text.setObjectName("reviewText")
        text_layout = QVBoxLayout(self.text)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.setSpacing(2)
        self.progress = QLabel()
        self.progress.setObjectName("reviewProgress")
        self.title = QLabel()
        self.title.setObjectName("reviewTitle")
        self.reason = QLabel()
        self.reason.setObjectName("reviewReason")
        self.marked = QLabel()
        self.marked.setObjectName("reviewMarked")
        self.marked.setAccessibleName("What accepting marks")
        for label in (self.progress, self.title, self.reason, self.marked):
            label.setWordWrap(True)
            text_layout.addWidget(label)
        text_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("reviewScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.text)
        self.keys = QLabel(KEYS_HINT)
        self.keys.setObjectName("reviewKeys")
        self.keys.setAccessibleName("Review keys")
        self.keys.setWordWrap(True)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.keys)
        self.setAccessibleName("Review suggestions")

    def wanted_height(self, width: int) -> int:
        """The height at ``width`` that shows the whole text and the legend unscrolled."""
        margins = self.layout().contentsMargins()
        inner = max(100, width - margins.left() - margins.right() - 2 * self.frameWidth())
        scrollbar = self.scroll.verticalScrollBar().sizeHint().width()  # measured without it
        return (self.text.layout().totalHeightForWidth(inner - scrollbar)
                + self.keys.heightForWidth(inner) + self.layout().spacing()
                + margins.top() + margins.bottom() + 2 * self.frameWidth() + 2)

    def show_queue(self, queue: ReviewQueue) -> None:
        """Show where the review of ``queue`` stands and its current item."""
        pending = queue.total - queue.reviewed
        self.progress.setText(
            f"<b>{progress_text(queue)}</b>" + (f" · {pending} pending" if pending else "")
            + filter_text(queue)
        )
        item = queue.current
        if item is None:
            done = "Every suggestion has a decision." if queue.total else "No suggestions."
            if queue.only is not None:
                done = (f"Every one of the {PLURALS[queue.only]} has a decision."
                        if queue.total else f"No {PLURALS[queue.only]} suggested.")
            self.title.setText(done + " Esc leaves review mode; Backspace goes back.")
            self.reason.setText("")
            self.marked.setText("")
            self.changed.emit()
            return
        self.title.setText(headline(item, queue.decisions[queue.position]))
        self.reason.setText(f"Why: {item.reason}")
        self.marked.setText(marked_text(item))
        self.changed.emit()
