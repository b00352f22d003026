"""Every setting of deskapp, declared once: key, type, default, label and description.

The window stores them with QSettings (``ui/settings.py``); Edit ▸ Preferences (Ctrl+,)
shows those with a label. Keys are the ones earlier versions used, so nobody's settings
are lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    """One setting. ``choices`` for a text picked from a list; ``low``/``high`` bound a
    number; a setting with no ``label`` is kept by the app but not shown in Preferences."""

    key: str
    type: type
    default: Any
    description: str
    label: str = ""
    choices: tuple[str, ...] = ()
    low: int = 0
    high: int = 0
    path: bool = False  # a file name: Preferences offers "Choose…"

    def parse(self, raw: Any) -> Any:
        """The stored value as ``type`` (QSettings gives INI values back as text); the
        default when it cannot be read or is out of range."""
        if raw is None:
            return self.default
        try:
            value = _convert(self.type, raw)
        except (TypeError, ValueError):
            return self.default
        if self.choices and value not in self.choices:
            return self.default
        if self.type is int and self.high > self.low:
            value = min(max(value, self.low), self.high)
        return value


def _convert(kind: type, raw: Any) -> Any:
    if kind is bool:
        if isinstance(raw, str):
            if raw.strip().lower() in ("true", "1", "yes", "on"):
                return True
            if raw.strip().lower() in ("false", "0", "no", "off", ""):
                return False
            raise ValueError(raw)
        return bool(raw)
    if kind is int:
        return int(raw)
    if kind is bytes:
        return bytes(raw)
    return kind(raw)


REVIEWER = Setting("reviewer", str, "", "Your name, recorded with every approval and version "
                   "(asked for at the first approval)", "Reviewer &name")
DEFAULT_STORE = Setting("store/default", str, "", "The store the window opens when no "
                        "--store or DESKAPP_STORE is given: a file, or a desk's "
                        "postgresql://user:password@host/database (empty: deskapp's data "
                        "folder)",
                        "Default &store", path=True)
FONT_SIZE = Setting("look/font_size", int, 0, "Size of the article text in points "
                    "(0: the system's size)", "Article &font size", low=0, high=48)
ZOOM = Setting("look/zoom", int, 0, "Article zoom steps on top of the font size "
               "(Ctrl++ / Ctrl+- / Ctrl+0)", "Article &zoom", low=-8, high=20)
THEME = Setting("look/theme", str, "system", "Light or dark colours: follow the system, or "
                "always light or dark", "&Theme", choices=("system", "light", "dark"))
AUTOSAVE_SECONDS = Setting("autosave/seconds", int, 3, "How often, in seconds, unsaved changes "
                           "are kept as a draft (File ▸ Recover drafts)",
                           "&Autosave every (seconds)", low=1, high=600)
THOUGHTS_TAKE_PART = Setting("approval/thoughts_take_part", bool, True, "Pending thought "
                             "attributions (believes, plans, …) block approval like any "
                             "suggestion (Ctrl+Alt+T)", "&Thoughts take part in approval checks")
LAST_FOLDER = Setting("last_folder", str, "", "The folder articles were last opened or "
                      "imported from")
WINDOW_GEOMETRY = Setting("window/geometry", bytes, b"", "The window's size and place")
WINDOW_STATE = Setting("window/state", bytes, b"", "Which panels are open, and their sizes")
HISTORY_SPLIT = Setting("window/history_split", bytes, b"", "How the history panel is split "
                        "between the versions and the diff")
FIND_OPEN = Setting("find/open", bool, False, "Whether the find bar (Ctrl+F) was open")
FIND_TEXT = Setting("find/text", str, "", "The last text looked for in the find bar (F3 finds "
                    "it again)")

SETTINGS: tuple[Setting, ...] = (
    REVIEWER, DEFAULT_STORE, FONT_SIZE, ZOOM, THEME, AUTOSAVE_SECONDS, THOUGHTS_TAKE_PART,
    LAST_FOLDER, WINDOW_GEOMETRY, WINDOW_STATE, HISTORY_SPLIT, FIND_OPEN, FIND_TEXT,
)
