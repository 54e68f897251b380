"""Work on many filings in worker processes, with results in input order.

``ordered_map`` keeps a bounded number of batches in flight, so memory stays
flat however many filings there are, and yields results in the order of its
input, so the output is the same for any number of workers.
"""
from __future__ import annotations

import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator

#: Batches in flight per worker: enough to keep every worker busy.
BATCHES_PER_WORKER = 4
#: Batches per worker at least, when the number of items is known: the
#: workers then finish within a small batch of each other.
BALANCE = 16


def batch_size(largest: int, jobs: int, total: int | None) -> int:
    """At most ``largest`` items a batch, and few enough that each worker gets
    ``BALANCE`` batches of ``total`` items."""
    return largest if total is None else max(1, min(largest, total // (max(jobs, 1) * BALANCE)))


def _apply(function: Callable, batch: list) -> list:
    return [function(item) for item in batch]


def _batches(items: Iterable, size: int, weight: Callable | None, max_weight: int) -> Iterator[list]:
    """Lists of at most ``size`` items, and of at most ``max_weight`` in all
    (bytes a job carries, say) unless one item alone weighs more."""
    batch: list = []
    carried = 0
    for item in items:
        heavy = weight(item) if weight else 0
        if batch and (len(batch) >= size or carried + heavy > max_weight):
            yield batch
            batch, carried = [], 0
        batch.append(item)
        carried += heavy
    if batch:
        yield batch


def ordered_map(function: Callable, items: Iterable, jobs: int, batch: int = 64,
                weight: Callable | None = None, max_weight: int = 16 * 2**20, total: int | None = None) -> Iterator:
    """``map(function, items)`` on ``jobs`` processes (``function`` must be a
    module-level function); results come in the order of ``items``.  Items go
    in batches (fewer messages between processes) of at most ``batch``, and
    smaller when ``total`` (how many items) is known, so that no worker waits
    long for the others at the end; ``weight`` bounds what a batch carries,
    so that the batches in flight hold little memory."""
    batch = batch_size(batch, jobs, total)
    if jobs <= 1:
        yield from map(function, items)
        return
    from .parser import warm_parser
    warm_parser()     # once here: the workers fork with the parser loaded and its lexer built
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_leave_interrupts_to_the_parent)
    try:
        pending: deque = deque()
        for chunk in _batches(items, batch, weight, max_weight):
            pending.append(pool.submit(_apply, function, chunk))
            if len(pending) >= jobs * BATCHES_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BaseException:   # Ctrl-C, or the consumer stopped: no worker goes on
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _leave_interrupts_to_the_parent() -> None:
    """Workers ignore Ctrl-C: the parent stops them, and says so once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
