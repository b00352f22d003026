"""The learned layer's word lists (``words.txt`` beside this module), read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_WORDS = Path(__file__).with_name("words.txt")


@cache
def _sections() -> dict[str, frozenset[str]]:
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in _WORDS.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower() if not line.startswith(",") else ","
        if not entry:
            continue
        if entry.startswith("[") and entry.endswith("]"):
            current = sections.setdefault(entry[1:-1], set())
        elif current is None:
            raise ValueError(f"{_WORDS.name}: a word before any [section]: {entry!r}")
        else:
            current.add(entry)
    return {name: frozenset(words) for name, words in sections.items()}


def words(section: str) -> frozenset[str]:
    """The words of ``[section]`` in ``words.txt``."""
    return _sections()[section]
