"""The source noun phrase that ends right before a cue ("Amanda Lapo, a defense analyst at
the IISS, said"): ``subject_before`` reads it from the words before the cue, within a
bounded window, and returns a ``(start, end)`` range.
"""

from __future__ import annotations

import re

from deskapp.core.suggest import vocab
from deskapp.core.suggest.clauses import verbless
from deskapp.core.suggest.lexicon import trie_pattern
from deskapp.core.suggest.phrases import trim_phrase, words

_CLAUSE_WORDS = set(vocab.read("clause_words"))
_APPOSITION_START_RE = re.compile(
    r"\s*(?:a|an|the|who|which|whose|one|its|his|her|their|our|then|now|also|former|"
    r"in|on|at|of|speaking|writing|head|chief|director|deputy|chair|chairman|chairwoman|"
    r"founder|co-founder|leader|editor|professor|author|spokesman|spokeswoman|"
    r"spokesperson|secretary|minister|president|manager|partner|"
    r"however|meanwhile|though|too|nonetheless|nevertheless|instead|for|likewise|"
    r"similarly|separately|later|earlier|previously|[a-z]+ing|according|"
    r"(?:published|released|based|seen|obtained|posted|issued|compiled|commissioned|"
    r"funded|led|run|written|reviewed|conducted|carried)(?=\s+(?:in|on|by|at|out|for))|"
    r"\d+|[A-Z][\w’'.-]*(?:'s|’s)?)\b"
)
# A relative or participial clause, or where the source is from ("Claire Nolan, of
# Millbrook CID, said"), describes the source and belongs to it; a noun phrase in
# apposition ("Amanda Lapo, a defense analyst, said") does not.
_CLAUSE_APPOSITION_RE = re.compile(
    r"\s*(?!citing\b|quoting\b)(?:who|which|whose|[a-z]+ing|of(?=\s+[A-Z]))\b")
# "a nurse in Tucson, Arizona, said": a region after a town is no apposition of its own
_PLACE_REGION_RE = re.compile(r"\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*")
_IN_PLACE_RE = re.compile(r"\b(?:in|from|of|near|outside)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?$")
# "Sen. Rosalind Achebe, D-N.M., who wrote the bill": a party and state after a name
_PARTY_TAG_RE = re.compile(r"\s*[DRI]-[A-Z][A-Za-z.]*\s*")
_AGE_BEFORE_RE = re.compile(r",\s*\d{1,3}\s*$")
_NAME_ONLY_RE = re.compile(r"\s*(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Capt|Sgt|Sen|Rep|Gov)\.\s+)?"
                           r"[A-ZÀ-Ý][\w’'-]+(?:\s+(?:[A-Z]\.\s+)?[A-ZÀ-Ý][\w’'-]+){1,3}\s*")
# "Another witness, bar employee Tyler Grant, told": a name after a lowercase description
_DESCRIBED_NAME_RE = re.compile(
    r"\s*(?:(?!(?:and|or|but|who|which|that|as|when|while|if|then|also|in|on|at|of|by|for|"
    r"from|with|to|into|about|after|before|under|over|near|via|like)\b)[a-z][\w’'-]*\s+)"
    r"{1,3}[A-ZÀ-Ý][\w’'-]+(?:\s+(?:[A-Z]\.\s+)?[A-ZÀ-Ý][\w’'-]+){1,3}\s*")


# A whole word that is one of _CLAUSE_WORDS in any letter case ("And", "BUT"); between
# two \b only one of them can match, so the order of the alternatives does not matter.
_CLAUSE_WORD_RE = re.compile(r"\b(?:" + trie_pattern(_CLAUSE_WORDS, any_case=True) + r")\b")
# Punctuation, " - " or the word "that" (written to open with a character class, which
# the regex engine skips through in C): [,;:–—”"“] | \s-\s | \bthat\b
_CHUNK_END_RE = re.compile(r"[,;:–—”\"“\st](?:(?<=[,;:–—”\"“])|(?<=\s)-\s|(?<!\w.)(?<=t)hat\b)")
_LAST_CHUNK_END_RE = re.compile(r"(?s:.*)(" + _CHUNK_END_RE.pattern + ")")
_LAST_CLAUSE_WORD_RE = re.compile(r"(?s:.*)" + _CLAUSE_WORD_RE.pattern)


