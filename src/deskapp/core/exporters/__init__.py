"""Turn a reviewed Document into files: JSON (the export contract), Markdown, HTML."""

from deskapp.core.exporters.csv_export import to_csv
from deskapp.core.exporters.html_export import to_html
from deskapp.core.exporters.json_export import document_to_export, to_json_text
from deskapp.core.exporters.markdown_export import to_markdown

FORMATS = {"json": to_json_text, "md": to_markdown, "html": to_html, "csv": to_csv}
SUFFIXES = {"json": ".json", "md": ".md", "html": ".html", "csv": ".csv"}

__all__ = [
    "FORMATS", "SUFFIXES", "document_to_export", "to_csv", "to_html", "to_json_text",
    "to_markdown",
]
