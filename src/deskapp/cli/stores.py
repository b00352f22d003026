"""``deskapp store …``: whole-store work — ``migrate`` copies a store into another, across
engines (an SQLite file into a desk's PostgreSQL database, or back)."""

from __future__ import annotations

from pathlib import Path

import click

from deskapp.cli import main
from deskapp.cli.printable import printable
from deskapp.core.errors import StoreError
from deskapp.paths import store_location
from deskapp.store import Store
from deskapp.store.copying import copy_store


@main.group("store")
def store_group() -> None:
    """Whole-store work: copy a store into another (``migrate``)."""


@store_group.command("migrate")
@click.argument("source")
@click.argument("dest")
def migrate_command(source: str, dest: str) -> None:
    """Copy every article, version, transition, registry entry and setting of the store
    SOURCE into the empty store DEST, checking every version's hash and chain on the way.
    Each is an SQLite file or a postgresql://user@host/database URL; DEST is created when
    it does not exist (a file) or holds no store yet (a database); a DEST with articles
    is refused and nothing is written."""
    src_location, dest_location = store_location(source), store_location(dest)
    if str(src_location) == str(dest_location):
        raise StoreError(f"the source and the destination are the same store ({source})")
    new_file = isinstance(dest_location, Path) and not dest_location.exists()
    try:
        with Store.open(src_location, create=False) as src, \
                Store.open(dest_location, key=src.key) as target:
            copied = copy_store(src, target)
    except BaseException:
        if new_file:  # a file made for the copy is not left behind, empty
            for suffix in ("", "-wal", "-shm"):
                Path(f"{dest_location}{suffix}").unlink(missing_ok=True)
        raise
    click.echo(f"copied {printable(copied.describe())} from {printable(str(src.path))} to "
               f"{printable(str(target.path))}; every version's hash and chain checked")
