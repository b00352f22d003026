"""The `deskapp` command. With no sub-command it opens the window (``deskapp FILE...`` opens
the files in it); ``--install-desktop-entry`` adds deskapp to the desktop's menu.

Sub-commands live in modules of this package, one per capability; each attaches
its commands to ``main``. Errors a user can cause print one line on stderr and
exit 1 (2 for usage errors), never a traceback.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from deskapp import __version__
from deskapp.cli.printable import printable
from deskapp.core.errors import DeskappError

COMMAND_MODULES = (
    "deskapp.cli.detect",
    "deskapp.cli.importing",
    "deskapp.cli.articles",
    "deskapp.cli.desk",
    "deskapp.cli.exporting",
    "deskapp.cli.stores",
)


class DeskappGroup(click.Group):
    """A group that turns ``DeskappError`` into a one-line error and exit 1, and takes
    ``deskapp FILE...`` (no command, files that are there) as files to open in the window."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        first = _first_argument(args)
        if first is not None and args[first] not in self.commands and _looks_like_file(
                args[first]):
            ctx.meta["files"] = [Path(a) for a in args[first:]]
            args = args[:first]
        return super().parse_args(ctx, args)

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


def _first_argument(args: list[str]) -> int | None:
    """Where the first argument that is neither an option nor an option's value is."""
    skip = False
    for index, arg in enumerate(args):
        if skip:
            skip = False
        elif arg == "--store":
            skip = True
        elif arg == "--":
            return index + 1 if index + 1 < len(args) else None
        elif not arg.startswith("-"):
            return index
    return None


def _looks_like_file(arg: str) -> bool:
    """A file to open rather than a mistyped command: it exists, or names a path."""
    return Path(arg).exists() or "/" in arg or "\\" in arg or Path(arg).suffix != ""


def _install_desktop_entry(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from deskapp.desktop import install_desktop_entry

    for path in install_desktop_entry():
        click.echo(f"installed {printable(str(path))}")
    ctx.exit(0)


@click.group(
    cls=DeskappGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", prog_name="deskapp")
@click.option(
    "--install-desktop-entry", is_flag=True, expose_value=False, is_eager=True,
    callback=_install_desktop_entry,
    help="Add deskapp (its .desktop entry and icon) to this user's application menu.",
)
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

    Run without a command to open the window; `deskapp FILE...` opens the files in it
    (.txt, .md, .html, .json).
    """
    ctx.ensure_object(dict)
    ctx.obj["store_path"] = store_path
    if ctx.invoked_subcommand is None:
        from deskapp.ui.app import run

        sys.exit(run(store_path=store_path, files=ctx.meta.get("files", [])))


for _name in COMMAND_MODULES:
    importlib.import_module(_name)
