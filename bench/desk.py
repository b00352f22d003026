"""Desk benchmark (issue 16): one store on PostgreSQL and one on SQLite, in one run.

    python bench/desk.py                        # 100,000 articles per engine (minutes)
    python bench/desk.py --articles 5000        # a quick run
    python bench/desk.py --pg postgresql://…    # a server of yours (an empty database)
    python bench/desk.py --no-pg                # SQLite only

Without ``--pg`` a throwaway PostgreSQL cluster is started (``initdb``/``pg_ctl`` from
PATH or /usr/lib/postgresql/*/bin, run as ``nobody`` when deskapp runs as root) and
removed at the end; when that is impossible the reason is printed and SQLite goes on alone.

Each store is filled with template articles (``tests/desk_load.py``) through the store's
bulk path ``Store.add_articles``, then: save of one version (median / p95), the library
window's first page (count + first ``PAGE`` rows), a full-text query, 20 editors — separate
processes — marking, approving and saving on the store at once (operations per second,
conflicts, errors, lost writes: ``tests/desk_load.py``), and ``verify``.
Goals: save ≤ 20 ms p95, library page ≤ 100 ms, zero lost writes.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.desk_load

from tests.desk_load import (
    WORDS,
    check_load,
    marked,
    run_load,
    store_version_count,
    template_document,
)

from deskapp.core.errors import DeskappError
from deskapp.store import Store
from deskapp.ui.library_model import PAGE
from timing import timed  # bench/timing.py

BATCH = 2000
LOAD_ARTICLES = 200
"""The load works on this many articles of the store, so that editors meet now and then."""


def fill(location: str, articles: int) -> float:
    """``articles`` template articles through the bulk path; seconds taken."""
    rng = random.Random(7)
    started = time.perf_counter()
    with Store.open(location) as store:
        for first in range(1, articles + 1, BATCH):
            numbers = range(first, min(first + BATCH, articles + 1))
            store.add_articles((template_document(rng, n) for n in numbers),
                               reviewer="bench", note="bench fill")
            print(f"\r  filled {numbers[-1]:,} articles ({time.perf_counter() - started:.0f} s)",
                  end="", flush=True)
    print()
    return time.perf_counter() - started


def measure(engine: str, location: str, articles: int, saves: int, editors: int,
            rounds: int) -> None:
    fill_s = fill(location, articles)
    rng = random.Random(11)
    with Store.open(location) as store:
        targets = iter(rng.sample(range(1, articles + 1), k=saves))
        save_times = []
        for _ in range(saves):
            doc = store.load(next(targets))
            change = marked(doc, rng)
            started = time.perf_counter()
            store.save(change, reviewer="bench", note="bench save", parent=doc.version)
            save_times.append((time.perf_counter() - started) * 1000)
        save_times.sort()
        save = statistics.median(save_times), save_times[int(len(save_times) * 0.95)]

        def first_page() -> None:  # what the library window's reload asks
            store.count_articles()
            store.list_articles(order="updated", descending=True, limit=PAGE, counted=False)

        page = timed(first_page, 20)
        fts = timed(lambda: store.search(rng.choice(WORDS), limit=100, counted=False), 20)
        sample = rng.sample(range(1, articles + 1), k=min(LOAD_ARTICLES, articles))
        before = store_version_count(store)

    report = run_load(location, sample, editors=editors, rounds=rounds)
    with Store.open(location) as store:
        started = time.perf_counter()
        problems = check_load(store, report, before)
        check_s = time.perf_counter() - started
    lost = [p for p in problems if p.startswith("lost")]
    print(f"\n{engine}: {articles:,} articles (filled in {fill_s:.0f} s)")
    print(f"  save one version   median/p95   {save[0]:8.2f} / {save[1]:.2f} ms   goal p95 ≤ 20")
    print(f"  first library page median/p95   {page[0]:8.2f} / {page[1]:.2f} ms   goal ≤ 100")
    print(f"  FTS query (100 best) median/p95 {fts[0]:8.2f} / {fts[1]:.2f} ms")
    print(f"  {editors} editors × {rounds} steps     {report.per_second:8.1f} operations/s "
          f"({report.operations} in {report.seconds:.1f} s)")
    print(f"    conflicts {report.conflicts} ({report.queue_conflicts} on the "
          f"{report.from_queue} articles the work queue gave), errors {len(report.errors)}, "
          f"lost writes {len(lost)}   goal: 0 lost")
    waits = report.save_ms
    if waits:
        print(f"    save under load median/p95/max {waits[len(waits) // 2]:.0f} / "
              f"{waits[int(len(waits) * 0.95)]:.0f} / {waits[-1]:.0f} ms (waiting for the others)")
    print(f"  verify + load check              {check_s:8.1f} s   problems: {len(problems)}")
    for line in [*report.errors, *problems][:10]:
        print(f"    {line.splitlines()[0] if line else line}")


# a throwaway PostgreSQL cluster ------------------------------------------------------------
def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)
    return str(candidates[0]) if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    """A PostgreSQL server on a free local port for the length of the block; its URL.
    Raises RuntimeError saying why when it cannot be started."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        raise RuntimeError("PostgreSQL's initdb/pg_ctl are not installed "
                           "(apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="deskapp-bench-pg-"))
    prefix: list[str] = []
    user = "postgres"
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        import pwd

        user = "nobody"
        record = pwd.getpwnam(user)
        os.chown(folder, record.pw_uid, record.pw_gid)
        prefix = ["runuser", "-u", user, "--"]
    data, port = folder / "data", _free_port()

    def run(*command: str) -> None:
        done = subprocess.run([*prefix, *command], capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"{Path(command[0]).name} failed: "
                               f"{(done.stderr or done.stdout).strip().splitlines()[-1:]}")

    try:
        run(initdb, "-D", str(data), "-A", "trust", "-U", user, "-E", "UTF8", "--no-sync")
        run(pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-w", "-o",
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=on", "start")
        try:
            createdb = _pg_bin("createdb")
            run(createdb or "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", user,
                "deskbench")
            yield f"postgresql://{user}@127.0.0.1:{port}/deskbench"
        finally:
            run(pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def postgres_unavailable() -> str | None:
    """Why this deskapp cannot open a PostgreSQL store here (None when it can)."""
    if importlib.util.find_spec("deskapp.store.postgres") is None:
        return "this deskapp has no PostgreSQL engine (deskapp.store.postgres)"
    if importlib.util.find_spec("psycopg") is None:
        return "psycopg is not installed (pip install -e '.[pg]')"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=200, help="saves to time")
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=25, help="steps per editor")
    parser.add_argument("--pg", metavar="URL", help="an empty PostgreSQL database to use")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args()
    saves = min(args.saves, args.articles)
    engines = [engine for engine, skip in (("PostgreSQL", args.no_pg),
                                           ("SQLite", args.no_sqlite)) if not skip]
    with tempfile.TemporaryDirectory(prefix="deskapp-bench-") as folder, \
            contextlib.ExitStack() as stack:
        os.environ["XDG_CONFIG_HOME"] = str(Path(folder) / "config")  # not the user's
        for engine in engines:
            try:
                if engine == "SQLite":
                    location = str(Path(folder) / "desk.sqlite3")
                else:
                    missing = postgres_unavailable()
                    if missing:
                        raise RuntimeError(missing)
                    location = args.pg or stack.enter_context(throwaway_cluster())
                measure(engine, location, args.articles, saves, args.editors, args.rounds)
            except (RuntimeError, DeskappError, OSError) as exc:
                print(f"\n{engine}: not measured: {exc}")


if __name__ == "__main__":
    main()
