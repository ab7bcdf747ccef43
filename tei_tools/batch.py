"""Running one job per file over a corpus: a bounded process pool, results as they come.

At most a few tasks per worker are in flight, so memory does not grow with the corpus; each
worker builds its heavy machinery (jieba, registers, schemas) once, in its initializer.
"""
from __future__ import annotations

import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")
IN_FLIGHT_PER_WORKER = 4


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(work: Callable[[T], R], items: Iterable[T], jobs: int,
        initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> Iterator[R]:
    """Yield work(item) for every item, in completion order when jobs > 1."""
    if jobs <= 1:
        if initializer:
            initializer(*initargs)
        yield from map(work, items)
        return
    with ProcessPoolExecutor(jobs, initializer=initializer, initargs=initargs) as pool:
        pending = set()
        for item in items:
            pending.add(pool.submit(work, item))
            if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (f.result() for f in done)
