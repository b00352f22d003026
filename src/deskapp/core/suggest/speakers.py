"""Who a source or speaker is: its kind, and the full name a pronoun or surname stands for.

``Resolver.resolve`` looks back a bounded window of text (``WINDOW`` characters) from the
mention, so resolving every mention of an article stays linear in its length. Since what
a mention resolves to depends only on the text from ``REACH_BACK`` characters before it to
a few after it, a resolver may take over the answers of the one that worked on the text
before a correction, for mentions whose stretch of text the correction left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from deskapp.core.annotations import SourceKind
from deskapp.core.suggest.mentions import person_matches
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
from deskapp.core.suggest.textdiff import common_prefix, common_suffix

WINDOW = 1500
# How far back of a mention resolving it reads: the person window (twice: a pronoun may
# go back to "the judge said", whose judge is looked for a window further back), then
# the full-name search (8 windows) from a name at its start, then its own 61 characters.
REACH_BACK = 2 * WINDOW + 8 * WINDOW + 100  # (SUBJECT_WINDOW < WINDOW)
REACH_AHEAD = 8  # past the mention's start: "she" + ", a …" after a name that ends there
_TOKEN_RE = re.compile(r"[\w’'-]+")
_ANONYMOUS_MARKER_RE = re.compile("|".join(re.escape(m) for m in ANONYMOUS_MARKERS))
_NOT_PERSON_WORDS = ORG_WORDS | MEDIA_WORDS | MEDIA_NAMES
_PREPOSITIONS = {"of", "for", "by", "from", "at", "in", "with", "on", "to", "close", "who"}
_FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "chairwoman"}
_MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "father", "chairman"}


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
    if not _NOT_PERSON_WORDS.isdisjoint(lower):
        return False
    if lower[0] in _CAPITAL_STOPWORDS:
        return False
    if lower[0] in PERSON_TITLES or lower[0] in FEMALE_NAMES or lower[0] in MALE_NAMES:
        return True
    return 1 <= len(toks) <= 4 and all(t[0].isupper() or t in {"de", "bin", "al", "van", "von"}
                                       for t in toks)


class Resolver:
    """Resolves "she", "Lapo", "Mr. Lapo" to the nearest compatible full name before them.

    One resolver serves one text: it remembers what it worked out (the kind of a phrase,
    the name a span stands for), since sources repeat within an article.
    """

    def __init__(self, text: str, previous: Resolver | None = None) -> None:
        self.text = text
        self._resolved: dict[tuple[int, int], str] = {}
        self._before: dict[tuple[int, int], str] = {}
        self._edit = (0, 0, 0)  # unchanged before [0] and from [1] on (shift [2])
        if previous is not None:
            head = common_prefix(previous.text, text)
            tail = common_suffix(previous.text, text, head)
            self._before = previous._resolved
            self._edit = (head, len(text) - tail, len(text) - len(previous.text))

    kind = staticmethod(lru_cache(maxsize=16384)(source_kind))

    @staticmethod
    def _person_name(mention: str) -> str | None:
        return _cached_person_name(mention)

    def resolve(self, start: int, end: int) -> str:
        """The name a source or speaker mention stands for (the mention when unsure)."""
        key = (start, end)
        name = self._resolved.get(key)
        if name is None:
            name = self._taken_over(start, end)
            if name is None:
                name = self._resolve(start, end)
            self._resolved[key] = name
        return name

    def _taken_over(self, start: int, end: int) -> str | None:
        """The previous resolver's answer, when the text it read is unchanged."""
        if not self._before:
            return None
        head, tail_start, shift = self._edit
        if max(end, start + REACH_AHEAD) <= head:
            return self._before.get((start, end))
        if start - REACH_BACK >= tail_start:
            return self._before.get((start - shift, end - shift))
        return None

    def _resolve(self, start: int, end: int) -> str:
        mention = self.text[start:end]
        comma = mention.find(",")
        if comma > 0 and _CLAUSE_AFTER_RE.match(mention, comma + 1):
            return self._resolve(start, start + comma)  # "officials, who spoke on …"
        lower = mention.lower()
        if lower in {"he", "she"}:
            gender = "m" if lower == "he" else "f"
            found = self._nearest_person(start, gender, after=self._last_surname(start, gender))
            return found or mention
        if "," in mention:  # "the central bank governor, Jane Doe"
            tail = mention.rsplit(",", 1)[1].strip()
            if " " in tail and looks_like_person(tail):
                return self._person_name(tail) or tail
        kind = self.kind(mention)
        if kind not in (SourceKind.PERSON, SourceKind.UNKNOWN):
            return _titled_name(mention) or mention
        name = self._person_name(mention)
        if name is None:
            if _DEFINITE_RE.fullmatch(mention) and _refers_to_person(mention, kind):
                role = mention.rsplit(None, 1)[-1].lower()
                if role in _ROLE_WORDS:  # "the judge": only someone introduced as a judge
                    return self._nearest_person(start, "", role) or mention
                return self._nearest_person(start, "", after=self._last_surname(start, "")) \
                    or mention
            return mention
        if " " not in name:
            return self._full_name(name, start) or name
        return name

    def _last_surname(self, pos: int, gender: str) -> tuple[int, str] | None:
        """The last surname alone or role ("Whitlock said", "the judge said") before a
        cue in the last ``SUBJECT_WINDOW`` characters, as its offset and the full name
        written earlier, if that person fits ``gender``."""
        text = self.text
        lo = max(0, pos - SUBJECT_WINDOW)
        cues = []  # the last two of each verb of saying in the window (str.rfind, in C)
        for verb in _CUE_WORDS:
            at = text.rfind(verb, lo, pos)
            if at >= 0 and not text[at + len(verb):at + len(verb) + 1].isalpha():
                cues.append(at)
                at = text.rfind(verb, lo, at)
                if at >= 0:
                    cues.append(at)
        cues.sort()
        for at in reversed(cues[-4:]):
            kind, start, word = _subject_of_cue(text, max(lo, at - 90), at)
            if kind == "role":
                full = self._nearest_person(start, "", word)
                if full and " " in full and (not gender or gender_of(full) in ("", gender)):
                    return start, full
                continue
            if kind != "surname" or word.lower() in _CAPITAL_STOPWORDS:
                continue
            full = self._full_name(word, start)
            if full is None or not looks_like_person(full) or (
                    gender and gender_of(full) not in ("", gender)):
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
        # the last compatible person in the window wins: test the matches from the end
        for m in reversed(person_matches(self.text, lo, pos)):
            name = m.group("name")
            title = (m.group("title") or "").lower()
            first, _, rest = name.partition(" ")
            if first.lower() in PERSON_TITLES and " " in rest:  # "Senator Linda Cortez"
                name, title = rest, first.lower()
            else:  # "Transport Secretary Louise Haigh": the words after the last role
                toks = name.split()
                cut = max((i for i, t in enumerate(toks[:-1]) if t.lower() in _ROLE_WORDS),
                          default=-1)
                if cut >= 0 and len(toks) - cut > 2:
                    name, title = " ".join(toks[cut + 1:]), toks[cut].lower()
            g = gender_of(f"{title} {name}")
            if g and gender and g != gender:
                continue
            if not _is_person_mention(self.text, m.start("name"), name, title):
                continue
            if role and not _named_with_role(self.text, m.start(), m.end(), role):
                continue
            return self._full_name(name.split()[-1], m.end("name")) or name
        return after[1] if after else None

    def _full_name(self, surname: str, before: int) -> str | None:
        """The last "First [M.] Surname" written before ``before``."""
        lo = max(0, before - 8 * WINDOW)
        pos = before
        while True:
            pos = self.text.rfind(surname, lo, pos)
            if pos < 0:
                return None
            m = _FULL_BEFORE_RE.search(self.text, max(0, pos - 60), pos)
            after = pos + len(surname)
            if m and (after >= len(self.text) or not self.text[after].isalnum()):
                first = m.group(1)
                if first.lower() not in PERSON_TITLES and looks_like_person(first):
                    return f"{m.group(0)}{surname}"


