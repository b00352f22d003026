"""``deskapp import`` of a ``--with-history`` JSON export: every version comes back, in
order, as versions of one new article (state ``new``, the file's claims in the notes)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.core.exporters.samples import reviewed

from deskapp.cli import main
from deskapp.core.document import Document
from deskapp.core.workflow import State
from deskapp.store import Store

PROVENANCE = ("file_name", "sha256", "imported_at", "encoding")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def three_versions(tmp_path: Path, sample_text: str) -> tuple[Path, list[Document]]:
    """Article 1 in three versions: no marks; marks; longer text, in review."""
    path = tmp_path / "source.sqlite3"
    marked = reviewed(sample_text)
    longer = replace(marked, article=replace(marked.article,
                                             text=marked.article.text + "\n\nA late line."))
    with Store.open(path) as store:
        first = store.save(Document(marked.article), reviewer="ana", note="first")
        second = store.save(replace(marked, id=first.id), reviewer="bo", note="marked",
                            parent=1)
        store.save(replace(longer, id=first.id, state=State.IN_REVIEW), reviewer="cy",
                   note="sent", parent=second.version)
        stored = [store.load(1, v) for v in (1, 2, 3)]
    return path, stored


def _export(source: Path, target: Path, *extra: str) -> dict:
    code, _, err = run("export", "1", "--store", str(source), "-o", str(target),
                       "--with-history", *extra)
    assert code == 0, err
    return json.loads(target.read_text(encoding="utf-8"))


def _content(doc: Document) -> dict:
    """What a version holds, but its state (an import starts every version as new) and
    the provenance an import adds where the exported metadata had none."""
    data = {k: v for k, v in doc.to_json().items() if k != "state"}
    data["meta"] = {k: v for k, v in data["meta"].items() if k not in PROVENANCE}
    return data


def test_every_version_comes_back_in_order(three_versions, tmp_path):
    source, stored = three_versions
    exported = tmp_path / "one.json"
    _export(source, exported)
    fresh = tmp_path / "fresh.sqlite3"
    code, out, err = run("import", str(exported), "--store", str(fresh))
    assert code == 0, err
    assert out.startswith("1\t")
    code, out, _ = run("history", "1", "--store", str(fresh), "--format", "json")
    assert code == 0
    with Store.open(fresh) as store:
        history = store.history(1)
        assert [v.version for v in history] == [1, 2, 3]
        assert [v.state for v in history] == ["new"] * 3
        back = [store.load(1, v) for v in (1, 2, 3)]
        assert [_content(d) for d in back] == [_content(d) for d in stored]
        assert [d.article.text for d in back] == [d.article.text for d in stored]
        assert [d.marks.to_json() for d in back] == [d.marks.to_json() for d in stored]
        assert store.count_articles() == 1 and store.verify() == []
    notes = [v.note for v in history]
    assert notes[0].startswith("imported from one.json: version 1 of the file's history")
    assert "reviewer “bo”" in notes[1] and "note “marked”" in notes[1]
    assert "the file claims state “in_review”" in notes[2]
    again, _, _ = run("import", str(exported), "--store", str(fresh))
    with Store.open(fresh) as store:  # the same text again: its twin, nothing added
        assert again == 0 and store.count_articles() == 1 and len(store.history(1)) == 3


def test_an_export_of_an_earlier_version_ends_there(three_versions, tmp_path):
    source, stored = three_versions
    exported = tmp_path / "two.json"
    _export(source, exported, "--version", "2")
    fresh = tmp_path / "fresh.sqlite3"
    assert run("import", str(exported), "--store", str(fresh))[0] == 0
    with Store.open(fresh) as store:
        back = [store.load(1, v) for v in (1, 2)]
        assert store.latest_version(1) == 2
        assert [_content(d) for d in back] == [_content(d) for d in stored[:2]]


@pytest.mark.parametrize("breaking", [
    lambda h: h[1]["document"]["quotes"][0].update(start=10**6),
    lambda h: h[1].update(version=1),
    lambda h: h[2].update(document="not a document"),
    lambda h: h[0].update(reviewer=7),
])
def test_a_broken_history_entry_is_one_line_and_nothing_is_stored(three_versions, tmp_path,
                                                                  breaking):
    source, _ = three_versions
    exported = tmp_path / "broken.json"
    data = _export(source, exported)
    breaking(data["history"])
    exported.write_text(json.dumps(data), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    code, out, _ = run("import", str(exported), "--store", str(fresh))
    assert code == 1
    assert out.count("\n") == 1 and out.startswith("error\t") and "history[" in out
    with Store.open(fresh) as store:
        assert store.count_articles() == 0
