"""What kind of claim an attribution reports: a statement, a thought or a document/data.

PolNeAR's conventions: **thoughts** and intentions ("believes", "wants", "plans", "is
known for", "fears that"); **documents and data** ("the survey showed", "polls show",
"figures released by …", "according to data from …": the source's head noun is a
document or data noun, or a data cue meets such a noun); **statements**: everything else
("said", "told", "according to" a person, a colon, direct quotes).

``claim_kind(cue, source)`` decides from the two texts alone, so a suggestion and the mark
made from it get the same kind, and marks need no stored field (``of_mark``). The
vocabularies are the data files beside this module (``words.py``).
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from deskapp.core.claim_kinds.words import has_phrase, noun_forms, vocabulary, words


class ClaimKind(StrEnum):
    STATEMENT = "statement"
    THOUGHT = "thought"
    DOCUMENT = "document"

    @property
    def label(self) -> str:
        """The word an editor reads: "Statement", "Thought", "Document/data"."""
        return LABELS[self]


LABELS = {ClaimKind.STATEMENT: "Statement", ClaimKind.THOUGHT: "Thought",
          ClaimKind.DOCUMENT: "Document/data"}
PLURALS = {ClaimKind.STATEMENT: "statements", ClaimKind.THOUGHT: "thoughts",
           ClaimKind.DOCUMENT: "documents/data"}
# words after which a source's head noun is over: "data from …", "a study published in …"
_HEAD_ENDS = frozenset({
    "of", "from", "by", "in", "on", "for", "with", "at", "to", "about", "that", "which",
    "who", "released", "published", "issued", "conducted", "commissioned", "compiled",
    "obtained", "carried", "prepared", "produced", "made", "seen", "reviewed", "cited",
})


@lru_cache(maxsize=16384)
def claim_kind(cue: str | None, source: str | None = None) -> ClaimKind:
    """The kind of the claim that ``cue`` (its text, pieces joined) attributes to
    ``source`` (its text; None or "" when unnamed)."""
    thought, data_cue, cue_document = _cue_facts(cue or "")
    head_document, any_document = _source_facts(source or "")
    if (head_document or (data_cue and any_document)
            or (cue_document and (data_cue or not source))):
        return ClaimKind.DOCUMENT
    return ClaimKind.THOUGHT if thought else ClaimKind.STATEMENT


@lru_cache(maxsize=4096)
def _cue_facts(cue: str) -> tuple[bool, bool, bool]:
    """A thought cue (and no word of saying), a data cue ("showed", "found"), a document
    noun in the cue ("polls show")."""
    tokens = words(cue)
    thought = has_phrase(tokens, "thought") and not has_phrase(tokens, "statement")
    return thought, has_phrase(tokens, "data_cues"), any(map(_is_document_noun, tokens))


@lru_cache(maxsize=16384)
def _source_facts(source: str) -> tuple[bool, bool]:
    """The source's head noun is a document/data noun; a document noun is anywhere in it
    ("results of a Gallup poll")."""
    tokens = words(source)
    return _is_document_noun(_head(tokens)), any(map(_is_document_noun, tokens))


def _head(source: list[str]) -> str:
    """The head noun of a source phrase: its last word before a preposition or relative."""
    head = ""
    for word in source:
        if word in _HEAD_ENDS:
            break
        head = word
    return head


def _is_document_noun(word: str) -> bool:
    return bool(word) and not vocabulary("document_nouns")[0].isdisjoint(noun_forms(word))


def of_mark(mark) -> ClaimKind:
    """The kind of a mark (or suggestion): a quote is a statement; an attribution's kind
    comes from its cue and source."""
    if getattr(mark, "kind", "") != "attribution":
        return ClaimKind.STATEMENT
    cue, source = mark.cue, mark.source
    return claim_kind(cue.piece_text if cue is not None else None,
                      source.text if source is not None else None)


def kinded_reason(kind: ClaimKind, reason: str) -> str:
    """``reason`` led by the kind ("Thought: …"); unchanged if it already is."""
    lead = f"{kind.label}: "
    return reason if reason.startswith(lead) else lead + reason


__all__ = ["LABELS", "PLURALS", "ClaimKind", "claim_kind", "kinded_reason", "of_mark"]
