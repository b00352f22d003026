"""Options and helpers shared by the sub-commands."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from deskapp.cli.printable import json_text
from deskapp.core.errors import NotFound
from deskapp.paths import default_store_path, store_location


def store_option(func: Callable) -> Callable:
    """``--store PATH`` on a sub-command (falls back to the group's, then the default)."""
    return click.option(
        "--store", "store_path", type=click.Path(dir_okay=False),
        help="The store: an SQLite file, or a postgresql://… URL of a desk's shared store "
        "(default: DESKAPP_STORE or the app data folder).",
    )(func)


def resolve_store_path(store_path: str | None) -> Path | str:
    """The store a command works on: its option, the group's option, the env, the default
    (a ``postgresql://…`` URL stays a string)."""
    ctx = click.get_current_context(silent=True)
    group_path = ctx.find_root().obj.get("store_path") if ctx and ctx.find_root().obj else None
    chosen = store_path or group_path or os.environ.get("DESKAPP_STORE")
    return store_location(chosen) if chosen else default_store_path()


def echo_json(value: Any) -> None:
    """Print ``value`` as JSON (UTF-8, not ASCII-escaped; control characters escaped)."""
    click.echo(json_text(value, indent=2))


SQLITE_INT_MAX = 2**63 - 1
"""The largest whole number the store holds (SQLite's 64-bit integers)."""


class StoreNumber(click.ParamType):
    """A whole number (from 1 up with ``positive``); one the store cannot hold is a one-line
    error (``NotFound``: no such article or version) or, with ``clamp``, the largest one."""

    name = "integer"

    def __init__(self, what: str, *, positive: bool = False, clamp: bool = False) -> None:
        self.what, self.positive, self.clamp = what, positive, clamp

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        number = (click.IntRange(min=1) if self.positive else click.INT).convert(
            value, param, ctx)
        if -SQLITE_INT_MAX <= number <= SQLITE_INT_MAX:
            return number
        if self.clamp:
            return SQLITE_INT_MAX
        raise NotFound(f"there is no {self.what} {number} (the largest possible is "
                       f"{SQLITE_INT_MAX})")
