"""People named by the first name alone ("dad-of-two Gary insists", "Dog walker Sandra, 52,")
and the gender a text gives a name ("Maureen Gibbs, 71, said she …").

Tabloid and feature copy names a person in full once ("Gary Pollitt, 44,") and then by the
first name; a pronoun after that goes to the person, whose full name is the first name's
last full form before it. A name whose first name the word lists do not know takes its
gender from the "he" or "she" that follows it in its sentence.
"""

from __future__ import annotations

import re

from deskapp.core.suggest import vocab
from deskapp.core.suggest.kinds import gender_of, looks_like_person
from deskapp.core.suggest.mentions import PERSON_RE
from deskapp.core.suggest.names import FEMALE_NAMES, MALE_NAMES

FULL_NAME_REACH = 12000  # characters back to the first name's full form (8 windows)
# Given names that are also common words or surnames ("Mark my words", "Dawn broke",
# "Kim said"): never taken for a person named by the first name alone
_AMBIGUOUS_GIVEN = set(vocab.read("ambiguous_given"))
_GIVEN = frozenset((FEMALE_NAMES | MALE_NAMES) - _AMBIGUOUS_GIVEN)
_CAP_WORD_RE = re.compile(r"(?<![\w’'-])[A-ZÀ-Ý][a-zà-ÿ-]+")
_NAME_GAP_RE = re.compile(r"[ \t]+(?:[A-Z]\.[ \t]+)?[A-ZÀ-Ý]")


def given_name_mentions(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """Each first name written alone in ``text[lo:hi]`` ("dad-of-two Gary insists", "Dog
    walker Sandra, 52,"), not as part of a full name, with its offset, in text order."""
    out = []
    for m in _CAP_WORD_RE.finditer(text, lo, hi):
        word = m.group()
        if word.lower() not in _GIVEN:
            continue
        if _NAME_GAP_RE.match(text, m.end()):
            continue  # "Gary Pollitt": a full name
        before = text[max(0, m.start() - 30):m.start()].split()
        if before and before[-1][:1].isupper() and before[-1][-1] not in ".!?”\"":
            continue  # "Meadow Close Gary", "Mr Gary" (read by PERSON_RE)
        out.append((m.start(), word))
    return out


def full_from_given(text: str, given: str, before: int, lo: int) -> str | None:
    """The last full name that opens with ``given`` in ``[lo, before)`` ("Gary" →
    "Gary Pollitt")."""
    pos = before
    while (pos := text.rfind(given, lo, pos)) >= 0:
        if pos == 0 or not text[pos - 1].isalnum():
            m = PERSON_RE.match(text, pos)
            if m is not None and m.start("name") == pos and " " in m.group("name"):
                name = m.group("name")
                if looks_like_person(name):
                    return name.removesuffix("’s").removesuffix("'s")
    return None


_PRONOUN_RE = re.compile(r"\b(?:(he)|(she))\b|[.!?](?:\s|$)|[“”\"]")


def gender_in_text(text: str, end: int) -> str:
    """"m" or "f" from the first "he" or "she" after a name ending at ``end`` in its
    sentence ("Maureen Gibbs, 71, said she had complained"), else ""."""
    m = _PRONOUN_RE.search(text, end, end + 160)
    if m is None or not (m.group(1) or m.group(2)):
        return ""
    return "m" if m.group(1) else "f"


def given_before(text: str, lo: int, pos: int, gender: str) -> str | None:
    """The full name of the last first name written alone in ``[lo, pos)`` that fits
    ``gender`` ("Gary" → "Gary Pollitt"; "Sandra" when never written in full)."""
    for at, name in reversed(given_name_mentions(text, lo, pos)):
        if not gender or gender_of(name) == gender:
            return full_from_given(text, name, at, max(0, at - FULL_NAME_REACH)) or name
    return None


def text_gender(text: str, full: str, before: int, cache: dict[str, str]) -> str:
    """``full``'s gender from its first name or title, else from the "he" or "she" that
    follows one of its last three mentions before ``before`` (remembered in ``cache``)."""
    g = gender_of(full)
    if g or " " not in full:
        return g
    g = cache.get(full)
    if g is None:
        g, end = "", before
        lo = max(0, before - FULL_NAME_REACH)
        for _ in range(3):
            at = text.rfind(full, lo, end)
            if at < 0 or (g := gender_in_text(text, at + len(full))):
                break
            end = at
        cache[full] = g
    return g
