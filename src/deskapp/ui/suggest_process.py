"""The suggestion engine in a child process (no Qt here: the child imports only the core).

Run as ``python -m deskapp.ui.suggest_process``: reads a pickled ``Article`` on stdin,
writes the run on stdout. A thread would share the interpreter lock with the window:
for the second or so the engine takes on a 1 MB article, every Python callback of the
window (a list row, a highlighted block) waited for it, and the window answered two to
five times slower. A process shares nothing; it runs at a lower priority (``nice``), so
on a busy machine the window gets the processor first; a run that a newer one
supersedes is killed, not waited for.

What comes back is read in the window's process, so it is sent in columns: every span
in one table, each kind of suggestion in another (one list per field, spans by row
number), with each item's cover key and underline ranges. Plain lists of numbers and
strings unpickle in C, and the objects are then made a field at a time for all of them
(``shifting.fill_slots``): a few milliseconds for 4,000 suggestions, where unpickling
the objects one by one took over 100 ms of the window's time.
"""

from __future__ import annotations

import os
import pickle
import sys
import time
from dataclasses import fields, is_dataclass

from deskapp.core.shifting import fill_slots
from deskapp.core.spans import Span
from deskapp.core.suggest import Suggestion, Suggestions
from deskapp.ui.review_memory import cover_key, underline_ranges


def encode(result: Suggestions) -> dict:
    """``result`` as tables of plain values (see the module docstring)."""
    spans: list[Span] = []
    rows: dict[int, int] = {}

    def ref(span: Span | None) -> int:
        if span is None:
            return -1
        row = rows.get(id(span))
        if row is None:
            row = rows[id(span)] = len(spans)
            spans.append(span)
        return row

    out: dict = {"fields": {}}
    for f in fields(Suggestions):
        value = getattr(result, f.name)
        kinds = {type(v) for v in value} if isinstance(value, tuple) else set()
        if len(kinds) != 1 or not is_dataclass(next(iter(kinds))):
            out["fields"][f.name] = ("raw", value)
            continue
        cls = next(iter(kinds))
        columns = {}
        for name in cls.__slots__:
            values = [getattr(v, name) for v in value]
            if any(isinstance(v, Span) for v in values):
                columns[name] = ("span", [ref(v) for v in values])
            else:
                columns[name] = ("raw", values)
        out["fields"][f.name] = ("table", cls, columns)
    out["spans"] = {name: [getattr(s, name) for s in spans] for name in Span.__slots__}
    return out


def decode(data: dict) -> Suggestions:
    """The ``Suggestions`` that ``encode`` wrote (no checks: they were valid)."""
    spans = fill_slots(Span, data["spans"])
    values = {}
    for name, field_data in data["fields"].items():
        if field_data[0] == "raw":
            values[name] = field_data[1]
            continue
        _, cls, columns = field_data
        made = {key: ([spans[i] if i >= 0 else None for i in column] if kind == "span"
                      else column)
                for key, (kind, column) in columns.items()}
        values[name] = tuple(fill_slots(cls, made))
    return Suggestions(**values)


def run(article) -> tuple:
    """What the child sends: the encoded run (None if the engine failed), its time in
    ms, and per item (in review order) its cover key and underline ranges."""
    from deskapp.core.suggest import suggest

    started = time.perf_counter()
    try:
        result = suggest(article)
    except Exception:  # the window runs it again itself, where the error shows
        return None, 0.0, [], []
    ms = (time.perf_counter() - started) * 1000
    items: tuple[Suggestion, ...] = result.items
    return (encode(result), ms, [cover_key(i) for i in items],
            [underline_ranges(i) for i in items])


def main() -> None:
    if hasattr(os, "nice"):
        os.nice(19)  # background work: the window (and anything else) gets the processor first
    article = pickle.load(sys.stdin.buffer)
    pickle.dump(run(article), sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()


if __name__ == "__main__":  # run by its import name: pickles name its functions by it
    from deskapp.ui.suggest_process import main as _main

    _main()
