"""Work on many filings in worker processes, with results in input order.

``ordered_map`` keeps a bounded number of batches in flight, so memory stays
flat however many filings there are, and yields results in the order of its
input, so the output is the same for any number of workers.
"""
from __future__ import annotations

from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Callable, Iterable, Iterator

#: Batches in flight per worker: enough to keep every worker busy.
BATCHES_PER_WORKER = 4


def _apply(function: Callable, batch: list) -> list:
    return [function(item) for item in batch]


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ordered_map(function: Callable, items: Iterable, jobs: int, batch: int = 16) -> Iterator:
    """``map(function, items)`` on ``jobs`` processes (``function`` must be a
    module-level function); results come in the order of ``items``."""
    if jobs <= 1:
        yield from map(function, items)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque = deque()
        for chunk in _batches(items, batch):
            pending.append(pool.submit(_apply, function, chunk))
            if len(pending) >= jobs * BATCHES_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
