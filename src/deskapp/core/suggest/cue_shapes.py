"""The three places a finite cue's content can take: after the cue ("X said that …",
``pre_posed``), before it ("…, X said.", ``post_posed``) and before it with the source
after the cue ("…, said X.", ``inverted``).
"""

from __future__ import annotations

import re

from deskapp.core.suggest import rules, vocab
from deskapp.core.suggest.clauses import (
    after_conjunction,
    comma_cut,
    coordinated_cut,
    lead_subject,
    source_after,
    verb_like,
    verbless,
)
from deskapp.core.suggest.content_edges import gap_before_that, remark_cut
from deskapp.core.suggest.lexicon import HEARER_VERBS, WEAK_LEMMAS
from deskapp.core.suggest.model import RawAttribution
from deskapp.core.suggest.phrases import has_words
from deskapp.core.suggest.subjects import subject_before

_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|will|would|could|can|has|have|had|did|does|do|should|may|might|"
    r"must|shall|[a-z]+ed|[a-z]+n't|"
    # irregular past tenses ("the subsidies came too late")
    r"came|went|got|made|took|gave|kept|held|left|lost|won|fell|rose|began|ran|saw|found|"
    r"thought|knew|grew|broke|chose|spoke|felt|meant|became|sold|paid|led|struck|stood|"
    r"brought|bought|sought|fought|caught|built|sent|spent|met|hit|cut|put|set|shut)\b|"
    r"\bto\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|these|those)\b)[a-z]+"
)
_PRONOUN_CLAUSE_RE = re.compile(r"(?:he|she|it|they|we|I|you)\s+[a-z]")  # "admitted she makes"
# A participle after a comma is the source's ("…, adding that", "…, citing"), unless it tells
# what the reported event did ("a bomb hit a school, injuring seven people").
_CUT_RE = re.compile(
    r",\s+(?:according\s+to|citing|(?!(?:killing|injuring|wounding|leaving|forcing|causing|"
    r"cutting|destroying|damaging|displacing|sending|bringing|raising|pushing|taking|"
    r"triggering|sparking|prompting|giving(?!\s+(?:no|few|any|further|more|details)\b))\b)"
    r"[a-z]{3,}ing\b(?<!including)(?<!during))")
_WITHOUT_RE = re.compile(r", without [a-z]+ing\b")  # ", without giving details"
_ASIDE_START_RE = re.compile(
    r"(?:[a-z]+ing|according\s+to|without|after|before|as|when|while|because|since|despite|"
    r"amid|although|though|until|ahead\s+of)\b")  # "…, X said, after talks broke down"
# A content does not open with a bare preposition ("will report within a month").
# "said about 6,000 people …", "said over half": an approximate number, no preposition
PREPOSITION_RE = re.compile(
    r"(?:in|on|at|within|by|for|to|from|after|before|during|until|with|without|into|"
    r"(?:over|about|under)(?!\s+(?:[$£€]?\d|(?:one|two|three|four|five|six|seven|eight|nine|"
    r"ten|half|a\s+(?:dozen|hundred|thousand|million|third|quarter|fifth))\b)))\s")
_JOINT_RE = re.compile(r"(?s:.*)(?:,\s+(?:and|but)|;)\s+")
_BE_FIRST_RE = re.compile(r"(?:is|are|was|were|has|have|had)\s")
_TO_VERB_RE = re.compile(r"to\s+(?:have|be|represent|speak|know|own|control|hold)\b")
BELIEF = set(vocab.read("belief"))
# "declared Tembo the winner", "declared the vote void": a verbless content that is a claim
_DECLARED_RE = re.compile(r"\b(?:winner|victor|elected|valid|invalid|void|null|illegal|unlawful|"
                          r"illegitimate|unconstitutional|fraudulent)\b")
# "estimated the damage at 400 million euros": a figure put on something
_AT_FIGURE_RE = re.compile(r"\sat\s+(?:about\s+|around\s+|least\s+|more\s+than\s+|up\s+to\s+)?"
                           r"[$£€]?\d")
# "…, a charge the Kremlin denies": the noun before the source is what is denied
DENIED_NOUN_RE = re.compile(
    r"(?:(?<=, )|(?<=^))(?P<np>(?:(?:a|an|the|these|those|such)\s+(?:[a-z-]+\s+)?)?"
    r"(?:charges?|claims?|accusations?|allegations?|assertions?|suggestions?|reports?|account|"
    r"version|characteri[sz]ations?))\s+(?:that\s+|which\s+)?"
    r"(?P<source>(?:[A-Z]|the\s|he\s|she\s|they\s|it\s)[^,;:.!?“”\"\n]{0,60}?)\s+$",
    re.MULTILINE)
