"""The one schema of deskapp's JSON export, checked before anything is built from it.

``check_export(data, name)`` walks a parsed export record and raises ``ImportFailed``
with one line naming the file, the place (``quotes[2].speaker``) and what is wrong:
types (a string where a string belongs, an integer — never a bool, float or numeric
string — where an offset belongs), known states, part and source kinds, offsets inside
the text and every span's text equal to the text it covers (an orphaned mark keeps its
last known text, so only its offsets are checked), a span's pieces in order and apart,
parts in text order and apart, mark ids unique, history versions oldest first and each
once, and every string well-formed Unicode (no lone surrogates) with no NUL in the article
text. Unknown keys are ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from deskapp.core.article import Metadata, PartKind
from deskapp.core.errors import ImportFailed
from deskapp.core.importers.decoding import refuse_non_text
from deskapp.core.marks import SourceKind
from deskapp.core.workflow import State

_STATES = frozenset(s.value for s in State)
_PART_KINDS = frozenset(k.value for k in PartKind)
_SOURCE_KINDS = frozenset(k.value for k in SourceKind)
_META_FIELDS = tuple(Metadata.__dataclass_fields__)
_SHOWN = 40


class _Invalid(Exception):
    """A defect at ``where``; turned into the file's one-line error by ``check_export``."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")


def check_export(data: object, name: str) -> None:
    """Raise ``ImportFailed`` (one line, naming ``name``) unless ``data`` is a valid export."""
    if isinstance(data, list):
        raise ImportFailed(f"{name}: holds a list of {len(data)} records; "
                           "import one deskapp export per file")
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise ImportFailed(f"{name}: not a deskapp export (no article \"text\" in it)")
    text: str = data["text"]
    try:
        _string(text, "text")
        refuse_non_text(text, name)
        if not text.strip():
            raise ImportFailed(f"{name}: the exported article has no text")
        _check_record(data, text)
    except _Invalid as exc:
        raise ImportFailed(f"{name}: not a valid deskapp export ({exc})") from None


def _check_record(data: Mapping[str, Any], text: str) -> None:
    _optional_string(data, "title", "title")
    state = data.get("state")
    if state is not None and not _one_of(state, _STATES):
        raise _Invalid("state", f"unknown state {_show(state)} (one of "
                       f"{', '.join(sorted(_STATES))})")
    meta = data.get("meta")
    if meta is not None:
        if not isinstance(meta, dict):
            raise _Invalid("meta", f"expected an object, got {_kind(meta)}")
        for key in _META_FIELDS:
            _optional_string(meta, key, f"meta.{key}")
    _check_parts(data.get("parts"), text)
    ids: set[str] = set()
    for i, quote in enumerate(_list(data, "quotes")):
        _check_quote(quote, text, f"quotes[{i}]", ids)
    for i, attribution in enumerate(_list(data, "attributions")):
        _check_attribution(attribution, text, f"attributions[{i}]", ids)
    for key in ("reviewer", "note"):
        _optional_string(data, key, key)
    for i, rejected in enumerate(_list(data, "rejected_suggestions")):
        if not isinstance(rejected, str):
            raise _Invalid(f"rejected_suggestions[{i}]", f"expected a string, got "
                           f"{_kind(rejected)}")
    _check_registry(_list(data, "registry"))
    previous = 0
    for i, entry in enumerate(_list(data, "history")):
        previous = _check_version(entry, f"history[{i}]", previous)


def _check_registry(entries: list) -> None:
    """Registry entries: a name, aliases (strings), a role and a known source kind."""
    for i, entry in enumerate(entries):
        where = f"registry[{i}]"
        _object(entry, where)
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise _Invalid(f"{where}.name", f"expected a name, got {_kind(name)}")
        _string(name, f"{where}.name")
        for key in ("id", "role"):
            _optional_string(entry, key, f"{where}.{key}")
        for j, alias in enumerate(_list(entry, "aliases")):
            if not isinstance(alias, str) or not alias.strip():
                raise _Invalid(f"{where}.aliases[{j}]", f"expected a name, got {_kind(alias)}")
            _string(alias, f"{where}.aliases[{j}]")
        kind = entry.get("kind")
        if kind is not None and not _one_of(kind, _SOURCE_KINDS):
            raise _Invalid(f"{where}.kind", f"unknown source kind {_show(kind)}")


def _check_version(entry: object, where: str, previous: int) -> int:
    """One version of ``--with-history``: its number (above ``previous``, the number of
    the entry before it) and the document it held. Returns its number."""
    _object(entry, where)
    number = entry.get("version")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise _Invalid(f"{where}.version", f"expected a version number, got {_kind(number)}")
    if number <= previous:
        raise _Invalid(f"{where}.version", f"{number} does not follow version {previous} "
                       "(the history lists versions oldest first, each once)")
    document = entry.get("document")
    _object(document, f"{where}.document")
    text = document.get("text")
    if not isinstance(text, str):
        raise _Invalid(f"{where}.document.text", f"expected a string, got {_kind(text)}")
    _string(text, f"{where}.document.text")
    if "history" in document:
        raise _Invalid(f"{where}.document", "a version holds no history of its own")
    try:
        _check_record(document, text)
    except _Invalid as exc:
        raise _Invalid(f"{where}.document", str(exc)) from None
    for key in ("reviewer", "time", "note"):
        _optional_string(entry, key, f"{where}.{key}")
    return number


