"""Full-text search on PostgreSQL: what the index holds and how a query reads.

The index is a ``tsvector`` column of ``articles`` (GIN-indexed) with the title weighted
A, speakers B, sources C and the text D. Text is folded here, not in the server (lower
case, accents removed, split into words), so "nicolás" finds "Nicolas" as on SQLite's
FTS5 without any server extension. A query is read in FTS5's syntax — words, "phrases",
``word*`` prefixes, ``column:word``, AND / OR / NOT and parentheses — and becomes a
``tsquery``; a malformed one is a StoreError naming it.
"""

from __future__ import annotations

import re
import unicodedata

from deskapp.core.errors import StoreError

WEIGHTS = {"title": "A", "speakers": "B", "sources": "C", "text": "D"}
RANK_WEIGHTS = "{0.1, 0.5, 0.5, 1.0}"
"""``ts_rank`` weights for D, C, B, A: a title hit weighs most, then speakers and sources."""
_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r'\s*(?:(")|(\()|(\))|([^\s"()]+))')


def fold(text: str) -> str:
    """Lower case, accents removed, words separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(plain))


def vector_sql() -> str:
    """The tsvector of one article from its folded title, speakers, sources and text."""
    return " || ".join(f"setweight(to_tsvector('simple', ?), '{w}')" for w in "ABCD")


def vector_values(title: str, speakers: str, sources: str, text: str) -> list[str]:
    return [fold(title), fold(speakers), fold(sources), fold(text)]


class _Bad(ValueError):
    pass


def to_tsquery(query: str) -> str:
    """The ``tsquery`` text of an FTS5-style ``query``; StoreError when it is malformed."""
    try:
        tokens = _tokens(query)
        parser = _Parser(tokens)
        result = parser.disjunction()
        if parser.position != len(tokens):
            raise _Bad(f"unexpected “{tokens[parser.position][1]}”")
        return result
    except _Bad as exc:
        raise StoreError(f"cannot search for “{query}”: {exc} (put words in double quotes "
                         "to search for them as they are)") from None


def _tokens(query: str) -> list[tuple[str, str]]:
    out, position = [], 0
    while position < len(query):
        if query[position:].strip() == "":
            break
        match = _TOKEN.match(query, position)
        quote, opening, closing, word = match.groups()
        position = match.end()
        if quote:
            end = query.find('"', position)
            if end < 0:
                raise _Bad("unterminated string")
            out.append(("phrase", query[position:end]))
            position = end + 1
        elif opening or closing:
            out.append(("(", "(") if opening else (")", ")"))
        elif word in ("AND", "OR", "NOT"):
            out.append((word, word))
        elif word.startswith("NEAR("):
            raise _Bad("NEAR is not supported on this store")
        else:
            out.append(("word", word))
    return out


class _Parser:
    """FTS5's grammar: OR binds loosest, then AND (or nothing between terms), then NOT."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens, self.position = tokens, 0

    def _peek(self) -> str | None:
        return self.tokens[self.position][0] if self.position < len(self.tokens) else None

    def disjunction(self) -> str:
        parts = [self.conjunction()]
        while self._peek() == "OR":
            self.position += 1
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    def conjunction(self) -> str:
        parts = [self.negation()]
        while self._peek() in ("AND", "word", "phrase", "("):
            if self._peek() == "AND":
                self.position += 1
            parts.append(self.negation())
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    def negation(self) -> str:
        result = self.primary()
        while self._peek() == "NOT":
            self.position += 1
            result = f"({result} & !{self.primary()})"
        return result

    def primary(self) -> str:
        kind = self._peek()
        if kind is None:
            raise _Bad("the query ends too early")
        value = self.tokens[self.position][1]
        self.position += 1
        if kind == "(":
            inner = self.disjunction()
            if self._peek() != ")":
                raise _Bad("a parenthesis is not closed")
            self.position += 1
            return inner
        if kind == "word" and ":" in value.rstrip(":") and not value.startswith(":"):
            column, _, rest = value.partition(":")
            if column not in WEIGHTS:
                raise _Bad(f"no such column: {column}")
            if rest:
                return _term(rest, WEIGHTS[column], phrase=False)
            if self._peek() != "phrase":
                raise _Bad(f"nothing to search for in {column}")
            self.position += 1
            return _term(self.tokens[self.position - 1][1], WEIGHTS[column], phrase=True)
        if kind in ("word", "phrase"):
            return _term(value, "", phrase=kind == "phrase")
        raise _Bad(f"unexpected “{value}”")


def _term(text: str, weight: str, *, phrase: bool) -> str:
    prefix = not phrase and text.endswith("*")
    words = fold(text.rstrip("*") if prefix else text).split()
    if not words:
        raise _Bad(f"“{text}” holds no word to search for")
    lexemes = [f"'{w}':{weight}" if weight else f"'{w}'" for w in words]
    if prefix:
        lexemes[-1] = f"'{words[-1]}':*{weight}"
    return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"
