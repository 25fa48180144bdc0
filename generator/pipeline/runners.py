"""Where analyses run: in this process, in a pool of local processes, or on a Dask cluster.

Each runner takes the texts still missing from the cache and gives back their analyses in
input order, a failed document as its exception. Workers load the spaCy model once each.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator

from ..record import Analysis
from .analysis import Settings, analyze_many

Job = tuple[str, dt.date | None] | tuple[str, dt.date | None, str | None]
Runner = Callable[[list[Job], Settings], Iterator[Analysis | Exception]]
# Documents per task: large enough to amortise the hand-off and fill spaCy's batches, small
# enough to balance the cores and keep the progress bar moving.
MIN_CHUNK = 8
MAX_CHUNK = 64


def chunk_size(jobs: int, workers: int) -> int:
    """About eight tasks per worker, each between MIN_CHUNK and MAX_CHUNK documents."""
    return max(MIN_CHUNK, min(MAX_CHUNK, jobs // max(1, workers * 8)))


def _progress(iterable: Iterable[Analysis | Exception], total: int, enabled: bool):  # noqa: ANN202
    if not enabled or total < 2:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc="Analysing", unit="doc", file=sys.stderr)


def _chunks(jobs: list[Job], size: int) -> list[list[Job]]:
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]


def _analyze_chunk(args: tuple[list[Job], Settings]) -> list[Analysis | Exception]:
    jobs, settings = args
    return list(analyze_many(jobs, settings, batch_size=len(jobs)))


def _init_worker(settings: Settings) -> None:
    """Loads the model once per worker, before its first task."""
    from ..nlp import load_model

    load_model(settings.model)


def default_processes() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_local(
    jobs: list[Job], settings: Settings, processes: int = 1, progress: bool = False
) -> Iterator[Analysis | Exception]:
    """Analyses in this process (``processes`` <= 1) or in a pool of worker processes."""
    processes = min(processes, max(1, len(jobs) // MIN_CHUNK))
    if processes <= 1:
        yield from _progress(analyze_many(jobs, settings), len(jobs), progress)
        return
    size = chunk_size(len(jobs), processes)
    fork = sys.platform == "linux"
    if fork:
        # Import spaCy and load the model once, here: the forked workers share both (copy on
        # write) instead of each paying for them. Elsewhere each worker loads the model once
        # in its initializer, never per task.
        from .analysis import load_stages

        load_stages(settings)
    context = multiprocessing.get_context("fork" if fork else "spawn")
    with context.Pool(processes, initializer=_init_worker, initargs=(settings,)) as pool:
        results = pool.imap(_analyze_chunk, [(c, settings) for c in _chunks(jobs, size)])
        flat = (a for chunk in results for a in chunk)
        yield from _progress(flat, len(jobs), progress)


def run_dask(
    jobs: list[Job], settings: Settings, scheduler: str, progress: bool = False
) -> Iterator[Analysis | Exception]:
    """Analyses on a Dask cluster (``tcp://host:8786``); results return in input order."""
    from distributed import Client

    with Client(scheduler) as client:
        workers = max(1, sum(client.nthreads().values()))
        chunks = _chunks(jobs, chunk_size(len(jobs), workers))
        futures = client.map(_analyze_chunk, [(c, settings) for c in chunks], pure=False)
        flat = (a for future in futures for a in future.result())
        yield from _progress(flat, len(jobs), progress)


def make_runner(processes: int = 1, scheduler: str | None = None, progress: bool = False) -> Runner:
    """The runner the plugin's or the command line's options ask for: the Dask cluster at
    ``scheduler`` when there is one, else ``processes`` local processes (0: every core,
    1: this process)."""
    if scheduler:
        address = scheduler  # a str: what the closure sees is not narrowed
        return lambda jobs, settings: run_dask(jobs, settings, address, progress)
    workers = processes or default_processes()
    return lambda jobs, settings: run_local(jobs, settings, workers, progress)
