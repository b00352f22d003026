"""Editor core on a 1 MB article with 10,000 marks: add a mark, correct the text, navigate.

Run: ``python bench/editor_core.py``. Prints median (and worst) milliseconds per operation.
Goals from issue 5: add one mark ≤ 16 ms, one text correction re-anchoring every mark ≤ 50 ms.
A correction maps the marks it touches and moves the others lazily (``core.mark_chunks``);
the line after it prints what reading every moved mark costs on top.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from deskapp.core.anchoring import from_storage_json, storage_json
from deskapp.core.annotations import AnnotationSet, Attribution, Quote, SourceKind
from deskapp.core.article import Article, Part, PartKind
from deskapp.core.document import Document
from deskapp.core.edits import TextEdit, apply_edit
from deskapp.core.marking import make_quote, mark_at, names_in_text, next_mark
from deskapp.core.spans import Span

SAMPLE = Path(__file__).parent.parent / "tests" / "fixtures" / "venezuela-defections.txt"
SIZE = 1_000_000
MARKS = 10_000


def big_document(variant: int = 0) -> Document:
    """The sample's article body repeated to 1 MB, with 10,000 quotes and attributions;
    ``variant`` changes the last word of the text (a different article to open)."""
    sample = SAMPLE.read_text(encoding="utf-8")
    body = sample[: sample.index("Check Also")]
    text = (body * (SIZE // len(body) + 1))[:SIZE]
    text = text[: text.rindex("\n") + 1]
    if variant:
        text = f"{text[:-1]} v{variant}\n"
    words = [(i, i + 7) for i in range(0, len(text) - 40, len(text) // MARKS)]
    marks = []
    for n, (start, end) in enumerate(words[:MARKS]):
        if n % 2:
            marks.append(Quote(Span.of(text, start, end + 20), speaker="Someone"))
        else:
            marks.append(
                Attribution(
                    Span.of(text, start, end + 20),
                    source=Span.of(text, end + 21, end + 27),
                    cue=Span.of(text, end + 28, end + 32),
                    source_kind=SourceKind.PERSON,
                )
            )
    parts = (Part(PartKind.BODY, Span.of(text, 0, len(text))),)
    return Document(Article(text, parts), AnnotationSet.of(marks))


def timed(label: str, action: Callable[[], object], runs: int = 15, goal: float | None = None):
    times = []
    result = None
    for _ in range(runs):
        begin = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - begin) * 1000)
    verdict = "" if goal is None else ("  ok" if statistics.median(times) <= goal else "  SLOW")
    goal_text = "" if goal is None else f"  (goal ≤ {goal:g} ms)"
    print(
        f"{label:<48} median {statistics.median(times):8.2f} ms   worst {max(times):8.2f} ms"
        f"{goal_text}{verdict}"
    )
    return result


def calibration() -> float:
    """Milliseconds for a plain 1,000,000-step Python loop: to compare machines."""
    begin = time.perf_counter()
    total = 0
    for i in range(1_000_000):
        total += i
    return (time.perf_counter() - begin) * 1000


def main() -> None:
    print(f"machine reference: a 1,000,000-step Python loop takes {calibration():.0f} ms")
    begin = time.perf_counter()
    doc = big_document()
    print(
        f"article {len(doc.article.text):,} characters, {len(doc.marks):,} marks "
        f"(built in {(time.perf_counter() - begin) * 1000:.0f} ms)"
    )
    text = doc.article.text
    middle = text.index("Amanda Lapo", len(text) // 2)

    def add_one_mark() -> Document:
        quote = make_quote(doc, middle + 2, middle + 40, speaker="Amanda Lapo")
        return doc.add_mark(quote)

    added = timed("add one mark (snap, checks, insert)", add_one_mark, goal=16)
    assert len(added.marks) == len(doc.marks) + 1

    typo = TextEdit(middle, middle + len("Amanda"), "Amandine")
    edited = timed(
        "one text correction, 10,000 marks re-anchored", lambda: apply_edit(doc, typo), goal=50
    )
    orphans = sum(m.orphaned for m in edited.marks)
    print(f"  → {orphans} mark(s) orphaned by that correction; every other one exact")
    at_start = TextEdit(10, 10, "x")
    timed(
        "correction near the start (every mark shifts)", lambda: apply_edit(doc, at_start), goal=50
    )
    # marks after an edit move lazily, a chunk at a time; reading them all builds them
    timed("  then every mark read (doc.marks.marks)",
          lambda: apply_edit(doc, at_start).marks.marks)

    timed(
        "marks under the caret, first ask (chunk extents)", lambda: mark_at(edited, middle), runs=1
    )
    timed("marks under the caret (mark_at), then", lambda: mark_at(edited, middle))
    timed("next mark (F8)", lambda: next_mark(doc, middle))
    variants = iter([replace(doc.article, text=doc.article.text + " " * i) for i in range(3)])
    timed("names in the text (type-ahead), first ask", lambda: names_in_text(next(variants)),
          runs=3)
    timed("names in the text, the next mark dialogs", lambda: names_in_text(doc.article))
    data = timed("storage JSON with context", lambda: storage_json(doc), runs=3)
    timed("load from storage JSON (re-anchor check)", lambda: from_storage_json(data), runs=3)


if __name__ == "__main__":
    main()
