"""Automatic suggestions: quotes, speakers, attributions (source – cue – content), flags.

``suggest(article)`` is the entry point; ``ReviewQueue`` walks its result one item at a
time for the review mode. Pure Python rules, no network, nothing downloaded.
"""

from deskapp.core.suggest.engine import suggest
from deskapp.core.suggest.model import (
    AttributionSuggestion,
    Flag,
    QuoteSuggestion,
    Suggestion,
    Suggestions,
)
from deskapp.core.suggest.queue import Decision, ReviewQueue

__all__ = [
    "AttributionSuggestion",
    "Decision",
    "Flag",
    "QuoteSuggestion",
    "ReviewQueue",
    "Suggestion",
    "Suggestions",
    "suggest",
]
