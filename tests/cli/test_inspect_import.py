"""`deskapp inspect` and `deskapp import` as other tools call them."""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

from click.testing import CliRunner

from deskapp.cli import main

KINDS = {"breadcrumb", "headline", "dateline", "byline", "body", "credit", "boilerplate"}


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_inspect_json_contract_on_the_sample(fixtures, sample_text):
    result = _run("inspect", str(fixtures / "venezuela-defections.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"title", "dateline", "byline", "credit", "source_url", "published",
                         "encoding", "text", "parts"}
    assert data["text"] == sample_text
    assert data["title"] == "567 Venezuelan soldiers defected to Colombia"
    assert data["dateline"] == "CARACAS, Venezuela"
    assert data["credit"] == "(Sahar News Monitoring Desk)"
    assert data["encoding"] == "utf-8"
    assert data["byline"] is None and data["source_url"] is None and data["published"] is None
    for part in data["parts"]:
        assert set(part) == {"kind", "start", "end", "text"}
        assert part["kind"] in KINDS
        assert data["text"][part["start"] : part["end"]] == part["text"]
    assert [p["kind"] for p in data["parts"]] == [
        "breadcrumb", "headline", "dateline", "body", "credit", "boilerplate"]


def test_inspect_text_lists_the_parts(fixtures):
    result = _run("inspect", str(fixtures / "venezuela-defections.txt"))
    assert result.exit_code == 0
    assert "dateline: CARACAS, Venezuela" in result.output
    assert "boilerplate" in result.output


def test_inspect_offsets_index_the_normalised_text(tmp_path, sample_text):
    path = tmp_path / "crlf.txt"
    path.write_bytes(sample_text.replace("\n", "\r\n").encode("cp1252", errors="replace"))
    data = json.loads(_run("inspect", str(path), "--format", "json").output)
    assert "\r" not in data["text"]
    assert data["encoding"] == "cp1252"
    for part in data["parts"]:
        assert data["text"][part["start"] : part["end"]] == part["text"]


def test_inspect_missing_file_is_one_line_and_exit_1(tmp_path):
    result = CliRunner().invoke(main, ["inspect", str(tmp_path / "gone.txt")])
    assert result.exit_code == 1
    assert "gone.txt" in result.output and "does not exist" in result.output
    assert "Traceback" not in result.output


def _article(folder, name: str, n: int):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Headline {n}\n\nLONDON (Reuters) - Story {n} happened, police said.\n",
                    encoding="utf-8")
    return path


def _store(tmp_path):
    from deskapp.store import Store

    return Store.open(tmp_path / "store.sqlite3")


def test_inspect_writes_nothing_to_any_store(tmp_path, fixtures, monkeypatch):
    monkeypatch.setenv("DESKAPP_STORE", str(tmp_path / "never.sqlite3"))
    result = _run("inspect", str(fixtures / "venezuela-defections.txt"), "--format", "json")
    assert result.exit_code == 0
    assert not (tmp_path / "never.sqlite3").exists()


