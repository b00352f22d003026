"""Store benchmark: a store of N articles × 3 versions, then the figures the library needs.

    python bench/store.py                  # 100,000 articles (several minutes, ~1 GB)
    python bench/store.py --articles 2000  # a quick run
    python bench/store.py --path S --keep  # reuse/keep a built store

Prints: save of one version (median ms), first library page (ms), FTS query (ms),
verify time (s), file size per article. Goals: save ≤ 10 ms, page ≤ 100 ms, FTS ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from deskapp.core.annotations import Attribution, Quote
from deskapp.core.article import Article, Metadata
from deskapp.core.document import Document
from deskapp.core.spans import Span
from deskapp.core.versioning import canonical_json, version_hash
from deskapp.core.workflow import State
from deskapp.store import Store
from deskapp.store.sealing import ChainKey
from timing import timed  # bench/timing.py

SYLLABLES = ["ma", "du", "ro", "gua", "i", "do", "ca", "ra", "cas", "ve", "ne", "zu", "e", "la",
             "co", "lom", "bia", "sol", "da", "dos", "mi", "li", "tar", "pre", "si", "den", "te"]
SPEAKERS = ["Amanda Lapo", "Juan Guaidó", "Nicolás Maduro", "Iván Duque", "Elliott Abrams",
            "Delcy Rodríguez", "Vladimir Padrino", "Leopoldo López"]
OUTLETS = ["Sahar News", "Reuters", "AP", "CNN", "El Tiempo", "Business Insider"]
BATCH = 2000


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words = {"".join(rng.choices(SYLLABLES, k=rng.randint(1, 4))) for _ in range(size * 2)}
    return sorted(words)[:size]


def make_document(rng: random.Random, words: list[str], number: int) -> Document:
    """About 3 KB of text: a headline and paragraphs, one quote and one attribution."""
    headline = " ".join(rng.choices(words, k=7)).capitalize() + f" {number}"
    paragraphs = [" ".join(rng.choices(words, k=rng.randint(60, 90))).capitalize() + "."
                  for _ in range(5)]
    speaker = rng.choice(SPEAKERS)
    said = f"“{' '.join(rng.choices(words, k=12))},” {speaker} said."
    text = headline + "\n\n" + "\n".join([*paragraphs[:3], said, *paragraphs[3:]])
    q0 = text.index("“")
    q1 = text.index("”") + 1
    s0 = text.index(speaker, q1)
    quote = Quote(Span.of(text, q0, q1), speaker=speaker,
                  speaker_span=Span.of(text, s0, s0 + len(speaker)))
    c0 = text.index("\n\n") + 2
    attribution = Attribution(content=Span.of(text, c0, c0 + 80),
                              source=Span.of(text, s0, s0 + len(speaker)))
    meta = Metadata(site_name=rng.choice(OUTLETS), sha256=f"{number:064x}")
    return Document(Article(text, meta=meta)).add_mark(quote).add_mark(attribution)


def version_rows(article_id: int, doc: Document, stamp: str, key: ChainKey) -> Iterator[tuple]:
    """Three versions: the import, a marked review, the approval; chained and sealed."""
    parent = None
    steps = [(doc.with_marks(type(doc.marks)()), State.NEW, ""),
             (doc, State.IN_REVIEW, "marked"), (doc, State.APPROVED, "approved")]
    for version, (step, state, note) in enumerate(steps, start=1):
        step = step.__class__(step.article, step.marks, state)
        content = canonical_json(step.to_json())
        digest = version_hash(article_id=article_id, version=version, content=content,
                              state=str(state), reviewer="bench", note=note, time=stamp,
                              parent=parent)
        yield (article_id, version, str(state), "bench", note, stamp, content, digest, parent,
               key.seal(digest, ""))
        parent = digest


def build(path: Path, articles: int, seed: int = 7) -> None:
    """Bulk-load through executemany in big transactions (bench set-up only)."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    store = Store.open(path)
    conn = store.conn
    conn.execute("PRAGMA synchronous = OFF")
    started = time.perf_counter()
    for first in range(1, articles + 1, BATCH):
        article_rows, rows = [], []
        for article_id in range(first, min(first + BATCH, articles + 1)):
            doc = make_document(rng, words, article_id)
            stamp = f"2025-{1 + article_id % 12:02d}-{1 + article_id % 28:02d}T" \
                    f"{article_id % 24:02d}:00:{article_id % 60:02d}.000Z"
            meta = doc.article.meta
            article_rows.append((article_id, doc.title, meta.site_name, "approved", stamp,
                                 stamp, 3, meta.sha256, len(doc.marks),
                                 doc.marks.quotes[0].speaker,
                                 doc.marks.attributions[0].source.text))
            rows.extend(version_rows(article_id, doc, stamp, store.key))
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO articles (id, title, outlet, state, created, updated, latest, "
            "sha256, marks, speakers, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            article_rows)
        conn.executemany("INSERT INTO versions (article_id, version, state, reviewer, note, "
                         "time, content, hash, parent, seal) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
        print(f"\r  built {min(first + BATCH - 1, articles):,} articles "
              f"({time.perf_counter() - started:.0f} s)", end="", flush=True)
    print("\n  indexing for full-text search …", flush=True)
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    print(f"  store ready in {time.perf_counter() - started:.0f} s")


def measure(path: Path, articles: int, saves: int) -> None:
    started = time.perf_counter()
    store = Store.open(path)
    open_ms = (time.perf_counter() - started) * 1000
    rng = random.Random(11)
    words = vocabulary(random.Random(7))
    # the window's library lists rows at once and counts review flags a few at a time
    page = timed(lambda: store.list_articles(limit=100, counted=False), 20)
    deep = timed(lambda: store.list_articles(offset=articles // 2, limit=100, counted=False), 5)
    by_title = timed(lambda: store.list_articles(order="title", descending=False, limit=100,
                                                 counted=False), 5)
    uncounted = store.list_articles(order="id", limit=50, counted=False)
    started = time.perf_counter()
    store.with_counts(uncounted)  # bulk-loaded rows were never counted
    count_ms = (time.perf_counter() - started) * 1000 / max(len(uncounted), 1)
    queue = timed(lambda: store.next_article("bench"), 10)
    count = timed(lambda: store.count_articles(), 5)
    terms = [rng.choice(words) for _ in range(20)]
    # the queries alone; counting rows never counted is the line "review counts" below
    fts = timed(lambda: store.search(rng.choice(terms), limit=100, counted=False), 20)
    fts_speaker = timed(lambda: store.search('speakers:"Amanda Lapo"', limit=100,
                                             counted=False), 5)
    filtered = timed(lambda: store.list_articles(query=rng.choice(terms), limit=100,
                                                 counted=False), 10)
    targets = iter(rng.sample(range(1, articles + 1), k=saves))

    def save_one() -> None:
        doc = store.load(next(targets))
        store.save(doc, reviewer="bench", note="bench save", parent=doc.version)

    save = timed(save_one, saves)
    started = time.perf_counter()
    problems = store.verify()
    verify_s = time.perf_counter() - started
    store.close()
    size = path.stat().st_size
    print(f"\nstore: {articles:,} articles × 3 versions, {size / 2**20:,.0f} MB")
    print(f"  open (migrate + checks)          {open_ms:8.1f} ms")
    print(f"  save one version   median/p95   {save[0]:8.2f} / {save[1]:.2f} ms   goal ≤ 10")
    print(f"  first library page median/p95   {page[0]:8.2f} / {page[1]:.2f} ms   goal ≤ 100")
    print(f"  page at offset {articles // 2:,}          {deep[0]:8.2f} ms")
    print(f"  review counts of an uncounted row {count_ms:7.2f} ms (once per article)")
    print(f"  work queue: next article          {queue[0]:7.2f} ms")
    print(f"  first page by title              {by_title[0]:8.2f} ms")
    print(f"  count_articles                   {count[0]:8.2f} ms")
    print(f"  FTS query (100 best) median/p95  {fts[0]:7.2f} / {fts[1]:.2f} ms   goal ≤ 50")
    print(f"  FTS speaker query                {fts_speaker[0]:8.2f} ms")
    print(f"  library page filtered by FTS     {filtered[0]:8.2f} ms")
    print(f"  verify (hashes, chains, file)    {verify_s:8.1f} s   problems: {len(problems)}")
    print(f"  file size per article            {size / articles / 1024:8.1f} KB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=50, help="saves to time (median)")
    parser.add_argument("--path", type=Path, help="store file (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the store afterwards")
    args = parser.parse_args()
    folder = None if args.path else tempfile.TemporaryDirectory(prefix="deskapp-bench-")
    path = args.path or Path(folder.name) / "bench.sqlite3"
    try:
        if not path.exists():
            print(f"building {path} …")
            build(path, args.articles)
        measure(path, args.articles, min(args.saves, args.articles))
    finally:
        if folder is not None and not args.keep:
            folder.cleanup()


if __name__ == "__main__":
    main()
