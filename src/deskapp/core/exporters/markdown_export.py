"""Markdown export: the article body with its marks readable in plain text.

In the text a quote or content reads ``⟦words⟧[^N]``, a source ``⟦she⟧{Amanda Lapo}`` and a
cue ``⟦said⟧``; footnote N names the kind, who said it (canonical name and the words as
written), the cue and the words (pieces joined by " … "). Everything from the article is
escaped, so the ``markdown`` package (with or without its footnotes extension) turns no
text of the article into markup. The hand-off notes of the current round (needs changes,
overrides, returns) follow the facts as a "Review notes" block quote.
"""

from __future__ import annotations

import re

from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.exporters.body import body_ranges, paragraphs
from deskapp.core.exporters.view import MarkView, Piece, by_paragraph, mark_views, segments
from deskapp.core.registry import Registry

_INLINE = re.compile(r"([\\`*_\[\]>|{}!~^=])")
_BLOCK_MARK = re.compile(r"^(\s*)([#+\-=])", re.MULTILINE)
_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
OPEN, CLOSE = "⟦", "⟧"


def md_escape(text: str) -> str:
    """Escape characters that Markdown would read as syntax (and raw HTML)."""
    escaped = _INLINE.sub(r"\\\1", text).replace("<", "&lt;")
    escaped = _BLOCK_MARK.sub(r"\1\\\2", escaped)
    return _LIST_NUMBER.sub(r"\1\\\2", escaped)


def body_text(article: Article) -> str:
    """The article proper: the body part(s) when known, else the text minus boilerplate."""
    return "\n".join(article.text[a:b] for a, b in body_ranges(article)).strip()


def _marked(text: str, start: int, end: int, pieces: list[Piece]) -> str:
    out: list[str] = []
    for a, b, over in segments(start, end, pieces):
        opening = [p for p in over if p.start == a]
        out += [OPEN] * len(opening)
        out.append(md_escape(text[a:b]))
        for p in reversed(over):
            if p.end != b:
                continue
            out.append(CLOSE)
            if p.role in ("quote", "content"):
                out.append(f"[^{p.view.number}]")
            elif p.role == "source" and p.view.name and p.view.name != p.view.written:
                out.append("{" + md_escape(p.view.name) + "}")
    return "".join(out)


def _who(view: MarkView) -> str:
    if not view.name and not view.written:
        return "speaker unknown" if view.is_quote else f"source {view.source_kind}"
    shown = md_escape(view.name) if view.name else ""
    if view.written and view.written != view.name:
        shown += f" (as written: “{md_escape(view.written)}”)"
    return shown.strip()


def footnote(view: MarkView) -> str:
    """``[^N]: Quote — Amanda Lapo (as written: “she”); cue “said”: “words … words”``."""
    kind = "Quote" if view.is_quote else f"Attribution ({md_escape(view.source_kind)})"
    cue = f"; cue “{md_escape(view.cue)}”" if view.cue else ""
    flag = " (orphaned)" if view.mark.orphaned else ""
    words = md_escape(view.words).replace("\n", " ")
    return f"[^{view.number}]: {kind} — {_who(view)}{cue}: “{words}”{flag}"


def review_notes(doc: Document) -> list[str]:
    """The hand-off notes as a block quote (no lines when there are none)."""
    if not doc.handoff:
        return []
    out = ["## Review notes", ""]
    for note in doc.handoff:
        lines = note.lines()
        out.append(f"> **{md_escape(lines[0])}**  ")
        out += [f"> {md_escape(line)}  " for text in lines[1:] for line in text.splitlines()]
        out.append("")
    return out


def to_markdown(doc: Document, registry: Registry | None = None) -> str:
    """The reviewed article as Markdown, its marks in the text and as footnotes."""
    meta = doc.article.meta
    out = [f"# {md_escape(doc.title)}", ""]
    facts = [
        ("Dateline", meta.dateline), ("Byline", meta.byline), ("Published", meta.published),
        ("Source", meta.source_url), ("Credit", meta.credit),
        ("State", str(doc.state)), ("Version", str(doc.version or "")),
        ("Reviewer", doc.reviewer),
    ]
    out += [f"- **{k}:** {md_escape(v)}" for k, v in facts if v]
    out.append("")
    out += review_notes(doc)
    views = mark_views(doc, registry)
    pieces = [p for v in views for p in v.pieces()]
    text = doc.article.text
    spans = paragraphs(doc.article)
    out += [f"{_marked(text, a, b, inside)}\n"
            for (a, b), inside in zip(spans, by_paragraph(spans, pieces), strict=True)]
    if views:
        out += ["---", "", f"Marks: {OPEN}quote or content⟧[^N], {OPEN}source⟧{{canonical "
                "name}, ⟦cue⟧; the notes name who said it.", ""]
        out += [footnote(v) for v in views]
    return "\n".join(out).rstrip() + "\n"
