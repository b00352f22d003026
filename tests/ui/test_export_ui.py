"""Export from the window (Ctrl+E): the new formats, and PDFs paginated without blank pages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from deskapp.core.marking import make_quote
from deskapp.ui import dialogs
from deskapp.ui.pdf_export import export_pdf
from tests.core.exporters.samples import REGISTRY, reviewed
from tests.ui.keys import CTRL, press


def _mark_something(window) -> None:
    doc = window.session.document
    start = doc.article.text.index("The defections")
    window.session.apply(doc.add_mark(make_quote(doc, start, start + 14, speaker="Lapo")),
                         "Mark quote")


@pytest.mark.parametrize(("name", "chosen", "written"), [
    ("a", "W3C Web Annotation (*.jsonld)", ["a.jsonld"]),
    ("b.jsonld", "Markdown (*.md)", ["b.jsonld"]),
    ("c", "brat standoff (*.ann + *.txt)", ["c.ann", "c.txt"]),
])
def test_ctrl_e_exports_web_annotation_and_brat(open_window, qtbot, monkeypatch, tmp_path,
                                                name, chosen, written):
    window = open_window()
    _mark_something(window)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(dialogs, "save_file", lambda *a: (str(out / name), chosen))
    press(qtbot, window.view, Qt.Key.Key_E, CTRL)
    assert sorted(p.name for p in out.iterdir()) == written
    first = out / written[0]
    if first.suffix == ".jsonld":
        items = json.loads(first.read_text())["first"]["items"]
        assert items[0]["target"]["selector"][0]["exact"] == "The defections"
    else:
        assert first.read_text().startswith("T1\tQuote ")
        assert (out / "c.txt").read_text() == window.session.document.article.text


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


@pytest.mark.parametrize("filler", [0, 30, 90, 200])
def test_the_pdf_has_as_many_pages_as_its_text_fills_and_none_blank(qapp, tmp_path,
                                                                   sample_text, filler):
    text = sample_text.replace("Venezuela’s military, which",
                               "Filler sentence for length. " * filler
                               + "\n\nVenezuela’s military, which")
    target = tmp_path / "x.pdf"
    export_pdf(target, reviewed(text), REGISTRY)
    pages = _pages(target.read_bytes())
    assert pages >= 1
    if shutil.which("pdftotext"):
        for page in range(1, pages + 1):
            shown = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(target),
                                    "-"], capture_output=True, text=True, check=True).stdout
            assert shown.strip(), f"page {page} of {pages} is blank"
        last = subprocess.run(["pdftotext", str(target), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "Marieke de Vries" in last and "Amanda Lapo" in last


def test_a_pdf_export_that_fails_leaves_the_old_file(qapp, tmp_path, sample_text):
    target = tmp_path / "missing" / "x.pdf"
    with pytest.raises(Exception, match="cannot write"):
        export_pdf(target, reviewed(sample_text))
    assert not target.parent.exists()
