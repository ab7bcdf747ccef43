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


def _worker_start(initializer: Callable[..., None] | None, initargs: tuple) -> None:
    """In each worker: die with the parent (a killed `convert` leaves no workers behind), then
    the caller's initializer."""
    die_with_parent()
    if initializer:
        initializer(*initargs)


def die_with_parent() -> None:
    """Ask Linux to send this process SIGTERM when its parent dies (prctl PR_SET_PDEATHSIG);
    elsewhere nothing (the pool's own shutdown is all there is)."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request: go now
        os._exit(1)


def run(work: Callable[[T], R], items: Iterable[T], jobs: int,
        initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> Iterator[R]:
    """Yield work(item) for every item, in completion order when jobs > 1."""
    if jobs <= 1:
        if initializer:
            initializer(*initargs)
        yield from map(work, items)
        return
    with ProcessPoolExecutor(jobs, initializer=_worker_start, initargs=(initializer, initargs)) as pool:
        pending = set()
        for item in items:
            pending.add(pool.submit(work, item))
            if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (f.result() for f in done)


_READY: set = set()  # initialisers already run in this process (a Dask worker runs many tasks)
CHUNK = 8  # sources a Dask task: the scheduler's cost per task is paid once for eight files


def _task(work: Callable[[T], R], initializer: Callable[..., None] | None, initargs: tuple,
          items: list[T]) -> list[R]:
    """A few items on a Dask worker: the initializer runs once per worker process, at its first
    task, so a worker that joins the cluster late is set up as the others are."""
    key = (initializer, repr(initargs))
    if initializer and key not in _READY:
        _quiet_worker()
        initializer(*initargs)
        _READY.add(key)
    return [work(item) for item in items]


def _quiet_worker() -> None:
    """Stop the Dask worker's statistical profiler, which samples this thread's stack every 10 ms
    (7% of a run here), and its event-loop tick monitor (every 20 ms; it only measures the loop's
    delay): both take the interpreter lock our pure-Python tagging needs."""
    try:
        from distributed import get_worker

        for name in ("profile", "profile-cycle", "tick", "ticks"):
            callback = get_worker().periodic_callbacks.get(name)
            if callback is not None:
                callback.stop()
    except (ImportError, ValueError, AttributeError):
        pass


def run_dask(work: Callable[[T], R], items: Iterable[T], address: str,
             initializer: Callable[..., None] | None = None, initargs: tuple = (),
             in_flight: int = 16) -> Iterator[R]:
    """Yield work(item) for every item, run on the Dask cluster at `address` (a scheduler
    address, or a `distributed.Client`-like object), CHUNK items a task and at most
    `in_flight` tasks at a time, so that memory does not grow with the corpus. The same
    per-file work as the local pool, so the same messages, statuses and bytes."""
    from distributed import Client

    client = address if hasattr(address, "submit") else Client(address)
    return _dask_results(client, client is not address, work, items, initializer, initargs, in_flight)


def _chunks(items: Iterable[T]) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _dask_results(client, own: bool, work, items, initializer, initargs, in_flight: int) -> Iterator:
    from distributed import as_completed

    try:
        chunks = _chunks(items)
        pending = as_completed()
        for chunk in chunks:
            pending.add(client.submit(_task, work, initializer, initargs, chunk, pure=False))
            if pending.count() >= in_flight:
                break
        for future in pending:
            yield from future.result()
            future.release()
            chunk = next(chunks, None)
            if chunk is not None:
                pending.add(client.submit(_task, work, initializer, initargs, chunk, pure=False))
    finally:
        if own:
            client.close()
