"""The settings declared in ``core/settings_spec.py``, stored with QSettings.

``Options(qsettings)`` reads and writes them typed; ``changed`` tells the window which
one changed, so it can apply it at once (the theme, the zoom, the autosave delay).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

from deskapp.core.settings_spec import SETTINGS, Setting


class Options(QObject):
    """Typed access to deskapp's settings in one QSettings."""

    changed = Signal(str)  # the key of the setting that changed

    def __init__(self, store: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def get(self, setting: Setting) -> Any:
        raw = self.store.value(setting.key)
        if isinstance(raw, QByteArray):
            raw = raw.data()
        return setting.parse(raw)

    def set(self, setting: Setting, value: Any) -> None:
        """Store ``value`` (checked as ``setting.parse`` would read it back)."""
        value = setting.parse(value)
        if value == self.get(setting) and self.store.contains(setting.key):
            return
        self.store.setValue(setting.key, QByteArray(value) if setting.type is bytes else value)
        self.store.sync()
        self.changed.emit(setting.key)

    def reset(self, settings: tuple[Setting, ...] = SETTINGS) -> None:
        """Back to the defaults (``settings``: those shown in Preferences, say)."""
        for setting in settings:
            if self.store.contains(setting.key):
                self.store.remove(setting.key)
                self.changed.emit(setting.key)
        self.store.sync()

    def values(self) -> dict[str, Any]:
        return {s.key: self.get(s) for s in SETTINGS}
