"""Live-desk benchmark on the embedded (SQLite) store: what a window pays every second.

    python bench/live_desk.py                 # 20 sessions, a day of events (20,000)
    python bench/live_desk.py --events 2000   # a quick run

Prints (median / p95 ms): a listener's poll with nothing new (every window, every second),
a poll that reads 20 changes, a heartbeat (``hold`` again), ``holders`` and
``open_elsewhere`` with 20 sessions holding articles, and a save with its event against the
same save's cost without the event log (the event row and the prune). Goals: poll ≤ 1 ms,
heartbeat ≤ 10 ms, save overhead ≤ 1 ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from deskapp.core.article import Article
from deskapp.core.document import Document
from deskapp.store import Store, presence
from timing import timed  # bench/timing.py


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--events", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "live.sqlite3"
        me = Store.open(path)
        ids = [me.save(Document(Article(f"Article {n}\n\nText of article {n}.")),
                       reviewer="Seed").id for n in range(args.sessions + 1)]
        others = [Store.open(path) for _ in range(args.sessions)]
        for n, other in enumerate(others):
            other.hold(ids[n], f"Editor {n}")
        with me._writing("filling the event log") as conn:
            conn.executemany("INSERT INTO events (at, session, kind, article_id, reviewer) "
                             "VALUES (?, 'old', 'saved', 1, 'Old')",
                             [(presence.stamp(presence.datetime.now(presence.UTC)),)]
                             * args.events)
        listener = me.listener()
        rows = [("poll, nothing new", timed(listener.poll, 2000))]

        def twenty_then_poll() -> None:
            for n in range(20):
                others[n % len(others)].hold(ids[n % len(others)], f"Editor {n}")
                others[n % len(others)].assign(ids[n % len(others)], "")
        rows.append(("20 changes, then poll (poll only)", _poll_after(listener,
                                                                       twenty_then_poll)))
        rows.append(("heartbeat (hold again)", timed(lambda: me.hold(ids[-1], "Me"), 300)))
        rows.append(("holders of a held article", timed(lambda: me.holders(ids[0]), 2000)))
        rows.append(("open_elsewhere", timed(me.open_elsewhere, 2000)))
        doc = me.load(ids[-1])

        def save() -> None:
            nonlocal doc
            doc = me.save(replace(doc, note=""), reviewer="Me", parent=doc.version)
        with_event = timed(save, 300)
        original = presence.record_event
        presence.record_event = lambda *a, **k: None
        try:
            without = timed(save, 300)
        finally:
            presence.record_event = original
        rows.append(("save with its event", with_event))
        rows.append(("save without the event log", without))
        listener.close()
        for store in [me, *others]:
            store.close()
    print(f"{args.sessions} sessions, {args.events:,} events in the log")
    for name, (median, p95) in rows:
        print(f"{name:38} median {median:7.3f} ms   p95 {p95:7.3f} ms")
    print(f"save overhead of the event log: {with_event[0] - without[0]:+.3f} ms (median; "
          "goal ≤ 1 ms); goals: poll ≤ 1 ms, heartbeat ≤ 10 ms")


def _poll_after(listener, change: Callable[[], None], repeat: int = 50) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        change()
        start = time.perf_counter()
        found = listener.poll()
        times.append((time.perf_counter() - start) * 1000)
        assert len(found) >= 20
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


if __name__ == "__main__":
    main()
