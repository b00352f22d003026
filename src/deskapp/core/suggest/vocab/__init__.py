"""The engine's word lists: data files beside this module, each read once.

A file holds one word or phrase a line, exactly as the code reads it (case kept); ``#``
starts a comment, and each file opens with a line saying what the list is.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_HERE = Path(__file__).parent


@cache
def read(name: str) -> tuple[str, ...]:
    """The entries of ``name``.txt, in the file's order."""
    entries = []
    for line in (_HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)
