"""HTML export: the Markdown export rendered by `markdown`, as a standalone page."""

from __future__ import annotations

import html

import markdown

from deskapp.core.document import Document
from deskapp.core.exporters.markdown_export import to_markdown

_STYLE = """
body { font-family: Georgia, serif; max-width: 42em; margin: 2em auto; line-height: 1.5; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: .3em .5em; }
"""


def to_html(doc: Document) -> str:
    """A complete UTF-8 HTML page of the reviewed article."""
    body = markdown.markdown(to_markdown(doc), extensions=["tables"], output_format="html")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(doc.title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