_TO_WHAT = set(vocab.read("to_what"))  # "respond to X" names no content


def same_sentence(found: list[RawAttribution], body: int) -> list[RawAttribution]:
    """The last attributions found, of those among them that start in this sentence."""
    return [a for a in found[-3:] if a.content[0][0] >= body]


def pre_posed(text: str, cue_start: int, cue_end: int, after: int, body: int, end: int,
              lemma: str, found: list[RawAttribution] | tuple = (), hearer: bool = False
              ) -> RawAttribution | None:
    """"X said that …": the content after the cue (``found``: the attributions so far, for
    the subject of a cue after a conjunction; ``hearer``: ``after`` is past a hearer, "told
    reporters that")."""
    while after < end and text[after] in " :,":
        after += 1
    gap = False  # words between the cue and "that"
    if not text.startswith("that ", after):  # "said in her ruling that …"
        moved = gap_before_that(text, after, end, lemma in HEARER_VERBS)
        gap, after = moved != after, moved
    has_that = text.startswith("that ", after)
    evidence = False  # data that show a clause
    if lemma in WEAK_LEMMAS and not has_that:
        if not _evidence_shows(text, body, cue_start, lemma, after, end):
            return None
        evidence = True
    if lemma in _TO_WHAT and text.startswith(("to ", "on "), after):
        return None  # "did not respond to a request for comment"
    if not has_that and PREPOSITION_RE.match(text, after) and not (
            lemma == "claim" and _TO_VERB_RE.match(text, after)):  # "claimed to have taken"
        return None
    if not has_that and _BE_FIRST_RE.match(text, after):
        return None  # "All times stated are UK": the cue is a participle after a noun
    if text[after:after + 1] in "“\"" and _quote_runs_to(text, after, end):
        return None
    if not has_that and no_clause_object(text, after, end, lemma):
        return None
    c_end = _participle_cut(text, after, end)
    c_end = remark_cut(text, after, c_end)  # "…, a figure that could not be verified"
    if (without := text.find(", without ", after, c_end)) >= 0 and _WITHOUT_RE.match(text, without):
        c_end = without
    if text.find(" and ", after, c_end) >= 0 or text.find(" but ", after, c_end) >= 0:
        c_end = coordinated_cut(text, after, c_end)  # "… and warned that"
    if text.find(", ", after, c_end) >= 0:
        c_end = comma_cut(text, after, c_end)  # ", while Jones said", ", two diplomats said"
    if not has_words(text, after, c_end, 1 if lemma == "deny" else 2) or (
            not has_that and lemma not in {"say", "tell", "tweet", "deny"}
            and not _FINITE_RE.search(text, after, min(c_end, after + 90))
            and not _PRONOUN_CLAUSE_RE.match(text, after, c_end)
            and not (lemma == "declare" and _DECLARED_RE.search(text, after, c_end))
            and not (lemma == "estimate" and _AT_FIGURE_RE.search(text, after, c_end))):
        return None
    # the subject last: every test above is about the content alone
    source = subject_before(text, body, cue_start)
    conjunction = source is None and after_conjunction(text, body, cue_start)
    if conjunction:  # "… but warned that"
        earlier = same_sentence(found, body)
        previous = earlier[-1].source if earlier else None
        source = previous or lead_subject(text, body, cue_start)
    if source is None:
        return None
    # the named case it is, each a rule of its own (``rules/indirect.py``)
    rule = (rules.BELIEF_THEN_CONTENT if lemma in BELIEF else
            rules.CUE_AFTER_CONJUNCTION if conjunction else
            rules.DATA_SHOWS if evidence else
            rules.CUE_HEARER_CONTENT if hearer else
            rules.CUE_GAP_THAT if gap and has_that else rules.CUE_THEN_CONTENT)
    conf = rule.conf(verb=lemma, bonus="that" if has_that else None)
    return RawAttribution(((after, c_end),), source, ((cue_start, cue_end),), rule, conf, lemma)


# Figures that show something: "Data from the Commerce Department showed spending fell"
_EVIDENCE_RE = re.compile(r"\b(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ss]urvey|[Pp]oll|[Rr]ecords|"
                          r"[Nn]umbers)\b")


def _evidence_shows(text: str, body: int, cue_start: int, lemma: str, after: int,
                    end: int) -> bool:
    """"Figures showed prices rose 2%": data that show a finite clause, without "that"."""
    if lemma != "show" or not _FINITE_RE.search(text, after, min(end, after + 60)):
        return False
    source = subject_before(text, body, cue_start)
    return source is not None and _EVIDENCE_RE.search(text, *source) is not None


