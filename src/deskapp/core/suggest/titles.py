"""Quoted names of shows, books and films ("told NBC's “Good Morning America”"): titles,
not anyone's words, so no quote is proposed for them."""

from __future__ import annotations

import re

from deskapp.core.suggest import vocab

_WORD_RE = re.compile(r"[\w’'.&-]+")
_SMALL = frozenset(vocab.read("title_small_words"))
# what names a title right before its opening mark: an outlet's possessive ("NBC's"), "on",
# "told", "titled" or the kind of work ("the show", "his book")
_BEFORE_RE = re.compile(
    r"(?:\b[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*(?:’s|'s|’|')|\b(?:"
    + "|".join(re.escape(w) for w in vocab.read("title_before_words")) + r"))\s*$")
MAX_WORDS = 8


def is_title(text: str, open_at: int, start: int, end: int) -> bool:
    """The quote ``text[start:end]`` (its opening mark at ``open_at``) is a title: at most
    ``MAX_WORDS`` words, every one capitalised but the small ones, right after words that
    name a show, book or film."""
    words = _WORD_RE.findall(text, start, end)
    if not words or len(words) > MAX_WORDS or not words[0][:1].isupper():
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words):
        return False
    return _BEFORE_RE.search(text, max(0, open_at - 60), open_at) is not None
