"""Every rule the engine suggests by, declared once (see ``base.Rule``).

One module per family; ``REGISTRY`` maps each id to its rule, ``rule(id)`` looks one up,
and each rule is importable by name (``rules.CUE_THEN_CONTENT``). Adding a rule: declare
it with its examples in its family's module and list it in that module's ``RULES``.
"""

from __future__ import annotations

from deskapp.core.suggest.rules import (
    headline,
    indirect,
    learned,
    quotes,
    source_after,
    speakers,
    subjectless,
)
from deskapp.core.suggest.rules.base import Example, Rule, Suggests
from deskapp.core.suggest.rules.headline import HEADLINE_ON, HEADLINE_QUOTE
from deskapp.core.suggest.rules.indirect import (
    BELIEF_THEN_CONTENT,
    CONTENT_CUE_SOURCE,
    CONTENT_THEN_CUE,
    CUE_AFTER_CONJUNCTION,
    CUE_GAP_THAT,
    CUE_HEARER_CONTENT,
    CUE_INSIDE_CONTENT,
    CUE_THEN_CONTENT,
    DATA_SHOWS,
    DENIED_NOUN,
)
from deskapp.core.suggest.rules.learned import LEARNED_ATTRIBUTION, LEARNED_CUE
from deskapp.core.suggest.rules.quotes import (
    CUE_THEN_QUOTE,
    DIRECT_QUOTE,
    INSIDE_ATTRIBUTION,
    NESTED_QUOTE,
    NO_SPEAKER,
    PARTIAL_QUOTE,
    QUOTE_CUE_SPEAKER,
    QUOTE_SPEAKER_CUE,
    QUOTE_UNLISTED_VERB,
    WRITTEN_MESSAGE,
)
from deskapp.core.suggest.rules.source_after import ACCORDING_TO, CITING, QUOTED_AS_SAYING
from deskapp.core.suggest.rules.speakers import (
    AFTER_COLON,
    COLON_SUBJECT,
    CONTENT_INTO_QUOTE,
    CONTEXT_SPEAKER,
    CONTINUATION,
    NEXT_PARAGRAPH,
    PREVIOUS_PARAGRAPH,
    SENTENCE_SUBJECT,
)
from deskapp.core.suggest.rules.subjectless import (
    PARTICIPLE,
    PARTICIPLE_SUBJECT,
    PASSIVE,
    PASSIVE_AFTER_CONTENT,
    PASSIVE_BY,
    SAID_TO,
)

FAMILIES = (indirect, source_after, subjectless, quotes, speakers, headline, learned)


def _registry() -> dict[str, Rule]:
    found: dict[str, Rule] = {}
    for family in FAMILIES:
        for declared in family.RULES:
            if declared.id in found:
                raise ValueError(f"rule {declared.id!r} is declared twice")
            found[declared.id] = declared
    return found


REGISTRY: dict[str, Rule] = _registry()


def rule(rule_id: str) -> Rule:
    """The rule declared as ``rule_id`` (KeyError if there is none)."""
    return REGISTRY[rule_id]


__all__ = [
    "ACCORDING_TO",
    "AFTER_COLON",
    "BELIEF_THEN_CONTENT",
    "CITING",
    "COLON_SUBJECT",
    "CONTENT_CUE_SOURCE",
    "CONTENT_INTO_QUOTE",
    "CONTENT_THEN_CUE",
    "CONTEXT_SPEAKER",
    "CONTINUATION",
    "CUE_AFTER_CONJUNCTION",
    "CUE_GAP_THAT",
    "CUE_HEARER_CONTENT",
    "CUE_INSIDE_CONTENT",
    "CUE_THEN_CONTENT",
    "CUE_THEN_QUOTE",
    "DATA_SHOWS",
    "DENIED_NOUN",
    "DIRECT_QUOTE",
    "FAMILIES",
    "HEADLINE_ON",
    "HEADLINE_QUOTE",
    "INSIDE_ATTRIBUTION",
    "LEARNED_ATTRIBUTION",
    "LEARNED_CUE",
    "NESTED_QUOTE",
    "NEXT_PARAGRAPH",
    "NO_SPEAKER",
    "PARTIAL_QUOTE",
    "PARTICIPLE",
    "PARTICIPLE_SUBJECT",
    "PASSIVE",
    "PASSIVE_AFTER_CONTENT",
    "PASSIVE_BY",
    "PREVIOUS_PARAGRAPH",
    "QUOTED_AS_SAYING",
    "QUOTE_CUE_SPEAKER",
    "QUOTE_SPEAKER_CUE",
    "QUOTE_UNLISTED_VERB",
    "REGISTRY",
    "SAID_TO",
    "SENTENCE_SUBJECT",
    "WRITTEN_MESSAGE",
    "Example",
    "Rule",
    "Suggests",
    "rule",
]
