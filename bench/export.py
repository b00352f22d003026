"""Export benchmark: exports per second for each format on 1,000 reviewed articles.

Run: python bench/export.py [--articles 1000] [--pdf 50]
Goals (issue 14): >= 100 exports/s for md, html, json, csv, wadm and brat; >= 5/s for pdf.
Each article is the test sample (about 3 KB, a dozen paragraphs) with its own words changed
and ten marks: quotes with speaker and cue, attributions with source and cue, one content
in two pieces; the registry knows the speakers by their short names. Text formats are
made and written to a temporary folder (atomically, as the CLI does); pdf is laid out by
Qt offscreen on the first ``--pdf`` articles.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from deskapp.core.annotations import SourceKind
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.exporters import FORMATS
from deskapp.core.exporters.writing import write_export
from deskapp.core.marks import Attribution, Quote
from deskapp.core.registry import Entity, Registry
from deskapp.core.spans import Span
from deskapp.core.structure import detect_structure
from deskapp.core.workflow import State

SAMPLE = Path(__file__).parent.parent / "tests" / "fixtures" / "venezuela-defections.txt"
GOALS = {"md": 100, "html": 100, "json": 100, "csv": 100, "wadm": 100, "brat": 100, "pdf": 5}
REGISTRY = Registry.of([Entity("Amanda Lapo", aliases=("Lapo",)),
                        Entity("Marieke de Vries", aliases=("de Vries",))])


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span.of(text, start, start + len(words))


def article(n: int, base: str) -> Document:
    """The sample with a numbered story and ten marks, reviewed and approved."""
    extra = (f"\n\n“We counted {n} more,” de Vries said, “and the border is open.”"
             f"\n\nLapo said the figure of {n} was credible, officials told reporters.")
    marker = "Venezuela’s military, which"
    text = base.replace("567", str(500 + n)).replace(marker, extra.strip() + "\n\n" + marker)
    first, second = _span(text, f"We counted {n} more"), _span(text, "and the border is open")
    said, she, lapo = (text.index(w) for w in ("de Vries said", "she told", "Lapo said"))
    marks = [
        Quote(_span(text, "The defections don’t appear"), speaker="Lapo",
              speaker_span=Span.of(text, she, she + 3), cue=Span.of(text, she + 4, she + 8)),
        Attribution(Span.pieces(text, [(first.start, first.end), (second.start, second.end)]),
                    source=Span.of(text, said, said + 8), cue=Span.of(text, said + 9, said + 13),
                    source_kind=SourceKind.PERSON, entity="de Vries"),
        Attribution(_span(text, f"the figure of {n} was credible"),
                    source=Span.of(text, lapo, lapo + 4), cue=Span.of(text, lapo + 5, lapo + 9),
                    source_kind=SourceKind.PERSON, entity="Lapo"),
    ]
    for words, source, cue in (
        ("They also work with faulty equipment",
         "the International Institute for Strategic Studies (IISS)", "reported"),
        ("More than 500", "the Colombian migration authority", "reported Thursday"),
        ("The soldiers who left for Colombia", "The Associated Press", "according to"),
        ("Colombia has counted", "CNN", "according to CNN"),
        ("Guaidó has claimed", "Guaidó", "claimed"),
        ("Many saw Guaidó’s attempt", "Many", "saw"),
        ("Hundreds of thousands of Venezuelans", "Venezuelans", "called on"),
    ):
        if words in text and source in text and cue in text:
            marks.append(Attribution(_span(text, words), source=_span(text, source),
                                     cue=_span(text, cue), source_kind=SourceKind.ORGANISATION))
    doc = Document(Article(text, detect_structure(text)), state=State.APPROVED, id=n,
                   version=3, reviewer="bench")
    for mark in marks:
        doc = doc.add_mark(mark)
    return doc


def rate(docs: list[Document], fmt: str, folder: Path) -> float:
    start = time.perf_counter()
    for doc in docs:
        target = folder / f"{doc.id}.{fmt}"
        if fmt == "pdf":
            from deskapp.ui.pdf_export import export_pdf

            export_pdf(target, doc, REGISTRY)
        else:
            write_export(doc, fmt, target, REGISTRY)
    return len(docs) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--pdf", type=int, default=50, help="articles exported as pdf")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    base = SAMPLE.read_text(encoding="utf-8")
    docs = [article(n, base) for n in range(1, args.articles + 1)]
    marks = sum(len(d.marks) for d in docs) / len(docs)
    print(f"{len(docs)} reviewed articles, {marks:.1f} marks each, "
          f"{sum(len(d.article.text) for d in docs) / len(docs) / 1000:.1f} KB of text each")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in [*sorted(FORMATS), "pdf"]:
            folder = Path(tmp) / fmt
            folder.mkdir()
            chosen = docs[: args.pdf] if fmt == "pdf" else docs
            per_second = rate(chosen, fmt, folder)
            ok = per_second >= GOALS[fmt]
            failed |= not ok
            print(f"{fmt:>5}: {per_second:8.0f} exports/s on {len(chosen)} articles "
                  f"(goal >= {GOALS[fmt]}) {'ok' if ok else 'NOT MET'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
