"""Suggestions scored on the PolNeAR training corpus (expert-annotated US political news).

The corpus lives outside the project (``../shared/corpora/polnear-train.jsonl.gz``); its
text never enters it. Its 840 articles are split once, by a hash of their names, into a
development fold (700, for mining and training; 100 of them, the tuning fold, held back
while thresholds are chosen) and a measuring fold (140, never tuned on).
Each article goes through the importer and the engine as ``deskapp detect`` would see it;
the predictions are scored by the shared scorer (``../shared/eval/score_corpus.py``).

    python bench/corpus.py [--fold measure|dev|all] [--limit N] [--jobs N] [--pred OUT]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "polnear-train.jsonl.gz"
SCORER = SHARED / "eval" / "score_corpus.py"
MEASURE_SIZE = 140
TUNE_SIZE = 100  # development articles held back while choosing thresholds
FOLDS = ("measure", "dev", "train", "tune", "all")


def in_fold(fold: str, rank: int) -> bool:
    """measure: never tuned on; dev: everything else (train + tune); all: the whole."""
    if fold == "measure":
        return rank < MEASURE_SIZE
    if fold == "tune":
        return MEASURE_SIZE <= rank < MEASURE_SIZE + TUNE_SIZE
    if fold == "train":
        return rank >= MEASURE_SIZE + TUNE_SIZE
    return fold == "all" or rank >= MEASURE_SIZE


def ranks(names: list[str]) -> dict[str, int]:
    """Each article's place when ordered by the SHA-256 of its name (a fixed shuffle)."""
    order = sorted(names, key=lambda n: hashlib.sha256(n.encode()).hexdigest())
    return {name: i for i, name in enumerate(order)}


def load(fold: str, path: Path = CORPUS) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    ranked = ranks([d["doc"] for d in docs])
    return [d for d in docs if in_fold(fold, ranked[d["doc"]])]


def scorer():
    """The shared scorer (``../shared/eval/score_corpus.py``) as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_corpus", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_EDGES = " \t\n.,;:“”\"'’‘–—-"


def _strict_matches(text: str, golds: list, found: list) -> int:
    """Pairs of spans with the same words (edge spaces and punctuation aside)."""
    def words(ranges) -> str:
        return " ".join(text[s:e] for s, e in ranges).strip(_EDGES)

    left = {}
    for g in golds:
        left[words(g)] = left.get(words(g), 0) + 1
    hits = 0
    for f in found:
        key = words(f)
        if left.get(key):
            left[key] -= 1
            hits += 1
    return hits


def score(docs: list[dict], preds: list[dict],
          strict: bool = False) -> dict[str, tuple[float, float, float]]:
    """Precision, recall and F1 per role, counted exactly as the shared scorer counts
    (``strict``: a cue, source or content counts only with the same words as the gold)."""
    sc = scorer()
    by_doc = {p["doc"]: p for p in preds}
    totals = {r: [0, 0, 0] for r in (*sc.ROLES, "quote", "quote+speaker")}
    for g in docs:
        text, p = g["text"], by_doc.get(g["doc"], {})
        for role in sc.ROLES:
            golds = sorted({f for f in (sc.gold_fragments(a.get(role) or [])
                                        for a in g["attributions"]) if f})
            found = sorted({f for f in (sc.pred_fragments(a.get(role))
                                        for a in p.get("attributions") or []) if f})
            totals[role][0] += (_strict_matches(text, golds, found) if strict
                                else sc.matches(role, text, golds, found))
            totals[role][1] += len(found)
            totals[role][2] += len(golds)
        quotes = sc.gold_quotes(text, g["attributions"])
        predicted = [((q["start"], q["end"]), q.get("speaker_span"))
                     for q in p.get("quotes") or []]
        used: set[int] = set()
        for span, source in quotes:
            for j, (pspan, speaker) in enumerate(predicted):
                if j in used or sc.overlap((span,), (pspan,)) <= 0:
                    continue
                used.add(j)
                totals["quote"][0] += 1
                if speaker and sc.overlap(tuple(map(tuple, source)),
                                          ((speaker["start"], speaker["end"]),)) > 0:
                    totals["quote+speaker"][0] += 1
                break
        for key in ("quote", "quote+speaker"):
            totals[key][1] += len(predicted)
            totals[key][2] += len(quotes)
    return {k: sc.prf(*v) for k, v in totals.items()}


def predict(doc: dict) -> dict:
    """The ``detect --format json`` document of one article, as the CLI would make it."""
    from deskapp.cli.detect import detection_json
    from deskapp.core.importers import read_article
    from deskapp.core.suggest import suggest

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(doc["text"], encoding="utf-8")
        article = read_article(path)
    out = detection_json(article, suggest(article))
    if out["text"] != doc["text"]:
        raise SystemExit(f"{doc['doc']}: the importer changed the text")
    del out["text"]
    return {"doc": doc["doc"], **out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fold", choices=FOLDS, default="measure")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--pred", type=Path, help="keep the predictions here")
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"no corpus at {CORPUS}")
    docs = load(args.fold)[: args.limit or None]
    started = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        preds = list(pool.map(predict, docs, chunksize=4))
    seconds = time.perf_counter() - started
    pred_path = args.pred or Path(tempfile.mkstemp(suffix=".jsonl")[1])
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    names = Path(tempfile.mkstemp(suffix=".txt")[1])
    names.write_text("\n".join(d["doc"] for d in docs), encoding="utf-8")
    print(f"fold {args.fold}: {len(docs)} articles in {seconds:.1f} s ({args.jobs} jobs)")
    subprocess.run([sys.executable, str(SCORER), str(CORPUS), str(pred_path),
                    "--docs", str(names)], check=True)


if __name__ == "__main__":
    main()
