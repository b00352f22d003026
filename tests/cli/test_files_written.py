"""Commands that need a store never make one; exports and backups write only regular files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from deskapp.cli import main
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.store import Store

TEXT = "The council met on Tuesday and discussed the budget for the coming year."


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.save(Document(Article(TEXT)), reviewer="ana")
    return path


@pytest.mark.parametrize("command", [
    ["list"], ["export", "1"], ["history", "1"], ["search", "council"], ["verify"],
    ["approve", "1", "--reviewer", "ana"], ["backup", "copy.sqlite3"],
])
def test_a_mistyped_store_is_refused_and_never_created(tmp_path: Path, command) -> None:
    typo = tmp_path / "typo" / "x.sqlite3"
    code, out, err = run(*command, "--store", str(typo))
    assert code == 1 and out == ""
    assert err.splitlines() == [f"deskapp: error: there is no store at {typo} (check the path; "
                                "only `deskapp import` and the window create a store)"]
    assert not typo.parent.exists()


def test_an_empty_file_is_not_taken_for_a_new_store_by_list(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    code, _, err = run("list", "--store", str(empty))
    assert code == 1 and err.startswith("deskapp: error: the store") and "empty" in err
    assert empty.stat().st_size == 0


def test_import_still_creates_a_new_store(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "new" / "store.sqlite3"
    code, _, _ = run("import", str(source), "--store", str(target))
    assert code == 0 and target.is_file()


def _special_targets(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "link"
    link.symlink_to(precious)
    folder = tmp_path / "folder"
    folder.mkdir()
    return {"FIFO": fifo, "symbolic link": link, "folder": folder}


@pytest.mark.parametrize("kind", ["FIFO", "symbolic link"])
def test_export_refuses_anything_but_a_regular_file(store_path, tmp_path, kind) -> None:
    target = _special_targets(tmp_path)[kind]
    before = os.lstat(target)
    code, _, err = run("export", "1", "--store", str(store_path), "-o", str(target))
    assert code == 1 and len(err.splitlines()) == 1 and "deskapp: error: cannot write" in err
    assert os.lstat(target).st_mode == before.st_mode  # still the same kind of thing
    assert (tmp_path / "precious.txt").read_text() == "keep me"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("kind", ["FIFO", "symbolic link"])
def test_backup_refuses_anything_but_a_regular_file(store_path, tmp_path, kind) -> None:
    target = _special_targets(tmp_path)[kind]
    before = os.lstat(target)
    code, _, err = run("backup", str(target), "--force", "--store", str(store_path))
    assert code == 1 and len(err.splitlines()) == 1 and "cannot write the backup" in err
    assert os.lstat(target).st_mode == before.st_mode
    assert (tmp_path / "precious.txt").read_text() == "keep me"


def test_a_device_is_never_replaced(store_path, tmp_path) -> None:
    device = tmp_path / "n"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # like /dev/null
    except PermissionError:
        pytest.skip("making a device node needs root")
    for args in (["export", "1", "-o", str(device)], ["backup", "--force", str(device)]):
        code, _, err = run(*args, "--store", str(store_path))
        assert code == 1 and "it is a device" in err
        assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_exports_and_backups_follow_the_umask(store_path, tmp_path) -> None:
    old = os.umask(0o022)
    try:
        run("export", "1", "--store", str(store_path), "-o", str(tmp_path / "out.json"))
        run("backup", str(tmp_path / "copy.sqlite3"), "--store", str(store_path))
        os.umask(0o027)
        run("export", "1", "--store", str(store_path), "-o", str(tmp_path / "strict.json"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "copy.sqlite3").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "strict.json").stat().st_mode) == 0o640


def test_replacing_a_file_keeps_its_mode(store_path, tmp_path) -> None:
    target = tmp_path / "shared.md"
    target.write_text("old")
    target.chmod(0o664)
    code, _, _ = run("export", "1", "--store", str(store_path), "--format", "md", "-o",
                     str(target))
    assert code == 0 and "council" in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
