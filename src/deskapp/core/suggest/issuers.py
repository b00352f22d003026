"""Who issued "the statement": the speaker of a quote its text is credited to.

News names the issuer once ("The foreign ministry said in a statement that …", "In a
statement released on Monday, Forsyth said …", "Hamilton police said in a statement.") and
then quotes the document ("“…,” the statement said."). The quote's speaker is the issuer:
the subject of the verb of saying whose "in a statement" is the last one before the mention.
"""

from __future__ import annotations

import re

from deskapp.core.suggest import vocab
from deskapp.core.suggest.anaphora import sentence_starts
from deskapp.core.suggest.clauses import lead_subject
from deskapp.core.suggest.subjects import subject_before

ISSUED_HEADS = frozenset(vocab.read("issued_heads"))
LOOK_BACK = 1500  # characters: the statement was named in the last few paragraphs
# "said in a statement", "said in a written statement carried by …"
_SAID_IN_RE = re.compile(r"\b(?:said|says|added|announced|wrote)\s+in\s+(?:a|an|its|his|her|"
                         r"their)\s+(?:[\w-]+\s+){0,2}$")
# "In a statement released shortly after 7pm, Forsyth said …" (the opening clause)
_IN_A_RE = re.compile(r"In\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,2}")
_ISSUED_RE = re.compile(r"\b(?:issued|released|put\s+out|published)\s+(?:a|an)\s+"
                        r"(?:[\w-]+\s+){0,2}$")


def issuer_of(text: str, start: int, head: str) -> tuple[int, int] | None:
    """The span of whoever issued the "the ``head``" at ``start`` ("the statement"),
    named as the subject of the sentence that introduced it; None if not found."""
    lo = max(0, start - LOOK_BACK)
    at = text.rfind(head, lo, start)
    while at > lo:
        if text[at - 4:at].lower() != "the ":  # "the statement" is another mention
            found = _issuer_at(text, lo, at)
            if found is not None:
                return found
        at = text.rfind(head, lo, at)
    return None


def _issuer_at(text: str, lo: int, at: int) -> tuple[int, int] | None:
    starts = sentence_starts(text, max(lo, at - 400), at, 1)
    if not starts:
        return None
    sentence = starts[0]
    said = _SAID_IN_RE.search(text, max(sentence, at - 60), at)
    if said is not None:
        return subject_before(text, sentence, said.start())
    issued = _ISSUED_RE.search(text, max(sentence, at - 60), at)
    if issued is not None:
        return subject_before(text, sentence, issued.start())
    if _IN_A_RE.fullmatch(text, sentence, at):
        comma = text.find(", ", at, at + 120)
        if comma >= 0 and not any(c in text[at:comma] for c in ".;:“”\"\n"):
            return lead_subject(text, comma + 2, comma + 160)
    return None
