"""Keys a keyboard user needs to mark each attribution the suggestions missed (issue 17).

For every core and borderline gold attribution of the fixtures that no suggestion has,
and five caret positions in its sentence (its start, on the cue, in the source, in the
content, its end), the scripted user of ``tests/scripted_marking.py`` plans the window's
keys (Ctrl+Shift+A, Escape, Alt+C, Alt+Shift+Right/Left, word moves; in the dialog
Alt+Down/Up, Alt+Right/Left, Alt+Shift+Up/Down, typing as a last resort, Return) that
give the gold spans, and counts them (``tests/ui/test_marking_proposals.py`` replays the
plans of issue 17's eight cases in the window with real key events).
Prints the distribution (median, max, per caret position) and the per-case table.

    python bench/marking.py [--table] [--keys]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.scripted_marking
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", action="store_true", help="one line per miss and caret")
    parser.add_argument("--keys", action="store_true", help="with the keys of each plan")
    parser.add_argument("--only", default="", help="only the cases whose label holds this")
    args = parser.parse_args()
    from PySide6.QtGui import QGuiApplication
    from tests.scripted_marking import CARETS, counts, measure, misses, summary

    _app = QGuiApplication.instance() or QGuiApplication([])
    rows = measure([m for m in misses() if args.only in m.label])
    tiers = Counter(r.miss.tier for r in rows)
    print(f"{len(rows)} missed attributions ({tiers['core']} core, {tiers['borderline']} "
          f"borderline), {len(counts(rows))} marks")
    print(f"  all:            {summary(counts(rows))}")
    for tier in ("core", "borderline"):
        print(f"  {tier + ':':<15} {summary(counts([r for r in rows if r.miss.tier == tier]))}")
    for where in CARETS:
        print(f"  {where + ':':<15} {summary(counts(rows, where))}")
    exact = sum(p.proposal_exact for r in rows for p in r.plans.values())
    print(f"  proposal exact (Ctrl+Shift+A, Return): {exact} of {len(counts(rows))}")
    hist = Counter(min(v, 21) for v in counts(rows))
    shown = (f"{'>20' if k == 21 else k}: {n}" for k, n in sorted(hist.items()))
    print("  marks by keys: " + ", ".join(shown))
    if not (args.table or args.keys):
        return
    print(f"\n{'case':<44} {'tier':<10} " + " ".join(f"{w[:11]:>11}" for w in CARETS))
    for row in rows:
        cells = []
        for where in CARETS:
            p = row.plans.get(where)
            cells.append("-" if p is None else (str(p.count) if p.reached else "unreached"))
        print(f"{row.miss.label[:44]:<44} {row.miss.tier:<10} "
              + " ".join(f"{c:>11}" for c in cells))
        if args.keys:
            for where, p in row.plans.items():
                shown = " ".join(k for _, k in p.keys) if p.reached else p.why
                print(f"    {where}: {shown}")


if __name__ == "__main__":
    main()
