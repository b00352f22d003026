"""``deskapp export``: every format, several articles into a folder, pdf offscreen, history."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.core.exporters.samples import reviewed

from deskapp.cli import main
from deskapp.core.importers.json import history_from_export
from deskapp.core.registry import Entity, Registry
from deskapp.core.workflow import State
from deskapp.store import Store


@pytest.fixture
def store_path(tmp_path: Path, sample_text: str) -> Path:
    """Article 1 (two versions, the second approved) and article 2, and a registry."""
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        doc = reviewed(sample_text)
        saved = store.save(doc, reviewer="ana")
        store.save(doc.__class__(doc.article, doc.marks, id=saved.id, version=saved.version),
                   reviewer="ana", note="second")
        other = reviewed(sample_text.replace("Venezuelan", "Venezuelan army"))
        store.save(other, reviewer="bo")
        store.save_registry(Registry.of([Entity("Amanda Lapo", aliases=("Lapo",))]))
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json", "wadm", "brat"])
def test_every_text_format_of_one_article_goes_to_stdout(store_path, fmt):
    code, out, err = run("export", "1", "--store", str(store_path), "--format", fmt)
    assert code == 0, err
    assert "Amanda Lapo" in out  # the registry's name for the speaker written "she"


def test_wadm_is_web_annotation_json_ld(store_path):
    _, out, _ = run("export", "1", "--store", str(store_path), "--format", "wadm")
    page = json.loads(out)
    items = page["first"]["items"]
    assert page["@context"] == "http://www.w3.org/ns/anno.jsonld" and len(items) == 4
    assert all(a["@context"] == page["@context"] and a["type"] == "Annotation" for a in items)


def test_brat_to_a_file_writes_the_txt_beside_the_ann(store_path, tmp_path):
    code, _, _ = run("export", "1", "--store", str(store_path), "--format", "brat",
                     "-o", str(tmp_path / "piece"))
    assert code == 0
    assert (tmp_path / "piece.ann").read_text().startswith("T1\t")
    with Store.open(store_path) as store:
        assert (tmp_path / "piece.txt").read_text() == store.load(1).article.text


def test_several_articles_go_into_a_folder_one_file_each(store_path, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _, err = run("export", "1", "2", "--store", str(store_path), "--format", "md",
                       "-o", str(out_dir))
    assert code == 0 and "exported 2 of 2 articles" in err
    names = sorted(p.name for p in out_dir.iterdir())
    assert len(names) == 2 and names[0].startswith("1-") and names[1].startswith("2-")
    assert all(oct(os.stat(out_dir / n).st_mode & 0o777) != "0o600" for n in names)


def test_every_article_in_a_state_since_a_date(store_path, tmp_path):
    with Store.open(store_path) as store:
        store.transition(2, State.IN_REVIEW, reviewer="bo")
    code, _, err = run("export", "--state", "in_review", "--since", "2000-01-01",
                       "--store", str(store_path), "--format", "csv", "-o", str(tmp_path))
    assert code == 0, err
    assert [p.name[:2] for p in tmp_path.glob("*.csv")] == ["2-"]
    code, _, err = run("export", "--state", "in_review", "--since", "2999-01-01",
                       "--store", str(store_path), "--format", "csv", "-o", str(tmp_path))
    assert code == 0 and "exported 0 of 0" in err


def test_several_articles_need_an_existing_folder(store_path, tmp_path):
    code, _, err = run("export", "1", "2", "--store", str(store_path), "-o",
                       str(tmp_path / "missing"))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "not an existing folder" in err
    assert not (tmp_path / "missing").exists()
    code, _, err = run("export", "1", "2", "--store", str(store_path))
    assert code == 2
    code, _, err = run("export", "--state", "new", "--store", str(store_path))
    assert code == 2 and "-o FOLDER" in err


def test_with_history_holds_every_version(store_path):
    code, out, _ = run("export", "1", "--store", str(store_path), "--with-history")
    data = json.loads(out)
    assert code == 0 and [v["version"] for v in data["history"]] == [1, 2]
    assert data["history"][1]["note"] == "second"
    assert data["history"][0]["document"]["text"] == data["text"]
    with Store.open(store_path) as store:
        stored = [store.load(1, v).to_json() for v in (1, 2)]
    back = [d.to_json() for _, d in history_from_export(data)]
    assert back == stored


def test_with_history_is_for_json_only(store_path):
    code, _, err = run("export", "1", "--store", str(store_path), "--format", "md",
                       "--with-history")
    assert code == 2 and "--with-history" in err


def test_pdf_from_the_command_line_offscreen(store_path, tmp_path):
    target = tmp_path / "x.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "deskapp", "export", "1", "--store",
                           str(store_path), "--format", "pdf", "-o", str(target)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*.tmp"))


def test_pdf_needs_a_file(store_path):
    code, _, err = run("export", "1", "--store", str(store_path), "--format", "pdf")
    assert code == 2 and "-o FILE" in err


def test_importing_a_json_export_brings_its_registry_entries(store_path, tmp_path):
    exported = tmp_path / "one.json"
    run("export", "1", "--store", str(store_path), "-o", str(exported))
    other = tmp_path / "other.sqlite3"
    code, _, err = run("import", str(exported), "--store", str(other))
    assert code == 0, err
    with Store.open(other) as store:
        assert [e.name for e in store.load_registry()] == ["Amanda Lapo"]
        assert store.load_registry().find("Lapo").name == "Amanda Lapo"
    code, out, _ = run("export", "1", "--store", str(other), "--format", "md")
    assert "⟦she⟧{Amanda Lapo}" in out
