"""Direct quotes: quotation marks paired in one pass, and the cue that sits next to them.

Double marks pair (straight ", curly “ ”, « »); single marks are apostrophes or quotes
nested inside a double-quoted one, unless the article quotes with single marks
(``single_quotes``).
A quote that runs over several paragraphs (each paragraph opens with a mark, only the
last closes) becomes one quote in pieces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from deskapp.core.suggest import rules, vocab
from deskapp.core.suggest.clauses import (
    lead_subject,
    past_opening_quote,
    source_after,
    verb_like,
)
from deskapp.core.suggest.learned.weights import word_class
from deskapp.core.suggest.lexicon import (
    ADVERBIAL_RUN_RE,
    CUE_RE,
    FORM_TO_LEMMA,
    HEARER_RE,
    HEARER_VERBS,
    aux_before,
)
from deskapp.core.suggest.rules.base import Rule
from deskapp.core.suggest.sentences import is_abbreviation
from deskapp.core.suggest.single_quotes import (
    OPENERS_BEFORE,
    SINGLE_MARK_RE,
    single_mark_opens,
    uses_single_marks,
)
from deskapp.core.suggest.subjects import subject_before

_MARK_RE = re.compile(r"[\"“”«»]")
_SENTENCE_BREAK_RE = re.compile(r"[.!?](?:\s|$)|[“”\"]")
_PRE_GAP_RE = re.compile(r"\s*(?:that\s*)?[:,]?\s*$")
# Verbs of thought or evidence ("Washington believed", "the case showed that"): a quote in
# their clause gives the words of whoever reports that clause, not theirs
THOUGHT_VERBS = frozenset(vocab.read("thought_verbs"))
_RELATIVE_BEFORE_RE = re.compile(r",?\s*\b(?:who|which)\s+$")  # "Mike Lee, who declared"
_NAME_BEFORE_RE = re.compile(r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*\s*$")


_OPENING_NAME_RE = re.compile(r"\s*((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*),\s")
_ASIDE_END_RE = re.compile(r",\s+(?:[a-z]+ly\s+|once\s+|then\s+|also\s+|later\s+)?$")


def _name_then_aside(text: str, clause_start: int, cue_start: int) -> tuple[int, int] | None:
    """A name opening the clause, then an aside between commas, then the cue ("Michael
    Demastus, pastor of a church in Des Moines and a Cruz supporter, said: “…”")."""
    m = _OPENING_NAME_RE.match(text, clause_start, cue_start)
    if m is None or not _ASIDE_END_RE.search(text, m.end(), cue_start):
        return None
    return m.start(1), m.end(1)


def _antecedent(text: str, clause_start: int, end: int) -> tuple[int, int] | None:
    """Who a relative pronoun at ``end`` stands for: the name right before it ("the backing
    of Mike Lee, who"), else the noun phrase there."""
    if (name := _NAME_BEFORE_RE.search(text, clause_start, end)) is not None:
        return name.start(), name.start() + len(name.group().rstrip())
    return subject_before(text, clause_start, end)


_AND_BEFORE_RE = re.compile(r"\b(?:and|but)\s+$")  # a second verb of the same subject
_CLAUSE_BREAK_RE = re.compile(r"[.;:!?“”\"]")


@dataclass(frozen=True, slots=True)
class RawQuote:
    """Inner ranges of a quote (marks excluded), where it opens and where it closes."""

    pieces: tuple[tuple[int, int], ...]
    open_at: int
    close_end: int

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass(frozen=True, slots=True)
class Attachment:
    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    rule: Rule


def _opens(text: str, pos: int) -> bool | None:
    ch = text[pos]
    if ch in "“«":
        return True
    if ch in "”»":
        return False
    if ch == '"' and _NESTED_CLOSE_RE.match(text, pos - 3, pos):
        return False  # "… say, 'Well done,' " said Hale: the inner quote's mark, a space
    return pos == 0 or text[pos - 1] in OPENERS_BEFORE


_NESTED_CLOSE_RE = re.compile(r"[,.?!]['’] ")


def scan_quotes(text: str) -> tuple[list[RawQuote], list[int]]:
    """All quotes of ``text`` in order, and the offsets of marks that pair with nothing.

    An article quoted with single marks (``single_quotes``) has them paired instead; a
    closing single mark with no quote open is an apostrophe there, not an unbalanced mark.
    """
    single = uses_single_marks(text)
    marks, opens = (SINGLE_MARK_RE, single_mark_opens) if single else (_MARK_RE, _opens)
    quotes: list[RawQuote] = []
    unbalanced: list[int] = []
    open_at = -1
    first_open = -1
    pieces: list[tuple[int, int]] = []
    for m in marks.finditer(text):
        pos = m.start()
        opening = opens(text, pos)
        if opening is None or (single and not opening and open_at < 0):
            continue
        if open_at >= 0 and text.find("\n", open_at, pos) >= 0:
            para_end = text.find("\n", open_at, pos)
            line_start = text.rfind("\n", 0, pos) + 1
            blank_between = not text[para_end:line_start].strip()
            if opening and not text[line_start:pos].strip() and blank_between:
                pieces.append(_trimmed(text, open_at + 1, para_end))
                open_at = pos
                continue
            unbalanced.append(first_open)
            open_at, pieces = -1, []
        if open_at < 0:
            if opening:
                open_at = first_open = pos
            else:
                unbalanced.append(pos)
        elif not opening:
            pieces.append(_trimmed(text, open_at + 1, pos))  # (no space before the mark)
            if pieces[-1][1] > pieces[-1][0]:
                quotes.append(RawQuote(tuple(pieces), first_open, pos + 1))
            open_at, pieces = -1, []
        else:
            unbalanced.append(first_open)
            open_at = first_open = pos
            pieces = []
    if open_at >= 0:
        unbalanced.append(first_open)
    return quotes, unbalanced


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def cue_after(text: str, quote: RawQuote, limit: int) -> Attachment | None:
    """“…,” she said / “…,” said Lapo / “…,” Lapo, an analyst, told Reuters."""
    start = quote.close_end
    window = min(limit, start + 160)
    for m in CUE_RE.finditer(text, start, window):
        if m.group("according") or (m.group("verb") or "").endswith("ing"):
            return None
        between_end = m.start()
        if _sentence_break(text, start, between_end) or between_end - start > 110:
            return None
        aux = aux_before(text, max(start, between_end - 60), between_end)
        cue_start = aux.start() if aux else m.start()
        left = text[start:cue_start].strip(" ,\t")
        if not left:
            speaker = source_after(text, m.end(), limit)
            return Attachment((cue_start, m.end()), speaker, rules.QUOTE_CUE_SPEAKER)
        speaker = subject_before(text, start, cue_start)
        if speaker is None:
            return None
        return Attachment((cue_start, m.end()), speaker, rules.QUOTE_SPEAKER_CUE)
    return _unlisted_verb_after(text, start, window)


# “…,” Jones elaborated. / “…,” he quipped, “…” / “…,” opined Jones.
_SLOT_RE = re.compile(
    r"\s*(?:(?P<speaker>(?:[A-Z][\w’'.-]*\s+){1,3}|(?:he|she|they|I|we)\s+"
    r"|(?:the|a|an)\s+[a-z]+\s+)(?P<verb>[a-z]{3,}(?:ed|s))"
    r"|(?P<verb_first>[a-z]{3,}ed)\s+(?P<named>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}))"
    r"(?=\s*(?:[,.;]|$))")


def _unlisted_verb_after(text: str, start: int, limit: int) -> Attachment | None:
    """A verb no list holds, alone with its subject right after a quote's closing mark
    (“…,” Jones elaborated.): a verb there says who spoke, whatever the verb."""
    m = _SLOT_RE.match(text, start, limit)
    if m is None:
        return None
    verb = m.group("verb") or m.group("verb_first")
    known = word_class(verb)
    if "VERB" not in known and (known or not verb.endswith("ed")):
        return None
    if m.group("verb"):
        speaker = (m.start("speaker"), m.start("speaker") + len(m.group("speaker").rstrip()))
        return Attachment((m.start("verb"), m.end("verb")), speaker, rules.QUOTE_UNLISTED_VERB)
    named_end = m.end("named") - m.group("named").endswith(".")  # “…,” opined Anne Hill.
    return Attachment((m.start("verb_first"), m.end("verb_first")),
                      (m.start("named"), named_end), rules.QUOTE_UNLISTED_VERB)


def _sentence_break(text: str, start: int, end: int) -> bool:
    """A sentence ends, or another quote starts, in ``text[start:end]`` ("Det. Sgt." does
    not end one)."""
    pos = start
    while (m := _SENTENCE_BREAK_RE.search(text, pos, end)) is not None:
        if text[m.start()] != "." or not is_abbreviation(text, m.start()):
            return True
        pos = m.end()
    return False


def cue_before(text: str, quote: RawQuote, clause_start: int) -> Attachment | None:
    """She said: “…” / Lapo told Reuters on Monday, “…”."""
    end = quote.open_at
    lo = max(clause_start, end - 200)
    last = None
    for m in CUE_RE.finditer(text, lo, end):
        last = m
    if last is None or last.group("according"):
        return None
    if (last.group("verb") or "").endswith("ing"):
        return _participle_then_quote(text, clause_start, last, end)
    gap_start = ADVERBIAL_RUN_RE.match(text, last.end(), end).end()
    lemma = FORM_TO_LEMMA.get(last.group("verb") or "", "")
    if lemma in THOUGHT_VERBS and reported_by(text, lo, last.start()) is not None:
        return None  # "said Washington believed “…”": the one who said is the speaker
    hearer = HEARER_RE.match(text, gap_start, end) if lemma in HEARER_VERBS else None
    if hearer:  # "told the BBC: …" (not "said the senator …": no hearer)
        gap_start = ADVERBIAL_RUN_RE.match(text, hearer.end(), end).end()
    if not _PRE_GAP_RE.fullmatch(text, gap_start, end) and not _circumstances(text, gap_start,
                                                                              end):
        return None
    aux = aux_before(text, max(lo, last.start() - 60), last.start())
    cue_start = aux.start() if aux else last.start()
    speaker = subject_before(text, clause_start, cue_start)
    if speaker is None and _AND_BEFORE_RE.search(text, clause_start, cue_start):
        speaker = _first_subject(text, clause_start, cue_start)  # "X said … but warned: “…”"
    if speaker is None and (who := _RELATIVE_BEFORE_RE.search(text, clause_start, cue_start)):
        speaker = _antecedent(text, clause_start, who.start())  # "Mike Lee, who declared"
    elif speaker is None:  # "Another source speaking to Fox News said, “…”"
        speaker = lead_subject(text, clause_start, cue_start) or _name_then_aside(
            text, clause_start, cue_start)
    return Attachment((cue_start, last.end()), speaker, rules.CUE_THEN_QUOTE)


_PREPOSITIONS = frozenset(vocab.read("quotes_prepositions"))
_CIRCUMSTANCE_GAP_RE = re.compile(r"[^.;!?“”\"\n]{1,120}[,:]\s*")


def _circumstances(text: str, start: int, end: int) -> bool:
    """Phrases of place, time or medium between a cue and the quote it introduces that no
    list holds ("declared in the debate spin room, “…”", "announced on her Facebook page,
    in all capital letters, “…”"): each opens with a preposition, has no verb, and the last
    ends in a comma or a colon."""
    if not _CIRCUMSTANCE_GAP_RE.fullmatch(text, start, end):
        return False
    for chunk in re.split(r"[,:]", text[start:end]):
        words = re.findall(r"[\w’'-]+", chunk)
        if words and (words[0].lower() not in _PREPOSITIONS or len(words) > 8
                      or any(map(verb_like, words[1:]))):
            return False
    return True


# "…, with one reader writing: “…”": the noun phrase between "with" and the participle
_WITH_SUBJECT_RE = re.compile(r"\bwith\s+((?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+$")
_COLON_GAP_RE = re.compile(r"\s*:\s*$")


def _participle_then_quote(text: str, clause_start: int, cue: re.Match,
                           end: int) -> Attachment | None:
    """"…, with one fan writing: “…”" → "one fan"; "Another was less kind, replying:
    “…”" → the sentence's subject. Only with a colon right before the quote."""
    if not _COLON_GAP_RE.fullmatch(text, cue.end(), end):
        return None
    start = cue.start()
    with_np = _WITH_SUBJECT_RE.search(text, max(clause_start, start - 60), start)
    if with_np is not None:
        speaker: tuple[int, int] | None = with_np.span(1)
    elif text[max(clause_start, start - 2):start] == ", ":
        speaker = lead_subject(text, past_opening_quote(text, clause_start, start), start - 2)
    else:
        return None
    return None if speaker is None else Attachment((start, cue.end()), speaker,
                                                   rules.CUE_THEN_QUOTE)


def _first_subject(text: str, clause_start: int, end: int) -> tuple[int, int] | None:
    """The subject of the first verb of saying in ``text[clause_start:end]``."""
    first = CUE_RE.search(text, clause_start, end)
    if first is None or first.group("according"):
        return None
    return subject_before(text, clause_start, first.start())


def word_count(text: str, quote: RawQuote) -> int:
    return sum(len(text[s:e].split()) for s, e in quote.pieces)



def reported_by(text: str, lo: int, end: int) -> re.Match | None:
    """The last verb of saying (not of thought, not "according to") in ``text[lo:end]``
    whose clause runs on to ``end``: "said" in "X said the case showed that"."""
    last = None
    for m in CUE_RE.finditer(text, lo, end):
        verb = m.group("verb") or ""
        if not m.group("according") and verb and FORM_TO_LEMMA.get(verb) not in THOUGHT_VERBS \
                and not _noun_use(text, m.start(), verb):
            last = m
    if last is None or _CLAUSE_BREAK_RE.search(text, last.end(), end):
        return None
    return last


def _noun_use(text: str, at: int, verb: str) -> bool:
    """A verb form that is a noun here: after a determiner ("the claims") or, ending in
    -s, after a verb ("offered states billions")."""
    before = _WORD_BEFORE_RE.search(text, max(0, at - 30), at)
    if before is None:
        return False
    word = before.group(1)
    return word in _DETERMINERS or (verb.endswith("s") and word.endswith("ed") and len(word) > 4)


_WORD_BEFORE_RE = re.compile(r"\b([a-z]+)\s+$")
_DETERMINERS = frozenset(vocab.read("quotes_determiners"))
