"""Reading a very long text's blocks in several processes (opt-in: ``suggest(processes=n)``).

The rules read each block alone (``blocks.py``), so blocks can be shared out to worker
processes and their results put back in text order: the outcome is exactly that of one
process. Workers are started with "spawn" (a fresh interpreter; a process that runs
threads is never forked), so this is safe from any thread, e.g. a Qt worker; they live
only for the call. A worker gets the text and the bounds of its blocks, and sends its
results back as plain tuples (unpickling dataclasses costs several times more); they are
made into objects again here. Starting a worker costs a few tenths of a second, so only
texts of at least ``MIN_CHARS`` are shared out.
"""

from __future__ import annotations

import gc

from deskapp.core.suggest.blocks import BlockCache, block_keys
from deskapp.core.suggest.local import EMPTY, BlockResult, QuotePlan, Ranges, analyse_block
from deskapp.core.suggest.model import RawAttribution, slot_filler
from deskapp.core.suggest.quotes import RawQuote

MIN_CHARS = 1_000_000
_new_result = slot_filler(BlockResult)
_new_raw = slot_filler(RawAttribution)
_new_plan = slot_filler(QuotePlan)


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
    for i, result in zip(todo, _analysed(text, [entries[i] for i in todo], processes),
                         strict=True):
        results[i] = result
        if cache is not None:
            cache.put(entries[i][1], result)
    return [(start, result) for (start, _), result in zip(entries, results, strict=True)]


def _analysed(text: str, jobs: list[tuple[int, tuple]], processes: int) -> list[BlockResult]:
    """``analyse_block(*key)`` for every ``(start, key)`` job, in order; the first share is
    read in this process while the workers read the others."""
    if processes <= 1 or len(jobs) < 2:
        return [analyse_block(*key) for _, key in jobs]
    import multiprocessing  # here, not at import: most callers never share out
    from concurrent.futures import ProcessPoolExecutor

    shares = _shares(jobs, min(processes, len(jobs)))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=len(shares) - 1, mp_context=context) as pool:
        pending = [pool.submit(_read_share, text, [_portable_job(*job) for job in share])
                   for share in shares[1:]]
        out = [analyse_block(*key) for _, key in shares[0]]
        for future in pending:
            out.extend([_new_result(sentences, tuple([_new_raw(*r) for r in raws]),
                                    tuple([_new_plan(*p) for p in plans]))
                        for sentences, raws, plans in future.result()])
    return out


def _shares(jobs: list[tuple[int, tuple]], n: int) -> list[list[tuple[int, tuple]]]:
    """``jobs`` cut into ``n`` runs of about the same number of characters."""
    total = sum(len(key[0]) for _, key in jobs)
    shares: list[list[tuple[int, tuple]]] = [[]]
    size = 0
    for job in jobs:
        if size >= total * len(shares) / n and len(shares) < n:
            shares.append([])
        shares[-1].append(job)
        size += len(job[1][0])
    return shares


def _portable_job(start: int, key: tuple) -> tuple:
    """A block's bounds and the rest of its key, in tuples."""
    block, quotes, skipped, datelines = key
    return (start, start + len(block), [(q.pieces, q.open_at, q.close_end) for q in quotes],
            skipped, datelines)


def _read_share(text: str, jobs: list[tuple]) -> list[tuple]:
    """In a worker: each job's block result, as ``(sentences, raws, plans)`` of tuples."""
    gc.disable()  # acyclic results only (see engine.py); the worker ends with the call
    out = []
    for start, end, quotes, skipped, datelines in jobs:
        result = analyse_block(text[start:end], tuple([RawQuote(*q) for q in quotes]),
                               skipped, datelines)
        out.append((result.sentences,
                    tuple([(r.content, r.source, r.cue, r.rule, r.confidence, r.verb)
                           for r in result.raws]),
                    tuple([(p.pieces, p.open_at, p.para_start, p.words, p.rule, p.confidence,
                            p.speaker, p.cue, p.content) for p in result.quotes])))
    return out
