"""Reading a file's bytes for import: size limit, binary sniffing, provenance."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from deskapp.core.errors import ImportFailed
from deskapp.core.regular_files import NotRegularFile, open_regular, require_regular

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Files larger than this are refused: an article is kilobytes; 64 MiB leaves room for
a 50 MB capture (imported in about a second with peak memory ≈ 4× its size)."""

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"%PDF-", "a PDF document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg media file"),
    (b"ID3\x04", "an MP3 audio file"),
    (b"ID3\x03", "an MP3 audio file"),
)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where imported bytes came from: file name, their SHA-256, when they were read."""

    file_name: str
    sha256: str
    imported_at: str


def now_utc() -> str:
    """The current time as ISO 8601 UTC, to the second ("2024-03-01T12:00:00Z")."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def provenance(name: str, data: bytes) -> Provenance:
    return Provenance(name, hashlib.sha256(data).hexdigest(), now_utc())


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``, or ``ImportFailed`` saying why they cannot be imported
    (``limit`` defaults to ``MAX_FILE_BYTES``). Only a regular file is opened
    (``regular_files``): a folder, FIFO, device or socket is refused, never waited on."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        size = require_regular(path).st_size
        if not os.access(path, os.R_OK):
            raise PermissionError(13, "Permission denied", str(path))
        if size > limit:
            raise ImportFailed(
                f"{path}: too large to import ({size / 1e6:.1f} MB; "
                f"the limit is {limit / 1e6:.0f} MB)"
            )
        with open_regular(path) as handle:
            data = handle.read(limit + 1)
    except NotRegularFile as exc:
        raise ImportFailed(f"{path}: {exc.reason}") from None
    except FileNotFoundError:
        raise ImportFailed(f"{path}: the file does not exist (moved or deleted?)") from None
    except PermissionError:
        raise ImportFailed(f"{path}: permission denied (no read access)") from None
    except IsADirectoryError:
        raise ImportFailed(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise ImportFailed(f"{path}: too large to import (the limit is {limit / 1e6:.0f} MB)")
    check_not_binary(data, str(path))
    return data


def check_not_binary(data: bytes, name: str) -> None:
    """Refuse empty data and data that is plainly not text (known magic numbers, NUL bytes)."""
    if not data:
        raise ImportFailed(f"{name}: the file is empty")
    if data.isspace():
        raise ImportFailed(f"{name}: the file holds only white space")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ImportFailed(f"{name}: this is {what}, not a text article")
    if b"\x00" in data[:65536] and not _looks_like_utf16_or_32(data):
        raise ImportFailed(
            f"{name}: this is a binary file (it contains NUL bytes), not a text article"
        )


def _looks_like_utf16_or_32(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return True
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    return len(sample) >= 4 and (even.count(0) > 0.9 * len(even) or odd.count(0) > 0.9 * len(odd))
