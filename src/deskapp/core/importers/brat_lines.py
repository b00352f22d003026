"""Reading the lines of a brat ``.ann`` file, each checked, with one-line errors.

T lines (``T1<TAB>Type 0 5;10 15<TAB>text``), R lines (``R1<TAB>Type Arg1:T1 Arg2:T2``),
E lines (``E1<TAB>Type:T1 Role:T2 …``), A/M attribute lines and ``#`` AnnotatorNotes are
read; N (normalisation) and ``*`` (equivalence) lines are skipped. A T line's offsets must
lie in the text, in order, and its text must be its pieces joined by a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from deskapp.core.errors import ImportFailed

_RANGE = re.compile(r"^(\d+) (\d+)$")
_ARG = re.compile(r"^([^:\s]+):([TER]\d+)$")
_SKIPPED = ("N", "*")


@dataclass
class Standoff:
    """What an .ann file says: spans by id, links between ids, attributes and notes."""

    spans: dict[str, tuple[str, list[tuple[int, int]]]] = field(default_factory=dict)
    links: list[list[str]] = field(default_factory=list)
    events: list[list[str]] = field(default_factory=list)
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)


def _fail(name: str, number: int, reason: str) -> ImportFailed:
    return ImportFailed(f"{name} line {number}: {reason}")


def _ranges(value: str, text: str, name: str, number: int) -> list[tuple[int, int]]:
    out = []
    for piece in value.split(";"):
        found = _RANGE.match(piece.strip())
        if not found:
            raise _fail(name, number, f"bad offsets {piece.strip()[:40]!r} (expected "
                        "'START END', pieces separated by ';')")
        start, end = int(found[1]), int(found[2])
        if not start < end <= len(text):
            raise _fail(name, number, f"the offsets {start} {end} are not a stretch of the "
                        f"text (0–{len(text)})")
        if out and start < out[-1][1]:
            raise _fail(name, number, "the pieces are not in order or overlap")
        out.append((start, end))
    return out


def _span(fields: list[str], text: str, name: str, number: int, into: Standoff) -> None:
    if len(fields) < 3 or " " not in fields[1]:
        raise _fail(name, number, "a T line needs an id, 'TYPE START END' and the text")
    kind, where = fields[1].split(" ", 1)
    ranges = _ranges(where, text, name, number)
    said = "\t".join(fields[2:])
    expected = " ".join(text[a:b] for a, b in ranges)
    if said != expected:
        raise _fail(name, number, f"the text {said[:40]!r} is not what the offsets cover "
                    f"({expected[:40]!r})")
    into.spans[fields[0]] = (kind, ranges)


def _link(fields: list[str], name: str, number: int, into: Standoff) -> None:
    if len(fields) < 2:
        raise _fail(name, number, "a relation or event line needs its arguments")
    words = fields[1].split()
    args = words if fields[0].startswith("E") else words[1:]
    ids = []
    for arg in args:
        found = _ARG.match(arg)
        if not found:
            raise _fail(name, number, f"bad argument {arg[:40]!r} (expected ROLE:ID)")
        ids.append(found[2])
    (into.events if fields[0].startswith("E") else into.links).append(ids)


def read_standoff(ann: str, text: str, name: str) -> Standoff:
    """The checked contents of an .ann file (``name`` appears in errors)."""
    out = Standoff()
    for number, line in enumerate(ann.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith(_SKIPPED):
            continue
        fields = line.split("\t")
        head = fields[0]
        if head.startswith("T"):
            _span(fields, text, name, number, out)
        elif head.startswith(("R", "E")):
            _link(fields, name, number, out)
        elif head.startswith(("A", "M")):
            words = fields[1].split() if len(fields) > 1 else []
            if len(words) < 2:
                raise _fail(name, number, "an attribute line needs a name and an id")
            out.attributes.setdefault(words[1], {})[words[0]] = " ".join(words[2:]) or "true"
        elif head.startswith("#"):
            words = fields[1].split() if len(fields) > 1 else []
            if len(words) >= 2 and len(fields) > 2:
                out.notes.setdefault(words[1], []).append("\t".join(fields[2:]))
        else:
            raise _fail(name, number, f"unknown annotation {head[:20]!r} (brat lines start "
                        "with T, R, E, A, M, N, * or #)")
    for ids in out.links + out.events:
        for ref in ids:
            if ref.startswith("T") and ref not in out.spans:
                raise ImportFailed(f"{name}: a relation names {ref}, which no T line defines")
    return out
