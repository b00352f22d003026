"""Bytes to text: BOMs, strict UTF-8 first, then detection with charset-normalizer.

Truncated or damaged UTF-8 is refused rather than decoded into mojibake; legacy
single-byte files (cp1252, latin-1, cp1251, …) are detected on a sample and then
decoded whole, strictly. Line endings become "\\n"; nothing else changes. Whatever the
encoding, text holding NUL characters is refused (``refuse_non_text``): it is binary data.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable

from deskapp.core.errors import ImportFailed

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
_SAMPLE_BYTES = 256 * 1024
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_NON_ASCII = bytes(range(0x80, 0x100))
_C1 = re.compile(rb"[\x80-\x9f]")
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15"})
_WESTERN_MARGIN = 0.1
_TRIED = 4  # guesses tried on the whole data


def normalize_newlines(text: str) -> str:
    """CR LF and lone CR become LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def refuse_non_text(text: str, name: str) -> None:
    """Raise ``ImportFailed`` when decoded ``text`` holds NUL characters (binary data, or
    NUL bytes that an encoding turned into characters)."""
    if "\x00" in text:
        raise ImportFailed(f"{name}: this is a binary file (it contains NUL characters), "
                           "not a text article")


def decode(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of ``data``; ``declared`` (e.g. an HTML meta charset) is tried
    after BOMs and UTF-8. Raises ``ImportFailed`` naming ``name`` when it is not text."""
    text, encoding = _decode(data, name, declared)
    refuse_non_text(text, name)
    return text, encoding


def _decode(data: bytes, name: str, declared: str | None) -> tuple[str, str]:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], codec.replace("-sig", ""), label, name), label
    if b"\x00" in data[:4096]:  # UTF-8 text holds no NUL: UTF-16 without a BOM, or binary
        codec = "utf-16-le" if data[1:4096:2].count(0) > data[0:4096:2].count(0) else "utf-16-be"
        return _strict(data, codec, codec, name), codec
    try:
        return normalize_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _is_utf8_gone_wrong(data, utf8_error):
        raise ImportFailed(_utf8_message(name, data, utf8_error))
    if declared:
        decoded = _declared(data, declared)
        if decoded is not None:
            return decoded
    return _detect(data, name)


def _declared(data: bytes, declared: str) -> tuple[str, str] | None:
    """Decode with a page's declared charset; latin-1 and ASCII labels mean cp1252 (as in
    browsers). None when the label is unknown or does not fit the bytes."""
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        return None
    if codec in {"utf-8", "utf-16", "utf-32"}:
        return None
    if codec in {"latin-1", "iso8859-1", "ascii"}:
        codec = "cp1252"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return normalize_newlines(text), _western_name(data, text, codec)


def _strict(data: bytes, codec: str, label: str, name: str) -> str:
    try:
        return normalize_newlines(data.decode(codec))
    except UnicodeDecodeError as exc:
        message = f"{name}: not valid {label} text (bad bytes at offset {exc.start})"
        raise ImportFailed(message) from None


def _is_utf8_gone_wrong(data: bytes, exc: UnicodeDecodeError) -> bool:
    """Cut-off or damaged UTF-8: a cut that leaves a lead byte with its continuation bytes
    (a lone last byte such as cp1252 "é" ending the file is not enough), or bytes of valid
    multibyte sequences making up at least half of the non-ASCII bytes. In a legacy
    single-byte text such pairs are rare (an accented capital before a symbol); in UTF-8
    with a few damaged bytes they are nearly all of them."""
    if _truncated(data, exc):
        before = data[max(0, exc.start - 65536) : exc.start]
        return len(data) - exc.start >= 2 or _UTF8_MULTIBYTE.search(before) is not None
    in_sequences = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    non_ascii = len(data) - len(data.translate(None, _NON_ASCII))
    return in_sequences > 0 and 2 * in_sequences >= non_ascii


def _truncated(data: bytes, exc: UnicodeDecodeError) -> bool:
    return exc.reason == "unexpected end of data" and exc.end >= len(data) - 3


def _utf8_message(name: str, data: bytes, exc: UnicodeDecodeError) -> str:
    if _truncated(data, exc):
        return f"{name}: the UTF-8 text is truncated (it ends in the middle of a character)"
    return (f"{name}: damaged UTF-8 text (invalid bytes at offset {exc.start}); "
            "not importing it as garbled text")


def _detect(data: bytes, name: str) -> tuple[str, str]:
    """Detect on a sample first, then on the whole data; the first of the detector's best
    guesses that decodes every byte wins, else the file is refused."""
    from charset_normalizer import from_bytes

    sample = data[:_SAMPLE_BYTES]
    if len(data) > _SAMPLE_BYTES and b"\n" in sample:
        sample = sample[: sample.rfind(b"\n") + 1]
    for source in (sample, data) if len(sample) < len(data) else (data,):
        for encoding in _ranked(from_bytes(source))[:_TRIED]:
            try:
                text = data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
            return normalize_newlines(text), _western_name(data, text, encoding)
    raise ImportFailed(f"{name}: the text encoding could not be recognised (not a text file?)")


def _ranked(results: Iterable) -> list[str]:
    """The detector's guesses, likeliest first, except that cp1252 comes first when it reads
    about as cleanly: on short Western texts the detector often prefers a rarer code page
    (cp1257, cp1250) that turns "à" into "ą"."""
    candidates = sorted(results, key=lambda r: (r.chaos, -r.coherence))
    if not candidates:
        return []
    ranked = [r.encoding for r in candidates]
    best = candidates[0]
    if any(r.encoding in _WESTERN and r.chaos <= best.chaos + _WESTERN_MARGIN
           for r in candidates):
        ranked.insert(0, "cp1252")
    return list(dict.fromkeys(ranked))


def _western_name(data: bytes, text: str, detected: str) -> str:
    """Prefer the common names when they decode to the same text: latin-1 when no byte
    falls in 0x80–0x9F, else cp1252; otherwise the detector's answer."""
    if not _C1.search(data):
        if data.decode("latin-1") == text:
            return "latin-1"
    else:
        try:
            if data.decode("cp1252") == text:
                return "cp1252"
        except UnicodeDecodeError:
            pass
    name = codecs.lookup(detected).name
    return {"iso8859-1": "latin-1", "windows-1252": "cp1252"}.get(name, name)