def subject_before(text: str, clause_start: int, cue_start: int) -> tuple[int, int] | None:
    """The source noun phrase that ends right before a cue, noun-phrase appositions
    skipped, relative and participial clauses kept.

    "Amanda Lapo, a defense analyst at the IISS, said" → "Amanda Lapo";
    "The study, which followed 45,000 children, found" → all of it but the last comma;
    "…, the Colombian migration authority reported" → "the Colombian migration authority".
    """
    lo = max(clause_start, cue_start - 240)
    end = cue_start
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end > lo and text[end - 1] == ",":
        apposition_end = end - 1
        comma = text.rfind(",", lo, apposition_end)
        while comma > lo and text[comma - 1].isdigit() and text[comma + 1:comma + 2].isdigit():
            comma = text.rfind(",", lo, comma)  # "45,000" is no apposition
        if comma > lo and _PLACE_REGION_RE.fullmatch(text, comma + 1, apposition_end) \
                and _IN_PLACE_RE.search(text, max(lo, comma - 40), comma):
            town, comma = comma, text.rfind(",", lo, comma)  # "in Tucson, Arizona,": one place
            if comma < 0 or not _ROLE_START_RE.match(text, comma + 1, town):
                # "Police in Leeds, West Yorkshire, said": the place ends the subject
                return trim_phrase(text, _chunk_start(text, lo, town), apposition_end)
        named = comma >= 0 and (
            _NAME_ONLY_RE.fullmatch(text, comma + 1, apposition_end)
            or _DESCRIBED_NAME_RE.fullmatch(text, comma + 1, apposition_end))
        if comma < 0 or not (named or _APPOSITION_START_RE.match(text, comma + 1,
                                                                  apposition_end)
                             or _bare_role(text, lo, comma, apposition_end)):
            return None
        if named or (
                _CLAUSE_APPOSITION_RE.match(text, comma + 1, apposition_end)
                and len(words(text, comma + 1, apposition_end)) <= 16):
            # "his lawyer, Sarah Finch," / "officials, who spoke on condition of anonymity,"
            start = _chunk_start(text, lo, comma)
            if not named and (name := _name_before_role(text, lo, start, comma)):
                return name  # "Martin Hale, a cardiologist, who was not involved, said"
            if text.endswith(("and", "or"), start - 3, start):
                start = over_and(text, lo, start)
            if text[start:comma].strip().isdigit() and text[start - 1:start] == ",":
                start = _chunk_start(text, lo, start - 1)  # "Tom Reed, 52, who …"
            head = trim_phrase(text, start, comma)
            return (head[0], apposition_end) if head else None
        if len(words(text, comma + 1, apposition_end)) > 16:
            return None
        end = comma
        if (age := _AGE_BEFORE_RE.search(text, max(lo, end - 8), end)) is not None:
            end = age.start()  # "Sarah Jones, 45, a teacher, said": the age goes too
    start = _chunk_start(text, lo, end)
    if text.endswith(" who", lo, start) and (whole := _who_subject(text, lo, start, end)):
        return whole
    if text.endswith(("and", "or"), start - 3, start):  # "Fire and Rescue said"
        start = over_and(text, lo, start)
    if (inner := _INNER_CUE_RE.search(text, start, end)) is not None:
        start = inner.end()  # "… said Washington believed": the subject is "Washington"
    return trim_phrase(text, start, end)


# "cabinet member for communities", "economist at ING": a role without an article
_BARE_ROLE_RE = re.compile(r"\s*[a-z][\w’'-]*(?:\s+[\w’'&.-]+){0,7}\s*")
_ROLE_START_RE = re.compile(r"\s*(?:a|an|the)\s+[a-z]")


def _bare_role(text: str, lo: int, comma: int, end: int) -> bool:
    """"Denise Hollins, cabinet member for communities, said": a lowercase role without an
    article, no verb in it, after a capitalised name."""
    if not _BARE_ROLE_RE.fullmatch(text, comma + 1, end) or not verbless(text, comma + 1, end):
        return False
    head = trim_phrase(text, _chunk_start(text, lo, comma), comma)
    return head is not None and _NAME_ONLY_RE.fullmatch(text, *head) is not None


