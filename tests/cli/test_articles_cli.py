"""The CLI contract of list, export, history, search, approve, verify and backup."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from deskapp.cli import main
from deskapp.core.annotations import Attribution, Quote
from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.core.spans import Span
from deskapp.store import Store

QUOTE = "The defections don’t appear to be on a senior enough level to undermine Maduro,"


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


@pytest.fixture
def store_path(tmp_path: Path, sample_text: str) -> Path:
    """A store with two articles: #1 fully marked, #2 with a quote lacking its speaker."""
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        marked = Document(Article(sample_text)).add_mark(
            Quote(_span(sample_text, QUOTE), speaker="Amanda Lapo")).add_mark(
            Attribution(content=_span(sample_text, "More than 500 Venezuelan soldiers"),
                        source=_span(sample_text, "the Colombian migration authority"),
                        cue=_span(sample_text, "reported")))
        store.save(marked, reviewer="ana")
        store.save(Document(Article(sample_text)).add_mark(Quote(_span(sample_text, QUOTE))),
                   reviewer="ana")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_list_json_has_the_contract_keys(store_path: Path) -> None:
    code, out, _ = run("list", "--store", str(store_path), "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert {r["id"] for r in rows} == {1, 2}
    for row in rows:
        assert {"id", "title", "state", "versions"} <= row.keys()
        assert row["title"].startswith("Home / World") and row["state"] == "new"
        assert row["versions"] == 1


def test_list_text_is_a_table(store_path: Path) -> None:
    code, out, _ = run("list", "--store", str(store_path))
    assert code == 0 and out.splitlines()[0].split()[:2] == ["ID", "STATE"]
    assert len(out.splitlines()) == 3


def test_export_json_follows_the_contract(store_path: Path, sample_text: str) -> None:
    code, out, _ = run("export", "1", "--store", str(store_path), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert (data["id"], data["state"], data["version"], data["text"]) == (1, "new", 1, sample_text)
    quote = data["quotes"][0]
    assert data["text"][quote["start"]:quote["end"]] == quote["text"] == QUOTE
    assert quote["speaker"] == "Amanda Lapo"
    attribution = data["attributions"][0]
    for key in ("source", "cue", "content"):
        part = attribution[key]
        assert data["text"][part["start"]:part["end"]] == part["text"]
    assert attribution["source"]["text"] == "the Colombian migration authority"


def test_export_to_a_file_writes_markdown_and_html(store_path: Path, tmp_path: Path) -> None:
    for fmt in ("md", "html"):
        target = tmp_path / f"out.{fmt}"
        code, out, _ = run("export", "1", "--store", str(store_path), "--format", fmt,
                           "-o", str(target))
        assert code == 0 and out == ""
        assert "defected to Colombia" in target.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_unknown_article_is_one_line_and_exit_1(store_path: Path) -> None:
    code, out, err = run("export", "99", "--store", str(store_path))
    assert code == 1 and out == ""
    assert err.strip().splitlines() == ["deskapp: error: there is no article 99 in the store"]


def test_history_json_lists_versions_with_hash_chain(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.save(store.load(1), reviewer="ben", note="second look", parent=1)
    code, out, _ = run("history", "1", "--store", str(store_path), "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert [set(r) for r in rows] == [
        {"version", "state", "reviewer", "time", "note", "hash", "parent"}] * 2
    assert [r["version"] for r in rows] == [1, 2]
    assert rows[1]["parent"] == rows[0]["hash"] and rows[0]["parent"] is None
    assert (rows[1]["reviewer"], rows[1]["note"]) == ("ben", "second look")


def test_search_json_is_like_list(store_path: Path) -> None:
    code, out, _ = run("search", "Lapo", "--store", str(store_path), "--format", "json")
    assert code == 0 and sorted(r["id"] for r in json.loads(out)) == [1, 2]  # in both texts
    assert {"id", "title", "state", "versions"} <= json.loads(out)[0].keys()
    code, out, _ = run("search", "speakers:Lapo", "--store", str(store_path), "--format", "json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == [1]  # a speaker only in #1
    code, out, _ = run("search", "zebra", "--store", str(store_path), "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_search_with_a_malformed_query_is_a_clear_error(store_path: Path) -> None:
    code, _, err = run("search", '"unclosed', "--store", str(store_path))
    assert code == 1 and err.startswith("deskapp: error: cannot search for")


def test_approve_blocked_without_note_lists_reasons(store_path: Path) -> None:
    code, _, err = run("approve", "2", "--store", str(store_path), "--reviewer", "ana")
    lines = err.strip().splitlines()
    assert code == 1
    assert lines[0].startswith("deskapp: error: cannot approve article 2")
    assert any("has no speaker" in line for line in lines[1:])
    with Store.open(store_path) as store:
        assert [h.version for h in store.history(2)] == [1]


def test_approve_with_note_overrides_and_stores_the_note(store_path: Path) -> None:
    code, out, _ = run("approve", "2", "--store", str(store_path), "--reviewer", "ana",
                       "--note", "speaker confirmed by the desk chief")
    assert code == 0 and "approved article 2 as version 2" in out
    with Store.open(store_path) as store:
        latest = store.history(2)[-1]
        assert (latest.state, latest.reviewer, latest.note) == (
            "approved", "ana", "speaker confirmed by the desk chief")
        assert any("has no speaker" in m for m in store.transitions(2)[-1].overridden)


def test_approve_clean_article_needs_no_note(tmp_path: Path) -> None:
    path = tmp_path / "clean.sqlite3"
    with Store.open(path) as store:
        store.save(Document(Article("The council met on Tuesday in the town hall.")),
                   reviewer="ana")
    code, _, _ = run("approve", "1", "--store", str(path), "--reviewer", "ana")
    assert code == 0
    with Store.open(path) as store:
        assert store.load(1).state == "approved"


def test_approve_is_blocked_by_pending_suggestions_and_unattributed_figures(
    store_path: Path,
) -> None:
    code, _, err = run("approve", "1", "--store", str(store_path), "--reviewer", "ana")
    assert code == 1
    assert "not yet accepted or rejected" in err
    assert "between 95,000 and 150,000 active soldiers" in err


def test_approve_without_reviewer_is_a_usage_error(store_path: Path) -> None:
    code, _, _ = run("approve", "1", "--store", str(store_path))
    assert code == 2


def test_verify_passes_then_names_an_edited_version(store_path: Path) -> None:
    code, out, _ = run("verify", "--store", str(store_path))
    assert code == 0 and out.startswith("ok")
    conn = sqlite3.connect(store_path)
    conn.execute("DROP TRIGGER versions_no_update")
    conn.execute("UPDATE versions SET reviewer = 'mallory' WHERE article_id = 2")
    conn.commit()
    conn.close()
    code, out, err = run("verify", "--store", str(store_path))
    assert code == 1
    assert "article 2 version 1" in out and "article 1" not in out
    assert err.startswith("deskapp: error:")


def test_backup_copies_a_verifiable_store(store_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    code, _, _ = run("backup", str(target), "--store", str(store_path))
    assert code == 0
    with Store.open(target) as copy:
        assert copy.count_articles() == 2 and copy.verify() == []
    code, _, err = run("backup", str(target), "--store", str(store_path))
    assert code == 1 and "exists already" in err


def test_errors_never_show_a_traceback(tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-store.sqlite3"
    bogus.write_bytes(b"this is plain text, not SQLite" * 10)
    result = subprocess.run(
        [sys.executable, "-m", "deskapp", "list", "--store", str(bogus), "--format", "json"],
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"deskapp: error: {bogus} is not a deskapp store (not an SQLite database)"]


def test_store_from_group_option_or_environment(store_path: Path, monkeypatch) -> None:
    result = CliRunner().invoke(main, ["--store", str(store_path), "list", "--format", "json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 2
    monkeypatch.setenv("DESKAPP_STORE", str(store_path))
    code, out, _ = run("list", "--format", "json", "--state", "new")
    assert code == 0 and len(json.loads(out)) == 2


def test_approve_skip_thoughts_leaves_pending_thoughts_out_of_the_checks(
    tmp_path: Path, fixtures: Path
) -> None:
    """Issue 12: every suggestion accepted but a thought ("believe"): blocked by default,
    approved with --skip-thoughts."""
    from deskapp.core.suggest import suggest

    text = (fixtures / "claim-kinds.txt").read_text(encoding="utf-8")
    doc = Document(Article(text))
    for item in suggest(doc.article).items:
        if item.claim_kind != "thought":
            doc = doc.add_mark(item.to_mark())
    path = tmp_path / "thoughts.sqlite3"
    with Store.open(path) as store:
        store.save(doc, reviewer="ana")
    code, _, err = run("approve", "1", "--store", str(path), "--reviewer", "ana")
    assert code == 1 and "1 suggestion not yet accepted or rejected" in err
    code, out, _ = run("approve", "1", "--store", str(path), "--reviewer", "ana",
                       "--skip-thoughts")
    assert code == 0 and "approved article 1" in out
