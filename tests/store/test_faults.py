"""Faults: kill -9 mid-save, damaged files, a lock held elsewhere, a full disk, newer schema."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from store_samples import sample_document

from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.errors import StoreError
from deskapp.store import SCHEMA_VERSION, ReadOnlyStore, Store

SAVE_LOOP = textwrap.dedent("""
    import sys
    from deskapp.core.article import Article
    from deskapp.core.document import Document
    from deskapp.store import Store
    store = Store.open(sys.argv[1])
    text = open(sys.argv[2], encoding="utf-8").read()
    doc = store.save(Document(Article(text)), reviewer="loop")
    print(doc.id, flush=True)
    n = 0
    while True:
        n += 1
        doc = store.save(doc, reviewer="loop", note=f"save {n}", parent=doc.version)
        if n % 5 == 0:
            store.save(Document(Article(text * 3)), reviewer="loop")
        print(n, flush=True)
""")


def _filled_store(path: Path, text: str, count: int = 40) -> None:
    with Store.open(path) as store:
        for i in range(count):
            store.save(sample_document(text + f"\nnote {i}\n"), reviewer=f"editor{i}")


def _save_until_killed(store_path: Path, sample: Path, saves: int) -> tuple[int, int]:
    """Run the save loop, SIGKILL it after ``saves`` confirmed saves.

    Returns the id of the article it kept saving and how many saves it confirmed.
    """
    proc = subprocess.Popen([sys.executable, "-c", SAVE_LOOP, str(store_path), str(sample)],
                            stdout=subprocess.PIPE, text=True)
    try:
        article_id, reported = int(proc.stdout.readline()), 0
        deadline = time.monotonic() + 60
        while reported < saves and time.monotonic() < deadline:
            line = proc.stdout.readline()
            assert line, "the save loop died by itself"
            reported = int(line)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return article_id, reported


@pytest.mark.parametrize("saves", [[7, 31, 64]])
def test_kill_9_during_saves_leaves_every_version_complete(store_path, fixtures, saves) -> None:
    store_path.parent.mkdir(parents=True)
    sample = fixtures / "venezuela-defections.txt"
    for run, count in enumerate(saves, start=1):
        article_id, reported = _save_until_killed(store_path, sample, count)
        with Store.open(store_path, check=True) as store:
            assert store.verify() == []
            history = store.history(article_id)
            assert len(history) >= reported + 1, run  # every confirmed save is there
            for info in history:
                assert store.load(article_id, info.version).reviewer == "loop"


def test_truncated_store_is_refused_at_open(store_path, sample_text) -> None:
    _filled_store(store_path, sample_text)
    size = store_path.stat().st_size
    with store_path.open("r+b") as handle:
        handle.truncate(size // 2)
    with pytest.raises(StoreError, match="is damaged"):
        Store.open(store_path)
    with store_path.open("r+b") as handle:
        handle.truncate(60)
    with pytest.raises(StoreError, match="is damaged"):
        Store.open(store_path)


def test_flipped_bytes_in_a_page_header_are_caught_at_open(store_path, sample_text) -> None:
    _filled_store(store_path, sample_text)
    page_size = 4096
    data = bytearray(store_path.read_bytes())
    for page in range(2, len(data) // page_size):
        data[page * page_size] ^= 0xFF  # the b-tree page type of every page after page 2
    store_path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="is damaged"):
        Store.open(store_path)


def test_flipped_bytes_in_a_stored_text_are_named_by_verify(store_path, sample_text) -> None:
    _filled_store(store_path, sample_text, count=3)
    with Store.open(store_path) as store:
        store.save(Document(Article("Only this one mentions zanzibar.")), reviewer="x")
    data = store_path.read_bytes()
    assert b"mentions zanzibar" in data
    store_path.write_bytes(data.replace(b"mentions zanzibar", b"mentions Zanzibar"))
    with Store.open(store_path) as store:
        assert store.verify() == [
            "article 4 version 1: its content does not match its hash (changed outside deskapp)"]


def test_a_file_that_is_not_sqlite_is_refused(store_path) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(b"%PDF-1.4 not a database\n" * 20)
    with pytest.raises(StoreError, match="is not a deskapp store"):
        Store.open(store_path)
    assert store_path.read_bytes().startswith(b"%PDF")


def test_another_programs_sqlite_file_is_refused(store_path) -> None:
    store_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(store_path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a deskapp store"):
        Store.open(store_path)


def test_a_store_from_a_newer_deskapp_is_refused(store_path, doc) -> None:
    with Store.open(store_path) as store:
        store.save(doc, reviewer="ana")
    conn = sqlite3.connect(store_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="written by a newer deskapp"):
        Store.open(store_path)


HOLD_LOCK = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("INSERT INTO settings VALUES ('intruder', 'x')")
    print("locked", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
""")


def test_a_store_locked_by_another_process(store_path, doc) -> None:
    with Store.open(store_path) as store:
        first = store.save(doc, reviewer="ana")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(store_path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with Store.open(store_path, busy_timeout=0.3) as store:
            assert store.load(first.id).marks == doc.marks  # reading still works (WAL)
            started = time.monotonic()
            with pytest.raises(StoreError, match="locked by another program"):
                store.save(first, reviewer="ben", parent=1)
            assert time.monotonic() - started >= 0.25  # it waited for the busy timeout
    finally:
        holder.communicate("\n", timeout=30)
    with Store.open(store_path) as store:
        assert [h.version for h in store.history(first.id)] == [1]
        assert store.save(first, reviewer="ben", parent=1).version == 2
        assert store.verify() == []


def test_a_full_disk_fails_the_save_cleanly(store_path, doc) -> None:
    with Store.open(store_path) as store:
        first = store.save(doc, reviewer="ana")
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 12}")
        huge = Document(Article(doc.article.text * 200))
        with pytest.raises(StoreError, match=r"is full .* nothing was written"):
            store.save(huge, reviewer="ana")
        assert store.count_articles() == 1 and store.conn.in_transaction is False
        assert store.verify() == []
        assert store.save(first, reviewer="ana", parent=1).version == 2  # small still fits


def test_read_only_store_reads_but_refuses_writes(store_path, doc) -> None:
    with Store.open(store_path) as store:
        saved = store.save(doc, reviewer="ana")
    before = store_path.read_bytes()
    with Store.open(store_path, read_only=True) as store:
        assert store.read_only
        assert store.load(saved.id).marks == doc.marks
        assert [r.id for r in store.list_articles()] == [saved.id]
        assert store.verify() == []
        with pytest.raises(ReadOnlyStore, match="open read-only"):
            store.save(doc, reviewer="ana")
        with pytest.raises(ReadOnlyStore):
            store.save_draft("1", {})
    assert store_path.read_bytes() == before


def test_a_read_only_copy_in_a_read_only_folder_opens(tmp_path, store_path, doc) -> None:
    with Store.open(store_path) as store:
        store.save(doc, reviewer="ana")
    folder = tmp_path / "cdrom"
    folder.mkdir()
    shutil.copy(store_path, folder / "store.sqlite3")
    folder.chmod(0o555)
    try:
        with Store.open(folder / "store.sqlite3", read_only=True) as store:
            assert store.count_articles() == 1
    finally:
        folder.chmod(0o755)


def test_missing_or_odd_paths_give_clear_errors(tmp_path) -> None:
    with pytest.raises(StoreError, match="there is no store"):
        Store.open(tmp_path / "nowhere.sqlite3", read_only=True)
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the folder"):
        Store.open(blocker / "sub" / "store.sqlite3")
