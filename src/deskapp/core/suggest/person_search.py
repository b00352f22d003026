"""Where the person a pronoun, surname or role stands for was named: the nearest
compatible full name before a mention (``PersonSearch``, which ``speakers.Resolver``
builds on), within a bounded window so that resolving stays linear in the text's length.
"""

from __future__ import annotations

from deskapp.core.suggest import vocab
from deskapp.core.suggest.cue_subjects import (
    CUE_WORDS,
    SUBJECT_WINDOW,
    sentence_subjects,
    subject_of_cue,
)
from deskapp.core.suggest.first_names import full_from_given, given_before, text_gender
from deskapp.core.suggest.kinds import (
    CAPITAL_STOPWORDS,
    ROLE_WORDS,
    gender_of,
    is_person_mention,
    looks_like_person,
)
from deskapp.core.suggest.mentions import full_name_before, named_with_role, person_matches
from deskapp.core.suggest.names import PERSON_TITLES

WINDOW = 1500
# auxiliaries that open a question before its subject ("Has Brennan thought …?")
_QUESTION_OPENERS = frozenset(vocab.read("question_openers"))


class PersonSearch:
    """The people named in one text, looked up backwards from a mention; it remembers
    sentence subjects and genders it worked out."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._subjects: dict[int, str | None] = {}  # a sentence's subject: its full name
        self._genders: dict[str, str] = {}

    def _last_surname(self, pos: int, gender: str) -> tuple[int, str] | None:
        """The last surname alone or role ("Whitlock said", "the judge said") before a
        cue in the last ``SUBJECT_WINDOW`` characters, as its offset and the full name
        written earlier, if that person fits ``gender``."""
        text = self.text
        lo = max(0, pos - SUBJECT_WINDOW)
        cues = []  # the last two of each verb of saying in the window (str.rfind, in C)
        for verb in CUE_WORDS:
            at = text.rfind(verb, lo, pos)
            if at >= 0 and not text[at + len(verb):at + len(verb) + 1].isalpha():
                cues.append(at)
                at = text.rfind(verb, lo, at)
                if at >= 0:
                    cues.append(at)
        cues.sort()
        said = self._cue_surname(lo, cues[-4:], gender)
        near = max(lo, pos - SUBJECT_WINDOW // 2, said[0] + 1 if said else 0)
        subject = self._subject_surname(near, pos, gender)
        return subject or said

    def _subject_surname(self, lo: int, pos: int, gender: str) -> tuple[int, str] | None:
        """The last surname that opens one of the sentences before ``pos`` as its
        subject ("Olsen is not convinced."), with the full name written earlier."""
        named = self._subjects
        for at, word in reversed(sentence_subjects(self.text, lo, pos)):
            if at not in named:  # the same sentences open before every pronoun after them
                full = None if word.lower() in CAPITAL_STOPWORDS else self._full_name(word, at)
                named[at] = full if full is not None and looks_like_person(full) else None
            full = named[at]
            if full is not None and self._fits(full, at, gender):
                return at, full
        return None

    def _fits(self, full: str, at: int, gender: str) -> bool:
        """``full`` (written before ``at``) may be a "he" (``gender`` "m") or a "she"."""
        return not gender or text_gender(self.text, full, at, self._genders) in ("", gender)

    def _cue_surname(self, lo: int, cues: list[int], gender: str) -> tuple[int, str] | None:
        """The last surname or role before one of ``cues`` that fits ``gender``."""
        text = self.text
        for at in reversed(cues):
            kind, start, word = subject_of_cue(text, max(lo, at - 90), at)
            if kind == "role":
                full = self._nearest_person(start, "", word)
                if full and " " in full and self._fits(full, start, gender):
                    return start, full
                continue
            if kind != "surname" or word.lower() in CAPITAL_STOPWORDS:
                continue
            full = self._full_name(word, start)
            if full is None or not looks_like_person(full) or not self._fits(full, start, gender):
                continue
            return start, full
        return None

    def _nearest_person(self, pos: int, gender: str, role: str = "",
                        after: tuple[int, str] | None = None) -> str | None:
        """The last person named before ``pos`` who fits ``gender`` and, given a ``role``
        ("minister"), whose name is written next to that word ("Transport Minister X",
        "X, the transport minister"); ``after``: a surname mention that wins over names
        written before it."""
        lo = max(0, pos - WINDOW) if after is None else max(0, after[0])
        # the last compatible person in the window wins: test the matches from the end,
        # and the first names written alone between them ("dad-of-two Gary insists")
        hi = pos
        for m in reversed(person_matches(self.text, lo, pos)):
            if not role and (given := given_before(self.text, m.end(), hi, gender)):
                return given
            hi = m.start()
            name = m.group("name")
            if not role and (full := self._surname_after_opener(m, gender)) is not None:
                return full  # "Has Brennan thought about stopping?"
            title = (m.group("title") or "").lower()
            first, _, rest = name.partition(" ")
            if first.lower() in PERSON_TITLES and " " in rest:  # "Senator Linda Cortez"
                name, title = rest, first.lower()
            else:  # "Transport Secretary Louise Haigh": the words after the last role
                toks = name.split()
                cut = max((i for i, t in enumerate(toks[:-1]) if t.lower() in ROLE_WORDS),
                          default=-1)
                if cut >= 0 and len(toks) - cut > 2:
                    name, title = " ".join(toks[cut + 1:]), toks[cut].lower()
            g = gender_of(f"{title} {name}")
            if not g and gender and " " in name:
                g = text_gender(self.text, name, m.end("name"), self._genders)
            if g and gender and g != gender:
                continue
            if not is_person_mention(self.text, m.start("name"), name, title):
                continue
            if role and not named_with_role(self.text, m.start(), m.end(), role):
                continue
            name = name.removesuffix("’s").removesuffix("'s")  # "Mr. Khan's spokesman"
            return self._full_name(name.split()[-1], m.end("name")) or name
        if not role and (given := given_before(self.text, lo, hi, gender)):
            return given
        return after[1] if after else None

    def _surname_after_opener(self, m, gender: str) -> str | None:
        """The full name of a surname that a capitalised function word opens a sentence
        with ("Has Brennan thought …?", "But Okafor says"), written earlier and fitting
        ``gender``."""
        first, _, rest = m.group("name").partition(" ")
        if m.group("title") or " " in rest or (first.lower() not in CAPITAL_STOPWORDS
                                               and first not in _QUESTION_OPENERS):
            return None
        full = self._full_name(rest, m.start("name"))
        if full is None or not looks_like_person(full) or not self._fits(full, m.start(), gender):
            return None
        return full

    def _full_name(self, surname: str, before: int) -> str | None:
        """The last "First [M.] Surname" written before ``before``; for a first name
        alone ("Gary"), else the last full name that opens with it."""
        lo = max(0, before - 8 * WINDOW)
        return full_name_before(self.text, surname, before, lo) or (
            full_from_given(self.text, surname, before, lo) if gender_of(surname) else None)
