"""brat standoff export: the article text (``.txt``) and its marks (``.ann``).

Each span is a T line (``T1<TAB>Source 0 5<TAB>she``) typed Quote, Content, Source or Cue,
in pieces where it has pieces (``Content 0 5;10 15``) and cut at line breaks as brat does;
its text is the pieces joined by a space. R lines tie a mark's source and cue to its quote
or content (``R1<TAB>Source Arg1:T1 Arg2:T2``); an ``A`` line gives an attribution's source
kind; ``#`` AnnotatorNotes give the canonical name of a source (on its T line, or on the
quote or content when the source is not in the text) and a mark's note. Offsets are
Python code points of the ``.txt`` file's text, exactly the article text.

The article's hand-off notes (``core.handoff``) are the one thing brat cannot carry: its
notes attach to one annotation and its ``.txt`` must stay the article text byte for byte;
every other format holds them.
"""

from __future__ import annotations

from deskapp.core.document import Document
from deskapp.core.exporters.view import mark_views
from deskapp.core.registry import Registry
from deskapp.core.spans import Span

TXT, ANN = ".txt", ".ann"


def brat_ranges(text: str, span: Span) -> list[tuple[int, int]]:
    """The span's pieces, each cut at its line breaks (brat's own convention)."""
    out = []
    for start, end in span.ranges:
        at = start
        for line in text[start:end].split("\n"):
            stop = at + len(line)
            if line.strip():
                a, b = at, stop
                out.append((a, b))
            at = stop + 1
    return out


def _flat(value: str) -> str:
    return " ".join(value.split())


class _Writer:
    def __init__(self, text: str) -> None:
        self.text, self.lines, self.count = text, [], {"T": 0, "R": 0, "A": 0, "#": 0}

    def next(self, letter: str) -> str:
        self.count[letter] += 1
        return f"{letter}{self.count[letter]}"

    def span(self, kind: str, span: Span) -> str | None:
        ranges = brat_ranges(self.text, span)
        if not ranges:
            return None
        tid = self.next("T")
        where = ";".join(f"{a} {b}" for a, b in ranges)
        words = " ".join(self.text[a:b] for a, b in ranges)
        self.lines.append(f"{tid}\t{kind} {where}\t{words}")
        return tid

    def note(self, tid: str, value: str) -> None:
        if value.strip():
            self.lines.append(f"{self.next('#')}\tAnnotatorNotes {tid}\t{_flat(value)}")


def to_brat(doc: Document, registry: Registry | None = None) -> dict[str, str]:
    """``{".txt": text, ".ann": standoff}`` of the article and its live marks."""
    out = _Writer(doc.article.text)
    for view in mark_views(doc, registry):
        if view.mark.orphaned:
            continue
        main = out.span("Quote" if view.is_quote else "Content", view.mark.anchor)
        if main is None:
            continue
        source = out.span("Source", view.who_span) if view.who_span is not None else None
        cue = out.span("Cue", view.mark.cue) if view.mark.cue is not None else None
        for kind, tid in (("Source", source), ("Cue", cue)):
            if tid is not None:
                out.lines.append(f"{out.next('R')}\t{kind} Arg1:{main} Arg2:{tid}")
        if not view.is_quote:
            out.lines.append(f"{out.next('A')}\tSourceKind {main} {view.source_kind}")
        if view.name and (source is None or view.name != view.written):
            out.note(source or main, f"name: {view.name}")
        out.note(main, view.mark.note)
    return {TXT: doc.article.text, ANN: "\n".join(out.lines) + ("\n" if out.lines else "")}


def brat_ann(doc: Document, registry: Registry | None = None) -> str:
    """The ``.ann`` half alone (what goes to standard output)."""
    return to_brat(doc, registry)[ANN]
