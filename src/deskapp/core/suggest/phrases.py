"""Noun phrases around a cue: the source before "said", the source after "according to".

All functions take the text and offsets and return ``(start, end)`` ranges, never copies
of long stretches of text, and look only at a bounded window.
"""

from __future__ import annotations

import re

from deskapp.core.suggest.lexicon import AUX_WORDS, INNER_ADVERBS

PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}
_CLAUSE_WORDS = set(
    [
        "and", "but", "while", "as", "because", "although", "though", "so", "yet", "which",
        "who", "whom", "whose", "when", "where", "after", "before", "since", "if", "whereas",
        "or", "nor", "than", "until", "unless", "once", "then", "however", "meanwhile", "but",
    ]
)
_BAD_IN_SUBJECT = set(AUX_WORDS) | {"not", "to", "would", "that", "this", "there", "if"}
_TRAILING_ADVERBS = set(INNER_ADVERBS) | {"has", "have", "had", "was", "is", "it"}
_LEADING_ADVERBS = set(INNER_ADVERBS) | {"later", "earlier", "meanwhile", "however", "but",
                                         "and", "so", "yet", "instead", "separately"}
_APPOSITION_START_RE = re.compile(
    r"\s*(?:a|an|the|who|which|whose|one|its|his|her|their|our|then|now|also|former|"
    r"in|on|at|speaking|writing|head|chief|director|deputy|chair|chairman|chairwoman|"
    r"founder|co-founder|leader|editor|professor|author|spokesman|spokeswoman|"
    r"spokesperson|secretary|minister|president|manager|partner|"
    r"however|meanwhile|though|too|nonetheless|nevertheless|instead|for|likewise|"
    r"similarly|separately|later|earlier|previously|[a-z]+ing|according|"
    r"\d+|[A-Z][\w’'.-]*(?:'s|’s)?)\b"
)
# A relative or participial clause describes the source and belongs to it; a noun
# phrase in apposition ("Amanda Lapo, a defense analyst, said") does not.
_CLAUSE_APPOSITION_RE = re.compile(r"\s*(?!citing\b|quoting\b)(?:who|which|whose|[a-z]+ing)\b")
_NAME_ONLY_RE = re.compile(r"\s*[A-ZÀ-Ý][\w’'-]+(?:\s+(?:[A-Z]\.\s+)?[A-ZÀ-Ý][\w’'-]+){1,3}\s*")
_ABBREV_BEFORE_RE = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|St|Jr|Sr|Lt|Col)|\b[A-Z])$"
)
# A whole word that is one of _CLAUSE_WORDS in any letter case ("And", "BUT").
_CLAUSE_WORD_RE = re.compile(
    r"\b(?:" + "|".join("".join(f"[{c}{c.upper()}]" for c in w)
                         for w in sorted(_CLAUSE_WORDS, key=lambda w: (-len(w), w))) + r")\b"
)
_WORD_RE = re.compile(r"[\w’'.&()-]+")
# Punctuation, " - " or the word "that" (written to open with a character class, which
# the regex engine skips through in C): [,;:–—”"“] | \s-\s | \bthat\b
_CHUNK_END_RE = re.compile(r"[,;:–—”\"“\st](?:(?<=[,;:–—”\"“])|(?<=\s)-\s|(?<!\w.)(?<=t)hat\b)")
# The end of a noun phrase after a cue: punctuation, a clause, a time, a statement phrase.
_NP_STOP_RE = re.compile(
    r"[,;:.!?“”\"()\n]|\s[–—-]\s|\s(?:that|who|which|on|in|at|last|this|told|said|says|"
    r"earlier|later|yesterday|today|when|after|before|as|because|while|since|if|to|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_AND_SPLIT_RE = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "The Kremlin on Monday", "the ministry late on Friday", "police yesterday": when, not who
_TIME_TAIL_RE = re.compile(
    rf"\s+(?:(?:late\s+|early\s+)?on\s+{_DAY}(?:\s+(?:morning|afternoon|evening|night))?|"
    rf"{_DAY}|yesterday|today|tonight|(?:last|this)\s+(?:week|month|year|night|{_DAY}))$"
)


def words(text: str, start: int, end: int) -> list[str]:
    return _WORD_RE.findall(text, start, end)


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
        if comma < 0 or not _APPOSITION_START_RE.match(text, comma + 1, apposition_end):
            return None
        if _NAME_ONLY_RE.fullmatch(text, comma + 1, apposition_end) or (
                _CLAUSE_APPOSITION_RE.match(text, comma + 1, apposition_end)
                and len(words(text, comma + 1, apposition_end)) <= 16):
            # "his lawyer, Sarah Finch," / "officials, who spoke on condition of anonymity,"
            start = _chunk_start(text, lo, comma)
            if text.endswith(("and", "or"), start - 3, start):
                start = over_and(text, lo, start)
            if text[start:comma].strip().isdigit() and text[start - 1:start] == ",":
                start = _chunk_start(text, lo, start - 1)  # "Tom Reed, 52, who …"
            head = trim_phrase(text, start, comma)
            return (head[0], apposition_end) if head else None
        if len(words(text, comma + 1, apposition_end)) > 16:
            return None
        end = comma
    start = _chunk_start(text, lo, end)
    if text.endswith(("and", "or"), start - 3, start):  # "Fire and Rescue said"
        start = over_and(text, lo, start)
    if (inner := _INNER_CUE_RE.search(text, start, end)) is not None:
        start = inner.end()  # "… said Washington believed": the subject is "Washington"
    return trim_phrase(text, start, end)


def _chunk_start(text: str, lo: int, end: int) -> int:
    start = lo
    for m in _CHUNK_END_RE.finditer(text, lo, end):
        start = m.end()
    # the last clause word ("…, but the ministry said") opens the subject
    for w in _CLAUSE_WORD_RE.finditer(text, start, end):
        start = w.end()
    return start


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
    if (len(before.split()) <= 2 and text[:before_start].rstrip().endswith(",")
            and not _VERBISH_RE.search(before) and before[0].islower()):
        return before_start
    return start


def trim_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Strip spaces and trailing adverbs; None when the stretch is not a plausible source."""
    while start < end and text[start] in " \t\"“”‘’'(–—-":
        start += 1
    while end > start and text[end - 1] in " \t,":
        end -= 1
    if (when := _TIME_TAIL_RE.search(text, start, end)) is not None and when.start() > start:
        end = when.start()
    ws = words(text, start, end)
    while len(ws) > 1 and ws[0].lower() in _LEADING_ADVERBS:
        start = text.index(ws[1], start + len(ws[0]))
        ws.pop(0)
    while ws and ws[-1].lower() in _TRAILING_ADVERBS:
        cut = text.rfind(ws.pop(), start, end)
        end = cut
        while end > start and text[end - 1] == " ":
            end -= 1
    if not ws or len(ws) > 12:
        return None
    lower = list(map(str.lower, ws))
    if not _BAD_IN_SUBJECT.isdisjoint(lower) and not _to_in_a_name(lower):
        return None
    if lower[-1] in {"of", "for", "the", "a", "an", "and", "to", "at", "in", "by"}:
        return None
    first = ws[0]
    if not (first[0].isupper() or first[0].isdigit() or lower[0] in PRONOUNS
            or lower[0] in _DETERMINERS or lower[-1].endswith("s")
            or any(w[0].isupper() for w in ws[1:])):
        return None
    return start, end


# "a source close to the couple", "an adviser to the president": "to" inside a source
_TO_HEADS = {"close", "closer", "loyal", "linked", "allied", "adviser", "advisor", "aide",
             "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "counsel",
             "lawyer", "attorney", "assistant", "secretary", "successor", "heir", "sympathetic",
             "connected", "near", "next"}


def _to_in_a_name(lower: list[str]) -> bool:
    """The only auxiliary-like words are "to"s after a word such as "close"."""
    return all(w == "to" and i > 0 and lower[i - 1] in _TO_HEADS
               for i, w in enumerate(lower) if w in _BAD_IN_SUBJECT)


_DETERMINERS = set(
    [
        "the", "a", "an", "some", "several", "many", "most", "two", "three", "four", "few",
        "other", "another", "one", "his", "her", "their", "its", "our", "officials", "sources",
        "analysts", "experts", "critics", "witnesses", "residents",
    ]
)


def phrase_after(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """A noun phrase that starts at ``start`` ("according to [X]", "said [X]")."""
    while start < limit and text[start] == " ":
        start += 1
    hi = min(limit, start + 160)
    m = _NP_STOP_RE.search(text, start, hi)
    while m and text[m.start()] == "." and _ABBREV_BEFORE_RE.search(text, max(start, m.start() - 6),
                                                                   m.start()):
        m = _NP_STOP_RE.search(text, m.end(), hi)
    end = m.start() if m else hi
    # "(IISS)" after a name belongs to it
    if m and text[m.start()] == "(":
        close = text.find(")", m.start(), m.start() + 20)
        if close > 0:
            end = close + 1
    if end <= start:
        return None
    return trim_phrase(text, start, end)


def split_sources(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"CNN and Colombia’s El Tiempo" → two ranges; "a report by X and Y" stays one."""
    pieces: list[tuple[int, int]] = []
    pos = start
    for m in _AND_SPLIT_RE.finditer(text, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    good = [p for p in pieces if p[1] > p[0] and (text[p[0]].isupper() or (
        text.startswith("the ", p[0]) and text[p[0] + 4:p[0] + 5].isupper()))]
    if len(good) == len(pieces) and len(pieces) > 1:
        return pieces
    return [(start, end)]


def previous_word(text: str, lo: int, pos: int) -> str | None:
    """The word before ``pos`` (not before ``lo``), as ``re.search(r"([\\w’'-]+)\\W*$",
    text[lo:pos]).group(1)`` finds it, without trying every offset."""
    i = pos
    while i > lo and not _is_word_char(text[i - 1]):
        i -= 1
    if i == lo:  # no word character: the first run of ’ ' - (all of them non-word)
        first = next((k for k in range(lo, pos) if text[k] in _JOINERS), -1)
        if first < 0:
            return None
        i = first + 1
    start = i - 1
    while start > lo and (text[start - 1] in _JOINERS or _is_word_char(text[start - 1])):
        start -= 1
    end = i
    while end < pos and (text[end] in _JOINERS or _is_word_char(text[end])):
        end += 1
    return text[start:end]


_JOINERS = "’'-"


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