def _check_parts(parts: object, text: str) -> None:
    if parts is None:
        return
    if not isinstance(parts, list):
        raise _Invalid("parts", f"expected a list, got {_kind(parts)}")
    previous_end = 0
    for i, part in enumerate(parts):
        where = f"parts[{i}]"
        _object(part, where)
        if not _one_of(part.get("kind"), _PART_KINDS):
            raise _Invalid(f"{where}.kind", f"unknown part kind {_show(part.get('kind'))}")
        start, end = _span(part, text, where, exact=True)
        if start < previous_end:
            raise _Invalid(where, "overlaps the part before it (parts are in text order and "
                           "never overlap)")
        previous_end = end


def _check_quote(quote: object, text: str, where: str, ids: set[str]) -> None:
    _object(quote, where)
    orphaned = _mark_common(quote, where, ids)
    _span(quote, text, where, exact=not orphaned)
    _optional_string(quote, "speaker", f"{where}.speaker")
    for key in ("speaker_span", "cue"):
        _optional_span(quote, key, text, f"{where}.{key}", exact=not orphaned)


def _check_attribution(mark: object, text: str, where: str, ids: set[str]) -> None:
    _object(mark, where)
    orphaned = _mark_common(mark, where, ids)
    if mark.get("content") is None:
        raise _Invalid(f"{where}.content", "missing (an attribution needs its content)")
    for key in ("content", "source", "cue"):
        _optional_span(mark, key, text, f"{where}.{key}", exact=not orphaned)
    kind = mark.get("source_kind")
    if kind is not None and not _one_of(kind, _SOURCE_KINDS):
        raise _Invalid(f"{where}.source_kind", f"unknown source kind {_show(kind)}")
    _optional_string(mark, "entity", f"{where}.entity")


def _mark_common(mark: Mapping[str, Any], where: str, ids: set[str]) -> bool:
    """Check note, id (unique) and orphaned; True when the mark is orphaned."""
    _optional_string(mark, "note", f"{where}.note")
    mark_id = _optional_string(mark, "id", f"{where}.id")
    if mark_id:
        if mark_id in ids:
            raise _Invalid(f"{where}.id", f"{_show(mark_id)} is used by another mark")
        ids.add(mark_id)
    orphaned = mark.get("orphaned")
    if orphaned is not None and not isinstance(orphaned, bool):
        raise _Invalid(f"{where}.orphaned", f"expected true or false, got {_kind(orphaned)}")
    return bool(orphaned)


def _optional_span(record: Mapping[str, Any], key: str, text: str, where: str, *,
                   exact: bool) -> None:
    value = record.get(key)
    if value is not None:
        _object(value, where)
        _span(value, text, where, exact=exact)


def _span(record: Mapping[str, Any], text: str, where: str, *, exact: bool) -> tuple[int, int]:
    """Check a ``{"start", "end", "text", "fragments"?}`` record against ``text``."""
    start, end = _offset(record, "start", where, text), _offset(record, "end", where, text)
    if end < start:
        raise _Invalid(where, f"ends ({end}) before it starts ({start})")
    said = record.get("text")
    if not isinstance(said, str):
        raise _Invalid(f"{where}.text", f"expected a string, got {_kind(said)}")
    _string(said, f"{where}.text")
    if exact and text[start:end] != said:
        raise _Invalid(where, f"the span at {start}–{end} does not match the text "
                       f"(it says {_show(said)})")
    _fragments(record.get("fragments"), start, end, where, text)
    return start, end


def _fragments(fragments: object, start: int, end: int, where: str, text: str) -> None:
    if not fragments:
        return
    if not isinstance(fragments, list):
        raise _Invalid(f"{where}.fragments", f"expected a list, got {_kind(fragments)}")
    previous = start
    for i, piece in enumerate(fragments):
        at = f"{where}.fragments[{i}]"
        _object(piece, at)
        s, e = _offset(piece, "start", at, text), _offset(piece, "end", at, text)
        if s < previous or e <= s or e > end:
            raise _Invalid(at, "pieces must be non-empty, in order, apart and inside the span")
        previous = e
    if fragments[0]["start"] != start or fragments[-1]["end"] != end:
        raise _Invalid(f"{where}.fragments", "the pieces must begin and end with the span")


def _offset(record: Mapping[str, Any], key: str, where: str, text: str) -> int:
    value = record.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Invalid(f"{where}.{key}", f"expected a whole number, got {_kind(value)}")
    if not 0 <= value <= len(text):
        raise _Invalid(f"{where}.{key}", f"{_show(value)} is outside the text "
                       f"(0–{len(text)})")
    return value


def _list(record: Mapping[str, Any], key: str) -> list:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Invalid(key, f"expected a list, got {_kind(value)}")
    return value


def _object(value: object, where: str) -> None:
    if not isinstance(value, dict):
        raise _Invalid(where, f"expected an object, got {_kind(value)}")


def _optional_string(record: Mapping[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is not None:
        if not isinstance(value, str):
            raise _Invalid(where, f"expected a string, got {_kind(value)}")
        _string(value, where)
    return value


def _string(value: str, where: str) -> None:
    """Refuse lone surrogates (text that cannot be written as UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(value[exc.start])
        raise _Invalid(where, f"holds an unpaired surrogate (U+{code:04X}) at character "
                       f"{exc.start}, not well-formed text") from None


def _one_of(value: object, names: frozenset[str]) -> bool:
    return isinstance(value, str) and value in names


def _kind(value: object) -> str:
    if value is None:
        return "null"
    names = {bool: "true/false", int: "a number", float: "a number", str: "a string",
             list: "a list", dict: "an object"}
    shown = names.get(type(value), type(value).__name__)
    return f"{shown} {_show(value)}" if isinstance(value, (int, float, str)) else shown


def _show(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"
