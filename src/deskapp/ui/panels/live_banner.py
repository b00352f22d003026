"""The bar above the article text that says what other editors are doing with it.

Two lines, each hidden while it has nothing to say: who else has the article open ("Ana
has this open since 10:41"), and a newer version saved elsewhere — with a Reload button
(Ctrl+Shift+L) when this window has nothing unsaved, or a warning that saving goes through
the conflict dialog when it has. Styled as the hand-off notes bar (``handoff_banner``).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from deskapp.store import Holder

STYLE = ("#liveBanner { background:#e7f1ff; border:1px solid #9ec5fe; "
         "border-left:5px solid #1a4d8f; } #liveBanner QLabel { color:#0b2a52; }")


def clock(moment: datetime, now: datetime | None = None) -> str:
    """A time as the editor reads it: local "10:41", with the day when not today."""
    local, today = moment.astimezone(), (now or datetime.now().astimezone()).date()
    return f"{local:%H:%M}" if local.date() == today else f"{local:%d %b %H:%M}"


def editor_name(reviewer: str) -> str:
    return reviewer or "Another editor"


def presence_text(holders: list[Holder]) -> str:
    """E.g. "Ana has this open since 10:41" or "Ana (since 10:41) and Bo (since 10:45)
    have this open"."""
    if not holders:
        return ""
    if len(holders) == 1:
        first = holders[0]
        return f"{editor_name(first.reviewer)} has this open since {clock(first.since)}"
    names = [f"{editor_name(h.reviewer)} (since {clock(h.since)})" for h in holders]
    return f"{', '.join(names[:-1])} and {names[-1]} have this open"


class LiveBanner(QFrame):
    """Hidden while nobody else has the article open and no newer version is waiting;
    ``reload`` asks for the newest version (the button)."""

    reload = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveBanner")
        self.setStyleSheet(STYLE)
        self.setAccessibleName("Other editors")
        self.presence = QLabel()
        self.presence.setObjectName("presenceText")
        self.presence.setWordWrap(True)
        self.newer = QLabel()
        self.newer.setObjectName("newerText")
        self.newer.setWordWrap(True)
        self.reload_button = QPushButton("Reload (Ctrl+Shift+L)")
        self.reload_button.setObjectName("reloadButton")
        self.reload_button.clicked.connect(self.reload)
        newer_row = QHBoxLayout()
        newer_row.setContentsMargins(0, 0, 0, 0)
        newer_row.addWidget(self.newer, 1)
        newer_row.addWidget(self.reload_button)
        self.newer_row = QWidget()
        self.newer_row.setLayout(newer_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.setSpacing(4)
        layout.addWidget(self.presence)
        layout.addWidget(self.newer_row)
        self.show_holders([])
        self.clear_newer()

    def show_holders(self, holders: list[Holder]) -> None:
        self.presence.setText(presence_text(holders))
        self.presence.setVisible(bool(holders))
        self._refresh()

    def show_newer(self, text: str, *, can_reload: bool) -> None:
        """A newer version is waiting: ``text`` says whose; the button when ``can_reload``."""
        self.newer.setText(text)
        self.reload_button.setVisible(can_reload)
        self.newer_row.setVisible(True)
        self._refresh()

    def clear_newer(self) -> None:
        self.newer.setText("")
        self.newer_row.setVisible(False)
        self._refresh()

    def _refresh(self) -> None:
        self.setVisible(not self.presence.isHidden() or not self.newer_row.isHidden())
