"""Importing decides identity and state itself: a file's claims are only provenance."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from deskapp.cli import main
from deskapp.store import Store

TEXT = "ROME (AP) - The council met on Tuesday and approved the budget for {n}.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _export(path: Path, text: str, **extra) -> Path:
    path.write_text(json.dumps({"text": text, "quotes": [], "attributions": [], **extra}),
                    encoding="utf-8")
    return path


def test_an_export_claiming_approval_starts_as_new_with_the_claim_noted(tmp_path) -> None:
    forged = _export(tmp_path / "forged.json", TEXT.format(n=2025), state="approved")
    store = str(tmp_path / "s.sqlite3")
    code, out, _ = run("import", str(forged), "--store", store, "--format", "json")
    assert code == 0
    article_id = json.loads(out)["id"]
    with Store.open(store) as opened:
        (first,) = opened.history(article_id)
        assert (first.version, first.state) == (1, "new")
        assert "the file claims state “approved”" in first.note
        (audit,) = opened.transitions(article_id)
        assert (audit.source, audit.target) == (None, "new")
        assert opened.list_articles()[0].state == "new"
    code, _, err = run("approve", str(article_id), "--store", store, "--reviewer", "ana")
    assert code == 0, err  # approval is given here, through the review checks


def test_a_claimed_hash_never_blocks_the_real_file(tmp_path) -> None:
    legit = tmp_path / "legit.txt"
    legit.write_text(TEXT.format(n=2024), encoding="utf-8")
    claim = hashlib.sha256(legit.read_bytes()).hexdigest()
    hostile = _export(tmp_path / "hostile.json", "Something else entirely, said nobody.",
                      meta={"sha256": claim, "file_name": "legit.txt"})
    store = str(tmp_path / "s.sqlite3")
    run("import", str(hostile), "--store", store)
    code, out, _ = run("import", str(legit), "--store", store, "--format", "json")
    line = json.loads(out)
    assert code == 0 and line["duplicate"] is False and line["id"] == 2
    code, out, _ = run("import", str(legit), "--store", store, "--format", "json")
    assert json.loads(out) == {"path": str(legit), "id": 2, "error": None, "duplicate": True}


def test_a_re_exported_article_is_the_same_article(tmp_path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT.format(n=2023), encoding="utf-8")
    store = str(tmp_path / "s.sqlite3")
    run("import", str(source), "--store", store)
    run("export", "1", "--store", store, "-o", str(tmp_path / "a.json"))
    code, out, _ = run("import", str(tmp_path / "a.json"), "--store", store, "--format", "json")
    assert code == 0 and json.loads(out)["duplicate"] is True and json.loads(out)["id"] == 1


def test_two_concurrent_imports_of_one_folder_make_no_twins(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    count = 60
    for n in range(count):
        (folder / f"{n:03}.txt").write_text(TEXT.format(n=n) * 3, encoding="utf-8")
    store = tmp_path / "s.sqlite3"
    run("import", str(folder / "000.txt"), "--store", str(store))  # the store exists
    command = [sys.executable, "-m", "deskapp", "import", "--store", str(store),
               "--format", "json", str(folder)]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outputs
    ids = [sorted(json.loads(line)["id"] for line in out.splitlines()) for out, _ in outputs]
    assert ids[0] == ids[1] and len(set(ids[0])) == count
    with Store.open(store) as opened:
        assert opened.count_articles() == count
        assert opened.verify() == []
