"""The command line fails politely: one line, the right exit status, never a traceback."""

from __future__ import annotations

import subprocess
import sys


def _deskapp(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "deskapp", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def test_a_reader_that_goes_away_is_not_an_error_message(fixtures, tmp_path):
    proc = _deskapp("import", "--format", "json", "--store", str(tmp_path / "s.sqlite3"),
                    str(fixtures / "pages"))
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    _, err = proc.communicate(timeout=60)
    assert "Traceback" not in err and "Broken pipe" not in err


def test_missing_file_is_one_line_and_exit_1(tmp_path):
    proc = _deskapp("inspect", str(tmp_path / "nope.txt"), "--format", "json")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("deskapp: error:") and "nope.txt" in err


def test_usage_errors_exit_2(tmp_path):
    proc = _deskapp("export", "1", "--format", "xml", "--store", str(tmp_path / "s.sqlite3"))
    proc.communicate(timeout=60)
    assert proc.returncode == 2
