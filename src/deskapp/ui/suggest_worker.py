"""The suggestion engine off the GUI thread, for long articles (no widgets touched here).

The engine runs in a child process (``suggest_process``): a thread shared the
interpreter lock with the window, and for the second or so a 1 MB article takes, every
Python callback of the window waited for it (opening, then adding a mark, was two to
five times slower). A helper thread only feeds the child, waits for it (waiting holds no
lock), reads the result (sent in columns, made in bulk: ``suggest_process``) and
works out the marks' coverage: milliseconds shared with the window instead of the
whole run. A newer run kills the one it supersedes. If no child can be started
(a frozen build without an interpreter), the thread runs the engine itself as before.
The result comes back to the GUI thread through a queued signal, where the caller
applies it if the text is still the same.
"""

from __future__ import annotations

import contextlib
import pickle
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from itertools import islice, repeat

from PySide6.QtCore import QObject, Signal

from deskapp.core.annotations import AnnotationSet
from deskapp.core.article import Article
from deskapp.core.suggest import Suggestion, Suggestions, suggest
from deskapp.ui import suggest_process
from deskapp.ui.highlights import Highlight, Role
from deskapp.ui.review_memory import Coverage, cover_key
from deskapp.ui.suggestion_glue import item_highlights


@dataclass
class Prepared:
    """One engine run and what the window derives from it, worked out off the GUI thread."""

    text: str
    result: Suggestions | None  # None: the engine failed (the GUI thread runs it again)
    ms: float = 0.0
    covers: list[tuple] = field(default_factory=list)  # per item: its cover key
    underlines: list[list[Highlight]] = field(default_factory=list)  # per item
    coverage: Coverage | None = None  # the cover keys of the marks given


def prepare(article: Article, marks: AnnotationSet) -> Prepared:
    """Run the engine on ``article`` here, then ``derive``. Pure: safe on a thread."""
    started = time.perf_counter()
    try:
        result = suggest(article)
    except Exception:  # the GUI thread runs it again, where its error shows
        return Prepared(article.text, None)
    return derive(article.text, result, (time.perf_counter() - started) * 1000, marks)


def derive(text: str, result: Suggestions, ms: float, marks: AnnotationSet) -> Prepared:
    """Cover keys and underlines per suggestion; the cover keys of ``marks``."""
    items: tuple[Suggestion, ...] = result.items
    coverage = Coverage()
    coverage.update(marks)
    return Prepared(text, result, ms, [cover_key(i) for i in items],
                    [item_highlights(i) for i in items], coverage)


def run_in_child(article: Article, started: list[subprocess.Popen]) -> tuple:
    """What ``suggest_process.run`` sends back; the child is put in ``started`` as soon
    as it runs (so that it can be killed). Raises OSError when no child can be started,
    ``ChildFailed`` when it died (killed, say)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "deskapp.ui.suggest_process"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )
    started.append(child)
    data = pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        out, _ = child.communicate(data)
    except (BrokenPipeError, OSError) as exc:
        child.kill()
        child.wait()
        raise ChildFailed(str(exc)) from exc
    if child.returncode != 0 or not out:
        raise ChildFailed(f"exit status {child.returncode}")
    return pickle.loads(out)


def received(text: str, sent: tuple, marks: AnnotationSet) -> Prepared:
    """The ``Prepared`` of a child's run: its objects made in bulk, underlines from the
    ranges it worked out, and the cover keys of ``marks``."""
    encoded, ms, covers, ranges = sent
    if encoded is None:
        return Prepared(text, None)
    coverage = Coverage()
    coverage.update(marks)
    role = Role.SUGGESTION
    made = iter(map(tuple.__new__, repeat(Highlight),
                    [(s, e, role) for item in ranges for s, e in item]))  # made in C
    underlines = [list(islice(made, len(item))) for item in ranges]
    return Prepared(text, suggest_process.decode(encoded), ms, covers, underlines, coverage)


class ChildFailed(Exception):
    """The engine's child process ended without a result."""


class SuggestWorker(QObject):
    """``start(article, marks)`` prepares a run off the GUI thread; ``done`` brings it."""

    done = Signal(object)  # Prepared

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._children: list[subprocess.Popen] = []  # the one list, changed in place
        self._generation = 0
        self._lock = threading.Lock()
        children = self._children
        self.destroyed.connect(lambda *_: _kill(children))  # the window closed

    def start(self, article: Article, marks: AnnotationSet) -> None:
        self.cancel()
        with self._lock:
            self._generation += 1
            generation = self._generation
        threading.Thread(target=self._work, args=(article, marks, generation),
                         name="suggest", daemon=True).start()

    def cancel(self) -> None:
        """Kill the run in progress (its result would be superseded anyway)."""
        with self._lock:
            self._generation += 1
        _kill(self._children)

    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    def _work(self, article: Article, marks: AnnotationSet, generation: int) -> None:
        if not self._current(generation):
            return  # superseded before it began
        try:
            sent = run_in_child(article, self._children)  # cancel() kills it from there
        except ChildFailed:  # killed by a newer run, or crashed: the GUI thread runs it
            prepared = Prepared(article.text, None)
        except OSError:  # no child process here: the engine runs on this thread
            prepared = prepare(article, marks)
        else:
            if not self._current(generation):
                return
            prepared = received(article.text, sent, marks)
        if self._current(generation):
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self.done.emit(prepared)


def _kill(children: list[subprocess.Popen]) -> None:
    """Kill every child still running and forget them all."""
    while children:
        child = children.pop()
        if child.poll() is None:
            child.kill()