_CLAUSE_AFTER_RE = re.compile(r"\s*(?:who|which|whose|[a-z]+ing)\b")
# "Whitlock said", "Healy, 52, told": a surname alone as the subject of a cue
SUBJECT_WINDOW = 800
# A verb of saying, and what may stand right before it as its subject: a surname alone
# ("Whitlock said", "Healy, 52, told", "Daniels, who joined in May, said") or a role
# ("the judge said", "the former minister told").
_CUE_WORDS = tuple(" " + w for w in (
    "said", "says", "told", "added", "insisted", "explained", "argued", "warned", "wrote",
    "ruled"))
_APPOSITION_RE = re.compile(r", (?:\d{1,3}|(?:who|a|an|the)\b[^,.;“”\"\n]{1,60})$")


def _subject_of_cue(text: str, lo: int, at: int) -> tuple[str, int, str]:
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
        return ("role", start, last) if last in _ROLE_WORDS else ("", 0, "")
    if not (last[:1].isupper() and last.replace("-", "").replace("’", "").replace("'", "")
            .isalpha()):
        return "", 0, ""
    before = words[-2] if len(words) >= 2 else ""
    if (before[:1].isupper() and not before.endswith((".", "”", '"'))) or before in ("Mr.", "Ms."):
        return "", 0, ""  # "Paul Whitlock said": a full name, found by person_matches
    return "surname", start, last


