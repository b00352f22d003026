"""Clause shapes around a cue that the attribution rules ask about.

"X kept rates on hold but signalled that …" (a cue in a second verb phrase, whose source
is the sentence's subject), "X said A and warned that B" (where A ends), "…, said the
governor, Jane Doe" (a source after its cue). Each function reads a bounded window; the
edges of a content are in ``content_edges.py``.
"""

from __future__ import annotations

import re

from deskapp.core.suggest import vocab
from deskapp.core.suggest.lexicon import (
    ADVERBIAL_RUN_RE,
    AUX_WORDS,
    CUE_RE,
    FORM_TO_LEMMA,
    INNER_ADVERBS,
    trie_pattern,
)
from deskapp.core.suggest.phrases import phrase_after, trim_phrase, words

# Verbs of saying that may open a second verb phrase of the same subject ("and warned").
_SECOND_VERBS = set(vocab.read("second_verbs"))
_FINITE_FORMS = [f for f, lemma in FORM_TO_LEMMA.items()
                 if lemma in _SECOND_VERBS and f != lemma and not f.endswith("ing")]
_ADVERBS = "|".join(INNER_ADVERBS)
# What a source does instead of saying more: "…, but declined to give a date"
_WITHHELD = (r"declined|refused|gave\s+no|offered\s+no|stopped\s+short"
             r"|(?:would|did)\s+not\s+(?:say|comment|elaborate|give|respond)")
# What a source demands or blames after saying: "… and called for an early election"
_DEMANDS = r"call(?:ed|s)\s+(?:for|on)|blam(?:ed|es)|accus(?:ed|es)|vow(?:ed|s)|demand(?:ed|s)"
# ", and warned that", " but acknowledged", " and also said": a second reporting verb
COORDINATED_CUE_RE = re.compile(
    rf"(?<=\s)(?:and|but)\s+(?:(?:{_ADVERBS})\s+)?"
    rf"(?:{trie_pattern(_FINITE_FORMS)}|{_WITHHELD}|{_DEMANDS})\b"
)
# "and"/"but" (and an adverb) right before a cue: the cue's subject is the sentence's
_AFTER_CONJUNCTION_RE = re.compile(rf"(?:^|[\s,])(?:and|but)\s+(?:(?:{_ADVERBS})\s+)?$")
_VERBISH = set(AUX_WORDS) | {"did", "does", "do"}
_IRREGULAR_PAST = set(vocab.read("irregular_past"))
_WORD_RE = re.compile(r"[\w’'.&()-]+")


# Verbs that quote a judgement ("called the situation “fragile”"), no cues of their own
_JUDGING_RE = re.compile(r"\b(?:called|described|dubbed|branded|labell?ed|hailed|praised|"
                         r"condemned|critici[sz]ed|dismissed|denounced|accused)\b")
_NEW_SUBJECT_RE = re.compile(r",\s+(?:while|whereas|but|although|though|and)\s+")


def after_conjunction(text: str, lo: int, cue_start: int) -> bool:
    """"… but signalled", "… and also warned": nothing but a conjunction before the cue."""
    return _AFTER_CONJUNCTION_RE.search(text, max(lo, cue_start - 30), cue_start) is not None


