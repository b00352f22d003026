"""Options and helpers shared by the sub-commands."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from deskapp.paths import default_store_path


def store_option(func: Callable) -> Callable:
    """``--store PATH`` on a sub-command (falls back to the group's, then the default)."""
    return click.option(
        "--store", "store_path", type=click.Path(dir_okay=False),
        help="The SQLite store (default: DESKAPP_STORE or the app data folder).",
    )(func)


def resolve_store_path(store_path: str | None) -> Path:
    """The store a command works on: its option, the group's option, the env, the default."""
    ctx = click.get_current_context(silent=True)
    group_path = ctx.find_root().obj.get("store_path") if ctx and ctx.find_root().obj else None
    chosen = store_path or group_path or os.environ.get("DESKAPP_STORE")
    return Path(chosen) if chosen else default_store_path()


def echo_json(value: Any) -> None:
    """Print ``value`` as JSON (UTF-8, not ASCII-escaped)."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))
