"""The reporting lexicon: verbs and phrases that attribute a statement, in every tense.

Everything here is data plus regexes compiled once at import time. ``CUE_RE`` finds a
cue anywhere in a text; the group ``verb`` is the reporting verb itself and ``aux`` the
auxiliaries before it ("has claimed", "was quoted as saying", "will say").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from deskapp.core.suggest import vocab

# lemma: (3rd person, past, past participle, gerund). Regular verbs are derived.
_IRREGULAR = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "tweet": ("tweets", "tweeted", "tweeted", "tweeting"),
    "post": ("posts", "posted", "posted", "posting"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "forecast": ("forecasts", "forecast", "forecast", "forecasting"),
    "predict": ("predicts", "predicted", "predicted", "predicting"),
    "reply": ("replies", "replied", "replied", "replying"),
    "hit": ("hits", "hit", "hit", "hitting"),
    "snap": ("snaps", "snapped", "snapped", "snapping"),
    "sob": ("sobs", "sobbed", "sobbed", "sobbing"),
    "cry": ("cries", "cried", "cried", "crying"),
    "plead": ("pleads", "pleaded", "pleaded", "pleading"),
    "testify": ("testifies", "testified", "testified", "testifying"),
    "deny": ("denies", "denied", "denied", "denying"),
    "signal": ("signals", "signalled", "signalled", "signalling"),
    "find": ("finds", "found", "found", "finding"),
    "show": ("shows", "showed", "shown", "showing"),
    "beg": ("begs", "begged", "begged", "begging"),
    "quip": ("quips", "quipped", "quipped", "quipping"),
    "agree": ("agrees", "agreed", "agreed", "agreeing"),
}
# Verbs that attribute on their own ("X said", "…, X warned.").
STRONG_VERBS = list(vocab.read("strong_verbs"))
# Verbs that introduce a direct quote only ("“…,” Pardew raged."), never indirect speech.
QUOTE_ONLY_VERBS = list(vocab.read("quote_only_verbs"))
# Verbs that attribute only with a "that" clause ("a study found that …").
WEAK_VERBS = list(vocab.read("weak_verbs"))
# Verbs whose object is the hearer, skipped before the content ("told reporters that …").
HEARER_VERBS = set(vocab.read("hearer_verbs"))
# Not cues here: "backed", "supported", "saw", "showed" (without "that") …


def _forms(lemma: str) -> tuple[str, str, str, str]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "s", lemma + "d", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies", lemma[:-1] + "ied", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x")):
        return lemma + "es", lemma + "ed", lemma + "ed", lemma + "ing"
    return lemma + "s", lemma + "ed", lemma + "ed", lemma + "ing"


def _form_table(lemmas: list[str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma in lemmas:
        table[lemma] = lemma
        for form in _forms(lemma):
            table[form] = lemma
    return table


_ALL_LEMMAS = sorted(set(STRONG_VERBS) | set(WEAK_VERBS) | HEARER_VERBS | set(QUOTE_ONLY_VERBS))
FORM_TO_LEMMA: dict[str, str] = _form_table(_ALL_LEMMAS)
WEAK_LEMMAS = set(WEAK_VERBS) - set(STRONG_VERBS)
QUOTE_ONLY_LEMMAS = set(QUOTE_ONLY_VERBS) - set(STRONG_VERBS)
GERUNDS = {f for f, lemma in FORM_TO_LEMMA.items() if f.endswith("ing")}

AUX_WORDS = list(vocab.read("aux_words"))
BE_WORDS = set(vocab.read("be_words"))
INNER_ADVERBS = list(vocab.read("inner_adverbs"))


def trie_pattern(words: Iterable[str], *, any_case: bool = False) -> str:
    """A regex alternation of ``words`` factored by prefix (much faster than a flat one:
    at a word start the regex engine tries a dozen first letters, not every word).
    ``any_case``: each letter matches in either case ([aA]); for lowercase words."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def letter(ch: str) -> str:
        return f"[{ch}{ch.upper()}]" if any_case and ch.isalpha() else re.escape(ch)

    def build(node: dict) -> str:
        branches = [letter(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_verbs = trie_pattern(list(FORM_TO_LEMMA))
_aux = "|".join(re.escape(a) for a in AUX_WORDS)
_adv = "|".join(INNER_ADVERBS)
# A cue: a reporting verb form, "quoted as saying", "according to", "citing" (never the
# first half of a compound: "state-run").
CUE_RE = re.compile(
    rf"(?<![\w’'-])(?:(?P<quoted>quoted\s+as\s+saying)|(?P<quoted_x>quoted)"
    rf"|(?P<according>[Aa]ccording\s+to)|(?P<citing>[Cc]iting|[Qq]uoting)|(?P<verb>{_verbs}))\b(?!-)"
)
# Auxiliaries right before a verb ("has", "was quoted", "would also").
AUX_BEFORE_RE = re.compile(rf"(?:\b(?:{_aux})\s+(?:(?:{_adv})\s+)*)+$")
_AUX_TAILS = tuple(AUX_WORDS + INNER_ADVERBS)


def aux_before(text: str, lo: int, pos: int) -> re.Match | None:
    """``AUX_BEFORE_RE.search(text, lo, pos)``, skipped when no auxiliary or adverb ends
    right before ``pos`` (the common case: the search would try every offset and fail)."""
    end = pos
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end == pos or not text.endswith(_AUX_TAILS, lo, end):
        return None
    return AUX_BEFORE_RE.search(text, lo, pos)

# Words before an "-s"/"-ed" form that make it a noun or adjective ("the reports", "an
# estimated 300"), not a verb.
NOT_VERB_BEFORE = set(vocab.read("not_verb_before"))
# Of those, the nouns and adverbs before which a past form is still a verb ("police said",
# "the ministry earlier reported"), though an "-s" form is a noun ("police reports").
NOUN_BEFORE_VERB = set(vocab.read("noun_before_verb"))
# Past forms that are never adjectives: a verb after anything but a determiner ("Some said").
NEVER_ADJECTIVE = set(vocab.read("never_adjective"))
NOUNISH_FORMS = set(vocab.read("nounish_forms"))

# Adverbials that may sit between a cue and its content or close a post-posed cue.
ADVERBIAL = (
    r"(?:on|last|this|late|early|earlier)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|week|month|year|night|morning|evening|afternoon)(?:\s+(?:night|morning|"
    r"evening|afternoon))?"
    r"|yesterday|today|tonight|earlier|later|recently|previously|again|also|too|separately"
    r"|on\s+(?:Twitter|X|Facebook|Instagram|Telegram|Truth Social|television|TV|radio|"
    r"state\s+(?:TV|television|media)|social\s+media|the\s+phone|condition\s+of\s+anonymity)"
    r"|in\s+(?:a|an|the|his|her|their|its)\s+(?:\w+\s+){0,3}?(?:statement|interview|post|"
    r"tweet|speech|letter|report|briefing|video|message|email|e-mail|note|address|"
    r"conference|call|broadcast|remarks|op-ed|column|blog|filing|release|appearance)"
    r"(?:\s+(?:with|to|on|from)\s+(?:[A-Z][\w’'.&-]*\s*){1,4})?"
    r"|at\s+(?:a|an|the)\s+(?:\w+\s+){0,3}?(?:conference|briefing|rally|meeting|summit|"
    r"event|hearing|session|ceremony|forum)"
    r"|(?:to|with)\s+(?:reporters|journalists|the\s+press|lawmakers|supporters|the\s+BBC|"
    r"CNN|Reuters|AFP|AP|the\s+Associated\s+Press|[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,3})"
    r"|by\s+phone|by\s+telephone|via\s+\w+|publicly|privately|bluntly|flatly|repeatedly"
    r"|however|though|nonetheless|nevertheless|meanwhile|instead"
)
ADVERBIAL_RUN_RE = re.compile(rf"(?:\s*,?\s*(?:{ADVERBIAL})\b)*")

PAST_PARTICIPLES = {f for f, lemma in FORM_TO_LEMMA.items()
                    if f == _forms(lemma)[2] and f != lemma}

_HEARER_GROUPS = (
    r"reporters|journalists|lawmakers|supporters|followers|analysts|investors|MPs|senators|"
    r"delegates|shareholders|employees|staff|workers|voters|residents|students|listeners|"
    r"viewers|readers|colleagues|officials|diplomats|judges|jurors|mourners|crowds?|police|"
    r"investigators|detectives|officers|prosecutors|doctors|nurses|friends|relatives|family|"
    r"families|neighbou?rs|parents|fans|troops|soldiers|members|customers|clients|guests|"
    r"visitors|attendees|participants|councillors|ministers|leaders|lawyers|"
    r"(?:local|state|public|foreign|national)\s+(?:media|radio|television|TV|reporters|newspapers?)"
)
_HEARER_EVENTS = (
    r"(?:news|press)\s+conference|briefing|rally|hearing|meeting|crowd|court|jury|tribunal|"
    r"committee|panel|gathering|summit|forum|audience|inquiry|podcast|conference|"
    r"radio\s+station|(?:local\s+)?newspaper|television\s+station|TV\s+station"
)
# The hearer of "told"/"warned": reporters, police, a news conference, a named outlet ("BBC
# Radio Humber", "the Committee for Education", never ending in "the"), a pronoun …
HEARER_RE = re.compile(
    rf"\s+(?:(?:his|her|their|our|its|my)\s+(?:{_HEARER_GROUPS})|{_HEARER_GROUPS}|parliament|"
    rf"congress|an?\s+(?:{_HEARER_EVENTS})"
    r"|(?:the\s+)?(?:[A-Z][\w’'-]*\s+|(?:state|public|local|private)\s+)?(?:broadcaster|"
    r"newspaper|daily|channel|news\s+agency|radio|television|outlet|website|magazine|"
    r"network)\s+[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3}"
    r"|the\s+[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3}|the\s+\w+|him|her|them|us|me"
    r"|[A-Z][\w’'&.-]*(?:(?:\s+(?:of|for|the))?\s+[A-Z][\w’'&.-]*){0,4})\b"
)
