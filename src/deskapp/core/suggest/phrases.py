"""Noun phrases around a cue: the source after "according to", the trimming of a source
(the source before "said" is read in ``subjects.py``).

All functions take the text and offsets and return ``(start, end)`` ranges, never copies
of long stretches of text, and look only at a bounded window.
"""

from __future__ import annotations

import re

from deskapp.core.suggest import vocab
from deskapp.core.suggest.lexicon import AUX_WORDS, INNER_ADVERBS

PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}
_BAD_IN_SUBJECT = set(AUX_WORDS) | {"not", "to", "would", "that", "this", "there", "if"}
_TRAILING_ADVERBS = set(INNER_ADVERBS) | {"has", "have", "had", "was", "is", "it"}
_LEADING_ADVERBS = set(INNER_ADVERBS) | {"later", "earlier", "meanwhile", "however", "but",
                                         "and", "so", "yet", "instead", "separately"}
_ABBREV_BEFORE_RE = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|St|Jr|Sr|Lt|Col)|\b[A-Z])$"
)
_WORD_RE = re.compile(r"[\w’'.&()-]+")
# The end of a noun phrase after a cue: punctuation, a clause, a time, a statement phrase.
_NP_STOP_RE = re.compile(
    r"[,;:.!?“”\"()\n]|\s[–—-]\s|\s(?:that|who|which|on|in|at|last|this|told|said|says|"
    r"earlier|later|yesterday|today|when|after|before|as|because|while|since|if|to|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_AND_SPLIT_RE = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "The Kremlin on Monday", "the ministry late on Friday", "police yesterday": when, not who
_TIME_TAIL_RE = re.compile(
    rf"\s+(?:(?:late\s+|early\s+)?on\s+{_DAY}(?:\s+(?:morning|afternoon|evening|night))?|"
    rf"{_DAY}|yesterday|today|tonight|(?:last|this)\s+(?:week|month|year|night|{_DAY}))$"
)
# The words _TIME_TAIL_RE can end with: a phrase ending otherwise needs no search.
_TIME_TAIL_ENDS = vocab.read("time_tail_ends")


def words(text: str, start: int, end: int) -> list[str]:
    return _WORD_RE.findall(text, start, end)


# "(at least n words)": runs of _WORD_RE's characters, each taken whole (possessive).
_AT_LEAST_RE = [re.compile(rf"(?:[^\w’'.&()-]*+[\w’'.&()-]++){{{n}}}") for n in range(6)]


def has_words(text: str, start: int, end: int, n: int) -> bool:
    """``len(words(text, start, end)) >= n``, without building the list (one C call)."""
    return _AT_LEAST_RE[n].match(text, start, end) is not None


def trim_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Strip spaces and trailing adverbs; None when the stretch is not a plausible source."""
    while start < end and text[start] in " \t\"“”‘’'(–—-":
        start += 1
    while end > start and text[end - 1] in " \t,":
        end -= 1
    if (text.endswith(_TIME_TAIL_ENDS, start, end) or text[end - 1:end] == "\n") and (
            when := _TIME_TAIL_RE.search(text, start, end)) is not None and when.start() > start \
            and not text.endswith(("ed", " out"), start, when.start()):  # "a poll published
        end = when.start()  # last week" says which poll; "The Kremlin on Monday", when
    ws = _WORD_RE.findall(text, start, end)
    if not ws:
        return None
    lower = list(map(str.lower, ws))  # kept in step with ws
    while len(ws) > 1 and lower[0] in _LEADING_ADVERBS:
        start = text.index(ws[1], start + len(ws[0]))
        ws.pop(0)
        lower.pop(0)
    while ws and lower[-1] in _TRAILING_ADVERBS and (len(ws) > 1 or lower[0] != "it"):
        cut = text.rfind(ws.pop(), start, end)
        lower.pop()
        end = cut
        while end > start and text[end - 1] == " ":
            end -= 1
    if not ws or len(ws) > 12:
        return None
    if not _BAD_IN_SUBJECT.isdisjoint(lower) and not _to_in_a_name(lower):
        return None
    if lower[-1] in {"of", "for", "the", "a", "an", "and", "to", "at", "in", "by"}:
        return None
    first = ws[0]
    if not (first[0].isupper() or first[0].isdigit() or lower[0] in PRONOUNS
            or lower[0] in _DETERMINERS or lower[-1].endswith("s")
            or lower[-1] in _MASS_SOURCES or lower[0] in _MASS_SOURCES
            or any(w[0].isupper() for w in ws[1:])):
        return None
    return start, end


# Sources named by a bare lowercase noun, no article: "police said", "according to new
# research", "preliminary data show", "state television reported"
_MASS_SOURCES = set(vocab.read("mass_sources"))
# "a source close to the couple", "an adviser to the president": "to" inside a source
_TO_HEADS = set(vocab.read("to_heads"))


def _to_in_a_name(lower: list[str]) -> bool:
    """The only auxiliary-like words are "to"s after a word such as "close"."""
    return all(w == "to" and i > 0 and lower[i - 1] in _TO_HEADS
               for i, w in enumerate(lower) if w in _BAD_IN_SUBJECT)


_DETERMINERS = set(vocab.read("phrases_determiners"))


def phrase_after(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """A noun phrase that starts at ``start`` ("according to [X]", "said [X]")."""
    while start < limit and text[start] == " ":
        start += 1
    hi = min(limit, start + 160)
    m = _NP_STOP_RE.search(text, start, hi)
    while m and text[m.start()] == "." and _ABBREV_BEFORE_RE.search(text, max(start, m.start() - 6),
                                                                   m.start()):
        m = _NP_STOP_RE.search(text, m.end(), hi)
    end = m.start() if m else hi
    # "(IISS)" after a name belongs to it
    if m and text[m.start()] == "(":
        close = text.find(")", m.start(), m.start() + 20)
        if close > 0:
            end = close + 1
    if end <= start:
        return None
    return trim_phrase(text, start, end)


def split_sources(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"CNN and Colombia’s El Tiempo" → two ranges; "a report by X and Y" stays one."""
    pieces: list[tuple[int, int]] = []
    pos = start
    for m in _AND_SPLIT_RE.finditer(text, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    good = [p for p in pieces if p[1] > p[0] and (text[p[0]].isupper() or (
        text.startswith("the ", p[0]) and text[p[0] + 4:p[0] + 5].isupper()))]
    if len(good) == len(pieces) and len(pieces) > 1:
        return pieces
    return [(start, end)]


def previous_word(text: str, lo: int, pos: int) -> str | None:
    """The word before ``pos`` (not before ``lo``), as ``re.search(r"([\\w’'-]+)\\W*$",
    text[lo:pos]).group(1)`` finds it: the run of word characters and ’ ' - that holds
    the last word character, found from the right; without any word character, the
    first run of ’ ' - (all of them non-word)."""
    if pos - 1 > lo and text[pos - 1] == " ":  # "… word said": a plain word and a space
        k = text.rfind(" ", lo, pos - 1) + 1 or lo
        word = text[k:pos - 1]
        if word.isalnum():
            return word
    window = text[lo:pos]
    m = _LAST_WORD_RE.fullmatch(window)
    if m is not None:
        return m.group(1)
    joiners = _JOINER_RUN_RE.search(window)
    return None if joiners is None else joiners.group()


_LAST_WORD_RE = re.compile(r"(?s:.*)(?<![\w’'-])([\w’'-]*\w[\w’'-]*)\W*")
_JOINER_RUN_RE = re.compile(r"[’'-]+")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
