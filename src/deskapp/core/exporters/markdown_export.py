"""Markdown export: the article body (no page furniture), then its quotes and sources."""

from __future__ import annotations

import re

from deskapp.core.article import Article, PartKind
from deskapp.core.document import Document

_INLINE = re.compile(r"([\\`*_\[\]>|])")
_BLOCK_MARK = re.compile(r"^(\s*)([#+\-=])", re.MULTILINE)
_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def md_escape(text: str) -> str:
    """Escape characters that Markdown would read as syntax (and raw HTML)."""
    escaped = _INLINE.sub(r"\\\1", text).replace("<", "&lt;")
    escaped = _BLOCK_MARK.sub(r"\1\\\2", escaped)
    return _LIST_NUMBER.sub(r"\1\\\2", escaped)


def body_text(article: Article) -> str:
    """The article proper: the body part(s) when known, else the text minus boilerplate."""
    bodies = article.parts_of(PartKind.BODY)
    if bodies:
        return "\n".join(p.span.text for p in bodies).strip()
    text = article.text
    cut = min((p.span.start for p in article.parts_of(PartKind.BOILERPLATE)), default=len(text))
    return text[:cut].strip()


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _span_text(span) -> str:
    return md_escape(span.piece_text) if span is not None else "—"


def to_markdown(doc: Document) -> str:
    """The reviewed article as Markdown."""
    article, meta = doc.article, doc.article.meta
    out = [f"# {md_escape(doc.title)}", ""]
    facts = [
        ("Dateline", meta.dateline), ("Byline", meta.byline), ("Published", meta.published),
        ("Source", meta.source_url), ("Credit", meta.credit),
        ("State", str(doc.state)), ("Version", str(doc.version or "")),
        ("Reviewer", doc.reviewer),
    ]
    out += [f"- **{k}:** {md_escape(v)}" for k, v in facts if v]
    out.append("")
    out += [f"{md_escape(p)}\n" for p in _paragraphs(body_text(article))]
    if doc.marks.quotes:
        out += ["## Quotes", ""]
        for q in doc.marks.quotes:
            speaker = md_escape(q.speaker) if q.speaker else "*speaker unknown*"
            flag = " *(orphaned)*" if q.orphaned else ""
            out.append(f"- “{md_escape(q.span.piece_text)}” — {speaker}{flag}")
        out.append("")
    if doc.marks.attributions:
        out += ["## Attributions", "", "| Source | Cue | Content |", "|---|---|---|"]
        for a in doc.marks.attributions:
            source = _span_text(a.source) if a.source else f"*{a.source_kind}*"
            content = _span_text(a.content).replace("\n", " ")
            out.append(f"| {source} | {_span_text(a.cue)} | {content} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
