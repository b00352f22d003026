"""brat standoff: a pair made by another tool (PolNeAR's E lines, discontinuous spans) imports
with its marks; deskapp's own export comes back the same; bad lines are one-line errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from tests.core.exporters.samples import REGISTRY, reviewed

from deskapp.core.errors import ImportFailed
from deskapp.core.exporters import to_brat
from deskapp.core.exporters.csv_export import to_csv
from deskapp.core.importers import read_document
from deskapp.core.importers.brat import marks_from_standoff

TEXT = ("Mayor Ana Ruiz said the bridge will reopen in May.\n\n"
        "“We are ready,” Ruiz told reporters, “and the money is there.”\n\n"
        "Officials said as much, arguing that delays were over.\n")


def _at(words: str, within: str = "") -> str:
    """``START END`` of ``words`` (inside the first ``within``, when given)."""
    start = TEXT.index(within or words) + (within.index(words) if within else 0)
    return f"{start} {start + len(words)}"


# The way PolNeAR (and brat's event annotation) writes attributions: a trigger T of type
# Attribution, an E line naming Source, Cue and Content; one source serving two events.
OTHER_TOOL = "\n".join([
    f"T1\tSource {_at('Mayor Ana Ruiz')}\tMayor Ana Ruiz",
    f"T2\tCue {_at('said')}\tsaid",
    f"T3\tContent {_at('the bridge will reopen in May')}\tthe bridge will reopen in May",
    f"T4\tAttribution {_at('said')}\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    f"T5\tContent {_at('We are ready')};{_at('and the money is there')}\t"
    "We are ready and the money is there",
    f"T6\tSource {_at('Ruiz', 'Ruiz told')}\tRuiz",
    f"T7\tCue {_at('told')}\ttold",
    "T8\tAttribution-no-source 0 5\tMayor",
    "E2\tAttribution:T8 Content:T5 Source:T6 Cue:T7",
    f"T9\tSource {_at('Officials')}\tOfficials",
    f"T10\tCue {_at('said', 'said as')}\tsaid",
    f"T11\tContent {_at('as much')}\tas much",
    "E3\tAttribution:T10 Source:T9 Cue:T10 Content:T11",
    f"T12\tCue {_at('arguing')}\targuing",
    f"T13\tContent {_at('that delays were over')}\tthat delays were over",
    "E4\tAttribution:T12 Source:T9 Cue:T12 Content:T13",
    "#1\tAnnotatorNotes T1\tchecked by the desk",
    f"T14\tPerson {_at('Ana Ruiz')}\tAna Ruiz",
    "",
])


def _pair(tmp_path: Path, text: str, ann: str, name: str = "story") -> Path:
    (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    path = tmp_path / f"{name}.ann"
    path.write_text(ann, encoding="utf-8")
    return path


def test_a_pair_made_by_another_tool_imports_with_its_marks(tmp_path):
    doc = read_document(_pair(tmp_path, TEXT, OTHER_TOOL))
    assert doc.article.text == TEXT
    found = [(m.source.text, m.cue.text, m.content.piece_text) for m in doc.marks]
    assert found == [
        ("Mayor Ana Ruiz", "said", "the bridge will reopen in May"),
        ("Ruiz", "told", "We are ready and the money is there"),
        ("Officials", "said", "as much"),
        ("Officials", "arguing", "that delays were over"),
    ]
    assert doc.marks[1].content.fragments  # the content split by its cue stays in pieces


def test_r_lines_tie_a_quote_to_its_speaker_and_cue(tmp_path):
    ann = (f"T1\tQuote {_at('We are ready')}\tWe are ready\n"
           f"T2\tSpeaker {_at('Ruiz', 'Ruiz told')}\tRuiz\n"
           "R1\tSource Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T2\tname: Ana Ruiz\n")
    (quote,) = read_document(_pair(tmp_path, TEXT, ann)).marks
    assert (quote.kind, quote.speaker, quote.speaker_span.text) == ("quote", "Ana Ruiz", "Ruiz")


def test_deskapps_own_export_comes_back_with_the_same_marks(sample_text):
    doc = reviewed(sample_text)
    pair = to_brat(doc, REGISTRY)
    back = doc.with_marks(marks_from_standoff(pair[".txt"], pair[".ann"], "x.ann"))
    assert _rows(back) == _rows(doc)


def _rows(doc) -> list[dict]:
    """The CSV rows of ``doc``'s marks; ``refers_to`` aside (brat carries the canonical
    name, which the registry gives either way)."""
    rows = list(csv.DictReader(io.StringIO(to_csv(doc, REGISTRY))))
    return [{k: v for k, v in row.items() if k != "refers_to"} for row in rows]


def test_a_span_across_lines_is_cut_there_and_joined_again():
    text = "She said the plan\nwill work.\n"
    ann = to_brat(reviewed_one(text), None)[".ann"]
    assert "Content 9 17;18 28\tthe plan will work." in ann
    (mark,) = marks_from_standoff(text, ann, "x.ann")
    assert mark.content.text == "the plan\nwill work." and not mark.content.fragments


def reviewed_one(text: str):
    from deskapp.core.article import Article
    from deskapp.core.document import Document
    from deskapp.core.marks import Attribution
    from deskapp.core.spans import Span

    return Document(Article(text)).add_mark(Attribution(
        Span.of(text, 9, 28), source=Span.of(text, 0, 3), cue=Span.of(text, 4, 8)))


@pytest.mark.parametrize(("ann", "words"), [
    ("T1\tContent 0 999\tx\n", "line 1: the offsets 0 999 are not a stretch of the text"),
    ("T1\tContent 0 5\tHello\n", "line 1: the text 'Hello' is not what the offsets cover"),
    ("T1\tContent five 9\tx\n", "line 1: bad offsets 'five 9'"),
    ("T1\tContent 10 15;0 5\tx\n", "line 1: the pieces are not in order or overlap"),
    ("T1\tContent 0 5\tMayor\nR1\tSource Arg1:T1 Arg2:T9\n", "names T9, which no T line"),
    ("T1\tContent 0 5\tMayor\nR1\tSource Arg1:T1 Arg2\n", "line 2: bad argument 'Arg2'"),
    ("X1\twhat\n", "line 1: unknown annotation 'X1'"),
    ("T1\tContent\n", "line 1: a T line needs an id"),
    ("T1\tQuote 0 5\tMayor\nT2\tContent 6 9\tAna\nR1\tX Arg1:T1 Arg2:T2\n",
     "tie a quote and a content"),
])
def test_a_bad_line_is_a_one_line_error_naming_the_file_and_line(tmp_path, ann, words):
    with pytest.raises(ImportFailed) as raised:
        read_document(_pair(tmp_path, TEXT, ann))
    message = str(raised.value)
    assert words in message and "story.ann" in message and "\n" not in message


def test_an_ann_without_its_txt_is_a_one_line_error(tmp_path):
    (tmp_path / "lonely.ann").write_text("T1\tContent 0 5\tMayor\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as raised:
        read_document(tmp_path / "lonely.ann")
    assert "lonely.txt" in str(raised.value) and "\n" not in str(raised.value)


def test_windows_line_endings_keep_the_offsets(tmp_path):
    text = "A line.\r\nOfficials said it works.\r\n"
    start = text.index("it works")
    ann = f"T1\tContent {start} {start + 8}\tit works\n"
    (mark,) = read_document(_pair(tmp_path, text, ann)).marks
    assert mark.content.text == "it works"
