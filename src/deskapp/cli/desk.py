"""Sub-commands of the desk: assign an article to a reviewer, and the work queue's next."""

from __future__ import annotations

import click

from deskapp.cli import main
from deskapp.cli.articles import ARTICLE_ID, format_option, opened
from deskapp.cli.common import echo_json, store_option
from deskapp.cli.printable import printable
from deskapp.core.desk import clean_reviewer


@main.command("assign")
@click.argument("article_id", type=ARTICLE_ID)
@store_option
@format_option
@click.option("--to", "assignee", help="The reviewer to assign the article to.")
@click.option("--nobody", is_flag=True, help="Assign the article to nobody.")
def assign_command(article_id: int, store_path: str | None, fmt: str, assignee: str | None,
                   nobody: bool) -> None:
    """Assign an article to a reviewer (--to NAME) or to nobody (--nobody); not a version:
    the library and the work queue follow it."""
    if nobody == (assignee is not None):
        raise click.UsageError("give either --to NAME or --nobody")
    name = "" if nobody else clean_reviewer(assignee or "")
    with opened(store_path) as store:
        kept = store.assign(article_id, name)
    if fmt == "json":
        echo_json({"id": article_id, "assignee": kept})
    else:
        click.echo(f"assigned article {article_id} to {printable(kept)}" if kept
                   else f"article {article_id} is assigned to nobody")


@main.command("next")
@store_option
@format_option
@click.option("--reviewer", required=True, help="Whose queue: unassigned articles and theirs.")
def next_command(store_path: str | None, fmt: str, reviewer: str) -> None:
    """The work queue's next article for a reviewer: unassigned or theirs, needs changes
    first, then in review, then new, longest waiting first (JSON: the list row, or null)."""
    name = clean_reviewer(reviewer)
    with opened(store_path) as store:
        found = store.next_article(name)
    if fmt == "json":
        echo_json(None if found is None else found.to_json())
    elif found is None:
        click.echo("the queue is empty")
    else:
        click.echo(f"{found.id:>6}  {printable(found.state):<13} {printable(found.title)}")
