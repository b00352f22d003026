"""Text for a terminal: control characters are shown escaped, never sent raw.

A headline holding ``ESC ] 0 ; … BEL`` would set the terminal's title when printed, an
``ESC ] 52`` sequence would write the clipboard, a newline in a file name would break a
one-line-per-file listing. Every text output of the CLI passes its fields through
``printable``; JSON output through ``json_text`` (same data once parsed).
"""

from __future__ import annotations

import json
import re
from typing import Any

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
"""C0 and C1 controls, DEL, bidi controls, line/paragraph separators, lone surrogates."""
_UNSAFE_IN_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""What ``json.dumps`` leaves raw (it escapes C0 itself; its line breaks are layout)."""
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def printable(text: object) -> str:
    """``text`` with every control character written as an escape (``\\x1b``, ``\\n`` …)."""
    return _UNSAFE.sub(_escaped, str(text))


def printable_lines(text: str) -> str:
    """``printable`` line by line: the line breaks stay, every other control is escaped."""
    return "\n".join(printable(line) for line in text.split("\n"))


def json_text(value: Any, *, indent: int | None = None) -> str:
    """``value`` as JSON (UTF-8 kept readable) with every control character, including the
    C1 ones, bidi controls and lone surrogates that ``json.dumps`` leaves raw, escaped as
    ``\\uXXXX``: the same data for a JSON reader, inert on a terminal."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
