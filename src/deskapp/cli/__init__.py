"""The `deskapp` command. With no sub-command it opens the window.

Sub-commands live in modules of this package, one per capability; each attaches
its commands to ``main``. Errors a user can cause print one line on stderr and
exit 1 (2 for usage errors), never a traceback.
"""

from __future__ import annotations

import importlib
import sys

import click

from deskapp import __version__
from deskapp.cli.printable import printable
from deskapp.core.errors import DeskappError

COMMAND_MODULES = (
    "deskapp.cli.detect",
    "deskapp.cli.importing",
    "deskapp.cli.articles",
    "deskapp.cli.exporting",
)


class DeskappGroup(click.Group):
    """A group that turns ``DeskappError`` into a one-line error and exit 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DeskappError as exc:
            click.echo(f"deskapp: error: {printable(exc)}", err=True)
            ctx.exit(1)
        except BrokenPipeError:
            # the reader (e.g. `| head`) went away: stop quietly, as other tools do
            sys.stderr.close()
            ctx.exit(1)
        except OSError as exc:
            message = f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
            click.echo(f"deskapp: error: {printable(message)}", err=True)
            ctx.exit(1)


@click.group(
    cls=DeskappGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", prog_name="deskapp")
@click.option(
    "--store",
    "store_path",
    type=click.Path(dir_okay=False),
    envvar="DESKAPP_STORE",
    help="The SQLite store (default: the app data folder; env DESKAPP_STORE).",
)
@click.pass_context
def main(ctx: click.Context, store_path: str | None) -> None:
    """Review monitored news articles: mark quotes and attributions, approve, keep versions.

    Run without a command to open the window.
    """
    ctx.ensure_object(dict)
    ctx.obj["store_path"] = store_path
    if ctx.invoked_subcommand is None:
        from deskapp.ui.app import run

        sys.exit(run(store_path=store_path))


for _name in COMMAND_MODULES:
    importlib.import_module(_name)
