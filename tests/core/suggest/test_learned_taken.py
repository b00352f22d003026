"""What the learned layer asks of the rules' findings, word by word: which role the rules
gave a word (the first of cue, source, content/quote that holds its start) and whether it
lies outside every rule's attribution. Checked against the definition on random layouts."""

from __future__ import annotations

import random

from deskapp.core.suggest.learned.features import CONTENT, CUE, NONE, SOURCE, tokens
from deskapp.core.suggest.learned.taken import Taken


def _ranges(rng: random.Random, size: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(rng.randrange(6)):
        start = rng.randrange(size)
        out.append((start, min(size, start + rng.randrange(1, 40))))
    return out


def _holds(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in ranges)


def test_each_word_takes_the_first_role_whose_range_holds_its_start() -> None:
    rng = random.Random(12)
    text = " ".join(rng.choice(["said", "the", "minister", ",", "“", "that", "it", "rose"])
                    for _ in range(60))
    for _ in range(300):
        layers = {tag: _ranges(rng, len(text)) for tag in (CUE, SOURCE, CONTENT)}
        quotes, hulls = _ranges(rng, len(text)), _ranges(rng, len(text))
        taken = Taken(layers[CUE], layers[SOURCE], layers[CONTENT], quotes, hulls)
        start = rng.randrange(len(text) // 2)
        toks = tokens(text, start, start + rng.randrange(1, len(text) // 2))
        tags = taken.tags(toks)
        expected = []
        for _, pos, _ in toks:
            for tag, ranges in ((CUE, layers[CUE]), (SOURCE, layers[SOURCE]),
                                (CONTENT, layers[CONTENT] + quotes)):
                if _holds(ranges, pos):
                    expected.append(tag)
                    break
            else:
                expected.append(NONE)
        assert tags == expected
        assert taken.free(toks, tags) == [tag == NONE and not _holds(hulls, pos)
                                          for tag, (_, pos, _) in zip(tags, toks, strict=True)]