def lead_subject(text: str, body: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase that opens the sentence at ``body``, up to its first verb
    ("Zambia's main opposition party on Tuesday rejected …" → "Zambia's main opposition
    party"), after an opening adverbial ("In the interview, Morrow addressed …"); None
    when no verb-like word follows it before ``limit``."""
    if (opening := _OPENING_RE.match(text, body, limit)) is not None:
        body = opening.end()
    pos = body
    end = None
    for seen, m in enumerate(_WORD_RE.finditer(text, body, min(limit, body + 160))):
        word = m.group()
        lower = word.lower()
        if seen and word[0].islower() and (lower in _VERBISH or lower in FORM_TO_LEMMA
                                           or lower in _IRREGULAR_PAST
                                           or (lower.endswith("ed") and len(lower) > 4)):
            end = m.start()
            break
        if "," in text[pos:m.start()]:
            return _lead_with_aside(text, body, text.index(",", pos), limit) if seen else None
        pos = m.end()
    if end is None:
        return None
    return trim_phrase(text, body, end)


# ", speaking on condition of anonymity," / ", who asked not to be named,": an aside
_LEAD_ASIDE_RE = re.compile(r",\s+(?:who|which|[a-z]+ing)\b(?:[^,;:.!?“”\"\n]|(?<=\d)[,.](?=\d))"
                            r"{1,140}?,\s+(?=[a-z])")


# ", R-Ky.,", ", a nurse,", ", 34,": a noun apposition, which the source leaves out
_LEAD_APPOSITION_RE = re.compile(r",\s+(?:(?:a|an)\s[^,;:.!?“”\"\n]{1,60}?|[DRI]-[A-Z][A-Za-z.]*|"
                                 r"\d{1,3}),\s+(?=[a-z])")
# "In the interview, ", "On Tuesday, ": an adverbial before the subject
_OPENING_RE = re.compile(r"(?:In|On|At|During|After|Before|Earlier|Later|Last|Speaking)\s"
                         r"[^,;:.!?“”\"\n]{1,50}?,\s+(?=[A-Za-z])")


def _lead_with_aside(text: str, body: int, comma: int, limit: int) -> tuple[int, int] | None:
    """"A senior adviser, speaking on condition of anonymity, called …": the subject and
    its aside, when a verb follows the aside; "Jo Hale, R-Ky., opposed …": the subject
    without its apposition."""
    aside = _LEAD_ASIDE_RE.match(text, comma, limit)
    apposition = None if aside else _LEAD_APPOSITION_RE.match(text, comma, limit)
    if apposition is not None and verbless(text, comma + 1, apposition.end() - 1):
        aside = apposition
    head = None if aside is None else trim_phrase(text, body, comma)
    if aside is None or head is None:
        return None
    verb = _WORD_RE.match(text, aside.end(), limit)
    lower = verb.group() if verb else ""
    if not (lower in _VERBISH or lower in FORM_TO_LEMMA or lower in _IRREGULAR_PAST
            or (lower.endswith("ed") and len(lower) > 4)):
        return None
    return head if aside is apposition else (head[0], text.rindex(",", comma, aside.end()))


def coordinated_cut(text: str, start: int, end: int) -> int:
    """Where a second reporting verb of the same subject begins in ``start:end``
    ("the deal was historic but acknowledged that …"), or ``end``."""
    m = COORDINATED_CUE_RE.search(text, start, end)
    if m is None:
        return end
    cut = m.start()
    while cut > start and text[cut - 1] in " ,":
        cut -= 1
    return cut


def comma_cut(text: str, start: int, end: int) -> int:
    """Where a clause with its own source and cue begins after a comma in ``start:end``
    (", while Jones insisted …", "…, two diplomats said"), or ``end``."""
    for c in _NEW_SUBJECT_RE.finditer(text, start, end):
        hi = min(end, c.end() + 60)
        cue = CUE_RE.search(text, c.end(), hi)
        if cue is not None and (not cue.group("verb") or cue.group("verb").endswith("ing")):
            cue = None
        judging = _JUDGING_RE.search(text, c.end(), cue.start() if cue else hi)
        cue = judging or cue  # ", but Grossi called it …"
        if cue and cue.start() > c.end() and verbless(text, c.end(), cue.start()):
            return c.start()
    return outer_cue_cut(text, start, end)


def verb_like(word: str) -> bool:
    """A lowercase word that reads as a finite verb ("are", "grew", "rejected")."""
    return word[0].islower() and (word in _VERBISH or word in FORM_TO_LEMMA
                                  or word in _IRREGULAR_PAST
                                  or (word.endswith("ed") and len(word) > 4))


def verbless(text: str, start: int, end: int) -> bool:
    """No lowercase verb-like word in ``start:end`` (a source, not "said the results")."""
    for m in _WORD_RE.finditer(text, start, end):
        w = m.group()
        if w[0].islower() and (w in FORM_TO_LEMMA or w in _VERBISH
                               or (w.endswith("ed") and len(w) > 4)):
            return False
    return True


def outer_cue_cut(text: str, start: int, end: int) -> int:
    """Where ", two diplomats said" closes a content that holds another attribution's
    cue ("… after Moscow insisted that X, two diplomats said"), or ``end``."""
    comma = text.rfind(", ", start, end)
    if comma < 0 or end - comma > 80:
        return end
    for m in CUE_RE.finditer(text, comma, end):
        verb = m.group("verb")
        if verb is None or verb.endswith("ing") or m.start() == comma + 2:
            continue
        tail = ADVERBIAL_RUN_RE.match(text, m.end(), end).end()
        if text[tail:end].strip(" .") == "" and verbless(text, comma + 2, m.start()):
            return comma
    return end


_NAME_AFTER_RE = re.compile(
    r",\s*(?:[A-Z]\w*\.?\s+)?[A-ZÀ-Ý][\w’'-]+(?:\s+(?:[A-Z]\.\s+)?[A-ZÀ-Ý][\w’'-]+){1,2}"
    r"(?=\s*(?:[,.;:!?”\"]|$))"
)


def name_after(text: str, end: int, limit: int) -> int:
    """``end`` moved past a name in apposition to a role ("the governor, Jane Doe"), when
    the sentence ends or goes on with a comma after it."""
    if text[end:end + 1] != ",":
        return end
    m = _NAME_AFTER_RE.match(text, end, limit + 1 if limit < len(text) else limit)
    return m.end() if m else end


# ", an analyst at Meridian Capital." / ", the study's lead author.": a noun phrase in
# apposition after a source that follows its cue, up to the end of the sentence
_APPOSITION_AFTER_RE = re.compile(
    r",\s+(?:a|an|the|his|her|its|their|our|one\s+of|[A-Z][\w’'-]*(?:’s|'s)|[Hh]ead|[Cc]hief|"
    r"[Dd]irector|[Pp]rofessor|[Cc]hair|[Cc]hairman|[Cc]hairwoman|[Ll]eader|[Ff]ounder|"
    r"[Cc]o-founder|[Ee]ditor|[Ss]pokes(?:man|woman|person)|[Ss]ecretary|[Mm]inister|"
    r"[Pp]resident|[Dd]eputy|[Ss]enior|[Mm]anaging|[Gg]eneral|[Ee]xecutive|[Vv]ice)\s"
    r"(?:[^,;:.!?“”\"()\n]|\.(?=\w)|(?<=\b[A-Z])\.|(?<=\b(?:Dr|St|Mr|Ms|Co|Jr))\.){1,140}?"
    r"(?=\.(?:\s|$|[”\"])|$)"
)


def apposition_after(text: str, end: int, limit: int) -> int:
    """``end`` moved past a noun phrase in apposition to a source after its cue, when it
    closes the sentence ("…,” said Julia Brandt, an analyst at Meridian Capital.");
    unchanged for a clause ("…, who led the trial", "…, adding that …")."""
    if text[end:end + 1] != ",":
        return end
    m = _APPOSITION_AFTER_RE.match(text, end, limit)
    if m is None or len(words(text, m.start(), m.end())) > 20 or not verbless(
            text, m.start(), _relative_start(text, m.start(), m.end())):
        return end
    return m.end()


def _relative_start(text: str, start: int, end: int) -> int:
    """Where a relative clause inside the apposition begins ("… who led the work")."""
    m = _RELATIVE_RE.search(text, start, end)
    return end if m is None else m.start()


_RELATIVE_RE = re.compile(r"\s(?:who|which|that)\s")


def source_after(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """The source that follows its cue ("said [the governor, Jane Doe]", "said [Julia
    Brandt, an analyst at Meridian Capital].")."""
    source = phrase_after(text, start, limit)
    if source is None:
        return None
    end = name_after(text, source[1], limit)
    return source[0], apposition_after(text, end, limit)


def past_opening_quote(text: str, body: int, end: int) -> int:
    """Where the sentence's subject is looked for: past a quotation that opens it (“…,” he
    said, adding …: "he", not the quote's first word)."""
    if body < 0 or text[body:body + 1] not in ("“", '"'):
        return body
    close = text.find("”" if text[body] == "“" else '"', body + 1, end)
    if close < 0:
        return body
    close += 1
    while close < end and text[close] in " ,":
        close += 1
    return close
