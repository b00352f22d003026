"""Sub-commands that read files: ``inspect`` (nothing stored) and ``import`` (into the store)."""

from __future__ import annotations

from pathlib import Path

import click

from deskapp.cli import main
from deskapp.cli.common import echo_json
from deskapp.core.article import Article
from deskapp.core.importers import read_document

INSPECT_FIELDS = ("title", "dateline", "byline", "credit", "source_url", "published", "encoding")


def inspect_json(article: Article) -> dict:
    """The ``inspect --format json`` contract; unknown values are null, never ""."""
    meta = article.meta.to_json()
    out: dict = {key: meta.get(key) or None for key in INSPECT_FIELDS}
    out["text"] = article.text
    out["parts"] = [part.to_json() for part in article.parts]
    return out


def _echo_text(path: Path, article: Article) -> None:
    click.echo(f"file: {path}")
    meta = article.meta.to_json()
    for key in (*INSPECT_FIELDS, "site_name", "sha256"):
        if meta.get(key):
            click.echo(f"{key}: {meta[key]}")
    click.echo(f"characters: {len(article.text)}")
    click.echo("parts:")
    for part in article.parts:
        preview = " ".join(part.span.text.split())
        preview = preview if len(preview) <= 70 else preview[:69] + "…"
        click.echo(f"  {part.kind:<12}{part.span.start:>7}-{part.span.end:<7} {preview}")


@main.command("inspect")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format; json is the stable contract.")
def inspect_command(file: Path, fmt: str) -> None:
    """Show what deskapp reads in FILE: metadata, text and parts. Stores nothing.

    In JSON, offsets are Python str indices into "text"; absent values are null.
    """
    article = read_document(file).article
    if fmt == "json":
        echo_json(inspect_json(article))
    else:
        _echo_text(file, article)
