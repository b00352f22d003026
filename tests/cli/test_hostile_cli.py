"""Hostile input at the command line (issue 13, items 1–7): one line on stderr, exit 1,
no traceback, no hang; the other files of a batch go on; nothing printed drives the
terminal."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.hostile import generated_cases, static_cases

from deskapp.cli import main
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.store import Store

CASES = static_cases() + generated_cases()
GOOD = "Story {n} about the river\n\nBOGOTA, Colombia – Officials counted {n} people, they said.\n"
TITLE = "Headline \x1b]0;PWNED\x07 and \x1b]52;c;aGVsbG8=\x07 here \x9b31m"


def _run(*args: str):
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args}: traceback") from result.exception
    return result


def _one_line_error(result, *words: str) -> str:
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("deskapp: error: ")
    for word in words:
        assert word in result.stderr
    return result.stderr


def _deskapp(*args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "deskapp", *args], capture_output=True,
                          text=True, timeout=timeout)


# -- items 1, 3, 4: every hostile file is one line -------------------------------------

@pytest.mark.parametrize(("name", "data", "words"), CASES, ids=[c[0] for c in CASES])
def test_inspect_gives_one_line_for_every_hostile_file(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    began = time.monotonic()
    _one_line_error(_run("inspect", str(path)), name, words)
    assert time.monotonic() - began < 5


def test_a_folder_import_goes_on_past_every_bad_file(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(3):
        (folder / f"good-{n}.txt").write_text(GOOD.format(n=n), encoding="utf-8")
    for name, data, _ in CASES:
        (folder / name).write_bytes(data)
    store = tmp_path / "s.sqlite3"
    result = _run("import", "--store", str(store), str(folder))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3 + len(CASES)
    errors = [line for line in lines if line.startswith("error\t")]
    assert len(errors) == len(CASES)
    with Store.open(store) as opened:
        assert sorted(s.title for s in opened.list_articles()) == [
            "Story 0 about the river", "Story 1 about the river", "Story 2 about the river"]


# -- item 2: only regular files ---------------------------------------------------------

@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    os.mkfifo(path)
    return path


def test_a_fifo_is_refused_not_waited_on(fifo):
    for command in ("inspect", "detect"):
        done = _deskapp(command, str(fifo))
        assert done.returncode == 1
        assert done.stderr.strip() == f"deskapp: error: {fifo}: is a FIFO (named pipe), not a "\
                                      "regular file"


def test_a_fifo_inside_a_folder_is_one_failed_file(fifo, tmp_path):
    (tmp_path / "b.txt").write_text(GOOD.format(n=1), encoding="utf-8")
    done = _deskapp("import", "--store", str(tmp_path / "s.sqlite3"), str(tmp_path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stdout.splitlines() == [f"error\t{fifo}\tis a FIFO (named pipe), not a regular "
                                        "file", f"1\t{tmp_path / 'b.txt'}"]


def test_a_fifo_as_the_store_is_refused(fifo, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD.format(n=1), encoding="utf-8")
    for args in (("list",), ("import", str(good)), ("verify",)):
        done = _deskapp(*args, "--store", str(fifo))
        assert done.returncode == 1, args
        assert done.stderr.strip() == f"deskapp: error: the store {fifo} is a FIFO (named " \
                                      "pipe), not a regular file"


def test_a_socket_and_a_device_are_refused(tmp_path):
    server = socket.socket(socket.AF_UNIX)
    sock = tmp_path / "s.txt"
    server.bind(str(sock))
    try:
        _one_line_error(_run("inspect", str(sock)), "is a socket")
    finally:
        server.close()
    _one_line_error(_run("inspect", "/dev/null"), "is a character device")
    _one_line_error(_run("inspect", "/dev/zero"), "is a character device")


# -- item 3: detect on a very long text -------------------------------------------------

def test_detect_refuses_a_text_over_its_limit_at_once(tmp_path):
    path = tmp_path / "long.txt"
    sentence = 'The minister said on Tuesday that talks would go on. "We win," she said.\n'
    path.write_text("Headline\n\n" + sentence * 40_000, encoding="utf-8")
    began = time.monotonic()
    _one_line_error(_run("detect", str(path)), "the limit is 1,000,000")
    assert time.monotonic() - began < 5


# -- item 5: numbers the store cannot hold ----------------------------------------------

@pytest.mark.parametrize("args", [
    ("export", "99999999999999999999"),
    ("history", "99999999999999999999"),
    ("approve", "99999999999999999999", "--reviewer", "ana"),
    ("export", "1", "--version", "99999999999999999999"),
    ("export", "--", "-99999999999999999999"),
])
def test_huge_ids_are_a_one_line_error(tmp_path, args):
    _one_line_error(_run(*args, "--store", str(tmp_path / "s.sqlite3")), "99999999999999999999")


def test_a_huge_limit_means_no_limit(tmp_path):
    store = tmp_path / "s.sqlite3"
    with Store.open(store) as opened:
        opened.save(Document(Article(GOOD.format(n=1))), reviewer="ana")
    for command in (("list",), ("search", "river")):
        result = _run(*command, "--limit", "99999999999999999999", "--store", str(store),
                      "--format", "json")
        assert result.exit_code == 0 and len(json.loads(result.stdout)) == 1


# -- items 6, 7: nothing printed drives the terminal -------------------------------------

@pytest.fixture
def hostile_store(tmp_path) -> Path:
    store = tmp_path / "s.sqlite3"
    text = f"{TITLE}\n\nBOGOTA, Colombia – Officials counted 5 people, they said.\n"
    with Store.open(store) as opened:
        opened.save(Document(Article(text)), reviewer="ana\x1b[2J", note="note \x07\x1b]0;x\x07")
    return store


def _inert(output: str) -> None:
    for raw in ("\x1b", "\x07", "\x9b"):
        assert raw not in output


def test_list_search_history_show_control_characters_escaped(hostile_store):
    for args in (("list",), ("search", "Officials"), ("history", "1")):
        result = _run(*args, "--store", str(hostile_store))
        assert result.exit_code == 0
        _inert(result.stdout)
    listed = _run("list", "--store", str(hostile_store)).stdout
    assert "Headline \\x1b]0;PWNED\\x07 and" in listed
    history = _run("history", "1", "--store", str(hostile_store)).stdout
    assert "ana\\x1b[2J" in history and "note \\x07\\x1b]0;x\\x07" in history


def test_json_output_escapes_them_and_keeps_the_data(hostile_store):
    result = _run("list", "--format", "json", "--store", str(hostile_store))
    _inert(result.stdout)
    assert json.loads(result.stdout)[0]["title"] == TITLE


def test_inspect_and_detect_show_them_escaped(tmp_path):
    path = tmp_path / "escapes.txt"
    path.write_text(f"{TITLE}\n\nMore text. \x1b]52;c;aGVsbG8=\x07 \"We won,\" said Ana Lopez.\n",
                    encoding="utf-8")
    for args in (("inspect", str(path)), ("detect", str(path)),
                 ("inspect", str(path), "--format", "json")):
        result = _run(*args)
        assert result.exit_code == 0
        _inert(result.stdout)
    assert "title: Headline \\x1b]0;PWNED\\x07" in _run("inspect", str(path)).stdout


def test_an_error_message_quoting_the_file_is_escaped_too(tmp_path):
    path = tmp_path / "bad\x1b]0;PWNED\x07.json"
    path.write_text('{"text": "Some text here.", "title": 5}', encoding="utf-8")
    stderr = _one_line_error(_run("inspect", str(path)))
    _inert(stderr)
    assert "bad\\x1b]0;PWNED\\x07.json" in stderr


def test_a_file_name_with_a_newline_keeps_one_line_per_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "two\nlines.txt").write_text(GOOD.format(n=1), encoding="utf-8")
    (folder / "bad\nname.json").write_text("{", encoding="utf-8")
    result = _run("import", "--store", str(tmp_path / "s.sqlite3"), str(folder))
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("error\t") and "bad\\nname.json\t" in lines[0]
    assert lines[1] == f"1\t{folder}/two\\nlines.txt"
    as_json = _run("import", "--format", "json", "--store", str(tmp_path / "t.sqlite3"),
                   str(folder)).stdout.splitlines()
    assert [json.loads(line)["path"] for line in as_json] == [
        str(folder / "bad\nname.json"), str(folder / "two\nlines.txt")]


def test_export_to_a_terminal_is_inert_and_to_a_pipe_unchanged(hostile_store):
    import pty

    args = [sys.executable, "-m", "deskapp", "export", "1", "--format", "md", "--store",
            str(hostile_store)]
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert proc.wait(timeout=60) == 0
    _inert(shown.decode("utf-8"))
    assert "PWNED\\x07" in shown.decode("utf-8")
    piped = _deskapp("export", "1", "--format", "md", "--store", str(hostile_store)).stdout
    assert "\x1b" in piped and "PWNED\x07" in piped  # the export itself is the data