def _name_before_role(text: str, lo: int, start: int, comma: int) -> tuple[int, int] | None:
    """The name before a noun apposition that a clause follows ("Prof. Martin Hale, a
    cardiologist at Leeds, who was not involved, said" → "Prof. Martin Hale"): the
    apposition is skipped, as alone."""
    role = _ROLE_START_RE.match(text, start, comma) or _PARTY_TAG_RE.fullmatch(text, start, comma)
    if start <= lo or text[start - 1] != "," or not role:
        return None
    head = trim_phrase(text, _chunk_start(text, lo, start - 1), start - 1)
    if head is None or _NAME_ONLY_RE.fullmatch(text, *head) is None:
        return None
    return head


def _who_subject(text: str, lo: int, who_end: int, end: int) -> tuple[int, int] | None:
    """"Those who know her well say", "Residents who fled the fighting said": a short
    head and its relative clause, no comma between them, make the subject."""
    clause = words(text, who_end, end)
    if not clause or len(clause) > 10 or _INNER_CUE_RE.search(text, who_end, end):
        return None
    head_end = who_end - 4
    head = trim_phrase(text, _chunk_start(text, lo, head_end), head_end)
    if head is None or len(words(text, *head)) > 4 or _VERBISH_RE.search(text, *head) or (
            not text[head[0]].isupper()
            and text[head[0]:head[1]].split()[0].lower() not in _HEAD_STARTS):
        return None
    while end > who_end and text[end - 1].isspace():
        end -= 1
    return head[0], end


_HEAD_STARTS = set(vocab.read("head_starts"))


def _chunk_start(text: str, lo: int, end: int) -> int:
    start = _last_chunk_end(text, lo, end)
    # the last clause word ("…, but the ministry said") opens the subject; whole words
    # never overlap, so the rightmost one is the last one
    w = _LAST_CLAUSE_WORD_RE.match(text, start, end)
    return start if w is None else w.end()


def _last_chunk_end(text: str, lo: int, end: int) -> int:
    """The end of the last ``_CHUNK_END_RE`` match that ``finditer`` from ``lo`` meets (``lo``
    without one). A greedy ``.*`` backs off to the rightmost match: the same one, unless a
    match met from the left overlaps it. Only " - " can (from two characters before, in
    " - - "; "that" has no match inside it), so that case alone is checked and walked."""
    m = _LAST_CHUNK_END_RE.match(text, lo, end)
    if m is None:
        return lo
    first = m.start(1)
    if first - 2 < lo or text[first - 1] != "-":
        return m.end()
    for p in range(max(lo, first - 3), first):
        prior = _CHUNK_END_RE.match(text, p, end)
        if prior is not None and prior.end() > first:
            return [lo, *(c.end() for c in _CHUNK_END_RE.finditer(text, lo, end))][-1]
    return m.end()


# A verb of saying inside a subject chunk ends the clause before the subject.
_INNER_CUE_RE = re.compile(
    r"\b(?:said|says|told|tells|added|adds|believed|believes|thinks|thought|warned|warns|"
    r"insisted|insists|argued|argues|announced|wrote|writes|stressed|explained|explains|"
    r"noted|claimed|reported|confirmed|confirms|denied|denies|acknowledged|admitted|admits)\s+"
)
_AND_BEFORE_RE = re.compile(r"(?:^|[\s,])(and|or)\s*$")
_VERBISH_RE = re.compile(r"\b(?:[a-z]+ed|is|are|was|were|has|have|had|will|would|did)\b")


def over_and(text: str, lo: int, start: int) -> int:
    """A subject that ``_chunk_start`` cut at "and" joined again when the "and" links
    names ("Halvorsen Energy and Brightwater Grid", "Fire and Rescue") or, after a
    comma, two short noun phrases ("…, residents and medical sources said")."""
    conj = _AND_BEFORE_RE.search(text, max(lo, start - 6), start)
    if conj is None:
        return start
    at = conj.start(1)
    before_start = _chunk_start(text, lo, at)
    before = text[before_start:at].strip()
    after = text[start:start + 40].lstrip()
    if not before or not after:
        return start
    if before.split()[-1][0].isupper() and after[0].isupper():
        return before_start
    if (len(before.split()) <= 2 and _is_at(text, last_visible(text, before_start), ",")
            and not _VERBISH_RE.search(before) and before[0].islower()):
        return before_start
    return start


def last_visible(text: str, at: int) -> int:
    """Where the last character before ``at`` that is not white space stands (-1: none),
    found without copying the text before it."""
    at -= 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return at


def _is_at(text: str, at: int, mark: str) -> bool:
    return at >= 0 and text[at] == mark
