"""`deskapp detect FILE --format json` follows the contract exactly."""

import json

from click.testing import CliRunner

from deskapp.cli import main

QUOTE_KEYS = {"start", "end", "text", "speaker", "speaker_span", "cue", "reason", "confidence"}
ATTRIBUTION_KEYS = {"source", "cue", "content", "source_kind", "reason", "confidence"}
FLAG_KEYS = {"kind", "start", "end", "text", "message"}


def _run(*args):
    return CliRunner().invoke(main, ["detect", *args])


def _check_span(text: str, span) -> None:
    if span is None:
        return
    assert text[span["start"]:span["end"]] == span["text"]
    for piece in span.get("fragments", []):
        assert span["start"] <= piece["start"] < piece["end"] <= span["end"]


def test_json_follows_the_contract(fixtures):
    result = _run(str(fixtures / "venezuela-defections.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    text = data["text"]
    assert text == (fixtures / "venezuela-defections.txt").read_text(encoding="utf-8")
    assert data["quotes"] and data["attributions"] and data["flags"]
    for q in data["quotes"]:
        assert q.keys() >= QUOTE_KEYS
        assert text[q["start"]:q["end"]] == q["text"]
        _check_span(text, q["speaker_span"])
        _check_span(text, q["cue"])
    for a in data["attributions"]:
        assert a.keys() >= ATTRIBUTION_KEYS
        assert a["source_kind"] in {"person", "organisation", "media", "document", "anonymous",
                                    "unknown"}
        for role in ("source", "cue", "content"):
            _check_span(text, a[role])
    for f in data["flags"]:
        assert f.keys() >= FLAG_KEYS
        assert text[f["start"]:f["end"]] == f["text"]
    quote = data["quotes"][0]
    assert quote["speaker"] == "Amanda Lapo" and quote["speaker_span"]["text"] == "she"


def test_offsets_count_python_characters_after_crlf_normalisation(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("Título: ünïcode\r\n“We will fight on,” said Ana Pérez.\r\n".encode())
    data = json.loads(_run(str(path), "--format", "json").output)
    assert "\r" not in data["text"]
    quote = data["quotes"][0]
    assert data["text"][quote["start"]:quote["end"]] == "We will fight on,"
    assert quote["speaker"] == "Ana Pérez"


def test_split_quote_keeps_its_pieces(tmp_path):
    path = tmp_path / "split.txt"
    path.write_text("“We are ready,” she said, “and we will not wait.”\n", encoding="utf-8")
    data = json.loads(_run(str(path), "--format", "json").output)
    quote = data["quotes"][0]
    pieces = [data["text"][f["start"]:f["end"]] for f in quote["fragments"]]
    assert pieces == ["We are ready,", "and we will not wait."]


def test_text_format_lists_the_suggestions(fixtures):
    result = _run(str(fixtures / "venezuela-defections.txt"))
    assert result.exit_code == 0
    assert "Amanda Lapo" in result.output and "unattributed figure" in result.output


def test_missing_file_is_one_line_and_exit_1(tmp_path):
    result = _run(str(tmp_path / "nope.txt"), "--format", "json")
    assert result.exit_code == 1
    assert result.output.count("\n") <= 1 and "nope.txt" in result.output
    assert "Traceback" not in result.output


def test_json_gives_each_suggestion_its_claim_kind(fixtures):
    """Issue 12: "kind" is added to every attribution (statement, thought, document) and
    quote (statement); the other keys stay as they were."""
    result = _run(str(fixtures / "claim-kinds.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    kinds = {a["cue"]["text"]: a["kind"] for a in data["attributions"]}
    assert kinds == {"said": "statement", "believe": "thought", "showed": "document"}
    for a in data["attributions"]:
        assert a.keys() >= ATTRIBUTION_KEYS | {"kind"}
        assert a["reason"].split(":")[0] in {"Statement", "Thought", "Document/data"}
    sample = json.loads(_run(str(fixtures / "venezuela-defections.txt"), "--format",
                             "json").output)
    assert {q["kind"] for q in sample["quotes"]} == {"statement"}
    assert all(a["kind"] in {"statement", "thought", "document"} for a in sample["attributions"])
