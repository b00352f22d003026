"""The vocabularies of claim kinds: data files beside this module, read once.

Each file holds one word or phrase a line, lowercase; ``#`` starts a comment. A word
matches its inflections (``verb_forms``), a noun its plural (``noun_forms``); a phrase
matches as consecutive words.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

_HERE = Path(__file__).parent
_WORD_RE = re.compile(r"[\w’'-]+")

Phrase = tuple[str, ...]


def words(text: str) -> list[str]:
    """The lowercase words of ``text`` without a possessive "'s" ("general’s" → "general")."""
    return [w.lower().removesuffix("’s").removesuffix("'s") for w in _WORD_RE.findall(text)]


@cache
def vocabulary(name: str) -> tuple[frozenset[str], tuple[Phrase, ...]]:
    """The single words and the phrases of the data file ``name`` (without ``.txt``)."""
    single: set[str] = set()
    phrases: list[Phrase] = []
    for line in (_HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if not entry:
            continue
        parts = tuple(entry.split())
        if len(parts) == 1:
            single.add(parts[0])
        else:
            phrases.append(parts)
    return frozenset(single), tuple(phrases)


@lru_cache(maxsize=8192)
def verb_forms(word: str) -> frozenset[str]:
    """``word`` and the base forms it may be an inflection of ("worried" → "worry",
    "planned" → "plan", "hoping" → "hope"); wrong guesses are harmless: only listed
    words count."""
    forms = {word}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms.update((stem, stem + "e"))
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # planned, regretting
    if word.endswith(("ies", "ied")):
        forms.add(word[:-3] + "y")
    return frozenset(forms)


@lru_cache(maxsize=8192)
def noun_forms(word: str) -> frozenset[str]:
    """``word`` and the singulars it may be the plural of ("studies" → "study")."""
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    return frozenset(forms)


def has_phrase(tokens: list[str], name: str, forms=verb_forms) -> bool:
    """Whether ``tokens`` hold a word (in one of its ``forms``) or a phrase of ``name``."""
    single, phrases = vocabulary(name)
    token_forms = [forms(t) for t in tokens]
    if any(not single.isdisjoint(f) for f in token_forms):
        return True
    if not phrases or len(tokens) < 2:
        return False
    known = frozenset().union(*token_forms)
    return any(known.issuperset(p) and _holds(token_forms, p) for p in phrases)


def _holds(token_forms: list[frozenset[str]], phrase: Phrase) -> bool:
    n = len(phrase)
    for i in range(len(token_forms) - n + 1):
        if all(p in f for p, f in zip(phrase, token_forms[i : i + n], strict=True)):
            return True
    return False
