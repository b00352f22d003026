"""What "the agency", "the company", "the officer" and "it" stand for.

``org_antecedent``: the organisation that "the agency", "the ministry", "the company"
stands for. ``introduced``: the unnamed source "the officer" stands for ("A senior
military officer"). ``sentence_starts``: where the last sentences open ("It said" looks
there for the organisation it stands for).

News names an organisation once ("the International Atomic Energy Agency", "Ukraine's
energy ministry", "Nordvik Motors") and then refers to it by its kind alone ("the agency
said"). The antecedent is the last organisation named before the mention whose name holds
the same head word ("Agency"); for a company word ("the company", "the carmaker") with no
such name, the last name that ends like a company's ("… Motors", "… Group", "… Inc").
"""

from __future__ import annotations

import re

from deskapp.core.suggest import vocab

ANAPHOR_RE = re.compile(r"[Tt]he\s+(?P<head>[a-z]+)")  # fullmatch: "the agency", nothing more
LOOK_BACK = 3000  # characters; within the resolver's REACH_BACK

# Words for a company, each of which may stand for any company named before.
COMPANY_HEADS = set(vocab.read("company_heads"))
# The last word of a company's name ("Nordvik Motors", "Halvorsen Energy", "Acme Corp.").
_COMPANY_SUFFIX = (
    r"(?:Motors|Group|Inc|Corp|Corporation|Ltd|Limited|plc|PLC|AG|SA|SE|NV|GmbH|LLC|Holdings|"
    r"Airlines|Airways|Bank|Energy|Technologies|Pharmaceuticals|Industries|Systems|Partners|"
    r"Capital|Foods|Brands|Telecom|Mining|Petroleum|Oil|Steel|Chemicals|Logistics|Airlines|"
    r"Insurance|Entertainment|Media|Electronics|Automotive|Software|Labs|Therapeutics)"
)
_SUFFIX_RE = re.compile(rf"[ \t]{_COMPANY_SUFFIX}\b")
_NAME_BEFORE_RE = re.compile(r"\b[A-Z][\w&’'-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&’'-]*){0,3}$")
_CAP_WORD_RE = re.compile(r"[A-ZÀ-Ý][\w’'-]*")
_POSSESSIVE_RE = re.compile(r"[A-ZÀ-Ý][\w-]*[’']s")
_WORD_BEFORE_RE = re.compile(r"([\w’'-]+)[ \t]+$")
_OF_NAME_RE = re.compile(
    r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-ZÀ-Ý][\w’'-]*(?:[ \t]+[A-ZÀ-Ý][\w’'-]*){0,3}")
_STOP_CAPS = set(vocab.read("stop_caps"))


def org_antecedent(text: str, start: int, head: str) -> str | None:
    """The name of the organisation that "the ``head``" at ``start`` refers to, if any."""
    lo = max(0, start - LOOK_BACK)
    capital = head[0].upper() + head[1:]
    end = start
    while (at := max(text.rfind(head, lo, end), text.rfind(capital, lo, end))) >= 0:
        stop = at + len(head)
        if (at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")) or \
                (stop < len(text) and (text[stop].isalnum() or text[stop] == "_")):
            end = at
            continue  # inside a word
        name = _named_around(text, lo, at, stop)
        if name is not None:
            return name
        end = at
    if head in COMPANY_HEADS:
        for m in reversed(list(_SUFFIX_RE.finditer(text, lo, start))):
            name = _NAME_BEFORE_RE.search(text, max(lo, m.start() - 80), m.start())
            if name is not None:
                first, _, rest = f"{name.group()}{m.group()}".partition(" ")
                return rest if first in _STOP_CAPS else f"{first} {rest}"
    return None


def _named_around(text: str, lo: int, at: int, end: int) -> str | None:
    """The organisation's name whose head word is ``text[at:end]``: "Ukraine's energy
    ministry", "the defence ministry", "The International Atomic Energy Agency", "the
    Ministry of Health"; None for a bare "the agency" or "a government agency"."""
    of = _OF_NAME_RE.match(text, end) if text[at].isupper() else None
    if of is None and text[at - 4:at] in ("the ", "The "):
        return None  # "the agency" itself (the loop below, made short)
    end = of.end() if of else end
    begin = at
    lowercase = 0
    capitalised = text[at].isupper()
    while True:
        m = _WORD_BEFORE_RE.search(text, max(lo, begin - 40), begin)
        if m is None:
            break
        word = m.group(1)
        if word in ("the", "The"):
            if begin == at and of is None:
                return None  # "the agency" itself: another mention of something named before
            begin = m.start(1)
            break
        if _POSSESSIVE_RE.fullmatch(word) or (_CAP_WORD_RE.fullmatch(word)
                                               and word not in _STOP_CAPS):
            capitalised = True
            begin = m.start(1)
            if word.endswith(("’s", "'s")):
                break
            continue
        if word.islower() and word.replace("-", "").isalpha() and lowercase < 2 \
                and not capitalised:
            lowercase += 1
            begin = m.start(1)
            continue
        break
    # lowercase words count only after "the" or a capitalised word ("the defence
    # ministry", "Ukraine's energy ministry"), never alone ("a government agency")
    if not capitalised and not text.startswith(("the ", "The "), begin):
        return None
    if begin == at and of is None:
        return None  # "Agency officials": a capitalised word alone
    return text[begin:end]


# "a senior official", "One Conservative MP", "two sources": a first description, up to
# the head word that follows it
_INTRODUCTION_RE = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal)"
                              r"\s+(?:[\w’'-]+\s+){0,4}$")