# "said nothing as he was led away", "added about six miles to journeys", "is recalling 1.2
# million power banks": an object, not a clause (unless a verb follows: "said nothing had
# changed", "added two men had been arrested")
_NOTHING_RE = re.compile(r"(?:nothing|little|very\s+little)\b")
_AMOUNT_RE = re.compile(r"(?:(?:about|around|roughly|nearly|almost|some|another|an\s+extra|"
                        r"a\s+further|up\s+to|more\s+than|over)\s+)?(?:[$£€]?\d|(?:one|two|three|"
                        r"four|five|six|seven|eight|nine|ten|a\s+(?:third|quarter|half))\b)")
_WORD_RE = re.compile(r"[\w’'-]+")


def no_clause_object(text: str, after: int, end: int, lemma: str) -> bool:
    """Whether what follows a cue at ``after`` is an object that reports nothing."""
    ws = _WORD_RE.findall(text, after, min(end, after + 50))
    if _NOTHING_RE.match(text, after):  # "nothing had changed", "nothing more could be done"
        return not any(verb_like(w) for w in ws[1:2 if ws[1:2] not in (["more"], ["else"]) else 3])
    if lemma not in {"add", "recall"} or not _AMOUNT_RE.match(text, after):
        return False
    return not any(verb_like(w) for w in ws[1:7])


def _participle_cut(text: str, after: int, end: int) -> int:
    """Where ", adding that …" or ", citing …" ends a content; not at an item of a list
    ("accounting for age, education, smoking and heart disease")."""
    for cut in _CUT_RE.finditer(text, after, end):
        comma = text.rfind(",", after, cut.start())
        if comma < 0 or has_words(text, comma + 1, cut.start(), 4) \
                or not verbless(text, comma + 1, cut.start()):
            return cut.start()
    return end


def _quote_runs_to(text: str, open_at: int, end: int) -> bool:
    close = max(text.rfind("”", open_at, end + 1), text.rfind('"', open_at + 1, end + 1))
    return close >= end - 2


def denied_noun(text: str, cue_start: int, cue_end: int, body: int) -> RawAttribution | None:
    """"…, a charge the Kremlin denies.": the source before the cue, the noun before it."""
    m = DENIED_NOUN_RE.search(text, max(body, cue_start - 120), cue_start)
    if m is None:
        return None
    return RawAttribution((m.span("np"),), m.span("source"), ((cue_start, cue_end),),
                          rules.DENIED_NOUN, rules.DENIED_NOUN.conf(), "deny")


def post_posed(text: str, cue_start: int, cue_end: int, after: int, body: int, end: int,
               lemma: str) -> RawAttribution | None:
    """"…, X said.": the content before the source."""
    source = subject_before(text, body, cue_start)
    if source is None or source[0] <= body:
        return None
    c_end = source[0]
    while c_end > body and text[c_end - 1] in " ":
        c_end -= 1
    if c_end <= body or text[c_end - 1] != ",":
        return None
    c_end -= 1
    if text[c_end - 1] in "”\"":
        return None  # a direct quote: the quote rules own it
    pieces = [(body, c_end)]
    rest_start = after
    while rest_start < end and text[rest_start] in " ,":
        rest_start += 1
    if rest_start < end and not _ASIDE_START_RE.match(text, rest_start):  # ", citing X"
        pieces.append((rest_start, end))
    # "Her mother, she says, was her first reader": a cue set inside its content
    inside = len(pieces) == 2 and text[rest_start].islower() and has_words(text, rest_start, end, 2)
    if inside and (joint := _JOINT_RE.search(text, body, c_end)) is not None:
        pieces[0] = (joint.end(), c_end)  # "She is 63, and her knees, she says, are …"
    if not has_words(text, body, c_end, 1 if inside else 3):
        return None
    rule = rules.CUE_INSIDE_CONTENT if inside else rules.CONTENT_THEN_CUE
    conf = rule.conf("belief" if lemma in BELIEF else None, verb=lemma)
    return RawAttribution(tuple(pieces), source, ((cue_start, cue_end),), rule, conf, lemma)


def inverted(text: str, cue_start: int, cue_end: int, body: int, end: int,
             lemma: str) -> RawAttribution | None:
    """"…, said John Smith, a spokesman for the ministry." """
    source = source_after(text, cue_end, end)  # "…, the governor, Jane Doe"
    if source is None:
        return None
    tail = text[source[1]:end].strip()
    if tail and not tail.startswith(","):
        return None
    c_end = text.rfind(",", body, cue_start)
    if c_end <= body or not has_words(text, body, c_end, 3) or text[c_end - 1] in "”\"":
        return None
    return RawAttribution(((body, c_end),), source, ((cue_start, cue_end),),
                          rules.CONTENT_CUE_SOURCE, rules.CONTENT_CUE_SOURCE.conf(verb=lemma),
                          lemma)
