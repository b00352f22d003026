"""Where a person's name is written: "Amanda Lapo", "Dr. Jane K. Doe", "Juan Guaidó"."""

from __future__ import annotations

import re

from deskapp.core.suggest.kinds import looks_like_person
from deskapp.core.suggest.names import PERSON_TITLES

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


_FULL_BEFORE_RE = re.compile(r"\b([A-ZÀ-Ý][\w’'-]+)[ \t]+(?:[A-Z]\.[ \t]+)?$")  # never across lines


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


# "Prof. Martin Hale, " right before "a cardiologist …": the name the description is of
_NAME_BEFORE_DESCRIPTION_RE = re.compile(
    r"(?:^|[.\n”\"]\s*|\b(?:by|with|and)\s+)(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?"
    r"(?P<name>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){1,2}),\s+$")


def name_before(text: str, start: int) -> tuple[int, int] | None:
    """The span of the name set off by a comma right before a description at ``start``
    ("Prof. Martin Hale, a cardiologist at …" → "Martin Hale"), if any."""
    m = _NAME_BEFORE_DESCRIPTION_RE.search(text, max(0, start - 60), start)
    return m.span("name") if m is not None and looks_like_person(m["name"]) else None
