"""What kind of source a phrase names, and the person's name in it.

``source_kind("a senior military official")`` → anonymous; ``person_name("ECB President
Christine Laval")`` → "Christine Laval"; ``gender_of("Ms. Reeve")`` → "f". Pure functions of
the words (cached), used by the resolver (``speakers.py``) and the attribution rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from deskapp.core.annotations import SourceKind
from deskapp.core.suggest import vocab
from deskapp.core.suggest.names import (
    ANONYMOUS_HEADS,
    ANONYMOUS_MARKERS,
    DOCUMENT_WORDS,
    FEMALE_NAMES,
    MALE_NAMES,
    MEDIA_NAMES,
    MEDIA_WORDS,
    ORG_WORDS,
    PERSON_TITLES,
    ROLE_NOUNS,
)

_TOKEN_RE = re.compile(r"[\w’'-]+")
_ANONYMOUS_MARKER_RE = re.compile("|".join(re.escape(m) for m in ANONYMOUS_MARKERS))
NOT_PERSON_WORDS = ORG_WORDS | MEDIA_WORDS | MEDIA_NAMES
_PREPOSITIONS = set(vocab.read("kinds_prepositions"))
_PLACE_PREPOSITIONS = {"of", "at", "in", "from", "near", "outside"}
_FEMALE_TITLES = set(vocab.read("female_titles"))
_MALE_TITLES = set(vocab.read("male_titles"))


def _tokens(phrase: str) -> list[str]:
    return _TOKEN_RE.findall(phrase)


@lru_cache(maxsize=16384)
def gender_of(name: str) -> str:
    """"f", "m" or "" for a full name, from its title or first name."""
    toks = [t.lower().rstrip(".") for t in _tokens(name)]
    for t in toks[:2]:
        if t in _FEMALE_TITLES or t in FEMALE_NAMES:
            return "f"
        if t in _MALE_TITLES or t in MALE_NAMES:
            return "m"
    return ""


def source_kind(phrase: str) -> SourceKind:
    """Person, organisation, outlet, document, anonymous or unknown, from the words."""
    toks = _tokens(phrase)
    if not toks:
        return SourceKind.UNKNOWN
    lower = [t.lower().removesuffix("’s").removesuffix("'s") for t in toks]
    if lower[0] in {"he", "she", "i"}:
        return SourceKind.PERSON
    if lower[0] in {"they", "we", "it", "you"}:
        return SourceKind.UNKNOWN
    if "," in phrase:  # "The company's spokeswoman, Maria Lopez": the name tells
        tail = phrase.rsplit(",", 1)[1].strip()
        name = person_name(tail) if tail[:1].isalpha() else None
        if name and " " in name and tail.endswith(name):
            return SourceKind.PERSON
    head = lower
    for i, t in enumerate(lower):
        if t in _PREPOSITIONS and i > 0:
            head = lower[:i]
            break
    if _ANONYMOUS_MARKER_RE.search(phrase.lower()) or (
        head[-1] in ANONYMOUS_HEADS and not any(t[0].isupper() for t in toks[1:-1])
    ):
        return SourceKind.ANONYMOUS
    if head[-1] in DOCUMENT_WORDS:
        return SourceKind.DOCUMENT
    if not MEDIA_NAMES.isdisjoint(lower) or not MEDIA_WORDS.isdisjoint(head):
        return SourceKind.MEDIA
    if not ORG_WORDS.isdisjoint(head) or (toks[0].isupper() and len(toks[0]) > 1):
        return SourceKind.ORGANISATION
    if head[-1] in {"spokesman", "spokeswoman", "spokesperson"} and lower[0] in {"a", "an"}:
        return SourceKind.ORGANISATION
    if looks_like_person(phrase) or head[-1] in ROLE_NOUNS:
        return SourceKind.PERSON
    return SourceKind.UNKNOWN


@lru_cache(maxsize=16384)
def looks_like_person(phrase: str) -> bool:
    toks = _tokens(phrase)
    if not toks or not toks[0][0].isupper():
        return False
    lower = [t.lower().rstrip(".") for t in toks]
    if not NOT_PERSON_WORDS.isdisjoint(lower):
        return False
    if lower[0] in CAPITAL_STOPWORDS:
        return False
    if lower[0] in PERSON_TITLES or lower[0] in FEMALE_NAMES or lower[0] in MALE_NAMES:
        return True
    return 1 <= len(toks) <= 4 and all(t[0].isupper() or t in {"de", "bin", "al", "van", "von"}
                                       for t in toks)


_POST_NOMINALS = set(vocab.read("post_nominals"))
_NAME_PARTICLES = set(vocab.read("name_particles"))


def person_name(mention: str, apposed: bool = False) -> str | None:
    """"ECB President Christine Laval" → "Christine Laval"; "his sister, Tanya Rhodes" →
    "Tanya Rhodes"; "Dr. Priya Mehta" → "Priya Mehta"; None without a proper name.
    A name set off by a comma keeps all its words ("a spokesman, Qari Nasrullah Wardak")."""
    for prep in (" of ", " at ", " from "):  # "Dr. Amal Yousif of the Sudan Doctors' Union"
        if prep in mention:
            named = person_name(mention.split(prep, 1)[0])
            if named and " " in named:
                return named
    if "," in mention:
        tail = mention.rsplit(",", 1)[1].strip()
        if tail and looks_like_person(tail) and len(_tokens(tail)) >= 2:
            return person_name(tail, True)
        mention = mention.split(",", 1)[0]
    toks = mention.replace(".", " ").split()
    while len(toks) > 2 and toks[-1] in _POST_NOMINALS:  # "Thomas Baird KC"
        toks.pop()
    run: list[str] = []
    for tok in reversed(toks):
        if tok[0].isupper() or (run and tok in _NAME_PARTICLES):
            run.insert(0, tok)
        else:
            break
    while run and run[0] in _NAME_PARTICLES:
        run.pop(0)
    if not run or (len(run) == 1 and len(toks) > 1 and toks[-2].lower() in _PLACE_PREPOSITIONS):
        return None  # "a cardiologist at the University of Leeds": a place
    lower = [t.lower() for t in run]
    for i, t in enumerate(lower):
        if t in FEMALE_NAMES or t in MALE_NAMES:
            return " ".join(run[i:])
    cut = 0
    for i, (tok, t) in enumerate(zip(run, lower, strict=True)):
        if (t in PERSON_TITLES or t in ROLE_NOUNS or (tok.isupper() and len(tok) > 1)
                or t.endswith(("’s", "'s"))):
            cut = i + 1
    run = run[cut:] if cut < len(run) else []
    if len(run) >= 3 and not (apposed and len(run) == len(toks) <= 4):
        run = run[-2:]  # "Secretary of State Antony Blinken", "Commuter Tom Reilly"
    if not run or run[0].lower() in CAPITAL_STOPWORDS:
        return None
    return " ".join(run)


cached_person_name = lru_cache(maxsize=16384)(person_name)
CAPITAL_STOPWORDS = set(vocab.read("capital_stopwords"))
def is_person_mention(text: str, start: int, name: str, title: str) -> bool:
    if title:
        return True
    # a capitalised pair after these words names a place or a body: always after
    # "a retired teacher from Donji Grad"; after "a cafe on Bridge Street", "the Centre
    # for Climate Research", unless it opens with a first name ("a song for Maria Lopez")
    if _PLACE_BEFORE_RE.search(text, max(0, start - 12), start) or (
            not gender_of(name) and _PLACE_OR_BODY_BEFORE_RE.search(text, max(0, start - 8),
                                                                     start)):
        return False
    first = name.split()[0].lower()
    if first in FEMALE_NAMES or first in MALE_NAMES:
        return looks_like_person(name)
    if not looks_like_person(name):
        return False
    follow = text[start + len(name):start + len(name) + 8]
    if follow.startswith((", a ", ", an ", ", the ", ", who", " said", " told", " says",
                          ", said", ", told", ", says", ", added", " has ", " had ", " was ",
                          " is ", " will ", " who ")) \
            or _AGE_RE.match(follow):  # "Kelly Brennan, 34, said"
        return True
    before = _LAST_WORD_RE.search(text, max(0, start - 30), start)  # "spokesman Yiannis Artopios"
    return before is not None and before.group(1).lower() in ROLE_NOUNS | PERSON_TITLES


_AGE_RE = re.compile(r", \d{1,3},")
_PLACE_BEFORE_RE = re.compile(r"\b(?:from|in|at|near|outside|across)\s+$")
_PLACE_OR_BODY_BEFORE_RE = re.compile(r"\b(?:on|for|of|off|along)[ \t]+$")
_LAST_WORD_RE = re.compile(r"\b([a-z][\w-]*),?\s+$")  # "spokesman X", "his mother, X"
ROLE_WORDS = ROLE_NOUNS | PERSON_TITLES


@lru_cache(maxsize=16384)
def titled_name(mention: str) -> str | None:
    """The name after a title or role in a phrase read as an organisation:
    "ECB President Christine Laval", "Kremlin spokesman Dmitry Peskov" → the name."""
    toks = mention.split()
    for i in range(len(toks) - 2, -1, -1):
        if toks[i].lower().rstrip(".").split("-")[0] in ROLE_WORDS:  # "Secretary-General"
            rest = toks[i + 1:]
            if 2 <= len(rest) <= 3 and all(t[0].isupper() for t in rest) \
                    and looks_like_person(" ".join(rest)):
                return " ".join(rest)
            return None
    return None


def refers_to_person(mention: str, kind: SourceKind) -> bool:
    """"the hairdresser", "The 58-year-old": a definite description of someone named before."""
    if kind == SourceKind.PERSON:
        return True
    last = mention.split()[-1]
    return (kind == SourceKind.UNKNOWN and last.islower() and not last.endswith("s")
            and last not in NOT_PERSON_WORDS and last not in DOCUMENT_WORDS)
