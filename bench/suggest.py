"""Speed of the suggestion engine on a generated news corpus.

Builds a deterministic corpus from the gold articles (shuffled, with names and figures
varied), then prints MB/s on 10 MB, the times for 1 MB and 10 MB and their ratio, the
time for a 20 KB article read cold, and the time of a rerun after a one-word correction
in it (the window reruns suggestions after every correction; the engine then reads again
only the lines the correction touched). Cold figures use ``reuse=False``: nothing kept
from an earlier run, and nothing shared between the corpus's repeated paragraphs.
Goals (issue 12): ≥ 1 MB/s on one core, ratio ≤ 11, a 20 KB article ≤ 40 ms cold and
≤ 20 ms after a one-word correction.
These figures are for one process. Last, ``deskapp detect --jobs 1`` and ``--jobs 2`` run
as commands on the same folder of articles (``DETECT_FILES`` × 20 KB from the same
corpus), alternately, best of ``DETECT_ROUNDS``; their throughput and ratio are printed
(goal ≥ 1.7×, issue 12).

    python bench/suggest.py
"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from deskapp.core.article import Article
from deskapp.core.suggest import suggest
from deskapp.core.suggest.engine import clear_cache

GOLD = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "gold"
NAMES = ["Amanda Lapo", "Juan Reyes", "Olga Petrova", "Samuel Otieno", "Claire Dubois",
         "Hakan Fidan", "Priya Mehta", "Tomas Berger", "Linda Cortez", "Ravi Menon"]
MB = 1_000_000
DETECT_FILES = 240  # 20 KB articles for the detect --jobs figures (4.8 MB)
DETECT_ROUNDS = 3


def corpus(size: int, seed: int = 7) -> str:
    """About ``size`` characters of news text: gold articles, varied and shuffled."""
    rng = random.Random(seed)
    articles = [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt"))]
    parts: list[str] = []
    total = 0
    while total < size:
        text = rng.choice(articles)
        text = re.sub(r"\d+", lambda m: str(rng.randint(2, 99999)), text)
        name = rng.choice(NAMES)
        text = text.replace("Fidan", name.split()[-1]).replace("Mehta", name.split()[-1])
        paragraphs = text.split("\n")
        head, body = paragraphs[:2], paragraphs[2:]
        if rng.random() < 0.3:
            rng.shuffle(body)
        chunk = "\n".join(head + body) + "\n\n"
        parts.append(chunk)
        total += len(chunk)
    return "".join(parts)[:size]


def timed(text: str, repeat: int = 1) -> float:
    return timed_cpu(text, repeat)[0]


def timed_cpu(text: str, repeat: int = 1) -> tuple[float, float]:
    """Best wall-clock and best CPU time (less disturbed by other work on a shared
    machine) over ``repeat`` cold runs."""
    article = Article(text)
    runs, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        suggest(article, reuse=False)
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return min(runs), min(cpu)


def one_word_corrections(text: str, count: int, seed: int = 3) -> list[str]:
    """``text`` with one word retyped (a letter dropped, added or swapped), ``count`` times."""
    rng = random.Random(seed)
    words = list(re.finditer(r"[A-Za-z]{3,}", text))
    out = []
    for _ in range(count):
        m = rng.choice(words)
        w = m.group()
        i = rng.randrange(len(w))
        w = rng.choice([w[:i] + w[i + 1:], w[:i] + "e" + w[i:], w[:i] + "x" + w[i + 1:]])
        out.append(text[:m.start()] + w + text[m.end():])
    return out


def rerun_times(text: str, count: int = 40) -> list[float]:
    """Seconds for ``suggest`` on a corrected text right after a run on the text before."""
    runs = []
    for corrected in one_word_corrections(text, count):
        clear_cache()
        suggest(Article(text))
        start = time.perf_counter()
        suggest(Article(corrected))
        runs.append(time.perf_counter() - start)
    return runs


def detect_seconds(folder: Path, jobs: int) -> float:
    """Wall-clock seconds of ``deskapp detect FOLDER --format json --jobs JOBS`` (output
    read and thrown away), a fresh process as a user would run it."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "deskapp", "detect", str(folder), "--format",
                    "json", "--jobs", str(jobs)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def detect_jobs_figures(text: str) -> tuple[float, float, float]:
    """MB/s of ``detect --jobs 1`` and ``--jobs 2`` on the same files, and their ratio."""
    size = 20_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        total = 0
        for i in range(DETECT_FILES):
            piece = text[i * size:(i + 1) * size]
            (folder / f"article-{i:03}.txt").write_text(piece, encoding="utf-8")
            total += len(piece)
        one, two = [], []
        for _ in range(DETECT_ROUNDS):  # alternate: load on the machine hits both alike
            one.append(detect_seconds(folder, 1))
            two.append(detect_seconds(folder, 2))
    rate1, rate2 = total / MB / min(one), total / MB / min(two)
    return rate1, rate2, rate2 / rate1


def main() -> None:
    big = corpus(10 * MB)
    small = big[:MB]
    timed(small[:20_000])  # warm up regex caches
    t1, c1 = timed_cpu(small, repeat=3)
    t10, c10 = timed_cpu(big, repeat=1)
    article = big[:20_000]
    runs = [timed(article) for _ in range(30)]
    reruns = rerun_times(article)
    n_gold = len(list(GOLD.glob("*.txt")))
    print(f"corpus            {len(big) / MB:.1f} MB from {n_gold} gold articles")
    print(f"1 MB              {t1:.3f} s   (cpu {c1:.3f} s)")
    print(f"10 MB             {t10:.3f} s   ({len(big) / MB / t10:.2f} MB/s, goal >= 1; "
          f"cpu {c10:.3f} s, {len(big) / MB / c10:.2f} MB/s)")
    print(f"ratio 10MB/1MB    {t10 / t1:.2f}   (goal <= 11; cpu {c10 / c1:.2f})")
    print(f"20 KB article     {statistics.median(runs) * 1000:.1f} ms median, "
          f"{max(runs) * 1000:.1f} ms max   (cold; goal <= 40 ms)")
    print(f"20 KB rerun after a one-word correction   {statistics.median(reruns) * 1000:.1f} ms "
          f"median, {max(reruns) * 1000:.1f} ms max   (goal <= 20 ms)")
    rate1, rate2, ratio = detect_jobs_figures(big)
    print(f"detect --jobs 1   {rate1:.2f} MB/s   ({DETECT_FILES} files of 20 KB, best of "
          f"{DETECT_ROUNDS}, process start included)")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"detect --jobs 2   {rate2:.2f} MB/s   ratio {ratio:.2f}x   (goal >= 1.7; needs two "
          f"idle cores: load average now {load} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
