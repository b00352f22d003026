"""Where a person's name is written: "Amanda Lapo", "Dr. Jane K. Doe", "Juan Guaidó"."""

from __future__ import annotations

import re

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
