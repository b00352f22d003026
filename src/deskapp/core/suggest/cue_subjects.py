"""The subject right before a verb of saying: "Whitlock said", "the judge told".

A pronoun ("he said") most often stands for the person last made the subject of a cue,
even when a full name was written closer; ``subject_of_cue`` reads that subject.
"""

from __future__ import annotations

import re

from deskapp.core.suggest.kinds import ROLE_WORDS

# "Whitlock said", "Healy, 52, told": a surname alone as the subject of a cue
SUBJECT_WINDOW = 800
# A verb of saying, and what may stand right before it as its subject: a surname alone
# ("Whitlock said", "Healy, 52, told", "Daniels, who joined in May, said") or a role
# ("the judge said", "the former minister told").
CUE_WORDS = tuple(" " + w for w in (
    "said", "says", "told", "added", "insisted", "explained", "argued", "warned", "wrote",
    "ruled"))
_APPOSITION_RE = re.compile(r", (?:\d{1,3}|(?:who|a|an|the)\b[^,.;“”\"\n]{1,60})$")


def subject_of_cue(text: str, lo: int, at: int) -> tuple[str, int, str]:
    """What stands right before the verb of saying at ``at``: ("role", start, "judge")
    for "the judge", ("surname", start, "Whitlock") for a capitalised word that follows
    no other ("Whitlock", "Healy, 52,", "Daniels, who joined in May,"), else ("", 0, "")."""
    end = at
    if text[end - 1:end] == ",":  # an apposition between the subject and the verb
        comma = text.rfind(",", lo, end - 1)
        if comma < 0 or not _APPOSITION_RE.match(text, comma, end - 1):
            return "", 0, ""
        end = comma
    words = text[max(lo, end - 40):end].split()
    if not words:
        return "", 0, ""
    last = words[-1]
    start = end - len(last)
    if len(words) >= 2 and last.isalpha() and last.islower() and (
            words[-2] in ("the", "The") or (len(words) >= 3 and words[-3] in ("the", "The")
                                            and words[-2].islower())):
        return ("role", start, last) if last in ROLE_WORDS else ("", 0, "")
    if not (last[:1].isupper() and last.replace("-", "").replace("’", "").replace("'", "")
            .isalpha()):
        return "", 0, ""
    before = words[-2] if len(words) >= 2 else ""
    if (before[:1].isupper() and not before.endswith((".", "”", '"'))) or before in ("Mr.", "Ms."):
        return "", 0, ""  # "Paul Whitlock said": a full name, found by person_matches
    return "surname", start, last





# "Olsen is not convinced.", "Asked about it, Karimi pauses.", "Hale, 64, has been": a
# capitalised word (perhaps after an opening clause) as the subject of a sentence's verb,
# right after a sentence end or a line break
_SENTENCE_SUBJECT_RE = re.compile(
    r"(?:[.!?][”\"]? |\n[ \t]*)"
    r"(?:[A-Z][^,.;:!?“”\"\n]{0,80}, )?(?:(?:Mr|Mrs|Ms|Dr)\.? )?(?P<name>[A-ZÀ-Ý][\w’'-]+)"
    r"(?:, [^,.;“”\"\n]{1,40},)? (?:[a-z]+ly )?[a-z]")


def sentence_subjects(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """The capitalised words that are the subjects of the sentences opening in
    ``[lo, hi)`` ("Olsen is not convinced", "Asked whether it mattered, Karimi paused"),
    each with its offset, in text order."""
    return [(m.start("name"), m.group("name"))
            for m in _SENTENCE_SUBJECT_RE.finditer(text, lo, hi)
            if not m.group("name").endswith(("’s", "'s"))]
