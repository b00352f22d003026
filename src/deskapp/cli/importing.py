"""Sub-commands that read files: ``inspect`` (nothing stored) and ``import`` (into the store)."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from deskapp.cli import main
from deskapp.cli.common import echo_json, resolve_store_path, store_option
from deskapp.cli.printable import json_text, printable
from deskapp.core.article import Article
from deskapp.core.errors import DeskappError
from deskapp.core.importers import ImportResult, collect_files, iter_import, read_document

if TYPE_CHECKING:
    from deskapp.store import Store

INSPECT_FIELDS = ("title", "dateline", "byline", "credit", "source_url", "published", "encoding")


def inspect_json(article: Article) -> dict:
    """The ``inspect --format json`` contract; unknown values are null, never ""."""
    meta = article.meta.to_json()
    out: dict = {key: meta.get(key) or None for key in INSPECT_FIELDS}
    out["text"] = article.text
    out["parts"] = [part.to_json() for part in article.parts]
    return out


def _echo_text(path: Path, article: Article) -> None:
    click.echo(f"file: {printable(path)}")
    meta = article.meta.to_json()
    for key in (*INSPECT_FIELDS, "site_name", "sha256"):
        if meta.get(key):
            click.echo(f"{key}: {printable(meta[key])}")
    click.echo(f"characters: {len(article.text)}")
    click.echo("parts:")
    for part in article.parts:
        preview = printable(" ".join(part.span.text.split()))
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


def default_reviewer() -> str:
    """Who the CLI records as the importer: DESKAPP_REVIEWER, else the OS user."""
    name = os.environ.get("DESKAPP_REVIEWER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "deskapp"


class _Progress:
    """``[n/N] file`` on one stderr line, only when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.shown = sys.stderr.isatty() and total > 1

    def show(self, done: int, path: Path) -> None:
        if self.shown:
            sys.stderr.write(f"\r\x1b[K[{done}/{self.total}] {printable(path.name)}"[:200])
            sys.stderr.flush()

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def store_result(store: Store, result: ImportResult, reviewer: str) -> dict:
    """Save one batch result (or find its twin); the ``--format json`` line of that file."""
    from deskapp.store.file_import import import_file

    line: dict = {"path": str(result.path), "id": None, "error": result.error, "duplicate": False}
    if result.document is None:
        return line
    try:
        outcome = import_file(store, result.document, result.path, reviewer=reviewer,
                              note=f"imported from {result.path.name}")
        line.update(id=outcome.article_id, duplicate=outcome.duplicate)
    except DeskappError as exc:
        line["error"] = f"{result.path}: not stored ({exc})"
    return line


def _echo_line(line: dict, fmt: str) -> None:
    if fmt == "json":
        click.echo(json_text(line))
    elif line["error"]:
        reason = line["error"].removeprefix(f"{line['path']}: ")
        click.echo(f"error\t{printable(line['path'])}\t{printable(reason)}")
    else:
        twin = "\t(already imported)" if line["duplicate"] else ""
        click.echo(f"{line['id']}\t{printable(line['path'])}{twin}")


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="One line per file: text (tab-separated) or JSON.")
@click.option("--recursive/--no-recursive", default=True, show_default=True,
              help="Look into sub-folders of the folders given.")
@click.option("--reviewer", help="Recorded with each new version (default: DESKAPP_REVIEWER "
              "or the OS user).")
def import_command(paths: tuple[Path, ...], store_path: str | None, fmt: str, recursive: bool,
                   reviewer: str | None) -> None:
    """Import files and folders (.txt .md .html .json) into the store.

    Prints one line per file: "ID<TAB>PATH" (a third column says when the same content
    was already stored: its existing id is given, no twin is made) or
    "error<TAB>PATH<TAB>REASON"; with --format json, one {"path", "id", "error",
    "duplicate"} object per line. Exit status 1 when any file failed (the others are
    still imported), 0 otherwise.
    """
    from deskapp.store import Store

    files = collect_files(paths, recursive=recursive)
    who = (reviewer or "").strip() or default_reviewer()
    failed = 0
    progress = _Progress(len(files))
    store = Store.open(resolve_store_path(store_path))
    try:
        for done, result in enumerate(iter_import(files, recursive=False), start=1):
            progress.show(done, result.path)
            line = store_result(store, result, who)
            failed += bool(line["error"])
            progress.clear()
            _echo_line(line, fmt)
    finally:
        progress.clear()
        store.close()
    if failed:
        click.get_current_context().exit(1)
