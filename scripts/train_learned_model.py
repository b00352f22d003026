"""Train the learned cue, source and content models on the PolNeAR development fold.

    python scripts/train_learned_model.py [--corpus PATH] [--tune] [--out PATH]

Reads ``../shared/corpora/polnear-train.jsonl.gz`` (outside the project; its text never
enters it), keeps the 700 articles of the development fold (``bench/corpus.py`` holds the
split; the 140 of the measuring fold are never read here), runs the hand-written rules on
each article exactly as the engine does, and trains three averaged perceptrons on what the
rules leave: which words are cues, and around each cue which words are its source and its
content. Writes ``src/deskapp/core/suggest/learned/model.json.gz``: feature weights (only
features seen at least ``MIN_COUNT`` times), the cue words with their counts, the cue
threshold. Thresholds are chosen on the tuning fold: train with ``--fold train --out
/tmp/m.json.gz``, then ``DESKAPP_LEARNED_MODEL=/tmp/m.json.gz python bench/corpus.py --fold
tune``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import CORPUS, load  # noqa: E402
from deskapp.core.importers import read_article  # noqa: E402
from deskapp.core.suggest.engine import learned_input  # noqa: E402
from deskapp.core.suggest.learned.attributions import (  # noqa: E402
    candidate_words,
    free_words,
    sentence_cues,
)
from deskapp.core.suggest.learned.features import (  # noqa: E402
    cue_features,
    quoted_flags,
    rival_features,
    role_features,
    stem,
    tokens,
    word_features,
)
from deskapp.core.suggest.learned.weights import (  # noqa: E402
    MODEL_PATH,
    LearnedModel,
    model_from_json,
)

MIN_COUNT = 2  # a feature seen fewer times is dropped (no word pair seen once in the data)
CLASS_MIN_COUNT = 3  # the words whose parts of speech the model keeps (proposal.py reads them)
MIN_CUE_USES = 2  # a word becomes a cue candidate after this many uses as one …
MIN_CUE_RATE = 0.03  # … in at least this share of its uses
COMMON_USES = 20  # a word this frequent below that share is never a candidate
CUE_THRESHOLD = 2.0
EPOCHS = 10


def read(doc: dict) -> dict:
    """One article as the engine reads it, with the gold roles' offsets."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(doc["text"], encoding="utf-8")
        article = read_article(path)
    text, sentences, taken, skipped = learned_input(article)
    roles = {r: sorted({o for a in doc["attributions"] for s, e in a[r] or [] for o in
                        range(s, e)}) for r in ("cue", "source", "content")}
    sents = []
    for s, e in sentences:
        if any(a <= s < b for a, b in skipped):
            continue
        toks = tokens(text, s, e)
        if toks:
            tags = taken.tags(toks)
            sents.append((toks, tags, free_words(toks, tags, taken),
                          s == 0 or text[s - 1] == "\n"))
    return {"doc": doc["doc"], "sentences": sents, "roles": roles}


class Perceptron:
    """A binary averaged perceptron over string features."""

    def __init__(self) -> None:
        self.w: dict[str, float] = defaultdict(float)
        self.total: dict[str, float] = defaultdict(float)
        self.step = 1

    def score(self, features: list[str]) -> float:
        w = self.w
        return sum(w.get(f, 0.0) for f in features)

    def train(self, examples: list[tuple[list[str], int]], epochs: int) -> dict[str, float]:
        order = list(examples)
        rnd = random.Random(1)
        for _ in range(epochs):
            rnd.shuffle(order)
            for features, label in order:
                y = 1 if label else -1
                if self.score(features) * y <= 0:
                    for f in features:
                        self.w[f] += y
                        self.total[f] += self.step * y
                self.step += 1
        return {f: v - self.total[f] / self.step for f, v in self.w.items()}


def pruned(weights: dict[str, float], counts: Counter) -> dict[str, float]:
    return {f: round(v, 3) for f, v in weights.items()
            if counts[f] >= MIN_COUNT and abs(v) >= 0.01}


def gold_flags(toks, offsets: set[int]) -> list[int]:
    return [1 if t[1] in offsets else 0 for t in toks]