# what describes the source between its head word and the verb of saying: "A woman who was
# waiting for a taxi said", "A government official involved in the talks told"
_POSTMODIFIER_RE = re.compile(r"(\s+(?:who|in|at|from|with|close to|involved in|familiar with)"
                              r"\s[^.,;:!?“”\"\n]{1,80}?)\s+(?:said|says|told|tells|added)\b")
# whom an unnamed source speaks for, before any verb: "for the commission", "for the
# agriculture department", "for Thames Valley Police"
_FOR_BODY_RE = re.compile(
    r"(\s+for\s+(?:the\s+(?!(?:said|says|told|would|will|did|has|had|was|is)\b)[a-z]+"
    r"(?:\s+(?!(?:said|says|told|would|will|did|has|had|was|is)\b)[a-z]+(?=\s+[a-z]+ed\b))?"
    r"|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}))(?=[\s,.])")
_SENTENCE_ENDS = (". ", "? ", "! ", ".” ", '." ', "\n")


def introduced(text: str, pos: int, head: str, window: int) -> str | None:
    """The unnamed source "the ``head``" at ``pos`` stands for, as first described in the
    last ``window`` characters: "A senior Ukrainian military officer", "two sources"."""
    lo = max(0, pos - window)
    at = text.rfind(head, lo, pos)
    while at > lo:
        after = text[at + len(head):at + len(head) + 2]  # "official", "officials"
        plural = after[:1] == "s"
        if text[at - 1] == " " and not after[int(plural):int(plural) + 1].isalnum():
            intro = _INTRODUCTION_RE.search(text, max(lo, at - 60), at)
            if intro is not None and text[intro.start() - 2:intro.start()] != ", ":
                end = at + len(head) + plural
                post = _POSTMODIFIER_RE.match(text, end)  # "… who was waiting nearby said"
                if post is None:  # "A spokesperson for the commission declined …"
                    post = _FOR_BODY_RE.match(text, end)
                return text[intro.start():post.end(1) if post else end]
        at = text.rfind(head, lo, at)
    return None


def sentence_starts(text: str, lo: int, pos: int, count: int) -> list[int]:
    """The starts of the last ``count`` sentences that open (with a capital) in
    ``[lo, pos)``, the latest first (str.rfind, in C)."""
    out: list[int] = []
    hi = pos
    while len(out) < count and hi > lo:
        at, sep = max((text.rfind(e, lo, hi), e) for e in _SENTENCE_ENDS)
        start = at + len(sep) if at >= 0 else lo
        while start < pos and text[start] in " \t":  # an indented paragraph
            start += 1
        if start < pos and text[start:start + 1].isupper() and (at >= 0 or lo == 0):
            out.append(start)
        if at < 0:
            break
        hi = at
    return out


def proper(name: str | None) -> str | None:
    """``name`` if it holds a proper name ("Oxfam", "The World Food Programme"), not only
    a description ("A government agency")."""
    if name is None:
        return None
    words = name.split()
    if any(w[:1].isupper() for w in words[1:]) or words[0].lower() not in _DESCRIPTION_OPENERS:
        return name
    return None


_DESCRIPTION_OPENERS = set(vocab.read("description_openers"))
