"""Sentences and paragraphs of an article's text, as offset ranges, found in one pass.

``Layout`` answers "which sentence/paragraph holds offset i" with ``bisect``, so the
rules stay linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from deskapp.core.article import Article, PartKind
from deskapp.core.suggest import vocab

# A newline, or a run of [.!?] (and closing marks) before a newline or before the capital
# or digit that opens the next sentence. It starts with a character class, so the regex
# engine skips through the text in C to the next candidate.
_END_RE = re.compile(
    r"[.!?\n](?:(?<=\n)|(?<=[.!?])[.!?]*[\"”’)\]]*(?=\n|\s+[\"“‘(\[]?[A-Z0-9À-Ý]))"
)
_ABBREVIATIONS = set(vocab.read("abbreviations"))
_WORD_BEFORE_RE = re.compile(r"([\w.’']+)$")
# "CARACAS, Venezuela – ", "LONDON (Reuters) - ", "KYIV, Ukraine, March 3 (AP) — "
DATELINE_RE = re.compile(
    r"[A-ZÀ-Ý]{2}[A-ZÀ-Ý .'’-]*(?:,\s*[\w .’'-]{2,40}?){0,2}\s*(?:\([^)\n]{1,30}\))?"
    r"\s*[–—-]{1,2}\s+"
)
_SKIPPED = {PartKind.BOILERPLATE, PartKind.BREADCRUMB, PartKind.HEADLINE, PartKind.CREDIT,
            PartKind.BYLINE}


def skipped_parts(article: Article) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    """The ranges rules must not read (headline, byline …) and where datelines end."""
    skipped = tuple(sorted((p.span.start, p.span.end) for p in article.parts
                           if p.kind in _SKIPPED))
    datelines = tuple(sorted({p.span.end for p in article.parts
                              if p.kind == PartKind.DATELINE}))
    return skipped, datelines


def sentence_ranges(text: str) -> list[tuple[int, int]]:
    """Sentences as ``(start, end)``; a newline always ends one. Whitespace trimmed."""
    out: list[tuple[int, int]] = []
    append = out.append
    start = 0
    for m in _END_RE.finditer(text):
        end = m.end()
        if text[m.start()] == "." and is_abbreviation(text, m.start()):
            continue
        s, e = start, end  # _push, inline
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            append((s, e))
        start = end
    _push(text, start, len(text), out)
    return out


def is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    if dot >= _LONGEST and text[dot - _LONGEST:dot].isalpha():
        return False  # a word of more letters than any abbreviation ends here
    lo = max(0, dot - 12)
    if text[dot - 1:dot] == "\n":  # "$" may match before a final newline: the plain search
        w = _WORD_BEFORE_RE.search(text, lo, dot)
        if w is None:
            return False
        word = w.group(1)
    else:  # the run that _WORD_BEFORE_RE finds, read from the right in one match
        w = _WORD_RUN_RE.match(text[lo:dot][::-1])
        if w is None:
            return False
        word = w.group()[::-1]
    word = word.lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


_WORD_RUN_RE = re.compile(r"[\w.’']+")
_LONGEST = 1 + max(map(len, _ABBREVIATIONS))


def _push(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


@dataclass(frozen=True, slots=True)
class Layout:
    """The sentences of a text and the ranges that rules must not read."""

    text: str
    sentences: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    skipped: tuple[tuple[int, int], ...]
    dateline_ends: tuple[int, ...]  # sorted

    @classmethod
    def of(cls, article: Article) -> Layout:
        return cls.build(article.text, sentence_ranges(article.text), *skipped_parts(article))

    @classmethod
    def build(cls, text: str, sentences: list[tuple[int, int]],
              skipped: tuple[tuple[int, int], ...], dateline_ends: tuple[int, ...]) -> Layout:
        return cls(text, tuple(sentences), tuple([s for s, _ in sentences]), skipped,
                   dateline_ends)

    def sentence_at(self, offset: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        s, e = self.sentences[i]
        return (s, e) if offset < e or (offset == e and s < e) else None

    def sentence_index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def is_skipped(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.skipped)

    def body_start(self, sentence_start: int, limit: int) -> int:
        """Where a sentence's words begin, past a dateline ("CARACAS, Venezuela – ")."""
        text = self.text
        at_line_start = sentence_start == 0 or text[sentence_start - 1] == "\n"
        if not at_line_start:
            return sentence_start
        for end in self.dateline_ends:
            if sentence_start <= end < limit:
                while end < limit and text[end] in " –—-":
                    end += 1
                return end
        m = DATELINE_RE.match(text, sentence_start, limit)
        return m.end() if m else sentence_start

    def paragraph_of(self, offset: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return start, len(self.text) if end < 0 else end
