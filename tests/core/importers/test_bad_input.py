"""Bad input: each refused with a message naming the file and the reason."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from deskapp.core import regular_files
from deskapp.core.errors import ImportFailed
from deskapp.core.importers import read_document, source

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "Hello")
    return buffer.getvalue()


def _refused(path, *words: str) -> str:
    with pytest.raises(ImportFailed) as caught:
        read_document(path)
    message = str(caught.value)
    assert str(path) in message
    for word in words:
        assert word in message
    return message


@pytest.mark.parametrize(
    ("name", "payload", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\r\n", "only white space"),
        ("picture.txt", PNG, "PNG image"),
        ("archive.txt", _zip(), "ZIP archive"),
        ("report.txt", PDF, "PDF document"),
        ("data.bin", b"abc\x00\x01\x02\x03\xff\xfe" * 20, "binary file"),
        ("cut.txt", "Guaidó said more…".encode()[:-1], "truncated"),
        ("damaged.txt", "Guaidó met Maduro’s men".encode() + b" \xe9t\xe9 " + "– ok".encode(),
         "damaged UTF-8"),
        ("page.html", PNG, "PNG image"),
        ("export.json", b"", "empty"),
    ],
)
def test_bad_files_are_refused_with_their_reason(tmp_path, name, payload, reason):
    path = tmp_path / name
    path.write_bytes(payload)
    _refused(path, reason)


def test_a_large_text_file_imports_within_the_limit(tmp_path):
    line = "WASHINGTON (AP) — The Senate voted on Tuesday to pass the measure, officials said.\n"
    path = tmp_path / "big.txt"
    path.write_text("Big capture\n\n" + line * (50_000_000 // len(line)), encoding="utf-8")
    assert path.stat().st_size > 49_000_000
    article = read_document(path).article
    assert article.text == path.read_text(encoding="utf-8")
    assert article.meta.title == "Big capture"
    assert article.meta.dateline == "WASHINGTON (AP)"


def test_a_file_over_the_limit_is_refused_with_its_size(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(source.MAX_FILE_BYTES + 1)
    _refused(path, "too large", "MB")


def test_the_limit_is_checked_on_what_is_read_too(tmp_path, monkeypatch):
    monkeypatch.setattr(source, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "grows.txt"
    path.write_text("x" * 2000, encoding="utf-8")
    _refused(path, "too large")


def test_no_read_permission(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Headline\n\nSome text.\n", encoding="utf-8")
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything: simulate the refusal the OS gives other users
        real_access = os.access
        monkeypatch.setattr(source.os, "access",
                            lambda p, mode: False if str(p) == str(path) else real_access(p, mode))
    _refused(path, "permission denied")


def test_permission_error_while_opening(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("Headline\n\nSome text.\n", encoding="utf-8")

    real_open = os.open

    def refuse(name, *args, **kwargs):
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(regular_files.os, "open", refuse)
    _refused(path, "permission denied")


def test_missing_file(tmp_path):
    _refused(tmp_path / "gone.txt", "does not exist")


def test_a_folder_is_not_a_file(tmp_path):
    _refused(tmp_path, "folder")
