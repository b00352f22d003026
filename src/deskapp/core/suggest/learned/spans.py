"""Where a learned cue's words, source and content lie in its sentence (word indexes).

The cue is a run of words the cue model scores high; the source the nearest run the source
model marks before it (else the rules' subject, or a source the sentence already has); the
content the run the content model marks on the side of the cue it favours. The rules' own
reading of their verbs stands ("said nothing", "had written a letter", "should announce").
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from deskapp.core.suggest import vocab
from deskapp.core.suggest.clauses import lead_subject, verb_like, verbless
from deskapp.core.suggest.cue_shapes import PREPOSITION_RE, no_clause_object
from deskapp.core.suggest.learned.features import NONE, SOURCE, Token, quoted_flags
from deskapp.core.suggest.learned.vocabulary import words
from deskapp.core.suggest.lexicon import (
    AUX_WORDS,
    BE_WORDS,
    FORM_TO_LEMMA,
    HEARER_VERBS,
    INNER_ADVERBS,
)
from deskapp.core.suggest.subjects import subject_before

# Words the hand-written rules read: where they made no attribution, they decided so
# ("said nothing", "the reported case", "Syrian state TV"); the model does not overrule them.
RULE_WORDS = frozenset(FORM_TO_LEMMA) | {"according", "citing", "quoting", "quoted"}
RULE_WORD_MARGIN = 4.0  # chosen on the tuning fold (0: +0.3 recall, -0.6 precision)
_INFINITIVE_RE = re.compile(r"to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|"
                            r"these|those|him|them|us|me)\b)[a-z]+\b")  # "is expected to rise"
_INDEFINITE_RE = re.compile(r"an?\s")
_MAX_SOURCE_GAP = 12  # words between a source and its cue
_SENTENCE_END = frozenset(".!?")
_NEGATED = vocab.read("negated")
# words that make no cue on their own ("publicly", "has", "not", "won’t")
CUE_MODIFIERS = (frozenset(AUX_WORDS) | frozenset(INNER_ADVERBS) | {"n’t", "n't"}
                 | {n + mark for n in _NEGATED for mark in ("’t", "'t")})
_EMPTY_CONTENT = words("empty_content")
_SUBORDINATORS = words("subordinators")
_TIME_WORDS = words("time_words")
_FUNCTION_WORDS = words("function_words")
_DUTY = words("duty")
DETERMINERS = words("determiners")
_ORDINALS = words("ordinals")
SOURCE_LEADERS = words("source_leaders")
_PRONOUN_SOURCES = words("pronoun_sources")
_RELATIVES = frozenset(("who", "which"))
# words after which a cue is a noun ("a decision on …", "after talks with …")
NOUN_MARKERS = DETERMINERS | {"after", "before", "amid", "despite", "during", "following"}
_POSSESSIVES = ("'s", "’s")
_OPENING_MARKS = frozenset(("“", "‘", '"'))
_JOINERS = frozenset(("and", "but", ","))  # before a second cue: "…, and called for …"
_CLAUSE_OPENERS = frozenset(("that", "to", "who", "which", "because", "after", "when", "as"))
_NAME_JOINERS = frozenset(("’s", "'s", "-", "."))
_LEADING_FUNCTION_WORDS = _FUNCTION_WORDS - {",", "who", "which"}  # "The" of "The FA"


def cue_runs(scores: dict[int, float], threshold: float,
             lower: list[str]) -> list[tuple[int, int]]:
    """Runs of words that score above ``threshold`` for one of them (a word of a rule
    needs ``RULE_WORD_MARGIN`` more), grown over neighbours scoring above zero ("publicly
    backed"), never over or from a determiner ("had written | a letter"); never a
    participle used as an adjective ("the first reported case")."""
    runs: list[tuple[int, int]] = []
    for i in sorted(scores):
        needed = threshold + (RULE_WORD_MARGIN if lower[i] in RULE_WORDS else 0)
        if scores[i] <= needed or lower[i] in DETERMINERS \
                or (runs and runs[-1][0] <= i < runs[-1][1]):
            continue
        a, b = i, i + 1
        while scores.get(a - 1, -1.0) > 0 and lower[a - 1] not in DETERMINERS:
            a -= 1
        while scores.get(b, -1.0) > 0 and lower[b] not in DETERMINERS:
            b += 1
        if _adjectival(lower, a, b) or (a and lower[a - 1] in _DUTY) or all(
                w in CUE_MODIFIERS or w.endswith("ly") for w in lower[a:b]):
            continue
        if runs and runs[-1][1] >= a:
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
    return runs


def _adjectival(lower: list[str], a: int, b: int) -> bool:
    """A participle between a determiner (and perhaps an ordinal) and its noun, or after
    its noun and before the verb ("All times stated are UK")."""
    head = lower[b - 1]
    if head.endswith("ed") and a > 0 and lower[a - 1].isalpha() \
            and lower[a - 1] not in _FUNCTION_WORDS and b < len(lower) and lower[b] in BE_WORDS:
        return True
    before = lower[a - 1] if a else ""
    if before in _ORDINALS and a > 1:
        before = lower[a - 2]
    return head.endswith("ed") and before in DETERMINERS and b < len(lower) \
        and lower[b].isalpha() and lower[b] not in _FUNCTION_WORDS


def subject(text: str, start: int, toks: list[Token], a: int,
            tags: list[str]) -> tuple[int, int] | None:
    """The rules' reading of the noun phrase that ends right before the cue ("Israel
    refuses"), as word indexes, where the source model marked none (never for a passive
    cue: "The FA is expected to …" names what is expected, not who expects it)."""
    return _words_of(subject_before(text, start, toks[a][1]), toks, a, tags)


def sentence_subject(text: str, start: int, toks: list[Token], a: int,
                     tags: list[str]) -> tuple[int, int] | None:
    """For a participle, the subject that opens its sentence ("In responding, the campaign
    took the step of criticizing …"), as word indexes."""
    if not lower_ing(toks[a][0]):
        return None
    return _words_of(lead_subject(text, start, toks[a][1]), toks, a, tags)


def _words_of(found: tuple[int, int] | None, toks: list[Token], a: int,
              tags: list[str]) -> tuple[int, int] | None:
    """The words before word ``a`` that the character range ``found`` covers, none of
    them given a role by the rules."""
    if found is None:
        return None
    first = next((i for i in range(a) if toks[i][2] > found[0]), None)
    last = next((i for i in range(a - 1, -1, -1) if toks[i][1] < found[1]), None)
    if first is None or last is None or first > last \
            or any(tag != NONE for tag in tags[first:last + 1]):
        return None
    return first, last


def lower_ing(word: str) -> bool:
    return word.islower() and word.endswith("ing")


def carried_source(tags: list[str], lower: list[str], a: int) -> tuple[int, int] | None:
    """The source a participle after a comma carries on ("Guaidó has claimed …, implying
    that …"): the last source the rules found before it in the sentence, else the few
    words before the comma that open the sentence ("The ministry, citing …, cancelled")."""
    if a < 2 or lower[a - 1] != "," or not lower[a].endswith("ing"):
        return None
    end = next((i for i in range(a - 2, -1, -1) if tags[i] == SOURCE), None)
    if end is None:
        opening = lower[:a - 1]
        if len(opening) <= 6 and "," not in opening and not any(map(verb_like, opening)):
            return 0, a - 2
        return None
    start = end
    while start > 0 and tags[start - 1] == SOURCE:
        start -= 1
    return start, end


def passive_agent(text: str, start: int, toks: list[Token], lower: list[str], tags: list[str],
                  a: int, b: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A participle cue with its agent after "by" ("The move was criticized by economists",
    "Kasich, endorsed in New Hampshire by both papers"): the agent is the source, the
    subject before the cue what is reported; as word indexes (source, content), or None."""
    if not lower[b - 1].endswith("ed"):
        return None
    n = len(lower)
    k = b
    while k < min(b + 7, n) and lower[k] != "by":
        if not lower[k][0].isalnum() or lower[k] in _CLAUSE_OPENERS:
            return None
        k += 1
    if k >= min(b + 7, n):
        return None
    first = last = k + 1
    while last < min(k + 9, n) and (lower[last][0].isalnum() or lower[last] in _NAME_JOINERS) \
            and lower[last] not in _CLAUSE_OPENERS and tags[last] == NONE:
        last += 1
    last -= 1
    while last >= first and (lower[last] in _FUNCTION_WORDS or not lower[last][0].isalnum()):
        last -= 1
    if last < first or lower[first] in _PRONOUN_SOURCES - DETERMINERS:
        return None
    content = subject(text, start, toks, a, tags)
    if content is None:
        return None
    return (first, last), content


def relative_source(lower: list[str], a: int,
                    src: tuple[int, int] | None) -> tuple[int, int] | None:
    """For a cue after a relative pronoun ("senators who wanted …", "Fox News, which
    reported …": the source expert annotators mark is the pronoun), the pronoun with the
    words it stands for: ``src`` carried on to it where ``src`` ends a few words before,
    else the words right before it that are no function words; ``src`` as it is where the
    cue follows no relative pronoun."""
    r = a - 1
    while r >= 0 and r > a - 4 and (lower[r] in CUE_MODIFIERS or lower[r].endswith("ly")):
        r -= 1  # "who also said", "which has long argued"
    if r <= 0 or lower[r] not in _RELATIVES:
        return src
    if src is not None and r - 4 <= src[1] < r:
        return src[0], r
    j = r - 1
    if lower[j] == ",":
        j -= 1
    first = j + 1
    while j >= 0 and j > r - 5 and lower[j].isalnum() and lower[j] not in _FUNCTION_WORDS:
        first = j
        j -= 1
    return first, r


def coordinated(lower: list[str], a: int, last: tuple[int, int] | None
                ) -> tuple[int, int] | None:
    """The source of the cue before, for a cue joined to it by "and" or "but" ("She has
    proposed …, and called for …")."""
    return last if last is not None and a and lower[a - 1] in ("and", "but") else None


def naming(src: tuple[int, int] | None, toks: list[Token], lower: list[str],
           classes: Mapping[str, str]) -> tuple[int, int] | None:
    """``src`` unless it names nobody: no word but verbs ("In responding Friday, …"),
    punctuation, or words inside a quotation ("“Forward thinking …”")."""
    if src is None:
        return None
    if any(quoted_flags(lower)[src[0]:src[1] + 1]):
        return None
    for i in range(src[0], src[1] + 1):
        word = toks[i][0]
        if word[0].isalpha() and lower[i] not in _FUNCTION_WORDS and (
                word[0].isupper() or not _verb_only(lower[i], classes)):
            return src
    return None


def _verb_only(word: str, classes: Mapping[str, str]) -> bool:
    found = classes.get(word, "")
    if found:
        return "VERB" in found and "NOUN" not in found and "PRON" not in found
    return word.endswith("ing")


def source_words(marked: Sequence[bool], lower: list[str], a: int,
                 b: int) -> tuple[int, int] | None:
    """The nearest run of source words before the cue, else one right after it (only the
    words that may hold it are read: ``marked`` may work each out when read)."""
    j = a - 1
    nearest = max(a - _MAX_SOURCE_GAP, 0)
    while j >= nearest and not marked[j]:
        j -= 1
    if j >= nearest:
        end = j
        while j > 0 and (marked[j - 1] or lower[j - 1].endswith(_POSSESSIVES)):
            j -= 1  # "Clinton's campaign"
        while end + 1 < a and lower[end] in _LEADING_FUNCTION_WORDS:
            end += 1  # "The" → "The FA"
        while end > j and (lower[end] in _FUNCTION_WORDS or lower[end] in CUE_MODIFIERS):
            end -= 1  # "suit," → "suit", "men who later" → "men"
        if lower[end] in _FUNCTION_WORDS and lower[end] not in _PRONOUN_SOURCES:
            return None
        if j > 0 and lower[j - 1] == "," and lower[end + 1] == ",":
            return None  # "Police, firefighters, said": an apposition to nothing named
        return j, end
    j = b
    n = len(lower)
    last = min(b + 4, n - 1)
    while j <= last and not marked[j]:
        j += 1
    if j <= last:
        start = j
        while j + 1 < n and marked[j + 1]:
            j += 1
        return start, j
    return None


def content_words(score: Sequence[float], lower: list[str], a: int, b: int,
                  src: tuple[int, int] | None,
                  cues: Sequence[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """The content's first and last word: on the side of the cue the content model favours,
    from the word next to the cue to the last word it marks (an aside after a comma ends at
    its closing comma), never past "and", "but" or a comma before another of the sentence's
    ``cues`` ("She has proposed …, and called for …", "… criticizing X, accusing Y …"). It
    may reach another learned cue otherwise: on expert-annotated news, stopping there lost
    more contents than it saved (tuning fold: content F1 .688 → .683)."""
    n = len(lower)
    for c, _ in cues:
        if c > b + 1 and lower[c - 1] in _JOINERS:
            n = c - 1
            break
    right = [i for i in range(b, n) if lower[i] not in _SENTENCE_END]
    left = [i for i in range(a) if not (src and src[0] <= i <= src[1])]
    mean_right = sum(score[i] for i in right[:8]) / len(right[:8]) if right else -math.inf
    mean_left = sum(score[i] for i in left[-8:]) / len(left[-8:]) if left else -math.inf
    side = right if mean_right >= mean_left else left[::-1]
    # ", citing security concerns, cancelled …": an aside ends at its closing comma, and so
    # does an opening clause ("When Trump attacked a judge, Hispanic voters were outraged")
    aside = side is right and ((a > 0 and lower[a - 1] == ",") or (
        lower[0] in _SUBORDINATORS and "," not in lower[:a]))
    kept: list[int] = []
    for i in side:
        if (aside and lower[i] == ",") or score[i] == -math.inf:
            break
        kept.append(i)
    cut = side is right and (n < len(lower) or kept[-1:] == right[-1:])  # to a clause end
    while kept and ((score[kept[-1]] <= 0 and not cut) or lower[kept[-1]] in _OPENING_MARKS
                    or (side is right and lower[kept[-1]] in _FUNCTION_WORDS)):
        kept.pop()  # nor ends on "the", "to" or the opening mark of a rule's quote
    if not kept or (side is right and lower[kept[0]] == ","):
        return None  # ", adding nothing more": a clause of the source's own, no content
    return (kept[0], kept[-1]) if side is right else (kept[-1], kept[0])


def no_content_after(text: str, start: int, end: int, cue: str, noun: bool) -> bool:
    """What the rules read as no content after their verbs: an object that reports nothing
    ("said nothing", "is recalling 1.2 million power banks"), a hearer or a circumstance
    ("claimed to a tribunal", "were told to leave"), a thing made rather than a claim ("had
    written a letter of apology", "recommended a pay rise"): an indefinite object, no clause;
    and after a ``noun`` (a cue after a determiner), a prepositional phrase."""
    lemma = FORM_TO_LEMMA.get(cue, "")
    if not lemma:  # a noun's modifier: "a decision on the runway", "a letter of apology"
        return noun and bool(PREPOSITION_RE.match(text, start) or text.startswith("of ", start))
    if PREPOSITION_RE.match(text, start):
        return lemma in HEARER_VERBS or not _INFINITIVE_RE.match(text, start)
    if _INDEFINITE_RE.match(text, start) and verbless(text, start, end):
        return True  # "had written a letter of apology": a thing made, not a claim
    return no_clause_object(text, start, end, lemma)


def reports_nothing(words: list[str]) -> bool:
    """Nothing reported: "said nothing", "backed him last month", "spoke on Monday"."""
    if words[0] in _EMPTY_CONTENT:
        return True
    return all(w in _FUNCTION_WORDS or w in _TIME_WORDS or not w.isalnum() for w in words)
