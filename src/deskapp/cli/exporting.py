"""``deskapp export``: stored articles as md, html, json, csv, wadm, brat or pdf."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from deskapp.cli import main
from deskapp.cli.articles import ARTICLE_ID, opened
from deskapp.cli.common import StoreNumber, store_option
from deskapp.cli.printable import printable, printable_lines
from deskapp.core.document import Document
from deskapp.core.errors import DeskappError, ExportFailed
from deskapp.core.exporters import FORMATS, SUFFIXES, to_json_text
from deskapp.core.exporters.writing import batch_name, write_export
from deskapp.core.registry import Registry
from deskapp.core.workflow import State
from deskapp.store import Store

ALL_FORMATS = sorted([*FORMATS, "pdf"])


def _since(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)",
                                 param_hint="--since") from None


def _selected(store: Store, ids: tuple[int, ...], state: str | None,
              since: str | None) -> list[int]:
    if ids and state:
        raise click.UsageError("give article ids or --state, not both")
    if not ids and not state:
        raise click.UsageError("give one or more article ids, or --state STATE")
    if ids:
        return list(dict.fromkeys(ids))
    rows = store.list_articles(state=state, order="id", descending=False)
    return [r.id for r in rows if since is None or r.updated[:10] >= since]


def _content(store: Store, doc: Document, fmt: str, registry: Registry,
             with_history: bool) -> str | None:
    if fmt == "pdf":
        return None
    if with_history:
        history = [(info.to_json(), store.load(doc.id, info.version))
                   for info in store.history(doc.id)]
        return to_json_text(doc, registry, history)
    return FORMATS[fmt](doc, registry)


def _write(doc: Document, fmt: str, target: Path, registry: Registry,
           content: str | None) -> None:
    if fmt == "pdf":
        from deskapp.ui.pdf_export import export_pdf

        export_pdf(target, doc, registry)
    else:
        write_export(doc, fmt, target, registry, content)


@main.command("export")
@click.argument("article_ids", nargs=-1, type=ARTICLE_ID)
@store_option
@click.option("--format", "fmt", type=click.Choice(ALL_FORMATS), default="json",
              show_default=True, help="json (the export contract), md, html, csv (one row "
              "per mark), wadm (W3C Web Annotation JSON-LD), brat (.txt + .ann) or pdf.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file (all-or-nothing), or into this existing folder (one "
              "file per article; needed for several articles and for pdf).")
@click.option("--version", "version", type=StoreNumber("version", positive=True),
              help="Export this version (default: the latest); one article only.")
@click.option("--with-history", is_flag=True,
              help="json: every version of the article under \"history\".")
@click.option("--state", type=click.Choice([s.value for s in State]),
              help="Export every article in this state (instead of ids).")
@click.option("--since", help="With --state: only articles updated on or after this date.")
def export_command(article_ids: tuple[int, ...], store_path: str | None, fmt: str,
                   output: Path | None, version: int | None, with_history: bool,
                   state: str | None, since: str | None) -> None:
    """Export stored articles with their marks (to standard output for one article in a
    text format without -o; brat's standard output is the .ann)."""
    if with_history and fmt != "json":
        raise click.UsageError("--with-history goes with --format json")
    if since and not state:
        raise click.UsageError("--since goes with --state")
    if state and output is None:
        raise click.UsageError("--state exports into a folder: give -o FOLDER")
    since = _since(since)
    with opened(store_path) as store:
        ids = _selected(store, article_ids, state, since)
        if version is not None and len(ids) != 1:
            raise click.UsageError("--version goes with one article")
        folder = output is not None and (output.is_dir() or len(ids) != 1 or state)
        if folder and (output is None or not output.is_dir()):
            raise ExportFailed(f"cannot write into {output}: it is not an existing folder")
        if output is None and (len(ids) != 1 or fmt == "pdf"):
            raise click.UsageError("give -o FILE (pdf) or -o FOLDER (several articles)")
        registry = store.load_registry()
        _export_all(store, ids, fmt, output, bool(folder), registry, version, with_history)


def _export_all(store: Store, ids: list[int], fmt: str, output: Path | None, folder: bool,
                registry: Registry, version: int | None, with_history: bool) -> None:
    failed = 0
    for article_id in ids:
        try:
            doc = store.load(article_id, version)
            content = _content(store, doc, fmt, registry, with_history)
            if output is None:
                _echo(content or "")
                continue
            target = output / batch_name(doc, fmt) if folder else output
            if fmt == "brat" and not folder and target.suffix.lower() not in (".ann", ".txt"):
                target = target.with_name(target.name + SUFFIXES["brat"])
            _write(doc, fmt, target, registry, content)
        except DeskappError as exc:
            if len(ids) == 1:
                raise
            failed += 1
            click.echo(f"deskapp: error: article {article_id}: {printable(str(exc))}",
                       err=True)
    if folder:
        click.echo(f"exported {len(ids) - failed} of {len(ids)} article"
                   f"{'s' if len(ids) != 1 else ''} to {printable(str(output))}", err=True)
    if failed:
        raise DeskappError(f"{failed} of {len(ids)} articles were not exported")


def _echo(content: str) -> None:
    if sys.stdout.isatty():  # shown, not piped: nothing in it may drive the terminal
        content = printable_lines(content)
    click.echo(content, nl=not content.endswith("\n"))
