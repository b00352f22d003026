"""Quotes in a headline: "'He just kept saying sorry': shop owner describes robbery",
"Pardew says penalty call 'a joke'".

The rules read no headline (it is no sentence of the story), so its quotes are found here.
A headline quote is proposed only with a speaker: the subject of a verb of saying after
"<quote>:" or before the quote. Headlines name people by role or surname ("shop owner",
"Pardew"); the story below names them in full ("Owner Ramesh Patel", "Alan Pardew"), so
the speaker is looked for forward, in the first ``LOOK_AHEAD`` characters after the headline.
"""

from __future__ import annotations

import re

from deskapp.core.article import Article, PartKind
from deskapp.core.spans import Span
from deskapp.core.suggest import rules
from deskapp.core.suggest.kinds import looks_like_person
from deskapp.core.suggest.mentions import PERSON_RE
from deskapp.core.suggest.names import PERSON_TITLES, ROLE_NOUNS
from deskapp.core.suggest.reasons import quote_reason
from deskapp.core.suggest.subjects import subject_before

LOOK_AHEAD = 3000
_QUOTE_RE = re.compile(
    r"“(?P<curly>[^“”\n]{2,200})”|\"(?P<straight>[^\"\n]{2,200})\"|"
    r"[‘'](?<![\w’'][‘'])(?=\w)(?P<single>(?:[^‘’'\n]|(?<=\w)['’](?=\w)){2,200}?)"
    r"(?<=[\w.,!?])[’'](?!\w)")
# "'…': Nadia Karimi on her debut novel": the interview headline names its speaker
_ON_RE = re.compile(r"(?P<who>[A-ZÀ-Ý][\w’'-]+(?:[ \t][A-ZÀ-Ý][\w’'-]+){1,3})[ \t]+on[ \t]+\S")
_AFTER_COLON_RE = re.compile(r"[\s.,!?]*:\s*")
# Headline verbs of saying (present tense mostly: "shop owner describes", "Pardew says")
_CUE_RE = re.compile(
    r"\b(?:say|says|said|tell|tells|told|describe|describes|described|recall|recalls|"
    r"reveal|reveals|revealed|admit|admits|admitted|warn|warns|warned|insist|insists|"
    r"claim|claims|claimed|vow|vows|vowed|urge|urges|urged|slam|slams|slammed|blast|blasts|"
    r"call|calls|called|deny|denies|denied|recount|recounts|speak|speaks|spoke)\b")


def headline_quotes(article: Article) -> list[tuple]:
    """Quote tuples (as the engine builds them) for the quotes of the headline."""
    text = article.text
    out: list[tuple] = []
    for part in article.parts:
        if part.kind != PartKind.HEADLINE:
            continue
        lo, hi = part.span.start, part.span.end
        for m in _QUOTE_RE.finditer(text, lo, hi):
            group = next(g for g in ("curly", "straight", "single") if m.group(g) is not None)
            found = _speaker(text, lo, hi, m)
            if found is None:
                continue
            who, cue = found
            speaker = _named_below(text, hi, text[who[0]:who[1]])
            cue_span = Span.of(text, *cue) if cue else None
            rule = rules.HEADLINE_QUOTE if cue else rules.HEADLINE_ON
            out.append((Span.of(text, *m.span(group)), speaker, Span.of(text, *who), cue_span,
                        rule, quote_reason(rule, cue_span, speaker), rule.conf()))
    return out


def _speaker(text: str, lo: int, hi: int,
             quote: re.Match) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """The subject of a verb of saying after "<quote>:" or before the quote, with it; or
    the person an interview is with ("<quote>: Nadia Karimi on her novel"), without one."""
    colon = _AFTER_COLON_RE.match(text, quote.end(), hi)
    if colon is not None:
        cue = _CUE_RE.search(text, colon.end(), hi)
        if cue is not None:
            who = _short_subject(text, colon.end(), cue.start())
            if who is not None:
                return who, cue.span()
        on = _ON_RE.match(text, colon.end(), hi)  # "'…': Nadia Karimi on her debut novel"
        if on is not None and _story_calls_by_surname(text, hi, on.group("who")):
            return on.span("who"), None
        return None
    last = None
    for cue in _CUE_RE.finditer(text, lo, quote.start()):
        last = cue
    if last is None:
        return None
    who = subject_before(text, lo, last.start()) or _short_subject(text, lo, last.start())
    return None if who is None else (who, last.span())


def _story_calls_by_surname(text: str, start: int, name: str) -> bool:
    """The story below names ``name`` in full, then by surname alone ("Karimi says"), as
    news does a person (not "Green Belt")."""
    if not looks_like_person(name):
        return False
    body = text[start:start + LOOK_AHEAD]
    surname = name.rsplit(None, 1)[-1]
    alone = len(re.findall(rf"\b{re.escape(surname)}\b", body))
    return 0 < body.count(name) < alone


def _short_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """All the words from ``start`` to the verb, if they are a short noun phrase
    ("shop owner", "Furious Pardew"): headlines drop the article."""
    words = text[start:end].split()
    if not 1 <= len(words) <= 4 or any(not w.replace("-", "").replace("’", "")
                                       .replace("'", "").isalpha() for w in words):
        return None
    while text[end - 1] == " ":
        end -= 1
    return start, end


def _named_below(text: str, start: int, phrase: str) -> str:
    """The full name the story gives the headline's "shop owner" or "Pardew"."""
    words = phrase.split()
    hi = min(len(text), start + LOOK_AHEAD)
    role = words[-1].lower()
    if role in ROLE_NOUNS:
        for occ in re.finditer(rf"\b{re.escape(role)}\b", text[start:hi], re.IGNORECASE):
            at = start + occ.end()
            name = PERSON_RE.match(text, at + 1) if text[at:at + 1] == " " else None
            if name is not None:
                return _without_title(name.group("name"))
        return phrase
    surname = words[-1]
    if surname[:1].isupper() and surname.isalpha():
        for name in PERSON_RE.finditer(text, start, hi):
            full = name.group("name")
            if full.split()[-1] == surname and " " in full:
                return _without_title(full)
    return phrase


def _without_title(name: str) -> str:
    first, _, rest = name.partition(" ")
    return rest if first.lower().rstrip(".") in PERSON_TITLES and " " in rest else name
