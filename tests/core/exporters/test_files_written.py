"""Export files like any program's: the umask's mode, and a full disk or a missing folder
gives a one-line error and leaves the existing files untouched (brat's pair included)."""

from __future__ import annotations

import errno
import os
import stat

import pytest
from tests.core.exporters.samples import REGISTRY, reviewed

from deskapp.core.errors import ExportFailed
from deskapp.core.exporters.writing import write_export


def _full_disk(monkeypatch, after: int = 0) -> None:
    """Every fsync after the first ``after`` fails as a full disk does."""
    calls = {"n": 0}
    real = os.fsync

    def fsync(fd):
        calls["n"] += 1
        if calls["n"] > after:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv", "wadm", "brat"])
def test_a_full_disk_leaves_the_old_files_and_no_temporary(tmp_path, monkeypatch,
                                                           sample_text, fmt):
    doc = reviewed(sample_text)
    target = tmp_path / f"a.{fmt}"
    old = {p: "old\n" for p in ([target.with_suffix(".txt"), target.with_suffix(".ann")]
                                if fmt == "brat" else [target])}
    for path, content in old.items():
        path.write_text(content)
    _full_disk(monkeypatch, after=1 if fmt == "brat" else 0)  # brat: the .ann fails
    with pytest.raises(ExportFailed) as raised:
        write_export(doc, fmt, target, REGISTRY)
    assert "No space left" in str(raised.value) and "\n" not in str(raised.value)
    assert {p: p.read_text() for p in old} == old
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in old)


def test_a_missing_or_read_only_folder_is_a_one_line_error(tmp_path, sample_text):
    doc = reviewed(sample_text)
    with pytest.raises(ExportFailed, match="cannot write"):
        write_export(doc, "md", tmp_path / "missing" / "a.md")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        if os.access(locked, os.W_OK):  # root writes anyway
            pytest.skip("running as root: a read-only folder is writable")
        with pytest.raises(ExportFailed, match="cannot write"):
            write_export(doc, "brat", locked / "a")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_new_files_get_the_umask_mode_so_colleagues_can_read_them(tmp_path, sample_text):
    old = os.umask(0o022)
    try:
        written = write_export(reviewed(sample_text), "brat", tmp_path / "a")
    finally:
        os.umask(old)
    assert [stat.S_IMODE(p.stat().st_mode) for p in written] == [0o644, 0o644]
