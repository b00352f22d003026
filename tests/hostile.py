"""The hostile-input corpus: the small files of ``fixtures/hostile`` and the big ones,
generated here (a few hundred kilobytes to a few megabytes each, made in milliseconds).

Each case is ``(file name, bytes, words its one-line error must hold)``.
"""

from __future__ import annotations

import json
from pathlib import Path

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
PROSE = b"<p>Some article text is here and it is long enough to count as prose, really.</p>"


def static_cases() -> list[tuple[str, bytes, str]]:
    """The refused files kept in ``fixtures/hostile`` with the words of their error."""
    expected = json.loads((HOSTILE / "expected-errors.json").read_text(encoding="utf-8"))
    return [(name, (HOSTILE / name).read_bytes(), words) for name, words in expected.items()]


def readable_cases() -> list[tuple[str, bytes]]:
    """The other files of ``fixtures/hostile``: odd but readable (or refused), never a crash."""
    refused = json.loads((HOSTILE / "expected-errors.json").read_text(encoding="utf-8"))
    return [(p.name, p.read_bytes()) for p in sorted(HOSTILE.iterdir())
            if p.name not in refused and p.suffix in (".txt", ".json", ".html", ".md")
            and p.name != "expected-errors.json"]


def _tag_with_attributes(count: int) -> bytes:
    attributes = b" ".join(b'a%d="x"' % i for i in range(count))
    return b"<html><body><p " + attributes + b">" + PROSE + b"</p></body></html>"


def generated_cases() -> list[tuple[str, bytes, str]]:
    """Big hostile inputs, made on the fly (not kept in the repository)."""
    return [
        ("nul-bytes.txt", b"\x00" * 4096, "NUL"),
        ("nul-bytes.json", b"\x00" * 4096, "NUL"),
        ("json-deep-nesting.json", b"[" * 100_000, "nested too deeply"),
        ("json-deep-in-key.json",
         b'{"text": "Some article text here.", "x": ' + b"[" * 100_000 + b"]" * 100_000
         + b"}", "nested too deeply"),
        ("json-huge-integer.json",
         b'{"text": "Some text.", "quotes": [{"start": ' + b"9" * 5000 + b"}]}",
         "not valid JSON"),
        ("html-many-attributes.html", _tag_with_attributes(200_000), "the limit is 1,000"),
    ]


def slow_before_cases() -> list[tuple[str, bytes]]:
    """Inputs that took minutes before and must now be read (or refused) in seconds."""
    return [
        ("markdown-brackets.md", b"[" * 100_000),
        ("markdown-image-brackets.md", b"![" * 50_000),
        ("markdown-bold.md", b"**a " * 50_000),
        ("markdown-underscores.md", b"_a " * 50_000),
        ("markdown-strike.md", b"~~a " * 50_000),
        ("markdown-autolinks.md", b"<http://x" * 20_000),
        ("markdown-links.md", b"[a](" * 50_000),
        ("markdown-quotes.md", b"> " * 100_000 + b"x"),
    ]