def test_inspect_binary_file_is_one_line_exit_1(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = CliRunner().invoke(main, ["inspect", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    expected = f"deskapp: error: {path}: this is a PNG image, not a text article"
    assert result.stderr.strip() == expected


def test_import_files_and_folders_prints_one_id_per_file(tmp_path):
    a = _article(tmp_path / "in", "a.txt", 1)
    _article(tmp_path / "in" / "sub", "b.txt", 2)
    single = _article(tmp_path, "c.txt", 3)
    store = str(tmp_path / "store.sqlite3")
    result = _run("import", str(tmp_path / "in"), str(single), "--store", store)
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [line[1] for line in lines] == [str(a), str(tmp_path / "in" / "sub" / "b.txt"),
                                           str(single)]
    ids = [int(line[0]) for line in lines]
    assert len(set(ids)) == 3
    with _store(tmp_path) as opened:
        assert opened.load(ids[2]).article.meta.title == "Headline 3"
        assert opened.load(ids[0]).article.meta.file_name == "a.txt"
        assert opened.load(ids[0]).article.meta.sha256 == hashlib.sha256(a.read_bytes()).hexdigest()
    assert "[1/" not in result.stderr  # no progress bar when stderr is not a terminal


def test_importing_the_same_content_again_gives_the_existing_id(tmp_path):
    first = _article(tmp_path, "a.txt", 1)
    twin = tmp_path / "copy-of-a.txt"
    twin.write_bytes(first.read_bytes())
    store = str(tmp_path / "store.sqlite3")
    one = json.loads(_run("import", str(first), "--store", store, "--format", "json").stdout)
    assert one == {"path": str(first), "id": one["id"], "error": None, "duplicate": False}
    again = _run("import", str(twin), "--store", store, "--format", "json")
    assert json.loads(again.stdout) == {"path": str(twin), "id": one["id"], "error": None,
                                        "duplicate": True}
    assert "already imported" in _run("import", str(first), "--store", store).stdout
    with _store(tmp_path) as opened:
        assert opened.count_articles() == 1


def test_bad_files_fail_alone_and_exit_1(tmp_path):
    folder = tmp_path / "in"
    _article(folder, "1-good.txt", 1)
    (folder / "2-empty.txt").write_bytes(b"")
    (folder / "3-zip.txt").write_bytes(b"PK\x03\x04xx")
    _article(folder, "4-good.txt", 4)
    store = str(tmp_path / "store.sqlite3")
    result = _run("import", str(folder), "--store", store)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[1] == f"error\t{folder / '2-empty.txt'}\tthe file is empty"
    assert lines[2].startswith(f"error\t{folder / '3-zip.txt'}\tthis is a ZIP archive")
    assert lines[0].split("\t")[1].endswith("1-good.txt") and lines[3].endswith("4-good.txt")
    with _store(tmp_path) as opened:
        assert opened.count_articles() == 2
    as_json = [json.loads(x) for x in _run("import", str(folder), "--store", store,
                                           "--format", "json").stdout.splitlines()]
    assert [x["duplicate"] for x in as_json] == [True, False, False, True]
    assert "the file is empty" in as_json[1]["error"] and as_json[1]["id"] is None


def test_missing_path_is_an_error_line(tmp_path):
    result = _run("import", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s.sqlite3"))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"error\t{tmp_path / 'nope.txt'}\tthe file does not exist")


def test_export_then_import_gives_back_text_metadata_and_marks(tmp_path, fixtures):
    from deskapp.core.annotations import Quote
    from deskapp.core.importers import read_document
    from deskapp.core.spans import Span
    from deskapp.store import Store

    doc = read_document(fixtures / "venezuela-defections.txt")
    text = doc.article.text
    start = text.index("The defections")
    doc = doc.add_mark(Quote(Span.of(text, start, start + 14), speaker="Amanda Lapo"))
    with Store.open(tmp_path / "one.sqlite3") as one:
        saved = one.save(doc, reviewer="ed")
    out = tmp_path / "export.json"
    exported = _run("export", str(saved.id), "--store", str(tmp_path / "one.sqlite3"),
                    "--format", "json", "-o", str(out))
    assert exported.exit_code == 0, exported.output
    result = _run("import", str(out), "--store", str(tmp_path / "two.sqlite3"))
    assert result.exit_code == 0, result.output
    new_id = int(result.stdout.split("\t")[0])
    with Store.open(tmp_path / "two.sqlite3") as two:
        back = two.load(new_id)
    assert back.article.text == doc.article.text
    assert back.article.meta == doc.article.meta
    assert [q.to_json() for q in back.marks.quotes] == [q.to_json() for q in doc.marks.quotes]


BAD_FILES = {
    "empty.txt": (b"", "the file is empty"),
    "picture.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    "archive.zip.txt": (b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
    "scan.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
    "cut.txt": ("Guaidó said more…".encode()[:-1], "truncated"),
    "menu.html": (b"<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
                  b"</body></html>", "no article text"),
}


def test_each_bad_input_is_an_error_line_and_the_rest_imports(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    good = _article(folder, "0-good.txt", 0)
    for name, (payload, _) in BAD_FILES.items():
        (folder / name).write_bytes(payload)
    locked = _article(folder, "locked.txt", 9)
    huge = folder / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)
    from deskapp.core.importers import source

    real_access = os.access
    monkeypatch.setattr(source.os, "access",
                        lambda p, mode: False if str(p) == str(locked) else real_access(p, mode))
    store = str(tmp_path / "store.sqlite3")
    gone = folder / "gone.txt"
    result = _run("import", str(folder), str(gone), "--store", store, "--format", "json")
    assert result.exit_code == 1
    lines = {Path(x["path"]).name: x for x in map(json.loads, result.stdout.splitlines())}
    assert lines[good.name]["id"] is not None and lines[good.name]["error"] is None
    expected = {name: reason for name, (_, reason) in BAD_FILES.items()}
    expected.update({"locked.txt": "permission denied", "huge.txt": "too large",
                     "gone.txt": "does not exist"})
    for name, reason in expected.items():
        assert lines[name]["id"] is None, name
        assert reason in lines[name]["error"] and name in lines[name]["error"], name
    with _store(tmp_path) as opened:
        assert opened.count_articles() == 1


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only(monkeypatch):
    from deskapp.cli import importing

    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        monkeypatch.setattr(importing.sys, "stderr", stream)
        progress = importing._Progress(3)
        progress.show(1, Path("in/0.txt"))
        progress.clear()
    assert "[1/3] 0.txt" in terminal.getvalue()
    assert pipe.getvalue() == ""
