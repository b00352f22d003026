"""The learned models' data (``model.json.gz``), read once, on first use."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from deskapp.core.suggest.learned.features import stem, word_features

MODEL_PATH = Path(__file__).with_name("model.json.gz")
# Another model file, for trying a retrained one (scripts/train_learned_model.py --out).
MODEL_ENV = "DESKAPP_LEARNED_MODEL"
_MEMO_LIMIT = 200_000  # words remembered as candidates or not (texts full of figures)


@dataclass(frozen=True)
class LearnedModel:
    """Weights of the cue, source and content models and the evidence behind cues."""

    cue: dict[str, float]
    source: dict[str, float]
    content: dict[str, float]
    cue_threshold: float
    candidates: frozenset[str]  # words often enough part of a cue
    stems: frozenset[str]  # the same for words never seen, by their stem
    common: frozenset[str]  # frequent words seldom part of a cue (never candidates)
    evidence: dict[str, tuple[int, int]]  # word: (uses as a cue, uses)
    articles: int  # how many annotated articles it learned from
    classes: dict[str, str] = field(default_factory=dict)  # word: its parts of speech
    _word_scores: dict[str, float] = field(default_factory=dict, repr=False)
    _candidate_words: _Memo = field(default_factory=lambda: _Memo(), init=False, repr=False)

    def __post_init__(self) -> None:
        self._candidate_words.test = self._is_candidate

    def uses(self, word: str) -> tuple[int, int]:
        return self.evidence.get(word, (0, 0))

    def cue_rate(self, word: str) -> float:
        """The share of ``word``'s uses that were part of a cue (0 for a word not held)."""
        cue_uses, uses = self.evidence.get(word, (0, 0))
        return cue_uses / uses if uses else 0.0

    def is_candidate(self, word: str) -> bool:
        """Whether the cue model reads ``word`` at all (worked out once per word)."""
        return self._candidate_words[word]

    def candidate_flags(self, words: list[str]) -> list[bool]:
        """``is_candidate`` of each of ``words``."""
        return list(map(self._candidate_words.__getitem__, words))

    def _is_candidate(self, word: str) -> bool:
        return word in self.candidates or (word not in self.common and stem(word) in self.stems)

    def word_score(self, word: str) -> float:
        """The summed weights of ``word_features(word)``, worked out once per word."""
        score = self._word_scores.get(word)
        if score is None:
            get = self.cue.get
            score = self._word_scores[word] = sum([get(f, 0.0) for f in word_features(word)])
        return score


class _Memo(dict):
    """Answers of ``test`` by word, each worked out on first request (at most
    ``_MEMO_LIMIT`` kept: a text full of figures makes new words without end)."""

    test: Callable[[str], bool]

    def __missing__(self, word: str) -> bool:
        if len(self) >= _MEMO_LIMIT:
            self.clear()
        answer = self[word] = self.test(word)
        return answer


def model_from_json(data: dict) -> LearnedModel:
    return LearnedModel(
        cue=data["cue"], source=data["source"], content=data["content"],
        cue_threshold=float(data["cue_threshold"]),
        candidates=frozenset(data["candidates"]), stems=frozenset(data["stems"]),
        common=frozenset(data["common"]),
        evidence={w: (int(a), int(b)) for w, (a, b) in data["evidence"].items()},
        articles=int(data["articles"]), classes=data.get("classes", {}))


@cache
def learned_model() -> LearnedModel | None:
    """The shipped model, or None where it is missing (the rules then work alone)."""
    path = Path(os.environ.get(MODEL_ENV) or MODEL_PATH)
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return model_from_json(json.load(f))


def word_class(word: str) -> str:
    """The parts of speech ``word`` can have ("ADJ", "NOUN+VERB"), from the shipped model's
    table; "" for a word it does not hold or without a model."""
    model = learned_model()
    return model.classes.get(word.lower(), "") if model is not None else ""