def cue_vocabulary(docs: list[dict]) -> dict:
    """The cue candidates: words (and, for words never seen, stems) that were part of a cue
    at least ``MIN_CUE_USES`` times and in at least ``MIN_CUE_RATE`` of their uses; frequent
    words below that rate ("the", "in") are never candidates; and every such word's
    (uses as a cue, uses), the evidence reasons quote."""
    in_cue: Counter = Counter()
    uses: Counter = Counter()
    for d in docs:
        cue = set(d["roles"]["cue"])
        for toks, _, _, _ in d["sentences"]:
            for w, s, _ in toks:
                uses[w.lower()] += 1
                if s in cue:
                    in_cue[w.lower()] += 1

    def often(n_cue: int, n: int) -> bool:
        return n_cue >= MIN_CUE_USES and n_cue >= MIN_CUE_RATE * n

    stem_cue: Counter = Counter()
    stem_uses: Counter = Counter()
    for w, n in uses.items():
        stem_cue[stem(w)] += in_cue[w]
        stem_uses[stem(w)] += n
    return {
        "candidates": sorted(w for w in in_cue if often(in_cue[w], uses[w])),
        "stems": sorted(s for s in stem_cue if often(stem_cue[s], stem_uses[s])),
        "common": sorted(w for w, n in uses.items()
                         if n >= COMMON_USES and not often(in_cue[w], n)),
        "evidence": {w: [in_cue[w], uses[w]] for w in in_cue if in_cue[w] >= MIN_CUE_USES},
    }


def cue_examples(docs: list[dict], model: LearnedModel):
    for d in docs:
        cue = set(d["roles"]["cue"])
        for toks, tags, free, line_start in d["sentences"]:
            lower = [t[0].lower() for t in toks]
            quoted = quoted_flags(lower)
            found = candidate_words(model, toks, lower, tags, free)
            rivals = rival_features(tags, found, [model.cue_rate(lower[i]) for i in found])
            for i, more in zip(found, rivals, strict=True):
                yield (word_features(lower[i]) + cue_features(toks, lower, quoted, tags, i,
                                                              line_start, model.classes,
                                                              not free[i]) + more,
                       1 if toks[i][1] in cue else 0)


def role_examples(docs: list[dict], model_json: dict, role: str):
    """Words of sentences where the cue model (as the engine runs it) finds a cue."""
    model = model_from_json(model_json)
    for d in docs:
        offsets = set(d["roles"][role])
        for toks, tags, free, line_start in d["sentences"]:
            lower = [t[0].lower() for t in toks]
            cues, _ = sentence_cues(model, toks, lower, tags, free, line_start)
            if cues:
                for i, flag in enumerate(gold_flags(toks, offsets)):
                    yield role_features(toks, lower, cues, i), flag


def word_classes(docs: list[dict]) -> dict[str, str]:
    """Each word seen at least ``CLASS_MIN_COUNT`` times with the parts of speech it can have
    (lemminflect's lexicon: "reports" → "NOUN+VERB"), for words the corpus alone says
    little about."""
    from lemminflect import getAllLemmas

    seen = Counter(t[0].lower() for d in docs for toks, _, _, _ in d["sentences"] for t in toks)
    classes = {}
    for word, n in seen.items():
        if n >= CLASS_MIN_COUNT and word.isalpha() and (found := getAllLemmas(word)):
            classes[word] = "+".join(sorted(found))
    return classes


def train(docs: list[dict], threshold: float) -> dict:
    model = {"articles": len(docs), "cue_threshold": threshold, **cue_vocabulary(docs),
             "classes": word_classes(docs), "cue": {}, "source": {}, "content": {}}
    examples = list(cue_examples(docs, model_from_json(model)))
    counts = Counter(f for features, _ in examples for f in features)
    model["cue"] = pruned(Perceptron().train(examples, EPOCHS), counts)
    for role in ("source", "content"):
        examples = list(role_examples(docs, model, role))
        counts = Counter(f for features, _ in examples for f in features)
        model[role] = pruned(Perceptron().train(examples, EPOCHS), counts)
    return model


def read_all(docs: list[dict]) -> list[dict]:
    with ProcessPoolExecutor() as pool:
        return list(pool.map(read, docs, chunksize=8))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--fold", choices=("dev", "train"), default="dev",
                        help="train: the development fold less the tuning fold")
    parser.add_argument("--threshold", type=float, default=CUE_THRESHOLD)
    args = parser.parse_args()
    docs = read_all(load(args.fold, args.corpus))
    model = train(docs, args.threshold)
    args.out.write_bytes(gzip.compress(json.dumps(model, sort_keys=True).encode(), mtime=0))
    print(f"{args.out}: {len(model['cue'])} cue, {len(model['source'])} source, "
          f"{len(model['content'])} content features; {len(model['candidates'])} cue words")


if __name__ == "__main__":
    main()
