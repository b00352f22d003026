"""Sentences that tell an editor why a suggestion was made: each rule's declared reason
(``rules/``) with its cue and source or speaker filled in."""

from __future__ import annotations

from functools import lru_cache

from deskapp.core.spans import Span
from deskapp.core.suggest.rules import REGISTRY
from deskapp.core.suggest.rules.base import Rule

_QUOTE = {r: r.reason for r in REGISTRY.values() if r.suggests == "quote"}
# the learned layer writes its own reasons, with the corpus evidence for the cue
_ATTRIBUTION = {r: r.reason for r in REGISTRY.values()
                if r.suggests == "attribution" and "{evidence}" not in r.reason}


@lru_cache(maxsize=8192)
def _fill(template: str, cue_text: str, src: str | None) -> str:
    return template.format(cue=cue_text, source=src or "an unnamed source", speaker=src or "?")


def quote_reason(rule: Rule, cue: Span | None, speaker: str | None) -> str:
    return _fill(_QUOTE.get(rule, "Words between quotation marks"),
                 cue.piece_text if cue else "said", speaker)


def attribution_reason(rule: Rule, cue: Span | None, source: Span | None) -> str:
    return _fill(_ATTRIBUTION.get(rule, "A reporting cue links a source to content"),
                 cue.piece_text if cue else "said", source.text if source else None)
