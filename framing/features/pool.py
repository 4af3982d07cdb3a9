"""Running the analysis over partitions: a process pool on one machine, or a Dask cluster.

Tasks name what to read (:mod:`framing.features.partitions`): row ranges of
an article table the workers inherited when the pool forked, or files and
line ranges the workers load themselves. Each worker builds the analysis
stages once (lexicon automaton, cue lexicon, models) and returns the tables
of its task; the caller merges them in task order, so the result equals the
single-process one exactly. Progress counts articles as workers finish each
batch (a shared counter), so the bar moves with the analysis itself.

On Dask (``scheduler=`` an address, a ``distributed.Client`` or
``"local"``), the tasks run as a ``dask.bag`` of partitions on the cluster's
workers; an in-memory table is then cut into partitions that travel to the
workers (there is no shared memory to inherit), files travel as names, so
the workers must see the same paths.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..errors import import_optional, invalid_parameter
from .batches import BATCH_ARTICLES, article_batches
from .partitions import PARTITION_ARTICLES, ArticleFiles, FilePartition, Merger, RowRange

__all__ = ["Settings", "resolve_jobs", "run_partitions"]


@dataclass(frozen=True)
class Settings:
    """What every worker needs to build the analysis stages and shape its result."""

    lexicons: Any
    registry: Any
    fuzzy: bool
    sentiment: bool
    keep: tuple[str, ...]
    term_counts: bool
    batch_size: int = BATCH_ARTICLES


@dataclass
class PartResult:
    """The tables of one task, with the skips and identities of the articles it read."""

    tables: dict[str, Any]
    skipped: list[Any]
    identities: list[Any]
    articles: int


_SHARED: dict[str, Any] = {}  # the table and counter a forked worker inherits
_ANALYZERS: dict[Any, Any] = {}  # one analyzer per worker process and settings


def resolve_jobs(n_jobs: int | None) -> int:
    """Worker processes for ``n_jobs`` (-1: every core, -2: all but one, as scikit-learn).

    Examples
    --------
    >>> resolve_jobs(1), resolve_jobs(None)
    (1, 1)
    """
    if n_jobs is None:
        return 1
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs == 0:
        raise invalid_parameter("n_jobs", n_jobs, "a whole number: 1, 2, ... or -1 for all cores")
    cores = os.cpu_count() or 1
    return max(1, cores + 1 + n_jobs) if n_jobs < 0 else n_jobs


def _analyzer(settings: Settings) -> Any:
    from .analysis import _Analyzer

    key = (repr(settings.lexicons), id(settings.registry), settings.fuzzy, settings.sentiment)
    analyzer = _ANALYZERS.get(key)
    if analyzer is None:
        analyzer = _ANALYZERS[key] = _Analyzer(
            settings.lexicons, settings.registry, settings.fuzzy, settings.sentiment
        )
    return analyzer


def _tick(count: int) -> None:
    counter = _SHARED.get("counter")
    if counter is not None:
        with counter.get_lock():
            counter.value += count


def analyse_table(table: pd.DataFrame, settings: Settings) -> PartResult:
    """Analyse an article table batch by batch; keep the tables ``settings`` asks for."""
    from .analysis import select_tables

    analyzer = _analyzer(settings)
    parts = []
    for batch in article_batches(table, settings.batch_size):
        parts.append(select_tables(analyzer(batch), settings.keep, settings.term_counts))
        _tick(len(batch))
    return PartResult({"parts": parts}, [], [], len(table))


def run_task(task: Any, settings: Settings, source: Any = None) -> PartResult:
    """One task in a worker: read what it names, analyse it."""
    if isinstance(task, RowRange):
        table = _SHARED["table"].iloc[task.start : task.stop].reset_index(drop=True)
        return analyse_table(table, settings)
    if isinstance(task, pd.DataFrame):  # Dask: a slice of an in-memory table
        return analyse_table(task.reset_index(drop=True), settings)
    from ..article import articles_to_frame
    from .partitions import read_partition

    files: ArticleFiles = source if source is not None else _SHARED["source"]
    options = _SHARED.get("options") or files.options()
    articles, skipped, identities = read_partition(task, files, options)
    result = analyse_table(articles_to_frame(articles), settings) if articles else None
    tables = result.tables if result else {"parts": []}
    return PartResult(tables, skipped, identities, len(articles))


def _init_worker(counter: Any, threads: int) -> None:
    _SHARED["counter"] = counter
    # One BLAS/OpenMP thread per worker's share of the cores, as joblib's loky
    # does: the default (every core in every worker) oversubscribes the
    # machine, and idle OpenBLAS threads spin on cores another worker needs.
    from threadpoolctl import threadpool_limits

    _SHARED["thread_limits"] = threadpool_limits(limits=threads)


def tasks_for(data: Any, workers: int) -> list[Any]:
    """Row ranges of a table (about four per worker, at most PARTITION_ARTICLES rows each)."""
    if isinstance(data, ArticleFiles):
        return list(data.partitions(workers=workers))
    n = len(data)
    size = max(1, min(PARTITION_ARTICLES, -(-n // (4 * workers))))
    return [RowRange(start, min(start + size, n)) for start in range(0, n, size)]


def run_partitions(
    data: pd.DataFrame | ArticleFiles,
    settings: Settings,
    *,
    n_jobs: int,
    scheduler: Any = None,
    progress: bool | None = False,
) -> tuple[list[PartResult], list[Any]]:
    """Results of every task in order, and the skips (duplicates across tasks included)."""
    from .batches import progress_bar

    workers = resolve_jobs(n_jobs)
    tasks = tasks_for(data, workers if scheduler is None else max(workers, 2))
    total = (
        len(data)
        if isinstance(data, pd.DataFrame)
        else sum(t.size or 0 for t in tasks if isinstance(t, FilePartition)) or None
    )
    with progress_bar(progress, total) as bar:
        if scheduler is not None:
            results = _run_dask(data, tasks, settings, scheduler, bar)
        elif workers == 1 or len(tasks) <= 1:
            _SHARED["counter"] = None
            results = []
            for task in tasks:
                if isinstance(task, RowRange):
                    table = data.iloc[task.start : task.stop].reset_index(drop=True)
                    results.append(analyse_table(table, settings))
                else:
                    results.append(run_task(task, settings, data))
                bar.update(results[-1].articles)
        else:
            results = _run_pool(data, tasks, settings, workers, bar)
    missing = data.files()[1] if isinstance(data, ArticleFiles) else []
    results, skipped = _merge_identities(results)
    return results, [*missing, *skipped]


def _merge_identities(results: list[PartResult]) -> tuple[list[PartResult], list[Any]]:
    from .partitions import apply_identity

    merger = Merger()
    skipped: list[Any] = []
    for result in results:
        skipped.extend(result.skipped)
        if not result.identities:
            continue
        drop, rename, duplicates = merger.settle(result.identities)
        skipped.extend(duplicates)
        if drop or rename:
            result.tables["parts"] = [
                _apply(part, drop, rename, apply_identity) for part in result.tables["parts"]
            ]
    return results, skipped


def _apply(part: Any, drop: set[str], rename: dict[str, str], apply_identity: Callable) -> Any:
    from dataclasses import fields, replace

    from .distinguishing import TermCounts

    names = [f.name for f in fields(part) if isinstance(getattr(part, f.name), pd.DataFrame)]
    tables = apply_identity({n: getattr(part, n) for n in names}, drop, rename)
    counts = getattr(part, "term_counts", None)
    if isinstance(counts, TermCounts):
        ids = pd.Index(counts.ids).astype(str)
        keep = ~ids.isin(drop)
        new_ids = ids[keep].map(lambda i: rename.get(i, i))
        counts = TermCounts(counts.matrix[keep.nonzero()[0]], counts.terms, new_ids.to_numpy())
        tables["term_counts"] = counts
    return replace(part, **tables)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _run_pool(
    data: Any, tasks: Sequence[Any], settings: Settings, workers: int, bar: Any
) -> list[PartResult]:
    context = _context()
    counter = context.Value("q", 0)
    inherit = context.get_start_method() == "fork"
    if isinstance(data, pd.DataFrame):
        _SHARED["table"] = data
    else:
        _SHARED["source"], _SHARED["options"] = data, data.options()
    if inherit:  # build the stages once here; forked workers share them (copy-on-write)
        _analyzer(settings)
    try:
        processes = min(workers, len(tasks))
        with ProcessPoolExecutor(
            max_workers=processes,
            mp_context=context,
            initializer=_init_worker,
            initargs=(counter, max(1, (os.cpu_count() or 1) // processes)),
        ) as pool:
            futures: list[Future] = []
            for task in tasks:
                if isinstance(task, RowRange) and not inherit:  # spawn: no shared memory
                    piece = data.iloc[task.start : task.stop]
                    futures.append(pool.submit(run_task, piece, settings))
                else:
                    futures.append(pool.submit(run_task, task, settings, None if inherit else data))
            pending = set(futures)
            shown = 0
            while pending:
                _, pending = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
                value = counter.value
                if value > shown:
                    bar.update(value - shown)
                    shown = value
            return [f.result() for f in futures]
    finally:
        _SHARED.pop("table", None)
        _SHARED.pop("source", None)
        _SHARED.pop("options", None)


def _client(scheduler: Any) -> tuple[Any, Callable[[], None]]:
    """A ``distributed.Client`` for ``scheduler`` and a function that closes what was opened."""
    distributed = import_optional("distributed", feature="The Dask scheduler", extra="dask")
    if isinstance(scheduler, distributed.Client):
        return scheduler, lambda: None
    if scheduler == "local":
        cluster = distributed.LocalCluster(
            n_workers=min(2, os.cpu_count() or 1), threads_per_worker=1, processes=True
        )
        client = distributed.Client(cluster)

        def close() -> None:
            client.close()
            cluster.close()

        return client, close
    if isinstance(scheduler, str):
        client = distributed.Client(scheduler, timeout="20s")
        return client, client.close
    raise invalid_parameter(
        "scheduler", scheduler, 'a scheduler address (tcp://host:8786), "local" or a Client'
    )


def _run_dask(
    data: Any, tasks: Sequence[Any], settings: Settings, scheduler: Any, bar: Any
) -> list[PartResult]:
    bag_module = import_optional("dask.bag", feature="The Dask scheduler", extra="dask")
    distributed = import_optional("distributed", feature="The Dask scheduler", extra="dask")
    client, close = _client(scheduler)
    try:
        if isinstance(data, pd.DataFrame):
            items: list[Any] = [data.iloc[t.start : t.stop] for t in tasks]
            source = None
        else:
            items, source = list(tasks), data
        bag = bag_module.from_sequence(items, npartitions=len(items)).map(
            run_task, settings=settings, source=source
        )
        futures = client.compute(bag.to_delayed())
        order = {f.key: i for i, f in enumerate(futures)}
        results: list[Any] = [None] * len(futures)
        for future in distributed.as_completed(futures):
            part = future.result()
            results[order[future.key]] = part
            bar.update(sum(p.articles for p in part))
        return [p for chunk in results for p in chunk]
    finally:
        close()
