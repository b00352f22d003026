"""A store that lost committed data (log deleted after a crash, file truncated) is reported
by ``verify`` as holding less than it did, never as "ok"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from deskapp.cli import main
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.store import Store

KILLED_AFTER_SAVING = """
import os, signal, sys
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.store import Store
store = Store.open(sys.argv[1])
for n in range(2):
    store.save(Document(Article(f"Second batch article {n} about the harbour.")), reviewer="k")
os.kill(os.getpid(), signal.SIGKILL)
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_a_deleted_write_ahead_log_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.save(Document(Article("The first article, saved and closed.")), reviewer="ana")
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_SAVING, str(path)],
                            capture_output=True, text=True, timeout=60)
    assert killed.returncode != 0
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0  # the two committed saves live in the log only
    wal.unlink()
    path.with_name(path.name + "-shm").unlink(missing_ok=True)
    code, out, err = run("verify", "--store", str(path))
    assert code == 1
    assert out.startswith("store: it holds less than it did: 1 article and 1 version now, "
                          "3 articles and 3 versions (last save: article 3 version 1 at ")
    assert err.startswith("deskapp: error:") and len(err.splitlines()) == 1


def test_a_store_truncated_to_nothing_is_reported_and_never_reused(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.save(Document(Article("An article that will be lost.")), reviewer="ana")
    path.write_bytes(b"")
    code, out, err = run("verify", "--store", str(path))
    assert code == 1 and out == "" and len(err.splitlines()) == 1
    assert err.startswith(f"deskapp: error: the store {path} is empty (0 bytes) but held "
                          "1 article and 1 version (last save: article 1 version 1 at ")
    assert err.rstrip().endswith("it holds less than it did; restore a backup")
    source = tmp_path / "a.txt"
    source.write_text("A new article about the harbour.", encoding="utf-8")
    code, out, _ = run("import", str(source), "--store", str(path))
    assert code == 1 and path.stat().st_size == 0


def test_a_new_store_where_none_was_starts_a_new_record(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.save(Document(Article("An article in the first store.")), reviewer="ana")
    path.unlink()
    with Store.open(path) as store:
        assert store.verify() == []
