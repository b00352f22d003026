"""The edges of a content of indirect speech: words between a cue and its "that" ("said in
her ruling that …"), a short phrase after a post-posed cue that is no content ("…,
researchers reported in The Lancet."), and the reporter's remark that closes a content
("…, a figure that could not be verified"). Each function reads a bounded window.
"""

from __future__ import annotations

import re

from deskapp.core.suggest import vocab

_WORD_RE = re.compile(r"[\w’'.&()-]+")
# Between a cue and "that": a place, a time, a hearer ("in her ruling", "outside court",
# "this programme last week") — no punctuation, no quote, no verb.
_GAP_RE = re.compile(r"[^,;:.!?“”\"()\n]{1,60}?\s(?=that\s)")
_PREPOSITIONS = set(vocab.read("content_edges_prepositions"))
# "said in a statement carried by the state news agency that …": how the statement came out
_CARRIED_BY_RE = re.compile(r"\s*(?:carried|published|released|issued|posted|broadcast|aired|"
                            r"shared|sent|read\s+out)\s+(?:by|on|in)\s")
_FINITE_IN_GAP_RE = re.compile(
    r"\b(?:is|are|was|were|will|would|could|can|has|have|had|did|does|should|may|might|must)\b"
)
# The reporter's word on a content: "…, a figure that could not be independently verified",
# "…, a claim Kyiv denies", "…, though that could not be confirmed"
_REMARK_RE = re.compile(
    r",[”\"]?\s+(?:(?:a|an)\s+(?:figure|claim|number|toll|assertion|account|estimate|allegation|"
    r"charge|version|accusation|statement|phrase|remark|comment|word|term|move|step)\s+"
    r"(?:that|which|the\s|[A-Z])|(?:though|although|but)"
    r"\s+(?:that|this|it|the\s+\w+)\s+could\s+not\s+be\s+(?:independently\s+)?"
    r"(?:confirmed|verified))")


def remark_cut(text: str, start: int, end: int) -> int:
    """Where the reporter's remark on a content begins in ``start:end``, or ``end``."""
    remark = _REMARK_RE.search(text, start, end)
    if remark is None:
        return end
    at = remark.start()
    return at + 2 if text[at + 1] in "”\"" else at  # "“when it is ready,” a phrase that …"


def gap_before_that(text: str, after: int, end: int, hearer: bool) -> int:
    """``after`` moved past "in her ruling", "outside the court", "this programme last
    week" to the "that" that opens the content (unchanged when there is none)."""
    if text.find(" that ", after, min(end, after + 70)) < 0:
        return after
    m = _GAP_RE.match(text, after, min(end, after + 70))
    if m is None:
        return after
    gap = m.group()
    first = gap.split(None, 1)[0].lower() if gap.strip() else ""
    if not (hearer or first in _PREPOSITIONS or _CARRIED_BY_RE.match(gap)) \
            or _FINITE_IN_GAP_RE.search(gap):
        return after
    return m.end()


def trailing_phrase(text: str, after: int, end: int) -> bool:
    """A few words after a cue that are no content: "in The Lancet", "state television
    ERT", "to the BBC on Sunday" (no verb, no "that", at most six words)."""
    if end - after > 80:
        return False
    rest = text[after:end]
    ws = _WORD_RE.findall(rest)
    if not ws or len(ws) > 6 or ws[0].lower() == "that" or _FINITE_IN_GAP_RE.search(rest):
        return False
    return not any(w[0].islower() and w.endswith("ed") and len(w) > 4 for w in ws)
