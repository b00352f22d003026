"""The suggestion engine in a child process (no Qt here: the child imports only the core).

Run as ``python -m deskapp.ui.suggest_process``: reads a pickled ``Article`` on stdin,
writes the pickled ``(Suggestions | None, milliseconds)`` on stdout. A thread would
share the interpreter lock with the window: for the second or so the engine takes on a
1 MB article, every Python callback of the window (a list row, a highlighted block)
waited for it, and the window answered two to five times slower. A process shares
nothing; it runs at a lower priority (``nice``), so on a busy machine the window gets the
processor first; a run that a newer one supersedes is killed, not waited for.

``register()`` makes pickling the engine's frozen slotted values about twice as quick
(their values as one tuple, slots filled directly): the result is unpickled in the
window's process, and that time is still shared with the window.
"""

from __future__ import annotations

import copyreg
import os
import pickle
import sys
import time
from collections.abc import Callable
from operator import attrgetter

from deskapp.core.spans import Span
from deskapp.core.suggest import AttributionSuggestion, Flag, QuoteSuggestion, Suggestions

_new = object.__new__
_SETTERS: dict[type, list[Callable]] = {}
_registered = False


def _make(cls: type, values: tuple) -> object:
    obj = _new(cls)
    for setter, value in zip(_SETTERS[cls], values, strict=True):
        setter(obj, value)
    return obj


def _reducer(cls: type) -> Callable[[object], tuple]:
    names = cls.__slots__
    get = attrgetter(*names)
    _SETTERS[cls] = [getattr(cls, name).__set__ for name in names]
    if len(names) == 1:
        return lambda obj: (_make, (cls, (get(obj),)))
    return lambda obj: (_make, (cls, get(obj)))


def register() -> None:
    """Pickle the engine's values field by field (both processes must register)."""
    global _registered
    if not _registered:
        for cls in (Span, QuoteSuggestion, AttributionSuggestion, Flag, Suggestions):
            copyreg.pickle(cls, _reducer(cls))
        _registered = True


def main() -> None:
    if hasattr(os, "nice"):
        os.nice(10)  # background work: the window gets the processor first
    from deskapp.core.suggest import suggest

    register()
    article = pickle.load(sys.stdin.buffer)
    started = time.perf_counter()
    try:
        result = suggest(article)
    except Exception:  # the window runs it again itself, where the error shows
        result = None
    ms = (time.perf_counter() - started) * 1000
    pickle.dump((result, ms), sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()


if __name__ == "__main__":  # run by its import name: pickles name its functions by it
    from deskapp.ui.suggest_process import main as _main

    _main()
