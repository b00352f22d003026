"""Finding a typed name or cue in the text next to the content it belongs to."""

from __future__ import annotations

import re


def locate_near(
    text: str, needle: str, start: int, end: int, reach: int = 400
) -> tuple[int, int] | None:
    """The occurrence of ``needle`` (whole words, case-sensitive first) nearest to
    ``[start, end)`` and not inside it, within ``reach`` characters; None if there is none."""
    needle = needle.strip()
    if not needle:
        return None
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    window = text[lo:hi]
    for flags in (0, re.IGNORECASE):
        pattern = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)", flags)
        found = [
            (lo + m.start(), lo + m.end())
            for m in pattern.finditer(window)
            if lo + m.end() <= start or lo + m.start() >= end
        ]
        if found:
            return min(found, key=lambda r: min(abs(r[0] - end), abs(start - r[1])))
    return None


PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "its", "it", "we", "i"})
_FULL_NAME = re.compile(r"\b[A-Z][a-z’'\-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z’'\-]+)+")


def resolve_mention(text: str, mention: str, before: int, reach: int = 2000) -> str | None:
    """The full name a pronoun or surname stands for: the nearest fitting name before
    ``before`` (a surname needs a full name ending with it). None when nothing fits."""
    mention = mention.strip()
    if not mention:
        return None
    window = text[max(0, before - reach) : before]
    names = [m.group() for m in _FULL_NAME.finditer(window)]
    if mention.lower() in PRONOUNS:
        return names[-1] if names else None
    if " " not in mention:
        fits = [n for n in names if n.split()[-1] == mention and n != mention]
        return fits[-1] if fits else None
    return None
