"""Words of a sentence and the features the learned models read for each of them.

Training (``scripts/train_learned_model.py``) and the engine use these same functions, so
what a weight means cannot drift between the two.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

Token = tuple[str, int, int]  # the word as written, start, end

_TOKEN_RE = re.compile(r"\w+(?:[’']\w+)*|[^\w\s]")
QUOTE_MARKS = frozenset('“”"')
_SUFFIXES = ("ing", "ed", "es", "s", "e")
_NO_CLASSES: Mapping[str, str] = {}
# engine tags: part of a rule's cue, source, content, or nothing the rules found
CUE, SOURCE, CONTENT, NONE = "C", "S", "T", "O"


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The words and punctuation marks of ``text[start:end]``, with offsets in ``text``."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end)]


def stem(word: str) -> str:
    """A crude stem shared by a verb's forms ("decried", "decries" → "decri")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def shape(word: str) -> str:
    first = word[0]
    if first.isupper():
        return "X"
    if first.isdigit():
        return "d"
    return "x" if first.isalpha() else word


def quoted_flags(words: Sequence[str]) -> list[bool]:
    """Whether each word lies between quotation marks (straight marks toggle)."""
    inside = False
    out = []
    for w in words:
        if w == "“":
            inside = True
        elif w == "”":
            inside = False
        elif w == '"':
            inside = not inside
        out.append(inside)
    return out


def word_features(word: str) -> list[str]:
    """What the cue model reads of a word alone, wherever it stands (the engine adds up
    their weights once per word: ``LearnedModel.word_score``)."""
    return ["w=" + word, "s3=" + word[-3:], "s2=" + word[-2:], "st=" + stem(word)]


def cue_features(toks: Sequence[Token], lower: Sequence[str], quoted: Sequence[bool],
                 tags: Sequence[str], i: int, line_start: bool,
                 classes: Mapping[str, str] = _NO_CLASSES, in_hull: bool = False) -> list[str]:
    """What the cue model reads of word ``i`` besides ``word_features``: its neighbours,
    quotation marks near it, whether the rules already made it or its neighbours part of an
    attribution (``tags``) or it lies between the words of one (``in_hull``: "…,” Law said,
    *noting* that donors feel “…”)."""
    n = len(lower)
    w0 = lower[i]
    p1 = lower[i - 1] if i > 0 else "<s>"
    p2 = lower[i - 2] if i > 1 else "<s>"
    n1 = lower[i + 1] if i + 1 < n else "</s>"
    n2 = lower[i + 2] if i + 2 < n else "</s>"
    st = stem(w0)
    inq = "1" if quoted[i] else "0"
    right = lower[i + 1:i + 4]
    left = lower[max(0, i - 3):i]
    that_r = "1" if "that" in right else "0"
    tag = tags[i]
    return [
        "b", "p1=" + p1, "n1=" + n1, "p2=" + p2, "n2=" + n2,
        "pw=" + p1 + "_" + w0, "wn=" + w0 + "_" + n1,
        "sh=" + shape(toks[i][0]) + (shape(toks[i - 1][0]) if i else "."),
        "p1sh=" + (shape(toks[i - 1][0]) if i else "<s>"),
        "n1sh=" + (shape(toks[i + 1][0]) if i + 1 < n else "</s>"),
        "q=" + inq, "wq=" + w0 + inq, "nl=" + ("1" if line_start and i == 0 else "0"),
        "pst=" + p1 + "_" + st, "stn=" + st + "_" + n1,
        "thatR=" + that_r, "stthat=" + st + that_r,
        "qR=" + ("1" if QUOTE_MARKS.intersection(right) else "0"),
        "qL=" + ("1" if QUOTE_MARKS.intersection(left) else "0"),
        "colR=" + ("1" if ":" in lower[i + 1:i + 3] else "0"),
        "eng=" + tag, "engw=" + tag + w0,
        "engp=" + (tags[i - 1] if i else "<s>"), "engn=" + (tags[i + 1] if i + 1 < n else "</s>"),
        "c0=" + classes.get(w0, "?"), "cp=" + classes.get(p1, "?"),
        "cn=" + classes.get(n1, "?"),
        "cpc=" + classes.get(p1, "?") + "_" + classes.get(w0, "?"),
        "ccn=" + classes.get(w0, "?") + "_" + classes.get(n1, "?"),
        "pos=" + _bucket(i), "shw=" + (shape(toks[i - 1][0]) if i else "<s>") + "_" + st,
        "stn2=" + st + "_" + n1 + "_" + n2, "rules=" + ("1" if CUE in tags else "0"),
        "hull=" + ("1_" + p1 if in_hull else "0"),
    ]