_DEFINITE_RE = re.compile(r"[Tt]he\s+(?:[\w-]+\s+){0,2}[\w-]+")
_NAME_PARTICLES = {"de", "da", "del", "van", "von", "bin", "al", "el", "la", "le", "dos"}


def person_name(mention: str) -> str | None:
    """"ECB President Christine Laval" → "Christine Laval"; "his sister, Tanya Rhodes" →
    "Tanya Rhodes"; "Dr. Priya Mehta" → "Priya Mehta"; None without a proper name."""
    for prep in (" of ", " at ", " from "):  # "Dr. Amal Yousif of the Sudan Doctors' Union"
        if prep in mention:
            named = person_name(mention.split(prep, 1)[0])
            if named and " " in named:
                return named
    if "," in mention:
        tail = mention.rsplit(",", 1)[1].strip()
        if tail and looks_like_person(tail) and len(_tokens(tail)) >= 2:
            return person_name(tail)
        mention = mention.split(",", 1)[0]
    toks = mention.replace(".", " ").split()
    run: list[str] = []
    for tok in reversed(toks):
        if tok[0].isupper() or (run and tok in _NAME_PARTICLES):
            run.insert(0, tok)
        else:
            break
    while run and run[0] in _NAME_PARTICLES:
        run.pop(0)
    if not run:
        return None
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
    if len(run) >= 3:
        run = run[-2:]
    if not run or run[0].lower() in _CAPITAL_STOPWORDS:
        return None
    return " ".join(run)


_cached_person_name = lru_cache(maxsize=16384)(person_name)
_CAPITAL_STOPWORDS = set(
    [
        "the", "a", "an", "and", "but", "in", "on", "at", "when", "while", "as", "if", "after",
        "before", "this", "that", "these", "those", "it", "its", "his", "her", "their", "our",
        "we", "they", "he", "she", "there", "here", "then", "so", "for", "of", "to", "with",
        "by", "from", "what", "why", "how", "who", "where", "which", "many", "some", "most",
        "more", "all", "both", "each", "one", "two", "three", "no", "not", "new", "last",
        "next", "first", "former", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december",
    ]
)
_FULL_BEFORE_RE = re.compile(r"\b([A-ZÀ-Ý][\w’'-]+)\s+(?:[A-Z]\.\s+)?$")


def _is_person_mention(text: str, start: int, name: str, title: str) -> bool:
    if title:
        return True
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


def _named_with_role(text: str, start: int, end: int, role: str) -> bool:
    """``role`` is written in the name, the 40 characters before it or its apposition."""
    near = text[max(0, start - 40):end] + text[end:end + 60].split(".", 1)[0]
    return re.search(rf"\b{re.escape(role)}\b", near, re.IGNORECASE) is not None


_AGE_RE = re.compile(r", \d{1,3},")
_LAST_WORD_RE = re.compile(r"\b([a-z][\w-]*),?\s+$")  # "spokesman X", "his mother, X"
_ROLE_WORDS = ROLE_NOUNS | PERSON_TITLES


@lru_cache(maxsize=16384)
def _titled_name(mention: str) -> str | None:
    """The name after a title or role in a phrase read as an organisation:
    "ECB President Christine Laval", "Kremlin spokesman Dmitry Peskov" → the name."""
    toks = mention.split()
    for i in range(len(toks) - 2, -1, -1):
        if toks[i].lower().rstrip(".").split("-")[0] in _ROLE_WORDS:  # "Secretary-General"
            rest = toks[i + 1:]
            if 2 <= len(rest) <= 3 and all(t[0].isupper() for t in rest) \
                    and looks_like_person(" ".join(rest)):
                return " ".join(rest)
            return None
    return None


def _refers_to_person(mention: str, kind: SourceKind) -> bool:
    """"the hairdresser", "The 58-year-old": a definite description of someone named before."""
    if kind == SourceKind.PERSON:
        return True
    last = mention.split()[-1]
    return (kind == SourceKind.UNKNOWN and last.islower() and not last.endswith("s")
            and last not in _NOT_PERSON_WORDS and last not in DOCUMENT_WORDS)
