"""The suggestion engine on a worker thread, for long articles (no widgets touched here).

``suggest(article)`` is pure core code and its caches are thread-safe; the worker only
computes, and the result comes back to the GUI thread through a queued signal, where
the caller applies it if the text is still the same. While a worker runs, the
interpreter switches threads every ``SWITCH_INTERVAL`` s instead of every 5 ms: each
Python callback of the window (a list row, a highlighted block) waits for the worker to
hand the interpreter over, and 5 ms a time made painting a long article crawl.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from deskapp.core.annotations import AnnotationSet
from deskapp.core.article import Article
from deskapp.core.suggest import Suggestion, Suggestions, suggest
from deskapp.ui.highlights import Highlight
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
    """Run the engine on ``article``; cover keys and underlines per suggestion; the cover
    keys of ``marks``. Pure: safe on a worker thread."""
    started = time.perf_counter()
    try:
        result = suggest(article)
    except Exception:  # the GUI thread runs it again, where its error shows
        return Prepared(article.text, None)
    items: tuple[Suggestion, ...] = result.items
    coverage = Coverage()
    coverage.update(marks)
    return Prepared(article.text, result, (time.perf_counter() - started) * 1000,
                    [cover_key(i) for i in items], [item_highlights(i) for i in items],
                    coverage)


SWITCH_INTERVAL = 0.0005
_running = 0
_saved_interval = sys.getswitchinterval()
_lock = threading.Lock()


def _begin() -> None:
    global _running, _saved_interval
    with _lock:
        if _running == 0:
            _saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(SWITCH_INTERVAL)
        _running += 1


def _end() -> None:
    global _running
    with _lock:
        _running -= 1
        if _running == 0:
            sys.setswitchinterval(_saved_interval)


class SuggestWorker(QObject):
    """``start(article, marks)`` prepares a run off the GUI thread; ``done`` brings it."""

    done = Signal(object)  # Prepared

    def start(self, article: Article, marks: AnnotationSet) -> None:
        _begin()
        threading.Thread(target=self._work, args=(article, marks), name="suggest",
                         daemon=True).start()

    def _work(self, article: Article, marks: AnnotationSet) -> None:
        try:
            prepared = prepare(article, marks)
        finally:
            _end()
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.done.emit(prepared)
