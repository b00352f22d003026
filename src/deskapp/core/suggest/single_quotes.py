"""Articles quoted with single marks (‘…’ or '…'), as several British papers do.

Most news quotes with double marks, and a single mark there is an apostrophe ("couldn’t",
"the farmers’ land") or a quote inside a quote; ``quotes.scan_quotes`` then pairs double
marks only. An article whose quotes open with single marks, and that has hardly any
double ones, is read with single marks instead: ``uses_single_marks`` tells which, and
``single_mark_opens`` whether a single mark opens a quote, closes one, or is an apostrophe.
"""

from __future__ import annotations

import re

SINGLE_MARK_RE = re.compile(r"[‘’']")
_STRAIGHT_OPENER_RE = re.compile(r"(?:^|(?<=[\s(\[—–/:-]))'(?=\w)", re.MULTILINE)
OPENERS_BEFORE = " \n\t([{—–-/:"
"""A quotation mark after one of these (or at the start) opens a quote, single or double."""
MIN_OPENERS = 2
DOUBLES_PER_SINGLE = 0.5
"""Single marks are the article's quotes only if double marks are at most this many per
single opening mark (a British story may still put a title in double marks)."""


def uses_single_marks(text: str) -> bool:
    """Whether the article's quotes open with single marks rather than double ones."""
    if "‘" not in text and "'" not in text:
        return False
    singles = text.count("‘") or len(_STRAIGHT_OPENER_RE.findall(text))
    if singles < MIN_OPENERS:
        return False
    doubles = text.count('"') + text.count("“") + text.count("”")
    return doubles <= DOUBLES_PER_SINGLE * singles


def single_mark_opens(text: str, pos: int) -> bool | None:
    """True if the single mark at ``pos`` opens a quote, False if it closes one, None if it
    is an apostrophe ("couldn’t", "’90s", "the farmers’ land")."""
    before = text[pos - 1] if pos else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    if before in OPENERS_BEFORE:
        return True if after.isalnum() or after in "‘“\"'" else None
    if after.isalnum() or text[pos] == "‘":
        return None  # inside a word
    if before in "sS" and after == " " and text[pos + 2:pos + 3].islower():
        return None  # a plural possessive: "the farmers’ land"
    return False
