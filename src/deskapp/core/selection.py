"""Selections in article text: words, sentences, quotations. Pure functions the view calls.

Positions are caret positions (``0 … len(text)``); ranges are half-open ``(start, end)``.
A "word" is a run of letters/digits joined by inner apostrophes or hyphens (“don’t”,
“Colombian-Venezuelan”), or a number with inner separators (“95,000”, “3.5”).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:['’\-]\w+)*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# A period after these never ends a sentence (titles, name parts, common news abbreviations).
_TITLES = _words(
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon pres "
    "messrs mt ft no vs etc inc corp co ltd bros dept est approx fig al e.g i.e"
)
_MONTHS = _words("jan feb mar apr jun jul aug sep sept oct nov dec")
# After an acronym ("U.S.") a sentence ends only when one of these words starts the next one.
_SENTENCE_STARTERS = _words(
    "the a an he she it they we i but and in on at this that these those there his her "
    "their its our yet so meanwhile however"
)


def word_boundaries(text: str, pos: int) -> tuple[int, int]:
    """The word at caret ``pos`` (the one starting there first, else the one ending there).

    ``(pos, pos)`` when no word touches the caret.
    """
    pos = max(0, min(pos, len(text)))
    lo = pos
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = pos
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    before = None
    for match in _WORD.finditer(text, lo, hi):
        if match.start() <= pos < match.end():
            return match.span()
        if match.end() == pos:
            before = match.span()
    return before or (pos, pos)


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim spaces and widen partial words to whole words; None when nothing is left.

    Punctuation the editor selected is kept (a quote's closing comma belongs to it);
    a selection of only spaces and punctuation gives None.
    """
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    word_start, word_end = word_boundaries(text, start)
    if word_start < start < word_end:
        start = word_start
    word_start, word_end = word_boundaries(text, end - 1)
    if word_start <= end - 1 and end < word_end:
        end = word_end
    return (start, end)


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The sentence around caret ``pos``, without surrounding spaces.

    Sentences never cross a line break. A period after a title (“Mr.”), an initial
    (“John F. Kennedy”), a month (“Jan.”) or inside a number does not end a sentence; after an
    acronym (“U.S.”) it does only before a typical sentence opener (“The”, “He” …). Closing
    quotes and brackets after the end mark belong to the sentence. A caret in the spaces
    between two sentences belongs to the one before.
    """
    pos = max(0, min(pos, len(text)))
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    start = line_start
    for match in _SENTENCE_END.finditer(text, line_start, line_end):
        if not _ends_sentence(text, match.start(), match.end(), line_end):
            continue
        if match.end() >= pos:
            return _trim(text, start, match.end())
        start = match.end()
    return _trim(text, start, line_end)


def _ends_sentence(text: str, mark: int, after: int, line_end: int) -> bool:
    nxt = after
    while nxt < line_end and text[nxt].isspace():
        nxt += 1
    if nxt >= line_end:
        return True
    following = text[nxt]
    if not (following.isupper() or following.isdigit() or following in _OPENERS):
        return False
    if text[mark] != ".":
        return True
    word_start = mark
    while (
        word_start > 0
        and not text[word_start - 1].isspace()
        and text[word_start - 1] not in _OPENERS
    ):
        word_start -= 1
    token = text[word_start:mark].lower()
    if token in _TITLES or token in _MONTHS:
        return False
    if len(token) == 1 and token.isalpha():  # an initial
        return False
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):  # U.S., U.K., e.g.
        next_word = re.match(r"\w+", text[nxt:line_end].lstrip(_OPENERS))
        return bool(next_word) and next_word.group().lower() in _SENTENCE_STARTERS
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


# (opening, closing) pairs; a straight mark opens and closes by turns.
_PAIRS = {"“": "”", "‘": "’", "«": "»", "„": "“", "‹": "›"}
_STRAIGHT = '"'


def quotes_around(text: str, pos: int) -> list[tuple[int, int]]:
    """Every quotation enclosing caret ``pos`` on its line, innermost first, marks excluded.

    A caret touching a quotation mark counts as inside. ’ between two letters is an
    apostrophe, not a closing mark.
    """
    pos = max(0, min(pos, len(text)))
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    found = [
        (o, c)
        for o, c in _quotations(text, line_start, line_end)
        if o <= pos <= c + 1 and c > o + 1
    ]
    found.sort(key=lambda oc: oc[1] - oc[0])
    return [(o + 1, c) for o, c in found]


def quoted_at(text: str, pos: int) -> tuple[int, int] | None:
    """The text between the nearest quotation marks around ``pos`` (marks excluded), if any.

    Marks are excluded because that is what a quote mark covers (see the seed gold:
    ``The defections … undermine Maduro,`` without “ ”).
    """
    around = quotes_around(text, pos)
    return around[0] if around else None


def _quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pairs of (opening index, closing index) of quotation marks in ``text[start:end]``."""
    stack: list[tuple[int, str]] = []
    pairs: list[tuple[int, int]] = []
    for i in range(start, end):
        ch = text[i]
        if ch in "’'" and _is_apostrophe(text, i, start, end):
            continue
        closing = _closes(stack, ch)
        if closing is not None:
            opened = stack[closing][0]
            del stack[closing:]
            pairs.append((opened, i))
        elif ch in _PAIRS or ch == _STRAIGHT or (ch == "'" and _opens_single(text, i, start)):
            stack.append((i, _PAIRS.get(ch, ch)))
    return pairs


def _closes(stack: list[tuple[int, str]], ch: str) -> int | None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][1] == ch:
            return depth
    return None


def _is_apostrophe(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return before.isalnum() and after.isalnum()


def _opens_single(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    return before.isspace() or before in _OPENERS
