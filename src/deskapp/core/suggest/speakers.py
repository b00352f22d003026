"""Who a source or speaker is: the full name a pronoun, surname or role stands for.

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
from deskapp.core.suggest.anaphora import (
    ANAPHOR_RE,
    COMPANY_HEADS,
    introduced,
    org_antecedent,
    proper,
    sentence_starts,
)
from deskapp.core.suggest.clauses import lead_subject
from deskapp.core.suggest.issuers import ISSUED_HEADS, issuer_of
from deskapp.core.suggest.kinds import (
    CAPITAL_STOPWORDS,
    ROLE_WORDS,
    cached_person_name,
    gender_of,
    looks_like_person,
    person_name,
    refers_to_person,
    source_kind,
    titled_name,
)
from deskapp.core.suggest.mentions import (
    apposed_name,
    name_before,
)
from deskapp.core.suggest.person_search import WINDOW, PersonSearch
from deskapp.core.suggest.textdiff import common_prefix, common_suffix

__all__ = ["REACH_BACK", "WINDOW", "Resolver", "gender_of", "looks_like_person", "person_name",
           "source_kind"]

# How far back of a mention resolving it reads: the person window (twice: a pronoun may
# go back to "the judge said", whose judge is looked for a window further back), then
# the full-name search (8 windows) from a name at its start, then its own 61 characters.
REACH_BACK = 2 * WINDOW + 8 * WINDOW + 100  # (SUBJECT_WINDOW < WINDOW)
REACH_AHEAD = 8  # past the mention's start: "she" + ", a …" after a name that ends there
AFTER = 70  # past the mention's end: a name in apposition ("the director, Dr. Jane Doe,")


class Resolver(PersonSearch):
    """Resolves "she", "Lapo", "Mr. Lapo" to the nearest compatible full name before them.

    One resolver serves one text: it remembers what it worked out (the kind of a phrase,
    the name a span stands for), since sources repeat within an article.
    """

    def __init__(self, text: str, previous: Resolver | None = None) -> None:
        super().__init__(text)
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
        return cached_person_name(mention)

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
        if max(end + AFTER, start + REACH_AHEAD) <= head:
            return self._before.get((start, end))
        if start - REACH_BACK >= tail_start:
            return self._before.get((start - shift, end - shift))
        return None

    def _resolve(self, start: int, end: int) -> str:
        mention = self.text[start:end]
        comma = mention.find(",")
        if comma > 0 and (_CLAUSE_AFTER_RE.match(mention, comma + 1) or (
                _ROLE_AFTER_RE.match(mention, comma + 1) and looks_like_person(mention[:comma]))):
            return self._resolve(start, start + comma)  # "officials, who spoke on …"
        lower = mention.lower()
        if (lower.startswith(("a ", "an ")) or _PARTY_TAG_RE.fullmatch(mention)) \
                and (named := name_before(self.text, start)):
            return self.resolve(*named)  # "Prof. Martin Hale, a cardiologist at …"
        if lower in {"he", "she"}:
            gender = "m" if lower == "he" else "f"
            found = self._nearest_person(start, gender, after=self._last_surname(start, gender))
            return found or mention
        if lower == "it":
            return self._it(start) or mention
        if "," in mention:  # "the central bank governor, Jane Doe"
            tail = mention.rsplit(",", 1)[1].strip()
            if " " in tail and looks_like_person(tail):
                return cached_person_name(tail, True) or tail
        if (named := apposed_name(self.text, end, end + AFTER)) is not None \
                and self._person_name(mention) is None:
            return named  # "Its director of research, Dr. Nadia Perez, said"
        kind = self.kind(mention)
        if kind == SourceKind.ORGANISATION and (the := ANAPHOR_RE.fullmatch(mention)):
            # "The World Food Programme said …. The agency warned": the last named subject
            head = the.group("head")
            return (org_antecedent(self.text, start, head)
                    or proper(self._it(start, head in COMPANY_HEADS)) or mention)
        if kind == SourceKind.ANONYMOUS and (the := ANAPHOR_RE.fullmatch(mention)):
            # "the official": the unnamed source as first described
            return introduced(self.text, start, the.group("head"), WINDOW) or mention
        if kind == SourceKind.DOCUMENT and (the := ANAPHOR_RE.fullmatch(mention)) \
                and the.group("head") in ISSUED_HEADS \
                and (issuer := issuer_of(self.text, start, the.group("head"))) is not None \
                and self.kind(self.text[issuer[0]:issuer[1]]) != SourceKind.DOCUMENT:
            return self.resolve(*issuer)  # "the statement said" → who issued it
        if kind not in (SourceKind.PERSON, SourceKind.UNKNOWN):
            return titled_name(mention) or _given_name_tail(mention) or mention
        name = self._person_name(mention)
        if name is None:
            if _DEFINITE_RE.fullmatch(mention) and refers_to_person(mention, kind):
                role = mention.rsplit(None, 1)[-1].lower()
                if role in ROLE_WORDS:  # "the judge": only someone introduced as a judge
                    # ("the prime minister": as prime minister, not as housing minister)
                    return (self._nearest_person(start, "", mention.split(None, 1)[1])
                            or introduced(self.text, start, role, WINDOW) or mention)
                if (intro := introduced(self.text, start, role, WINDOW)) is not None:
                    return intro  # "A woman who was waiting nearby said …" → "the woman"
                return self._nearest_person(start, "", after=self._last_surname(start, "")) \
                    or mention
            return mention
        if " " not in name:
            return self._full_name(name, start) or name
        return name

    def _it(self, pos: int, brand: bool = False) -> str | None:
        """What "it said" stands for: the organisation, outlet or document that opens one
        of the last three sentences before ``pos`` ("The company said …. It added …");
        with ``brand`` ("the company said"), also a lone capitalised word that no first name
        goes with ("Voltrix said …")."""
        text, lo = self.text, max(0, pos - 600)
        for s in sentence_starts(text, lo, pos, 3):
            subject = lead_subject(text, s, min(pos, s + 160))
            if subject is None:
                continue
            phrase = text[subject[0]:subject[1]]
            if self.kind(phrase) in _IT_KINDS:
                return self.resolve(*subject)
            if brand and self._brand(phrase, subject[0]):
                return phrase
        return None

    def _brand(self, phrase: str, at: int) -> bool:
        """``phrase`` (at ``at``) is one capitalised word, not a first name, never written
        after a first name before: a company's name ("Voltrix"), not a surname."""
        return (phrase.isalpha() and phrase[:1].isupper() and phrase[1:].islower()
                and phrase.lower() not in CAPITAL_STOPWORDS and not gender_of(phrase)
                and self._full_name(phrase, at) is None)


