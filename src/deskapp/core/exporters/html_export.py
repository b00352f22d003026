"""HTML export: a standalone page with every mark in the text as a ``<mark>`` element.

Each quote and attribution part is ``<mark class="ROLE" data-mark="ID" data-role="ROLE"
data-name="CANONICAL NAME">`` (roles: quote, source, cue, content), a legend explains the
colours (light backgrounds with a border style per role, so they print, in grey too), and
lists of quotes and attributions follow with the canonical names beside the words as
written. The hand-off notes of the current round (needs changes, overrides, returns) follow
the facts in a "Review notes" section. Everything from the article is escaped: no markup
of it reaches the page.
"""

from __future__ import annotations

from html import escape

from deskapp.core.document import Document
from deskapp.core.exporters.body import paragraphs
from deskapp.core.exporters.view import MarkView, Piece, by_paragraph, mark_views, segments
from deskapp.core.registry import Registry

COLOURS = {"quote": "#fff2a8", "content": "#d7ecff", "source": "#d9f5d0", "cue": "#f6dcef"}
BORDERS = {"quote": "solid", "content": "dashed", "source": "dotted", "cue": "double"}
LEGEND = {"quote": "Quote", "content": "Attributed content", "source": "Source or speaker",
          "cue": "Cue"}

_STYLE = (
    "body { font-family: Georgia, serif; max-width: 42em; margin: 2em auto; "
    "line-height: 1.5; }\n"
    "table { border-collapse: collapse; } td, th { border: 1px solid #999; "
    "padding: .3em .5em; vertical-align: top; }\n"
    "mark { color: inherit; -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    + "".join(f"mark.{r} {{ background: {c}; border-bottom: 2px {BORDERS[r]} #555; }}\n"
              for r, c in COLOURS.items())
    + ".legend mark { padding: 0 .3em; } .as-written { color: #555; }\n"
)


def _e(text: str) -> str:
    return escape(text, quote=True)


def _open(piece: Piece, tag: str) -> str:
    view = piece.view
    name = f' data-name="{_e(view.name)}"' if view.name else ""
    label = LEGEND[piece.role] + (f" — {view.name}" if view.name else "")
    style = (f' style="background-color: {COLOURS[piece.role]}"' if tag != "mark" else "")
    return (f'<{tag} class="{piece.role}" data-mark="{_e(view.mark.id)}" '
            f'data-role="{piece.role}"{name} title="{_e(label)}"{style}>')


def marked_paragraph(text: str, start: int, end: int, pieces: list[Piece],
                     tag: str = "mark") -> str:
    """``text[start:end]`` escaped, each covered stretch inside its (nested) mark tags."""
    out = []
    for a, b, over in segments(start, end, pieces):
        out += [_open(p, tag) for p in over]
        out.append(_e(text[a:b]))
        out.append(f"</{tag}>" * len(over))
    return "".join(out)


def _facts(doc: Document) -> str:
    meta = doc.article.meta
    rows = [("Dateline", meta.dateline), ("Byline", meta.byline),
            ("Published", meta.published), ("Source", meta.source_url),
            ("Credit", meta.credit), ("State", str(doc.state)),
            ("Version", str(doc.version or "")), ("Reviewer", doc.reviewer)]
    items = "".join(f"<li><b>{k}:</b> {_e(v)}</li>" for k, v in rows if v)
    return f'<ul class="facts">{items}</ul>\n' if items else ""


def review_notes_html(doc: Document) -> str:
    """The "Review notes" section ("" when there are none)."""
    if not doc.handoff:
        return ""
    items = []
    for note in doc.handoff:
        heading, *rest = note.lines()
        body = "".join(f"<br>{_e(line)}" for line in rest)
        items.append(f'<li class="review-note {_e(note.kind)}"><b>{_e(heading)}</b>{body}</li>')
    return f'<section class="review-notes"><h2>Review notes</h2><ul>{"".join(items)}</ul>' \
        "</section>\n"


def _who(view: MarkView) -> str:
    if not view.name and not view.written:
        return f"<i>{_e(view.source_kind if not view.is_quote else 'speaker unknown')}</i>"
    shown = f"<b>{_e(view.name)}</b>" if view.name else ""
    if view.written and view.written != view.name:
        shown += f' <span class="as-written">(“{_e(view.written)}”)</span>'
    return shown.strip()


def _lists(views: list[MarkView]) -> str:
    quotes = [v for v in views if v.is_quote]
    attributions = [v for v in views if not v.is_quote]
    out = []
    if quotes:
        items = "".join(
            f'<li id="mark-{_e(v.mark.id)}">“{_e(v.words)}” — {_who(v)}'
            f"{' (cue: ' + _e(v.cue) + ')' if v.cue else ''}"
            f"{' <i>(orphaned)</i>' if v.mark.orphaned else ''}</li>" for v in quotes)
        out.append(f"<h2>Quotes</h2>\n<ol>{items}</ol>\n")
    if attributions:
        rows = "".join(
            f'<tr id="mark-{_e(v.mark.id)}"><td>{_who(v)}</td><td>{_e(v.source_kind)}</td>'
            f"<td>{_e(v.cue) or '—'}</td><td>{_e(v.words)}</td></tr>" for v in attributions)
        out.append("<h2>Attributions</h2>\n<table><tr><th>Source</th><th>Kind</th>"
                   f"<th>Cue</th><th>Content</th></tr>{rows}</table>\n")
    return "".join(out)


def _legend(tag: str) -> str:
    items = " ".join(
        f'<{tag} class="{r}"'
        + (f' style="background-color: {COLOURS[r]}"' if tag != "mark" else "")
        + f">{label}</{tag}>" for r, label in LEGEND.items())
    return f'<p class="legend">Marks: {items}</p>\n'


def html_body(doc: Document, registry: Registry | None = None, tag: str = "mark") -> str:
    """The inside of the page's ``<body>`` (``tag="span"`` for Qt's rich text engine)."""
    views = mark_views(doc, registry)
    pieces = [p for v in views for p in v.pieces()]
    text = doc.article.text
    spans = paragraphs(doc.article)
    paras = "".join(f"<p>{marked_paragraph(text, a, b, inside, tag)}</p>\n"
                    for (a, b), inside in zip(spans, by_paragraph(spans, pieces), strict=True))
    return (f"<h1>{_e(doc.title)}</h1>\n{_facts(doc)}{review_notes_html(doc)}{_legend(tag)}"
            f'<div class="text">\n{paras}</div>\n{_lists(views)}')


def to_html(doc: Document, registry: Registry | None = None) -> str:
    """A complete UTF-8 HTML page of the reviewed article with its marks."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{_e(doc.title)}</title>\n<style>\n{_STYLE}</style>\n</head>\n"
        f"<body>\n{html_body(doc, registry)}</body>\n</html>\n"
    )


def qt_style() -> str:
    """The style sheet Qt's rich text engine understands (for the PDF)."""
    return ("body { font-family: serif; } td, th { padding: 3px; } "
            ".as-written { color: #555555; }")
