"""Keys that work inside one widget (not actions), listed in Help (F1) after the action
table's shortcuts (``ui/help_window.py``)."""

from __future__ import annotations

EXTRA_KEYS = (
    (
        "Text",
        "Select by character / word",
        "Shift+arrows / Ctrl+Shift+arrows",
        "Extend the selection with the keyboard caret",
    ),
    ("Find bar", "Next / previous match", "Enter / Shift+Enter", "Select the next match"),
    ("Find bar", "Close", "Esc", "Close the find bar, keeping the selection"),
)
