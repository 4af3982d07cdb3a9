"""Partitions of a corpus that a worker reads itself: files, or row ranges of one file.

A pool or a Dask cluster never receives article tables: each task names what
to read, so only a few bytes travel to the worker.

* :class:`ArticleFiles` names input files with the options of
  :func:`framing.iter_load`; :meth:`ArticleFiles.partitions` cuts them into
  tasks: a JSON Lines file (plain or ``.gz``) into ranges of lines, other
  files into groups of whole files.
* :func:`read_partition` loads one task in the worker, with the loaders'
  own readers (same articles, ids, warnings and skips as a single
  :func:`framing.iter_load` over the same files), and the content digest of
  each article so the caller can drop duplicates across partitions exactly
  as one stream would (:class:`Merger`).
* A :class:`RowRange` of an article table already in memory is read from the
  table the worker inherited when the pool started (``fork``), never
  pickled.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from typing import Any

import pandas as pd

from ..article import Article
from ..errors import LoadError

__all__ = [
    "PARTITION_ARTICLES",
    "ArticleFiles",
    "FilePartition",
    "Merger",
    "RowRange",
    "read_partition",
]

# Articles per task. Each task costs a worker one pass over the lines before
# its range (reading and JSON-decoding them, ~20 us a line) and the caller one
# result to merge; 2,000 AllSides articles take a core ~30 s to analyse, so a
# task's overhead stays under 2% while 37k articles still make ~19 tasks to
# balance over the workers and to report progress by.
PARTITION_ARTICLES = 2_000
# ... but at least this many tasks per worker (so one slow task does not leave
# a core idle at the end), and never tasks of fewer than MIN_PARTITION articles.
TASKS_PER_WORKER = 4
MIN_PARTITION = 100
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


@dataclass(frozen=True)
class FilePartition:
    """Whole files, or lines ``start`` (inclusive) to ``stop`` (exclusive) of one JSONL file."""

    files: tuple[str, ...]
    start: int | None = None
    stop: int | None = None

    @property
    def size(self) -> int | None:
        return None if self.start is None or self.stop is None else self.stop - self.start


@dataclass(frozen=True)
class RowRange:
    """Rows ``start`` to ``stop`` of the article table the workers inherited."""

    start: int
    stop: int

    @property
    def size(self) -> int:
        return self.stop - self.start


@dataclass(frozen=True)
class ArticleFiles:
    """Input files for :func:`framing.analyze` with ``n_jobs`` or a Dask scheduler.

    Parameters are those of :func:`framing.iter_load`, and ``partition_size``
    (articles per task). The files are read by the workers, in partitions
    (see :meth:`partitions`).

    Examples
    --------
    >>> import framing
    >>> files = ArticleFiles([framing.example_path("kayhan")])
    >>> [len(p.files) for p in files.partitions()]
    [1]
    """

    paths: Sequence[str | PathLike[str]]
    format: str | None = None
    outlet: str | None = None
    registry: Any = None
    columns: Mapping[str, str] = field(default_factory=dict)
    max_bytes: int | None = None
    exclude: Sequence[str | PathLike[str]] = ()
    partition_size: int = PARTITION_ARTICLES

    def __post_init__(self) -> None:
        paths = [self.paths] if isinstance(self.paths, (str, PathLike)) else list(self.paths)
        object.__setattr__(self, "paths", tuple(str(p) for p in paths))

    def options(self) -> Any:
        """The loaders' options (registry read once, columns checked)."""
        from ..loaders.base import DEFAULT_MAX_BYTES
        from ..loaders.load import _options

        return _options(
            self.registry,
            self.outlet,
            dict(self.columns),
            self.max_bytes or DEFAULT_MAX_BYTES,
            self.format,
        )

    def files(self) -> tuple[list[str], list[Any]]:
        """The files named (folders and patterns expanded) and Skipped entries for missing ones."""
        from ..loaders.paths import expand_paths

        return expand_paths(list(self.paths), exclude=self.exclude)

    def partitions(self, size: int | None = None, *, workers: int = 1) -> list[FilePartition]:
        """Tasks in the order one stream reads them.

        JSON Lines files are cut into line ranges of at most ``size``
        (``partition_size``) lines, fewer when that gives ``workers`` fewer
        than ``TASKS_PER_WORKER`` tasks each; other files are grouped whole.
        """
        size = size or self.partition_size
        files, _ = self.files()
        lines = {path: _count_lines(path) for path in files if self._is_jsonl(path)}
        total = sum(lines.values()) + len(files) - len(lines)
        if workers > 1 and total:
            size = max(MIN_PARTITION, min(size, -(-total // (TASKS_PER_WORKER * workers))))
        out: list[FilePartition] = []
        small: list[str] = []
        for path in files:
            if path in lines:  # line ranges: the count of lines sizes the progress bar
                if small:
                    out.append(FilePartition(tuple(small)))
                    small = []
                for start in range(1, lines[path] + 1, size):
                    out.append(FilePartition((path,), start, min(start + size, lines[path] + 1)))
                continue
            small.append(path)
            if len(small) >= size:
                out.append(FilePartition(tuple(small)))
                small = []
        if small:
            out.append(FilePartition(tuple(small)))
        return out

    def _is_jsonl(self, path: str) -> bool:
        if self.format not in (None, "jsonl"):
            return False
        return str(path).casefold().endswith(_JSONL_SUFFIXES) or self.format == "jsonl"


def _count_lines(path: str) -> int:
    """Lines of a (possibly gzipped) file, read in 1 MB blocks."""
    opener = gzip.open if path.casefold().endswith(".gz") else open
    count, last = 0, b"\n"
    with opener(path, "rb") as handle:
        while block := handle.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def _jsonl_range(path: str, options: Any, start: int, stop: int) -> Iterator[Any]:
    """Articles and skips of lines ``start`` to ``stop`` of a JSONL file (the loader's reader)."""
    from ..loaders.json_records import _jsonl_records
    from ..loaders.load import skip_if_empty
    from ..loaders.records import RecordReader

    def records() -> Iterator[tuple[int, Any]]:
        for number, record in _jsonl_records(path, options.max_bytes):
            if number >= stop:
                return
            if number >= start:
                yield number, record

    reader = RecordReader(path, options, unit="line")
    try:
        for result in reader.articles(records()):
            yield skip_if_empty(path, result)
    except LoadError as exc:
        from ..loaders.base import Skipped

        yield Skipped.from_error(exc)


def read_partition(
    partition: FilePartition, files: ArticleFiles, options: Any
) -> tuple[list[Article], list[Any], list[tuple[str, bytes, str, str, str | None]]]:
    """Articles, skips and identities ``(id, digest, source, path, location)`` of one task."""
    from ..loaders.identity import Identity, content_digest, source_of
    from ..loaders.load import _load_file

    identity = Identity()
    articles: list[Article] = []
    skipped: list[Any] = []
    identities = []
    if partition.start is not None:
        results: Iterator[Any] = _jsonl_range(
            partition.files[0], options, partition.start, partition.stop or 0
        )
    else:
        results = (r for path in partition.files for r in _load_file(path, files.format, options))
    for result in results:
        if isinstance(result, Article):
            result = identity.check(result)
        if isinstance(result, Article):
            articles.append(result)
            identities.append(
                (
                    result.article_id,
                    content_digest(result),
                    source_of(result),
                    result.source_path or "<text>",
                    result.meta.get("record"),
                )
            )
        else:
            skipped.append(result)
    return articles, skipped, identities


class Merger:
    """Duplicates and id clashes across partitions, settled as one stream would settle them.

    Mirrors :class:`framing.loaders.identity.Identity` over the identities of
    each partition in order: an exact duplicate of an article of an earlier
    partition is dropped (a ``duplicate`` skip), an id already taken by a
    different article gets a ``-2``, ``-3``... suffix.
    """

    def __init__(self) -> None:
        self._first: dict[bytes, tuple[str, str]] = {}
        self._ids: set[str] = set()

    def settle(
        self, identities: Sequence[tuple[str, bytes, str, str, str | None]]
    ) -> tuple[set[str], dict[str, str], list[Any]]:
        """Ids to drop, ids to rename, and the duplicate skips, for one partition."""
        from ..loaders.base import Skipped

        drop: set[str] = set()
        rename: dict[str, str] = {}
        skipped: list[Any] = []
        for article_id, digest, source, path, location in identities:
            first = self._first.get(digest)
            if first is not None:
                first_id, first_source = first
                error = LoadError(
                    path,
                    f"exact duplicate of {first_source} (article_id {first_id}); kept once",
                    location=location,
                )
                skipped.append(
                    Skipped(path, location, str(error), kind="duplicate", duplicate_of=first_id)
                )
                drop.add(article_id)
                continue
            new_id = article_id
            if article_id in self._ids:
                number = 2
                while f"{article_id}-{number}" in self._ids:
                    number += 1
                new_id = rename[article_id] = f"{article_id}-{number}"
            self._ids.add(new_id)
            self._first[digest] = (new_id, source)
        return drop, rename, skipped


def apply_identity(
    tables: dict[str, pd.DataFrame], drop: set[str], rename: dict[str, str]
) -> dict[str, pd.DataFrame]:
    """The tables of one partition without dropped articles and with renamed ids."""
    if not drop and not rename:
        return tables
    out = {}
    for name, table in tables.items():
        if "article_id" not in table.columns:
            out[name] = table
            continue
        ids = table["article_id"].astype(str)
        kept = table[~ids.isin(drop)].copy() if drop else table.copy()
        if rename:
            kept["article_id"] = kept["article_id"].astype(str).replace(rename)
            if name == "articles" and "meta" in kept.columns:
                old = dict(zip(rename.values(), rename.keys(), strict=True))
                renamed = kept["article_id"].isin(set(old))
                kept.loc[renamed, "meta"] = pd.Series(
                    [
                        {**m, "warnings": [*m.get("warnings", []), _renamed(old[new], new)]}
                        for m, new in zip(
                            kept.loc[renamed, "meta"], kept.loc[renamed, "article_id"], strict=True
                        )
                    ],
                    index=kept.index[renamed],
                    dtype=object,
                )
        out[name] = kept.reset_index(drop=True)
    return out


def _renamed(base: str, new_id: str) -> str:
    """The warning :class:`framing.loaders.identity.Identity` gives a renamed article."""
    return (
        f"article_id {base!r} was already used by another article in this load; renamed {new_id!r}"
    )