def _given_name_tail(mention: str) -> str | None:
    """"House Speaker Dale Whitcombe" → "Dale Whitcombe": the name after a title that is
    no role word elsewhere ("Speaker", "Whip"), in a phrase read as a body's name."""
    if "Speaker " not in mention and "Whip " not in mention and "Chair " not in mention:
        return None
    toks = mention.split()
    for i in range(len(toks) - 3, -1, -1):
        if toks[i] in _HOUSE_TITLES and all(t[:1].isupper() for t in toks[i + 1:]) \
                and looks_like_person(" ".join(toks[i + 1:])):
            return " ".join(toks[i + 1:])
    return None


_HOUSE_TITLES = frozenset({"Speaker", "Whip", "Chair"})
_IT_KINDS = (SourceKind.ORGANISATION, SourceKind.MEDIA, SourceKind.DOCUMENT)
_CLAUSE_AFTER_RE = re.compile(r"\s*(?:who|which|whose|[a-z]+ing)\b")
# "Fabrizio Carboni, the organisation's regional director": the name is the person
_ROLE_AFTER_RE = re.compile(r"\s*(?:a|an|the|his|her|its|their)\s")
# "Sen. Rosalind Achebe, D-N.M., said": the party and state tag after a US politician's name
_PARTY_TAG_RE = re.compile(r"[DRI]-[A-Z][A-Za-z.]*")
_DEFINITE_RE = re.compile(r"[Tt]he\s+(?:[\w-]+\s+){0,2}[\w-]+")

