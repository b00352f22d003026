"""Picking a mark's source or cue from the text: candidates stepped through by key, the
picked span kept while the field still shows its words."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLineEdit

Range = tuple[int, int]


class SpanPicker:
    """One field's candidate spans in ``text``; ``step`` shows the next or previous one."""

    def __init__(self, edit: QLineEdit, text: str, candidates: Sequence[Range],
                 picked: Range | None, changed: Callable[[], None]) -> None:
        self.edit, self.text, self.changed = edit, text, changed
        self.touched = False  # stepped or typed by the editor
        self._set(candidates, picked)
        edit.textEdited.connect(self._edited)

    def _edited(self, _text: str) -> None:
        self.touched = True
        self.changed()

    def _set(self, candidates: Sequence[Range], picked: Range | None) -> None:
        self.candidates = list(candidates)
        if picked is not None and picked not in self.candidates:
            self.candidates.insert(0, picked)
        self._picked = picked
        self._at = self.candidates.index(picked) if picked is not None else -1

    def reset(self, candidates: Sequence[Range], picked: Range | None) -> None:
        """New candidates (the cue moved), ``picked`` shown in the field."""
        self._set(candidates, picked)
        self.edit.setText(self.text[picked[0]:picked[1]] if picked is not None else "")

    @property
    def span(self) -> Range | None:
        """The picked span, while the field holds its words (typing over it drops it)."""
        if self._picked is None:
            return None
        words = self.text[self._picked[0]:self._picked[1]]
        return self._picked if self.edit.text().strip() == words else None

    def step(self, by: int) -> None:
        if not self.candidates:
            return
        self.touched = True
        self._at = (self._at + by) % len(self.candidates)
        self._picked = self.candidates[self._at]
        self.edit.setText(self.text[self._picked[0]:self._picked[1]])
        self.changed()
