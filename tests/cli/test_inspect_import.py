"""`deskapp inspect` and `deskapp import` as other tools call them."""

from __future__ import annotations

import json

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
