"""The engine's word lists are data files (``core/suggest/vocab``): each says what it is,
is read by the engine, and reads as its entries, in order, comments aside."""

from __future__ import annotations

import re
from pathlib import Path

from deskapp.core.suggest import vocab
from deskapp.core.suggest.lexicon import STRONG_VERBS
from deskapp.core.suggest.names import ROLE_NOUNS

FOLDER = Path(vocab.__file__).parent
ENGINE = FOLDER.parent
FILES = sorted(FOLDER.glob("*.txt"))


def test_every_word_list_opens_with_a_line_saying_what_it_is():
    assert len(FILES) >= 40
    for path in FILES:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and len(first) > 20, path.name
        assert vocab.read(path.stem), path.name


def test_every_word_list_is_read_by_the_engine_and_every_list_read_exists():
    source = "\n".join(p.read_text(encoding="utf-8") for p in ENGINE.rglob("*.py"))
    read = set(re.findall(r'vocab\.read\("([\w-]+)"\)', source))
    assert read == {p.stem for p in FILES}


def test_a_list_reads_as_its_entries_in_order_without_comments_or_blank_lines():
    assert STRONG_VERBS[:3] == ["say", "tell", "report"]  # the order a pattern is built in
    assert "spokesman" in ROLE_NOUNS and not any(w.startswith("#") for w in ROLE_NOUNS)
    for path in FILES:
        entries = vocab.read(path.stem)
        assert all(e == e.strip() and e and "#" not in e for e in entries), path.name
