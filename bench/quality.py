"""Quality of the suggestion engine against hand-annotated gold articles.

Prints precision, recall and F1 per role (cue, source, content) and for quotes with
their speaker, strict (same text, ignoring edge spaces/punctuation) and lenient (overlap),
for the dev set, the held-out set and the sample's reference review. The held-out set,
``h6-*`` (10 articles), was written and annotated blind, without running the engine, and
only its totals have been read; the earlier held-out sets (``h-*`` to ``h5-*``) were
tuned on once measured and are now dev. ``--sets`` prints each held-out set apart too.
Beside them: the PolNeAR measuring fold (``bench/corpus.py``), never trained or tuned on,
scored leniently as the shared scorer scores it and strictly (same words).

    python bench/quality.py [--misses] [--sets] [--fold measure|tune|dev]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from deskapp.core.importers import read_article
from deskapp.core.suggest import suggest
from deskapp.core.suggest.evaluate import Score, load_gold, score

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/corpus.py
ROWS = ("cue", "source", "content", "quote+speaker")


def gold_files() -> list[tuple[str, Path, dict]]:
    out = []
    for path in sorted((FIXTURES / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append((data["split"], path.with_name(data["article"]), data))
    seed = json.loads((FIXTURES / "seed-gold.json").read_text(encoding="utf-8"))
    out.append(("sample", FIXTURES / "venezuela-defections.txt", seed))
    return out


def evaluate(show_misses: bool, by_set: bool = False) -> dict[str, dict[str, Score]]:
    totals: dict[str, dict[str, Score]] = {}
    for split, article_path, data in gold_files():
        groups = [split]
        if by_set and split == "heldout":
            groups.append(f"heldout {article_path.name.split('-')[0]}-*")
        article = read_article(article_path)
        gold = load_gold(article.text, data)
        borderline = load_gold(article.text, data, ("borderline",))
        found = suggest(article)
        scores = score(gold, found, [a.content for a in borderline.attributions])
        for group in groups:
            bucket = totals.setdefault(group, {k: Score() for k in scores})
            for key, value in scores.items():
                bucket[key].add(value)
        if show_misses:
            _print_misses(article_path.name, article.text, gold, found)
    return totals


def _print_misses(name: str, text: str, gold, found) -> None:
    from deskapp.core.suggest.evaluate import same_speaker, same_text

    for g in gold.attributions:
        ok = any(same_text(text, a.content.ranges, g.content) for a in found.attributions)
        if not ok:
            s, e = g.content[0]
            print(f"  MISS {name}: {text[s:e][:80]!r}")
    core = [g.content for g in gold.attributions]
    for a in found.attributions:
        if not any(same_text(text, a.content.ranges, c) for c in core):
            src = a.source.text if a.source else None
            print(f"  EXTRA {name}: [{src} | {a.cue.piece_text if a.cue else None}] "
                  f"{a.content.piece_text[:70]!r}")
    for q in gold.quotes:
        mine = [f for f in found.quotes if same_text(text, f.span.ranges, q.span)]
        if not any(same_speaker(f.speaker, q.speaker, False) for f in mine):
            s, e = q.span[0]
            got = mine[0].speaker if mine else "(no quote)"
            print(f"  QUOTE {name}: {text[s:e][:50]!r} gold {q.speaker!r}, found {got!r}")


def corpus_scores(fold: str = "measure") -> dict[str, dict[str, tuple]] | None:
    """The PolNeAR fold's scores, strict and lenient (the shared scorer), or None where
    the corpus is not here."""
    import corpus

    if not corpus.CORPUS.exists():
        return None
    docs = corpus.load(fold)
    preds = [corpus.predict(d) for d in docs]
    by_kind = {}
    for kind in ("statement", "thought", "document"):
        only = [{**p, "attributions": [a for a in p["attributions"] if a.get("kind") == kind]}
                for p in preds]
        n = sum(len(p["attributions"]) for p in only)
        by_kind[kind] = (corpus.score(docs, only)["cue"][0], n)
    return {"strict": corpus.score(docs, preds, strict=True),
            "lenient": corpus.score(docs, preds), "articles": len(docs), "kinds": by_kind}


def print_corpus(fold: str) -> None:
    found = corpus_scores(fold)
    if found is None:
        print("\nPolNeAR: the corpus is not in ../shared; skipped")
        return
    print(f"\nPolNeAR {fold} fold ({found['articles']} articles, expert-annotated US "
          f"political news{', never tuned on' if fold == 'measure' else ''})")
    print(f"{'':8} {'':<14} {'strict P/R/F1':>22}   {'lenient P/R/F1':>22}")
    for row in ("cue", "source", "content", "quote", "quote+speaker"):
        cells = [" ".join(f"{x:6.2f}" for x in found[tag][row]) for tag in ("strict", "lenient")]
        if row.startswith("quote"):
            cells[0] = "(lenient only)"
        print(f"{'':8} {row:<14} {cells[0]:>22}   {cells[1]:>22}")
    kinds = ", ".join(f"{kind} {p:.2f} ({n})" for kind, (p, n) in found["kinds"].items())
    print(f"{'':8} cue precision by kind (the corpus has no kind labels): {kinds}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list missed and extra items")
    parser.add_argument("--sets", action="store_true", help="each held-out set apart too")
    parser.add_argument("--fold", default="measure",
                        help="the PolNeAR fold to score beside the gold sets (bench/corpus.py)")
    args = parser.parse_args()
    totals = evaluate(args.misses, args.sets)
    for split in ("dev", "heldout", *sorted(k for k in totals if k.startswith("heldout ")),
                  "sample"):
        print(f"\n{split:<23} {'strict P/R/F1':>22}   {'lenient P/R/F1':>22}")
        for row in ROWS:
            cells = []
            for tag in ("strict", "lenient"):
                s = totals[split][f"{row}/{tag}"]
                cells.append(f"{s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}")
            n = totals[split][f"{row}/strict"].n_gold
            print(f"{'':8} {row:<14} {cells[0]:>22}   {cells[1]:>22}   (gold {n})")
    print_corpus(args.fold)


if __name__ == "__main__":
    main()
