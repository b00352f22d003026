"""Moving many marks by the same offset, fast: building the marks of a chunk that a
correction moved (``mark_chunks``) at their new offsets.

Each field is set for all the objects at once with ``map(slot.__set__, …)``, a loop that
runs in C, a third quicker than through the slot setters one by one and several times
quicker than ``__init__``. The values are valid by construction (a valid span moved by
the same offset as the text around it), so ``__post_init__`` checks are not repeated.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from itertools import repeat
from operator import attrgetter
from types import MemberDescriptorType
from typing import TYPE_CHECKING

from deskapp.core.spans import Span

if TYPE_CHECKING:
    from deskapp.core.marks import Mark

_new = object.__new__
_set = object.__setattr__


def fill_slots(cls: type, fields: dict[str, list]) -> list:
    """New ``cls`` objects, the ``i``-th with slot ``name`` set to ``fields[name][i]``,
    made a field at a time for all of them (no ``__init__``: only for valid values)."""
    count = len(next(iter(fields.values())))
    objects = list(map(_new, repeat(cls, count)))
    for name, values in fields.items():
        slot = getattr(cls, name, None)
        if isinstance(slot, MemberDescriptorType):  # the slot's own setter: a third faster
            _drain(map(slot.__set__, objects, values))
        else:
            _drain(map(_set, objects, repeat(name), values))
    return objects


def _drain(calls: Iterator[None]) -> None:
    deque(calls, maxlen=0)  # runs the calls in C


def shift_spans(spans: Sequence[Span], delta: int) -> list[Span]:
    """Every span moved by ``delta``."""
    frags = [
        tuple([(s + delta, e + delta) for s, e in f]) if f else ()
        for f in map(attrgetter("fragments"), spans)
    ]
    return fill_slots(
        Span,
        {
            "start": [s + delta for s in map(attrgetter("start"), spans)],
            "end": [e + delta for e in map(attrgetter("end"), spans)],
            "text": list(map(attrgetter("text"), spans)),
            "fragments": frags,
        },
    )


def _shift_optional(spans: list[Span | None], delta: int) -> list[Span | None]:
    present = [i for i, s in enumerate(spans) if s is not None]
    if len(present) == len(spans):
        return shift_spans(spans, delta)  # type: ignore[arg-type]
    moved = shift_spans([spans[i] for i in present], delta)
    out: list[Span | None] = [None] * len(spans)
    for i, span in zip(present, moved, strict=True):
        out[i] = span
    return out


def shift_marks(marks: Sequence[Mark], delta: int) -> list[Mark]:
    """Every mark with all its spans moved by ``delta``, in the same order."""
    if not delta:
        return list(marks)
    out: list[Mark | None] = [None] * len(marks)
    for cls in {type(m) for m in marks}:
        where = [i for i, m in enumerate(marks) if type(m) is cls]
        group = [marks[i] for i in where]
        fields = {name: list(map(attrgetter(name), group)) for name in cls.__slots__}
        for name in cls.span_fields:
            fields[name] = _shift_optional(fields[name], delta)
        for i, mark in zip(where, fill_slots(cls, fields), strict=True):
            out[i] = mark
    return out  # type: ignore[return-value]