def rival_features(tags: Sequence[str], candidates: Sequence[int],
                   rates: Sequence[float]) -> list[list[str]]:
    """For each of a sentence's ``candidates`` (word indexes, in order, with ``rates``: how
    often each word was a cue), what else in the sentence may be its cue: whether the rules
    found a cue before or after it, and how likely a cue the likeliest candidate before and
    after it is (a verb inside what another cue reports is seldom a cue of its own)."""
    n = len(candidates)
    best_left = [0.0] * n
    best_right = [0.0] * n
    for k in range(1, n):
        best_left[k] = max(best_left[k - 1], rates[k - 1])
    for k in range(n - 2, -1, -1):
        best_right[k] = max(best_right[k + 1], rates[k + 1])
    first_cue = next((j for j, t in enumerate(tags) if t == CUE), None)
    last_cue = next((j for j in range(len(tags) - 1, -1, -1) if tags[j] == CUE), None)
    out = []
    for k, i in enumerate(candidates):
        left = "1" if first_cue is not None and first_cue < i else "0"
        right = "1" if last_cue is not None and last_cue > i else "0"
        mine = _rate_bucket(rates[k])
        out.append(["rc=" + left + right, "rl=" + _rate_bucket(best_left[k]) + mine,
                    "rr=" + _rate_bucket(best_right[k]) + mine])
    return out


def _rate_bucket(rate: float) -> str:
    return "0" if rate < 0.05 else "1" if rate < 0.2 else "2" if rate < 0.5 else "3"


def _bucket(d: int) -> str:
    if d <= 3:
        return str(d)
    return "4-6" if d <= 6 else "7-10" if d <= 10 else "11-20" if d <= 20 else "far"


def role_features(toks: Sequence[Token], lower: Sequence[str], cues: Sequence[tuple[int, int]],
                  i: int) -> list[str]:
    """What the source and content models read of word ``i`` of a sentence holding the
    cues ``cues`` (word ranges): which side of the nearest cue it is on, how far, what
    lies between (a comma, a quotation mark, a colon), the cue's stem and the word."""
    best = None
    for a, b in cues:
        if a <= i < b:
            d, rel = 0, "C"
        elif i < a:
            d, rel = a - i, "L"
        else:
            d, rel = i - b + 1, "R"
        if best is None or d < best[0]:
            best = (d, rel, a, b)
    assert best is not None
    d, rel, a, b = best
    between = lower[i + 1:a] if rel == "L" else lower[b:i]
    comma = "1" if "," in between else "0"
    quote = "1" if QUOTE_MARKS.intersection(between) else "0"
    colon = "1" if ":" in between else "0"
    cue = stem(lower[a])
    w0 = lower[i]
    word = toks[i][0]
    sh = shape(word)
    bk = _bucket(d)
    return [
        "b", "rel=" + rel, "rd=" + rel + bk, "rdc=" + rel + bk + comma,
        "rcq=" + rel + comma + quote + colon, "rw=" + rel + w0, "rsh=" + rel + sh,
        "rcw=" + rel + cue, "rcwd=" + rel + cue + bk,
        "rp1=" + rel + (lower[i - 1] if i else "<s>"),
        "rn1=" + rel + (lower[i + 1] if i + 1 < len(lower) else "</s>"),
        "rshd=" + rel + sh + bk, "rcwc=" + rel + cue + comma + quote,
        "ncue=" + str(min(len(cues), 3)), "rwc=" + rel + w0 + comma,
    ]
