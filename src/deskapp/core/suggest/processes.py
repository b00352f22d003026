"""Reading a very long text's blocks in several processes (opt-in: ``suggest(processes=n)``).

The rules read each block alone (``blocks.py``), so blocks can be shared out to worker
processes and their results put back in text order: the outcome is exactly that of one
process. Workers are started with "spawn" (a fresh interpreter; a process that runs
threads is never forked), so this is safe from any thread, e.g. a Qt worker; they live
only for the call. Starting one costs a few tenths of a second, so only texts of at least
``MIN_CHARS`` are shared out.
"""

from __future__ import annotations

import gc
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from deskapp.core.suggest.blocks import BlockCache, block_keys
from deskapp.core.suggest.local import EMPTY, BlockResult, Ranges, analyse_block
from deskapp.core.suggest.quotes import RawQuote

MIN_CHARS = 1_000_000


def analysed_blocks_shared(text: str, quotes: list[RawQuote], skipped: Ranges,
                           dateline_ends: tuple[int, ...], cache: BlockCache | None,
                           processes: int) -> list[tuple[int, BlockResult]]:
    """What ``analysed_blocks`` yields, with the blocks to read shared by ``processes``
    processes (this one included)."""
    entries = list(block_keys(text, quotes, skipped, dateline_ends))
    results: list[BlockResult | None] = []
    todo: list[int] = []  # the entries to read
    for i, (_, key) in enumerate(entries):
        found = EMPTY if key is None else cache.get(key) if cache is not None else None
        if found is None:
            todo.append(i)
        results.append(found)
    for i, result in zip(todo, _analysed([entries[i][1] for i in todo], processes),
                         strict=True):
        results[i] = result
        if cache is not None:
            cache.put(entries[i][1], result)
    return [(start, result) for (start, _), result in zip(entries, results, strict=True)]


def _analysed(jobs: list[tuple], processes: int) -> list[BlockResult]:
    """``analyse_block(*job)`` for every job, in order; the first share read here."""
    if processes <= 1 or len(jobs) < 2:
        return _analyse_all(jobs)
    shares = _shares(jobs, min(processes, len(jobs)))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=len(shares) - 1, mp_context=context) as pool:
        pending = [pool.submit(_analyse_all, share) for share in shares[1:]]
        out = _analyse_all(shares[0])
        for future in pending:
            out.extend(future.result())
    return out


def _shares(jobs: list[tuple], n: int) -> list[list[tuple]]:
    """``jobs`` cut into ``n`` runs of about the same number of characters."""
    total = sum(len(job[0]) for job in jobs)
    shares: list[list[tuple]] = [[]]
    size = 0
    for job in jobs:
        if size >= total * len(shares) / n and len(shares) < n:
            shares.append([])
        shares[-1].append(job)
        size += len(job[0])
    return shares


def _analyse_all(jobs: list[tuple]) -> list[BlockResult]:
    was_on = gc.isenabled()
    gc.disable()  # acyclic results only (see engine.py)
    try:
        return [analyse_block(*job) for job in jobs]
    finally:
        if was_on:
            gc.enable()
