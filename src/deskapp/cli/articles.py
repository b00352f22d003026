"""Sub-commands on stored articles: list, history, search, approve, verify, backup."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from deskapp.cli import main
from deskapp.cli.common import StoreNumber, echo_json, resolve_store_path, store_option
from deskapp.cli.printable import printable
from deskapp.core.checks import document_blockers
from deskapp.core.desk import clean_reviewer
from deskapp.core.errors import DeskappError
from deskapp.core.review import ApprovalBlocked, require_approval
from deskapp.core.workflow import State, check_transition
from deskapp.store import ArticleSummary, Store, VersionInfo

format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="Output format; json is the stable contract for other tools.")
ARTICLE_ID = StoreNumber("article")
LIMIT = StoreNumber("limit", positive=True, clamp=True)


@contextmanager
def opened(store_path: str | None, *, read_only: bool = False) -> Iterator[Store]:
    """The existing store (never a new one: only ``import`` and the window create stores)."""
    store = Store.open(resolve_store_path(store_path), read_only=read_only, create=False)
    try:
        yield store
    finally:
        store.close()


def _echo_articles(rows: list[ArticleSummary], fmt: str) -> None:
    if fmt == "json":
        echo_json([row.to_json() for row in rows])
        return
    if not rows:
        click.echo("no articles")
        return
    click.echo(f"{'ID':>6}  {'STATE':<13} {'VER':>3}  {'UPDATED':<20} TITLE")
    for row in rows:
        click.echo(f"{row.id:>6}  {printable(row.state):<13} {row.versions:>3}  "
                   f"{printable(row.updated[:19]):<20} {printable(row.title)}")


@main.command("list")
@store_option
@format_option
@click.option("--state", type=click.Choice([s.value for s in State]),
              help="Only articles in this state.")
@click.option("--order", default="updated", show_default=True,
              type=click.Choice(["updated", "created", "title", "outlet", "state", "marks",
                                 "flags", "pending", "assignee", "versions", "id"]),
              help="Sort by this column.")
@click.option("--limit", type=LIMIT, help="At most this many articles.")
@click.option("--assignee", help="Only articles assigned to this reviewer.")
@click.option("--unassigned", is_flag=True, help="Only articles assigned to nobody.")
def list_command(store_path: str | None, fmt: str, state: str | None, order: str,
                 limit: int | None, assignee: str | None, unassigned: bool) -> None:
    """List the stored articles, most recently updated first."""
    if unassigned and assignee is not None:
        raise click.UsageError("give --assignee NAME or --unassigned, not both")
    who = "" if unassigned else (None if assignee is None else clean_reviewer(assignee))
    with opened(store_path) as store:
        rows = store.list_articles(state=state, order=order,
                                   descending=order in ("updated", "created", "marks", "flags",
                                                        "pending", "versions"), limit=limit,
                                   assignee=who)
    _echo_articles(rows, fmt)


def _echo_history(rows: list[VersionInfo], fmt: str) -> None:
    if fmt == "json":
        echo_json([row.to_json() for row in rows])
        return
    click.echo(f"{'VER':>3}  {'STATE':<13} {'TIME':<20} {'REVIEWER':<16} {'HASH':<12} NOTE")
    for row in rows:
        click.echo(f"{row.version:>3}  {printable(row.state):<13} {printable(row.time[:19]):<20} "
                   f"{printable(row.reviewer[:16]):<16} {printable(row.hash[:12]):<12} "
                   f"{printable(row.note)}")


@main.command("history")
@click.argument("article_id", type=ARTICLE_ID)
@store_option
@format_option
def history_command(article_id: int, store_path: str | None, fmt: str) -> None:
    """Every saved version of an article, oldest first, with its hash chain."""
    with opened(store_path) as store:
        rows = store.history(article_id)
    _echo_history(rows, fmt)


@main.command("search")
@click.argument("query")
@store_option
@format_option
@click.option("--limit", type=LIMIT, default=100, show_default=True,
              help="At most this many results.")
def search_command(query: str, store_path: str | None, fmt: str, limit: int) -> None:
    """Full-text search over titles, texts, speakers and sources (SQLite FTS5 syntax)."""
    with opened(store_path) as store:
        rows = store.search(query, limit=limit)
    _echo_articles(rows, fmt)


@main.command("approve")
@click.argument("article_id", type=ARTICLE_ID)
@store_option
@click.option("--reviewer", required=True, help="Who approves (recorded with the version).")
@click.option("--note", default="", help="Why; required to approve although checks fail.")
@click.option("--skip-thoughts", is_flag=True,
              help="Pending thought attributions (believes, plans, …) do not block approval.")
def approve_command(article_id: int, store_path: str | None, reviewer: str, note: str,
                    skip_thoughts: bool) -> None:
    """Approve an article after the review checks; a note overrides failing checks."""
    if not reviewer.strip():
        raise click.BadParameter("the reviewer's name is empty", param_hint="--reviewer")
    reviewer = clean_reviewer(reviewer)
    with opened(store_path) as store:
        doc = store.load(article_id)
        if doc.state == State.APPROVED:
            click.echo(f"article {article_id} is already approved (version {doc.version})")
            return
        check_transition(doc.state, State.APPROVED)
        try:
            blockers = document_blockers(doc, thoughts=not skip_thoughts)
            overridden = require_approval(blockers, note)
        except ApprovalBlocked as blocked:
            _report_blocked(article_id, blocked)
        saved = store.transition(article_id, State.APPROVED, reviewer=reviewer.strip(),
                                 note=note, overridden=overridden)
    extra = f", overriding {len(overridden)} failed check(s)" if overridden else ""
    click.echo(f"approved article {article_id} as version {saved.version}{extra}")


def _report_blocked(article_id: int, blocked: ApprovalBlocked) -> None:
    count = len(blocked.blockers)
    click.echo(f"deskapp: error: cannot approve article {article_id}: {count} check"
               f"{'s' if count != 1 else ''} failed (give --note to approve anyway)", err=True)
    for blocker in blocked.blockers:
        click.echo(f"  - {printable(blocker.message)}", err=True)
    sys.exit(1)


@main.command("verify")
@store_option
def verify_command(store_path: str | None) -> None:
    """Check the store: every version's hash, chain and keyed seal, the audit, the library
    rows, the file, and that it holds all it held when last saved; exit 1 if any fails."""
    with opened(store_path) as store:
        problems = store.verify()
        articles = store.count_articles()
    if problems:
        for problem in problems:
            click.echo(printable(problem))
        raise DeskappError(f"the store {store.path} failed verification: {len(problems)} "
                           f"problem{'s' if len(problems) != 1 else ''}")
    checked = ("nothing saved is missing, the file passes SQLite's integrity check"
               if store.engine.embedded else "the search index covers every article")
    click.echo(f"ok: {articles} article{'s' if articles != 1 else ''}, every version's hash, "
               f"chain and seal hold, the library matches the versions, {checked}")


@main.command("backup")
@click.argument("dest", type=click.Path(dir_okay=False, path_type=Path))
@store_option
@click.option("--force", is_flag=True, help="Replace DEST if it exists.")
def backup_command(dest: Path, store_path: str | None, force: bool) -> None:
    """Copy the store to DEST, an SQLite file: SQLite's online backup (safe while the app
    runs), or for a server's store a copy of everything in it into a new file."""
    with opened(store_path) as store:
        store.backup(dest, overwrite=force)
    click.echo(f"backed up to {printable(dest)}")
