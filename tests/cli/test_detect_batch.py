"""`deskapp detect PATH...`: files and folders, one JSON line per article, worker processes,
a bad file reported on stderr while the others go on (issue 12, deliverable 5)."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from deskapp.cli import main
from deskapp.cli.detect import detection_json, load_article
from deskapp.core.suggest import suggest

QUOTE_KEYS = {"start", "end", "text", "speaker", "speaker_span", "cue", "reason", "confidence"}
ATTRIBUTION_KEYS = {"source", "cue", "content", "source_kind", "reason", "confidence"}
FLAG_KEYS = {"kind", "start", "end", "text", "message"}


def _run(*args):
    return CliRunner().invoke(main, ["detect", *args])


@pytest.fixture
def folder(tmp_path, fixtures):
    """Four gold articles in a folder, one in a sub-folder, and a file detect ignores."""
    gold = sorted((fixtures / "gold").glob("*.txt"))[:4]
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    for path in gold[:3]:
        shutil.copy(path, inbox / path.name)
    shutil.copy(gold[3], inbox / "sub" / gold[3].name)
    (inbox / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    return inbox


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def test_one_file_prints_exactly_what_it_printed_before(fixtures):
    path = str(fixtures / "venezuela-defections.txt")
    article = load_article(path)
    expected = json.dumps(detection_json(article, suggest(article)), ensure_ascii=False,
                          indent=2) + "\n"
    result = _run(path, "--format", "json")
    assert result.exit_code == 0 and result.stdout == expected
    assert "file" not in json.loads(result.stdout)


def test_a_folder_gives_one_json_line_per_article_with_its_file(folder):
    result = _run(str(folder), "--format", "json", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    lines = _lines(result.stdout)
    files = [line["file"] for line in lines]
    assert len(lines) == 4 and files == sorted(files)  # in path order; the .csv skipped
    assert any("/sub/" in f for f in files)
    for line in lines:
        assert line.keys() == {"file", "text", "quotes", "attributions", "flags"}
        single = detection_json(load_article(line["file"]), suggest(load_article(line["file"])))
        assert {k: v for k, v in line.items() if k != "file"} == single  # same contract
        assert all(q.keys() >= QUOTE_KEYS for q in line["quotes"])
        assert all(a.keys() >= ATTRIBUTION_KEYS for a in line["attributions"])
        assert all(f.keys() >= FLAG_KEYS for f in line["flags"])
    shallow = _lines(_run(str(folder), "--format", "json", "--no-recursive").stdout)
    assert len(shallow) == 3


def test_two_jobs_print_the_same_as_one(folder, fixtures):
    paths = [str(folder), str(fixtures / "venezuela-defections.txt")]
    one = _run(*paths, "--format", "json", "--jobs", "1")
    two = _run(*paths, "--format", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 5


def test_a_bad_file_is_one_line_on_stderr_and_the_others_go_on(folder, tmp_path):
    (folder / "broken.json").write_text('{"text": 5', encoding="utf-8")
    missing = tmp_path / "gone.txt"
    result = _run(str(folder), str(missing), "--format", "json", "--jobs", "2")
    assert result.exit_code == 1
    assert len(_lines(result.stdout)) == 4  # every good article printed
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and all(e.startswith("deskapp: error: ") for e in errors)
    assert "broken.json" in errors[0] and str(missing) in errors[1]


def test_lines_flag_gives_one_line_for_one_file_and_text_lists_each_file(fixtures, folder):
    path = str(fixtures / "venezuela-defections.txt")
    (line,) = _lines(_run(path, "--format", "json", "--lines").stdout)
    assert line["file"] == path and line["quotes"][0]["speaker"] == "Amanda Lapo"
    text = _run(str(folder), "--jobs", "2").stdout
    assert text.count("\n== ") == 3 and text.startswith("== ")


def test_file_names_with_a_newline_stay_on_one_line(tmp_path, fixtures):
    odd = tmp_path / "two\nlines.txt"
    shutil.copy(fixtures / "venezuela-defections.txt", odd)
    result = _run(str(odd), str(tmp_path / "nothing\nhere.txt"), "--format", "json")
    (line,) = _lines(result.stdout)
    assert line["file"] == str(odd)
    (error,) = result.stderr.splitlines()
    assert "nothing\\nhere.txt" in error


def test_usage_errors(tmp_path):
    assert _run(str(tmp_path), "--jobs", "0").exit_code == 2
    empty = _run(str(tmp_path), "--format", "json")
    assert empty.exit_code == 1 and "no article files" in empty.stderr
    assert _run().exit_code == 2
