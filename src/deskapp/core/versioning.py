"""Content hashing and the difference between two documents (pure core, no SQL).

A stored version carries ``hash`` = SHA-256 of a canonical JSON of its record
(article id, version number, state, reviewer, note, time, parent hash, and the
document content) and ``parent`` = the hash of the version before it, so the versions of an
article form a chain: changing any stored byte breaks it.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from deskapp.core.annotations import Mark
from deskapp.core.document import Document


def canonical_json(value: Any) -> str:
    """One spelling for equal JSON values: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_hash(doc: Document) -> str:
    """SHA-256 of the document's content (text, parts, meta, marks, state)."""
    return sha256_hex(canonical_json(doc.to_json()))


def version_hash(
    *, article_id: int, version: int, content: str, state: str, reviewer: str,
    note: str, time: str, parent: str | None,
) -> str:
    """The hash a stored version carries; ``parent`` links it to the one before.

    ``content`` is ``canonical_json(doc.to_json())``, exactly as stored. The hash is
    SHA-256 of a canonical JSON header (every other field), a newline, and ``content``.
    """
    header = canonical_json({
        "article_id": article_id, "version": version, "state": state, "reviewer": reviewer,
        "note": note, "time": time, "parent": parent,
    })
    return sha256_hex(header + "\n" + content)


@dataclass(frozen=True, slots=True)
class TextChange:
    """One changed stretch: ``old[old_start:old_end]`` became ``new[new_start:new_end]``.

    ``tag`` is ``"replace"``, ``"delete"`` or ``"insert"`` (difflib's opcodes).
    """

    tag: str
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_text: str
    new_text: str


@dataclass(frozen=True, slots=True)
class MarkChange:
    """A mark (same id) present in both documents whose fields differ."""

    old: Mark
    new: Mark
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentDiff:
    """What changed from ``old`` to ``new``: text, marks, state and metadata."""

    text_changes: tuple[TextChange, ...]
    unified: tuple[str, ...]
    marks_added: tuple[Mark, ...]
    marks_removed: tuple[Mark, ...]
    marks_changed: tuple[MarkChange, ...]
    state_change: tuple[str, str] | None
    meta_changed: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.text_changes or self.marks_added or self.marks_removed
                    or self.marks_changed or self.state_change or self.meta_changed)


def diff_text(old: str, new: str) -> tuple[TextChange, ...]:
    """Word-precise changes: found line by line, then refined word by word inside changes."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    old_at, new_at = _starts(old_lines), _starts(new_lines)
    changes: list[TextChange] = []
    lines = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag != "equal":
            changes += _refine(old, new, old_at[i1], old_at[i2], new_at[j1], new_at[j2])
    return tuple(changes)


_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def _refine(old: str, new: str, a0: int, a1: int, b0: int, b1: int) -> list[TextChange]:
    """Word-level changes between ``old[a0:a1]`` and ``new[b0:b1]``."""
    old_tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(old, a0, a1)]
    new_tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(new, b0, b1)]
    matcher = difflib.SequenceMatcher(
        None, [old[s:e] for s, e in old_tokens], [new[s:e] for s, e in new_tokens],
        autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        s1 = old_tokens[i1][0] if i1 < len(old_tokens) else a1
        e1 = old_tokens[i2 - 1][1] if i2 > i1 else s1
        s2 = new_tokens[j1][0] if j1 < len(new_tokens) else b1
        e2 = new_tokens[j2 - 1][1] if j2 > j1 else s2
        out.append(TextChange(tag, s1, e1, s2, e2, old[s1:e1], new[s2:e2]))
    return out


def _starts(lines: list[str]) -> list[int]:
    """Offsets where each line starts, plus the total length at the end."""
    out, at = [0], 0
    for line in lines:
        at += len(line)
        out.append(at)
    return out


def unified_lines(old: str, new: str, *, old_name: str = "old", new_name: str = "new",
                  context: int = 2) -> tuple[str, ...]:
    """A unified diff of the two texts, one string per line (no line endings)."""
    return tuple(difflib.unified_diff(old.splitlines(), new.splitlines(), old_name, new_name,
                                      n=context, lineterm=""))


def _mark_fields(old: Mark, new: Mark) -> tuple[str, ...]:
    if type(old) is not type(new):
        return ("kind",)
    a, b = old.to_json(), new.to_json()
    return tuple(sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k)))


def diff_documents(old: Document, new: Document) -> DocumentDiff:
    """Text changes, marks added/removed/changed (matched by id), state and meta changes."""
    old_marks = {m.id: m for m in old.marks}
    new_marks = {m.id: m for m in new.marks}
    changed = []
    for mark_id in old_marks.keys() & new_marks.keys():
        fields = _mark_fields(old_marks[mark_id], new_marks[mark_id])
        if fields:
            changed.append(MarkChange(old_marks[mark_id], new_marks[mark_id], fields))
    changed.sort(key=lambda c: (c.new.anchor.start, c.new.anchor.end, c.new.id))
    old_meta, new_meta = old.article.meta.to_json(), new.article.meta.to_json()
    old_v = f"version {old.version}" if old.version else "old"
    new_v = f"version {new.version}" if new.version else "new"
    return DocumentDiff(
        text_changes=diff_text(old.article.text, new.article.text),
        unified=unified_lines(old.article.text, new.article.text, old_name=old_v, new_name=new_v),
        marks_added=tuple(m for m in new.marks if m.id not in old_marks),
        marks_removed=tuple(m for m in old.marks if m.id not in new_marks),
        marks_changed=tuple(changed),
        state_change=None if old.state == new.state else (str(old.state), str(new.state)),
        meta_changed=tuple(sorted(k for k in new_meta if old_meta.get(k) != new_meta.get(k))),
    )
