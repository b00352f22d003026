"""Where a person's name is written: "Amanda Lapo", "Dr. Jane K. Doe", "Juan Guaidó"."""

from __future__ import annotations

import re

from deskapp.core.suggest.kinds import looks_like_person
from deskapp.core.suggest.names import FEMALE_NAMES, MALE_NAMES, PERSON_TITLES

_CAP = r"[A-ZÀ-Ý][\w’'-]*"
_MORE = rf"(?:[ \t]+(?:[A-Z]\.[ \t]+)?(?:(?:de|da|del|van|von|bin|al|el|la|le|dos)[ \t]+)?{_CAP})"
# "Amanda Lapo", "Dr. Jane K. Doe", "Juan Guaidó", "Mohammed bin Salman"
# (after a title a surname alone is a name: "Mr. Tan", "Ms Reeve"; never across lines)
PERSON_RE = re.compile(
    rf"(?:\b(?P<title>Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen)\.?[ \t]+)?"
    rf"\b(?P<name>{_CAP}(?(title){_MORE}{{0,2}}|{_MORE}{{1,4}}))"
)
# Where a PERSON_RE match may start: a capitalised word, then another (perhaps after an
# initial or a particle). It opens with a character class, so searching it skips in C.
_PERSON_START_RE = re.compile(
    r"[A-ZÀ-Ý][\w’'-]*\.?[ \t]+(?:[A-Z]\.[ \t]+)?"
    r"(?:(?:de|da|del|van|von|bin|al|el|la|le|dos)[ \t]+)?[A-ZÀ-Ý]"
)


def person_matches(text: str, lo: int, hi: int) -> list[re.Match]:
    """``list(PERSON_RE.finditer(text, lo, hi))``, trying only where a match can start."""
    out: list[re.Match] = []
    search, match = _PERSON_START_RE.search, PERSON_RE.match
    pos = lo
    while (cand := search(text, pos, hi)) is not None:
        m = match(text, cand.start(), hi)
        if m is None:
            pos = cand.start() + 1
        else:
            out.append(m)
            pos = m.end()
    return out


_FULL_BEFORE_RE = re.compile(r"\b([A-ZÀ-Ý][\w’'-]+)\s+(?:[A-Z]\.\s+)?$")


def full_name_before(text: str, surname: str, before: int, lo: int) -> str | None:
    """The last "First [M.] Surname" written in ``[lo, before)``."""
    pos = before
    while True:
        pos = text.rfind(surname, lo, pos)
        if pos < 0:
            return None
        m = _FULL_BEFORE_RE.search(text, max(0, pos - 60), pos)
        after = pos + len(surname)
        if m and (after >= len(text) or not text[after].isalnum()):
            first = m.group(1)
            if first.lower() not in PERSON_TITLES and looks_like_person(first):
                return f"{m.group(0)}{surname}"


def named_with_role(text: str, start: int, end: int, role: str) -> bool:
    """``role`` is written in the name, the 40 characters before it or its apposition."""
    near = text[max(0, start - 40):end] + text[end:end + 60].split(".", 1)[0]
    return re.search(rf"\b{re.escape(role)}\b", near, re.IGNORECASE) is not None


_APPOSED_RE = re.compile(r",\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
                         r"(?P<name>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){1,2}),")


def apposed_name(text: str, end: int, hi: int) -> str | None:
    """The person's name set off by commas right after ``end`` ("the director, Dr. Jane
    Doe, said" → "Jane Doe"), within ``text[:hi]``."""
    if text[end:end + 1] != ",":
        return None
    m = _APPOSED_RE.match(text, end, hi)
    return m["name"] if m is not None and looks_like_person(m["name"]) else None


# Given names that are also common words or surnames ("Mark my words", "Dawn broke",
# "Kim said"): never taken for a person named by the first name alone
_AMBIGUOUS_GIVEN = {"mark", "bill", "grace", "joy", "mercy", "blessing", "dawn", "amber",
                    "holly", "jade", "rob", "chuck", "moon", "kim", "li", "xi", "wang", "lula",
                    "marine", "ali", "rand", "will", "may", "hope", "faith", "rose", "jack",
                    "frank", "ray", "guy", "sky", "dean", "art", "don", "pat"}
_CAP_WORD_RE = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ-]+(?:[’']s)?\b")
_NAME_GAP_RE = re.compile(r"[ \t]+(?:[A-Z]\.[ \t]+)?[A-ZÀ-Ý]")


def given_name_mentions(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """Each first name written alone in ``text[lo:hi]`` ("dad-of-two Gary insists", "Dog
    walker Sandra, 52,"), not as part of a full name, with its offset, in text order."""
    out = []
    for m in _CAP_WORD_RE.finditer(text, lo, hi):
        word = m.group().removesuffix("’s").removesuffix("'s")
        lower = word.lower()
        if (lower not in FEMALE_NAMES and lower not in MALE_NAMES) or lower in _AMBIGUOUS_GIVEN:
            continue
        if _NAME_GAP_RE.match(text, m.start() + len(word)):
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
