"""Sentences that tell an editor why a suggestion was made, one per rule."""

from __future__ import annotations

from functools import lru_cache

from deskapp.core.spans import Span

_QUOTE = {
    "quote-speaker-cue": "“{cue}” after the closing quotation mark names the speaker before it",
    "quote-cue-speaker": "“{cue}” after the closing quotation mark names the speaker after it",
    "cue-then-quote": "“{cue}” right before the opening quotation mark introduces the quote",
    "inside-attribution": "The quoted words sit inside what “{cue}” reports",
    "continuation": "Follows a quote by {speaker} in the same paragraph, with no new speaker",
    "next-paragraph": "Opens the paragraph after a quote by {speaker}, with no new speaker",
    "partial-quote": "“{cue}” before the quoted words names who used them",
    "context-speaker": "The paragraph's last attribution, by {speaker}, comes just before",
    "previous-paragraph": "Opens the paragraph after an attribution by {speaker}, with no cue",
    "no-speaker": "Words between quotation marks; no speaker found nearby",
    "learned-attribution": "The quoted words sit inside what “{cue}” reports, a cue learned "
                           "from annotated news",
    "after-colon": "Opens the paragraph after “{cue}” and a colon, so {speaker} speaks it",
    "colon-subject": "Opens the paragraph after a sentence by {speaker} that ends in a colon",
    "written-message": "“{cue}” a message that reads the quoted words names who wrote them",
    "headline-quote": "A quote in the headline; “{cue}” there names who said it",
    "headline-on": "A quote in the headline, followed by who it is from: “{speaker} on …”",
    "nested-quote": "Quoted inside a quote; “{cue}” before it names who said it",
}
_ATTRIBUTION = {
    "cue-then-content": "“{cue}” follows {source} and introduces what is reported",
    "content-then-cue": "“{cue}” after a comma closes the reported clause before it",
    "content-cue-source": "“{cue}” after the reported clause names {source} after it",
    "passive": "The passive “{cue}” reports a claim without saying who made it",
    "passive-by": "The passive “{cue}” names its source after “by”",
    "participle": "“{cue}” carries on the attribution made earlier in the sentence",
    "according-to": "“according to” names {source} as the source of the clause",
    "citing": "“citing” names {source} as where the claim comes from",
    "quoted-as-saying": "“{cue}” names {source} as the speaker",
    "direct-quote": "The direct quote is attributed by “{cue}” to {source}",
    "denied-noun": "“{cue}” after {source} says what is denied: the noun before them",
}


@lru_cache(maxsize=8192)
def _fill(template: str, cue_text: str, src: str | None) -> str:
    return template.format(cue=cue_text, source=src or "an unnamed source", speaker=src or "?")


def quote_reason(rule: str, cue: Span | None, speaker: str | None) -> str:
    return _fill(_QUOTE.get(rule, "Words between quotation marks"),
                 cue.piece_text if cue else "said", speaker)


def attribution_reason(rule: str, cue: Span | None, source: Span | None) -> str:
    return _fill(_ATTRIBUTION.get(rule, "A reporting cue links a source to content"),
                 cue.piece_text if cue else "said", source.text if source else None)
