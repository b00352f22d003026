"""A reviewed sample article for the export tests: a quote by “she” (Amanda Lapo), an
attribution in two pieces split by its cue, and a short name of a person named in full."""

from __future__ import annotations

from deskapp.core.annotations import SourceKind
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.marking import make_attribution, make_quote
from deskapp.core.registry import Entity, Registry
from deskapp.core.structure import detect_structure

SPLIT = ("“Our soldiers are leaving,” Marieke de Vries said, “because they are not paid.” "
         "De Vries added that more would follow.")


def at(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def reviewed(text: str) -> Document:
    """The sample text (with the split quote added) and its marks."""
    marker = "Venezuela’s military, which"
    text = text.replace(marker, SPLIT + "\n\n" + marker)
    doc = Document(Article(text, detect_structure(text)))
    q = at(text, "The defections don’t appear")[0]
    q_end = at(text, "undermine Maduro")[1]
    she = at(text, "she told")[0]
    doc = doc.add_mark(make_quote(doc, q, q_end, speaker="Lapo", speaker_span=(she, she + 3),
                                  cue=(she + 4, she + 8)))
    first, second = at(text, "Our soldiers are leaving"), at(text, "because they are not paid")
    doc = doc.add_mark(make_attribution(
        doc, [first, second], source=at(text, "Marieke de Vries"),
        cue=at(text, "said", first[1]), source_kind=SourceKind.PERSON,
        entity="Marieke de Vries"))
    added = at(text, "De Vries added")[0]
    doc = doc.add_mark(make_attribution(
        doc, at(text, "more would follow"), source=(added, added + 8),
        cue=(added + 9, added + 14), source_kind=SourceKind.PERSON, entity="de Vries"))
    iiss = at(text, "the International Institute for Strategic Studies (IISS)")
    return doc.add_mark(make_attribution(
        doc, at(text, "They also work with faulty equipment"), source=iiss,
        cue=at(text, "reported", iiss[1]), source_kind=SourceKind.ORGANISATION))


REGISTRY = Registry.of([Entity("Amanda Lapo", aliases=("Lapo",), role="analyst, IISS")])
