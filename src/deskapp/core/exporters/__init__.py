"""Turn a reviewed Document into files: JSON (the export contract), Markdown, HTML, CSV,
W3C Web Annotation (JSON-LD) and brat standoff. Each text exporter takes the document and
the people registry (for canonical names) and gives the file's text; brat gives two files
(``to_brat``), its ``.ann`` half alone going to standard output."""

from collections.abc import Callable

from deskapp.core.document import Document
from deskapp.core.exporters.brat_export import brat_ann, to_brat
from deskapp.core.exporters.csv_export import to_csv
from deskapp.core.exporters.html_export import to_html
from deskapp.core.exporters.json_export import document_to_export, to_json_text
from deskapp.core.exporters.markdown_export import to_markdown
from deskapp.core.exporters.wadm_export import to_wadm
from deskapp.core.registry import Registry

Exporter = Callable[[Document, Registry | None], str]
FORMATS: dict[str, Exporter] = {
    "json": to_json_text, "md": to_markdown, "html": to_html, "csv": to_csv,
    "wadm": to_wadm, "brat": brat_ann,
}
SUFFIXES = {"json": ".json", "md": ".md", "html": ".html", "csv": ".csv",
            "wadm": ".jsonld", "brat": ".ann", "pdf": ".pdf"}

__all__ = [
    "FORMATS", "SUFFIXES", "document_to_export", "to_brat", "to_csv", "to_html",
    "to_json_text", "to_markdown", "to_wadm",
]
