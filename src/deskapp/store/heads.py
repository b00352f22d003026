"""A small record, kept outside each store, of how much it held when deskapp last saved.

One JSON file per store path in ``<config folder>/stores/``: the store's id, how many
articles and versions it held, and its newest save (article, version, seal, time). A save
updates it after its commit; ``verify`` compares the store with it, so a store that lost
articles or versions (rows deleted, the write-ahead log removed after a crash, the file
truncated or replaced) is reported as holding less than it did. The record only ever lags
behind the store (a crash between commit and record), so it never raises a false alarm.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from deskapp.core.errors import StoreError
from deskapp.paths import config_dir

try:
    import fcntl
except ImportError:  # Windows: saves of one store are rare enough not to collide
    fcntl = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Heads:
    """What a store held after the last save recorded."""

    path: str
    store_id: str
    articles: int
    versions: int
    article_id: int
    version: int
    seal: str
    time: str

    def describe(self) -> str:
        return (f"{self.articles} article{'s' if self.articles != 1 else ''} and "
                f"{self.versions} version{'s' if self.versions != 1 else ''} "
                f"(last save: article {self.article_id} version {self.version} at {self.time})")


def record_file(store_path: Path) -> Path:
    """Where the record of the store at ``store_path`` lives (named by its full path)."""
    full = str(Path(store_path).expanduser().resolve())
    name = hashlib.sha256(full.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return config_dir() / "stores" / f"{name}.json"


def read_heads(store_path: Path) -> Heads | None:
    """The record of ``store_path``; None when there is none (or it cannot be read)."""
    try:
        return _parse(record_file(store_path).read_bytes()[:RECORD_LIMIT])
    except OSError:
        return None


def forget_heads(store_path: Path) -> None:
    """Drop the record (a new store is being made where none was)."""
    with contextlib.suppress(OSError):
        record_file(store_path).unlink()


def note_save(
    store_path: Path, store_id: str, *, new_articles: int, article_id: int, version: int,
    seal: str, time: str, count: Callable[[], tuple[int, int]], added: int = 1,
) -> None:
    """Record one committed save of ``added`` versions (``version`` the newest of them;
    ``new_articles`` of them began an article).
    ``count`` gives (articles, versions) when the record is missing or belongs to another
    store; otherwise the counts go up by this save.

    The record is rewritten in place under a lock (a rename costs milliseconds per save on
    some file systems); a record damaged by a crash mid-write reads as missing and is
    counted afresh.
    """
    target = record_file(store_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(target, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return  # the save itself is committed; the record merely lags behind
    try:
        with _locked(fd):
            os.lseek(fd, 0, os.SEEK_SET)
            old = _parse(os.read(fd, RECORD_LIMIT))
            if old is None or old.store_id != store_id:
                articles, versions = count()
            else:
                articles, versions = old.articles + new_articles, old.versions + added
            heads = Heads(str(Path(store_path).resolve()), store_id, articles, versions,
                          article_id, version, seal, time)
            data = json.dumps(asdict(heads), ensure_ascii=False).encode("utf-8")
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, data.ljust(RECORD_SIZE))
            os.ftruncate(fd, max(len(data), RECORD_SIZE))
    except OSError:
        pass
    finally:
        os.close(fd)


RECORD_SIZE = 512
RECORD_LIMIT = 64 * 1024


def _parse(data: bytes) -> Heads | None:
    try:
        return Heads(**json.loads(data.decode("utf-8")))
    except (ValueError, TypeError):
        return None


@contextlib.contextmanager
def _locked(fd: int):
    if fcntl is None:
        yield
        return
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


def compare(heads: Heads | None, store_id: str, articles: int, versions: int,
            has_save: Callable[[int, int, str], bool]) -> list[str]:
    """What the store lacks compared with its record (empty when it holds at least as much)."""
    if heads is None:
        return []
    if heads.store_id != store_id:
        return [f"store: this is not the store last saved at this path, which held "
                f"{heads.describe()}; it was replaced"]
    problems = []
    if articles < heads.articles or versions < heads.versions:
        problems.append(
            f"store: it holds less than it did: {articles} article"
            f"{'s' if articles != 1 else ''} and {versions} version"
            f"{'s' if versions != 1 else ''} now, {heads.describe()} before; restore a backup")
    if not has_save(heads.article_id, heads.version, heads.seal):
        problems.append(f"article {heads.article_id} version {heads.version}, saved at "
                        f"{heads.time}, is missing from the store")
    return problems


def refuse_an_emptied_store(path: Path, *, create: bool) -> None:
    """An empty (0-byte) file is never opened as a store when it held one, nor unasked."""
    if not (path.is_file() and path.stat().st_size == 0):
        return
    heads = read_heads(path)
    if heads is not None and heads.versions:
        raise StoreError(f"the store {path} is empty (0 bytes) but held {heads.describe()}: "
                         "it holds less than it did; restore a backup")
    if not create:
        raise StoreError(f"the store {path} is empty (0 bytes): it holds no deskapp data")
