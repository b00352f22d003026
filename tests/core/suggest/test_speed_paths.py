"""The engine's fast paths give what the plain ones give (speed work must not change output)."""

import gc
import re

from deskapp.core.annotations import SourceKind
from deskapp.core.article import Article
from deskapp.core.spans import Span
from deskapp.core.suggest import AttributionSuggestion, QuoteSuggestion, suggest
from deskapp.core.suggest.model import assign_ids, new_attribution, new_quote, new_span
from deskapp.core.suggest.phrases import has_words, previous_word, words

TEXT = ("“We will not leave,” Amanda Lapo, a defense analyst at the IISS, said on Monday.\n"
        "The ministry said that 40 ships were waiting, according to Reuters and the BBC.\n")


def test_slot_filled_suggestions_equal_constructed_ones():
    span, cue = Span(0, 4, "“We "), Span(10, 14, "said")
    assert new_span(0, 4, "“We ", ()) == span
    made = new_quote(span, "Amanda Lapo", None, cue, "cue-then-quote", "why", 0.9, "-")
    assert made == QuoteSuggestion(span, "Amanda Lapo", None, cue, "cue-then-quote", "why",
                                   0.9, "-")
    made = new_attribution(span, None, cue, SourceKind.UNKNOWN, None, "passive", "why", 0.5, "x")
    assert made == AttributionSuggestion(span, None, cue, SourceKind.UNKNOWN, None, "passive",
                                         "why", 0.5, "x")


def test_ids_are_those_assign_ids_gives():
    found = suggest(Article(TEXT), reuse=False)
    assert found.quotes and len(found.attributions) >= 3
    plain_quotes = [QuoteSuggestion(q.span, q.speaker, q.speaker_span, q.cue, q.rule, q.reason,
                                    q.confidence, "-") for q in found.quotes]
    plain_attrs = [AttributionSuggestion(a.content, a.source, a.cue, a.source_kind, a.entity,
                                         a.rule, a.reason, a.confidence, "-")
                   for a in found.attributions]
    quotes, attrs = assign_ids(plain_quotes, plain_attrs)
    assert [q.id for q in quotes] == [q.id for q in found.quotes]
    assert [a.id for a in attrs] == [a.id for a in found.attributions]


def test_the_cycle_collector_is_left_as_it_was():
    assert gc.isenabled()
    suggest(Article(TEXT), reuse=False)
    assert gc.isenabled()
    gc.disable()
    try:
        suggest(Article(TEXT), reuse=False)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_word_helpers_match_their_plain_definitions():
    samples = ["", "  ", "Mr. O’Neil-Smith, 42, said", "— -’ ", "a b", "it’s 9 a.m. (local)"]
    for text in samples:
        for lo in range(len(text) + 1):
            for pos in range(lo, len(text) + 1):
                for n in range(5):
                    assert has_words(text, lo, pos, n) == (len(words(text, lo, pos)) >= n)
                plain = re.search(r"([\w’'-]+)\W*$", text[lo:pos])
                assert previous_word(text, lo, pos) == (plain.group(1) if plain else None)
