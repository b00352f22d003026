"""The desk from the command line: assign, list by assignee, the queue's next, list's counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from deskapp.cli import main
from deskapp.core.article import Article
from deskapp.core.checks import review_counts
from deskapp.core.document import Document
from deskapp.core.workflow import State
from deskapp.store import Store


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def store_path(tmp_path: Path, sample_text: str) -> Path:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.import_document(Document(Article(sample_text)), reviewer="ana")
        other = store.save(Document(Article("Council story\n\nThe council met.")),
                           reviewer="ana")
        store.transition(other.id, State.IN_REVIEW, reviewer="ana")
    return path


def test_assign_and_list_by_assignee(store_path: Path) -> None:
    result = _run("assign", "2", "--to", " Bea  Senior ", "--store", str(store_path),
                  "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"id": 2, "assignee": "Bea Senior"}
    listed = json.loads(_run("list", "--assignee", "Bea Senior", "--store", str(store_path),
                             "--format", "json").stdout)
    assert [(r["id"], r["assignee"]) for r in listed] == [(2, "Bea Senior")]
    unassigned = json.loads(_run("list", "--unassigned", "--store", str(store_path),
                                 "--format", "json").stdout)
    assert [r["id"] for r in unassigned] == [1]
    assert _run("assign", "2", "--nobody", "--store", str(store_path)).exit_code == 0
    assert len(json.loads(_run("list", "--unassigned", "--store", str(store_path),
                               "--format", "json").stdout)) == 2


def test_bad_assignments_are_one_line_errors(store_path: Path) -> None:
    for args, needle in ((("assign", "9", "--to", "Bea"), "no article 9"),
                         (("assign", "1", "--to", "Bea\x1b[2J"), "control characters"),
                         (("assign", "1"), "either --to NAME or --nobody"),
                         (("assign", "1", "--to", "Bea", "--nobody"), "either")):
        result = _run(*args, "--store", str(store_path))
        assert result.exit_code != 0 and needle in result.output
        assert "Traceback" not in result.output


def test_next_is_the_queues_next_article(store_path: Path) -> None:
    found = json.loads(_run("next", "--reviewer", "Ana", "--store", str(store_path),
                            "--format", "json").stdout)
    assert found["id"] == 2 and found["state"] == "in_review"  # in review before new
    _run("assign", "2", "--to", "Bea", "--store", str(store_path))
    found = json.loads(_run("next", "--reviewer", "Ana", "--store", str(store_path),
                            "--format", "json").stdout)
    assert found["id"] == 1
    with Store.open(store_path) as store:
        store.transition(1, State.APPROVED, reviewer="Ana", note="checked",
                         overridden=["flags"])
    result = _run("next", "--reviewer", "Ana", "--store", str(store_path))
    assert result.exit_code == 0 and "the queue is empty" in result.output
    assert json.loads(_run("next", "--reviewer", "Ana", "--store", str(store_path),
                           "--format", "json").stdout) is None


def test_list_gives_the_counts_the_article_shows(store_path: Path, sample_text: str) -> None:
    rows = json.loads(_run("list", "--store", str(store_path), "--format", "json").stdout)
    sample = next(r for r in rows if r["id"] == 1)
    counts = review_counts(Document(Article(sample_text)))
    assert (sample["flags"], sample["pending_suggestions"]) == (counts.flags, counts.pending)
    assert sample["flags"] > 0 and "file_name" in sample and sample["assignee"] == ""
