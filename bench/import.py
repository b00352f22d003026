"""Import benchmark: prints plain-text and HTML imports per second, MB/s, and the peak
memory of importing a 50 MB text file.

Run: python bench/import.py [--articles 1000] [--pages 200] [--big-mb 50]
Goals (issue 4): >= 200 plain-text articles/s, >= 50 HTML pages/s, peak <= 10x file size.
The corpus is generated in a temporary folder and removed afterwards.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from deskapp.core.importers import iter_import, read_document

CITIES = ["CARACAS, Venezuela", "LONDON (Reuters)", "WASHINGTON (AP)", "BEIRUT, Lebanon (AP)",
          "NEW DELHI", "Kyiv (AFP)", "DUBAI, March 4 (Reuters)"]
WORDS = (
    "government", "officials", "said", "the", "talks", "would", "continue", "next", "week",
    "while", "analysts", "warned", "that", "prices", "could", "rise", "further", "according",
    "to", "a", "statement", "from", "the", "ministry",
)


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(12, 30))
    return " ".join(words).capitalize() + "."


def plain_article(rng: random.Random, n: int) -> str:
    """A monitored capture of about 3–5 KB: breadcrumb, headline, dateline, body, credit,
    teaser."""
    title = f"Story {n}: " + " ".join(rng.choices(WORDS, k=8))
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(10)]
    return (f"Home / World / {title}\n\n{title}\n\n{rng.choice(CITIES)} – "
            + "\n".join(paragraphs) + "\n(Sahar News Monitoring Desk)\n\nCheck Also\n\n"
            "Another headline here\n\nWASHINGTON – Teaser text …\n")


def html_page(rng: random.Random, n: int) -> str:
    """A saved page of about 10–15 KB: scripts, navigation, ads, article, related, comments."""
    title = f"Story {n}: " + " ".join(rng.choices(WORDS, k=8))
    body = "".join(f"<p>{' '.join(_sentence(rng) for _ in range(3))}</p>\n" for _ in range(10))
    nav = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(20))
    comments = "".join(f'<div class="comment"><p>{_sentence(rng)}</p></div>' for _ in range(8))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Monitor</title>
<link rel="canonical" href="https://monitor.example/{n}"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-01T10:00:00Z">
<script>var tracking = {{"id": {n}}}; document.write("x");</script></head><body>
<nav><ul>{nav}</ul></nav><div class="ad">Advertisement: book flights now</div>
<article><h1>{title}</h1><p>{rng.choice(CITIES)} - {_sentence(rng)}</p>
{body}<p>(Monitor Desk)</p></article>
<aside class="related"><h3>Related</h3><a href="/r">Other story</a></aside>
<section id="comments">{comments}</section><footer>Copyright 2024</footer></body></html>"""


def write_corpus(folder: Path, articles: int, pages: int) -> tuple[list[Path], list[Path]]:
    rng = random.Random(4)
    texts, htmls = folder / "txt", folder / "html"
    texts.mkdir()
    htmls.mkdir()
    for n in range(articles):
        (texts / f"{n:05d}.txt").write_text(plain_article(rng, n), encoding="utf-8")
    for n in range(pages):
        (htmls / f"{n:05d}.html").write_text(html_page(rng, n), encoding="utf-8")
    return sorted(texts.iterdir()), sorted(htmls.iterdir())


def timed_batch(files: list[Path]) -> tuple[float, int]:
    start = time.perf_counter()
    ok = sum(result.ok for result in iter_import(files))
    return time.perf_counter() - start, ok


def store_batch(files: list[Path], store_file: Path) -> float | None:
    """Seconds to import ``files`` into a fresh store (find twin, save); None without store."""
    try:
        from deskapp.store import Store
    except ImportError:
        return None
    start = time.perf_counter()
    with Store.open(store_file) as store:
        for result in iter_import(files):
            doc = result.document
            if doc is not None and store.find_by_sha256(doc.article.meta.sha256) is None:
                store.save(doc, reviewer="bench")
    return time.perf_counter() - start


def big_file_peak(folder: Path, megabytes: int) -> tuple[int, float, int]:
    """(file size, seconds, traced peak bytes) of importing a ``megabytes`` MB capture."""
    rng = random.Random(50)
    path = folder / "big.txt"
    with path.open("w", encoding="utf-8") as handle:
        while handle.tell() < megabytes * 1_000_000:
            handle.write(plain_article(rng, 0))
    size = path.stat().st_size
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    doc = read_document(path)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert doc.article.text
    return size, seconds, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--big-mb", type=int, default=50)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="deskapp-bench-") as tmp:
        folder = Path(tmp)
        texts, htmls = write_corpus(folder, args.articles, args.pages)
        read_document(htmls[0])  # load trafilatura once, outside the timing
        mb = sum(p.stat().st_size for p in texts) / 1e6
        seconds, ok = timed_batch(texts)
        print(f"plain text: {ok}/{len(texts)} articles ({mb:.1f} MB) in {seconds:.2f} s: "
              f"{ok / seconds:.0f} articles/s, {mb / seconds:.1f} MB/s  (goal >= 200/s)")
        seconds, ok = timed_batch(htmls)
        print(f"html: {ok}/{len(htmls)} pages in {seconds:.2f} s: {ok / seconds:.0f} pages/s"
              "  (goal >= 50/s)")
        stored = store_batch(texts, folder / "bench.sqlite3")
        if stored is not None:
            print(f"plain text into the store: {len(texts) / stored:.0f} articles/s")
        size, seconds, peak = big_file_peak(folder, args.big_mb)
        print(f"big file: {size / 1e6:.1f} MB imported in {seconds:.2f} s, "
              f"peak traced memory {peak / 1e6:.0f} MB = {peak / size:.1f}x the file "
              "(goal <= 10x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
