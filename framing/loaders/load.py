"""The public loading API: files, directories and globs to the article table."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from os import PathLike
from typing import Any

import pandas as pd
from tqdm.auto import tqdm

from ..article import Article, articles_to_frame
from ..columns import SKIPPED_COLUMNS
from ..errors import FramingError, LoadError, ParameterError, invalid_parameter
from ..outlets import OutletRegistry
from .assemble import ArticleDraft
from .base import DEFAULT_MAX_BYTES, LoadOptions, LoadResult, Skipped
from .delimited import read_csv
from .feed import read_feed
from .files import read_head
from .html import read_html
from .identity import Identity, collect
from .json_records import read_json, read_jsonl
from .parquet import read_parquet
from .paths import PathArg, expand_paths
from .records import validate_columns
from .sniff import FORMATS, detect_format
from .text import parse_text, read_text
from .warc import read_warc

__all__ = ["expand_paths", "iter_load", "load", "load_article", "skipped_table"]

READERS: dict[str, Callable[[str, LoadOptions], Iterator[LoadResult]]] = {
    "text": read_text,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "parquet": read_parquet,
    "feed": read_feed,
    "warc": read_warc,
}
# Show a progress bar from this many files on (when stderr is a terminal).
PROGRESS_MIN_FILES = 20


def _options(
    registry: OutletRegistry | str | PathLike | None,
    outlet: str | None,
    columns: Mapping[str, str] | None,
    max_bytes: int,
    format: str | None = None,
) -> LoadOptions:
    if format is not None and format not in FORMATS:
        raise invalid_parameter("format", format, FORMATS)
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise invalid_parameter("max_bytes", max_bytes, "give a positive number of bytes")
    validate_columns(columns or {})
    if registry is None:
        registry = OutletRegistry.default()
    elif not isinstance(registry, OutletRegistry):
        registry = OutletRegistry.from_file(registry)
    if outlet is not None and registry.resolve(outlet) is None:
        warnings.warn(
            f"outlet={outlet!r} is not in the outlet registry; it is used as given. "
            "Run `framing outlets` to list known ids.",
            stacklevel=3,
        )
    return LoadOptions(
        registry=registry, outlet=outlet, columns=dict(columns or {}), max_bytes=max_bytes
    )


def skip_if_empty(path: str, result: LoadResult) -> LoadResult:
    """``result``, or a skip naming the record when an article has no text left."""
    if isinstance(result, Article) and not result.text.strip():
        location = result.meta.get("record")
        return Skipped(
            path,
            location,
            str(
                LoadError(
                    path,
                    "no article text left after removing headers, datelines and footers",
                    location=location,
                    fix="check the file, or pass format= / outlet=",
                )
            ),
        )
    return result


def _read_file(path: str, fmt: str | None, options: LoadOptions) -> Iterator[LoadResult]:
    """Articles and record-level skips of one file; raises LoadError for the file."""
    chosen = detect_format(path, read_head(path), fmt)
    for result in READERS[chosen](path, options):
        yield skip_if_empty(path, result)


def _load_file(path: str, fmt: str | None, options: LoadOptions) -> Iterator[LoadResult]:
    """Like :func:`_read_file`, with any error of one file turned into a skip.

    Records yielded before the error are kept (the readers stream). Only a
    missing optional dependency, which would fail every file alike, stops
    the batch.
    """
    try:
        yield from _read_file(path, fmt, options)
    except LoadError as exc:
        yield Skipped.from_error(exc)
    except FramingError:
        raise
    except RecursionError:
        yield Skipped.from_error(
            LoadError(
                path,
                "its data is nested too deeply to read",
                fix="flatten the records (framing reads objects nested a few levels deep)",
            )
        )
    except MemoryError:
        yield Skipped.from_error(
            LoadError(path, "too large to read in memory", fix="split the file into smaller ones")
        )
    except Exception as exc:  # a parser's own error type: one bad file must not end a batch
        yield Skipped.from_error(
            LoadError(
                path,
                f"could not be read ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})",
                fix="check the file; if it looks fine, please report this to framing's issue "
                "tracker with the file",
            )
        )


def iter_load(
    paths: PathArg,
    *,
    outlet: str | None = None,
    format: str | None = None,
    registry: OutletRegistry | str | PathLike | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool | None = None,
    exclude: Iterable[str | PathLike] = (),
) -> Iterator[Article | Skipped]:
    """Stream articles (and skipped records) from files, directories and globs.

    Parameters are those of :func:`load`. Yields :class:`~framing.Article`
    objects and :class:`~framing.loaders.Skipped` entries in file order,
    holding one record in memory at a time (one file for JSON, feeds and
    single pages). Exact duplicates of an article already yielded come as
    ``Skipped`` entries of kind ``"duplicate"``; ids are unique over the
    stream. :func:`framing.loaders.collect` gathers the stream as
    :func:`load` does.
    """
    options = _options(registry, outlet, columns, max_bytes, format)
    files, missing = expand_paths(paths, exclude=exclude)
    yield from missing
    show = (
        progress
        if progress is not None
        else (len(files) >= PROGRESS_MIN_FILES and sys.stderr.isatty())
    )
    identity = Identity()
    for path in tqdm(files, desc="loading", unit="file", disable=not show, leave=False):
        for result in _load_file(path, format, options):
            yield identity.check(result) if isinstance(result, Article) else result


def skipped_table(skipped: pd.DataFrame | Iterable[Skipped]) -> pd.DataFrame:
    """The table of skipped files and records: ``source_path, location, reason, kind``.

    Parameters
    ----------
    skipped : DataFrame or iterable of Skipped
        An article table returned by :func:`load` (its skips are kept in
        ``table.attrs["skipped"]`` as plain dicts), or Skipped entries.

    Examples
    --------
    >>> import framing
    >>> table = framing.load(framing.example_path("kayhan"))
    >>> framing.skipped_table(table).empty
    True
    """
    if isinstance(skipped, pd.DataFrame):
        rows = [
            tuple(r.get(c, "skipped") if c == "kind" else r.get(c) for c in SKIPPED_COLUMNS)
            for r in skipped.attrs.get("skipped", [])
        ]
    else:
        rows = [(s.source_path, s.location, s.reason, s.kind) for s in skipped]
    return pd.DataFrame(rows, columns=list(SKIPPED_COLUMNS))


def load(
    paths: PathArg,
    outlet: str | None = None,
    format: str | None = None,
    *,
    registry: OutletRegistry | str | PathLike | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool | None = None,
    errors: str = "warn",
    exclude: Iterable[str | PathLike] = (),
) -> pd.DataFrame:
    """Load articles from files, directories or globs into the article table.

    Parameters
    ----------
    paths : str, PathLike, or iterable of them
        Files, directories (read recursively) or glob patterns
        (``"corpus/**/*.html"``).
    outlet : str, optional
        Outlet id or name to set on every article (also selects that
        outlet's text layout). By default it is found per article: from the
        text layout, the dateline credit, the URL's domain or the export's
        outlet column.
    format : {"text", "html", "json", "jsonl", "csv", "parquet", "feed", "warc"}, optional
        Force one format; by default chosen by extension, then by content.
    registry : OutletRegistry or path, optional
        Outlet registry (default: the shipped one).
    columns : mapping, optional
        For CSV/JSON/Parquet: article field -> column name, e.g.
        ``{"text": "story_body"}``.
    max_bytes : int
        Largest single-article file (text, HTML) accepted, and largest
        record of a streaming format (a JSON Lines line, a CSV row, a WARC
        payload), also inside gzip archives.
    progress : bool, optional
        Show a progress bar; by default shown for 20 or more files when
        stderr is a terminal.
    errors : {"warn", "ignore", "raise"}
        What to do about files or records that cannot be loaded: ``"warn"``
        issues one warning listing them, ``"ignore"`` only records them,
        ``"raise"`` raises at the first. In every case they are listed by
        :func:`skipped_table` (``framing.skipped_table(table)``); if nothing
        at all loads, :class:`~framing.errors.FramingError` is raised.
        Exact duplicates are listed there too (kept once, their sources in
        the kept article's ``meta["duplicates"]``), but never raise.
    exclude : iterable of paths
        Files (or folders) never read when a folder walk or a glob finds
        them, e.g. the output file of the same run written inside an input
        folder. Files named explicitly in ``paths`` are always read.

    Returns
    -------
    DataFrame
        The article table (columns in :data:`framing.ARTICLE_COLUMNS`).

    Examples
    --------
    >>> import framing
    >>> table = framing.load(framing.example_path("kayhan"))
    >>> table.loc[0, ["outlet", "dateline"]].tolist()
    ['kayhan-international', 'WASHINGTON']
    >>> str(table.loc[0, "published"])
    '2020-01-18 21:57:00+03:30'
    """
    if errors not in ("warn", "ignore", "raise"):
        raise invalid_parameter("errors", errors, ["warn", "ignore", "raise"])
    stream = iter_load(
        paths,
        outlet=outlet,
        format=format,
        registry=registry,
        columns=columns,
        max_bytes=max_bytes,
        progress=progress,
        exclude=exclude,
    )
    if errors == "raise":
        stream = _raise_at_first_problem(stream)
    articles, skipped = collect(stream)
    if not articles and skipped:
        first = skipped[0].reason
        more = f" (and {len(skipped) - 1} more problem(s))" if len(skipped) > 1 else ""
        raise FramingError(f"No article could be loaded. {first}{more}")
    table = articles_to_frame(articles)
    # Plain dicts, not a DataFrame: pandas compares and serialises attrs.
    table.attrs["skipped"] = [
        {"source_path": s.source_path, "location": s.location, "reason": s.reason, "kind": s.kind}
        for s in skipped
    ]
    if skipped and errors == "warn":
        lines = "\n".join(f"  {s.reason}" for s in skipped[:20])
        more = f"\n  ... and {len(skipped) - 20} more" if len(skipped) > 20 else ""
        warnings.warn(
            f"{len(skipped)} file(s) or record(s) were skipped (framing.skipped_table(table) "
            f"lists them):\n"
            f"{lines}{more}",
            stacklevel=2,
        )
    return table


def _raise_at_first_problem(stream: Iterable[LoadResult]) -> Iterator[LoadResult]:
    for result in stream:
        if isinstance(result, Skipped) and result.kind != "duplicate":
            raise FramingError(result.reason)
        yield result


def load_article(
    path: str | PathLike | None = None,
    *,
    text: str | None = None,
    outlet: str | None = None,
    format: str | None = None,
    registry: OutletRegistry | str | PathLike | None = None,
    **fields: Any,
) -> Article:
    """Load exactly one article, from a file or from raw text.

    Parameters
    ----------
    path : str or PathLike, optional
        A file holding one article.
    text : str, optional
        Raw article text instead of a file (parsed like a plain-text file).
    outlet, format, registry
        As for :func:`load`.
    **fields
        With ``text``: ``title``, ``published``, ``url``... to set directly.

    Raises
    ------
    LoadError
        If the file cannot be read or holds no article.
    FramingError
        If the file holds more than one article.

    Examples
    --------
    >>> import framing
    >>> art = framing.load_article(text="MOSCOW (TASS) -- Talks began.", title="Talks")
    >>> art.outlet, art.dateline, art.title, art.text
    ('tass', 'MOSCOW', 'Talks', 'Talks began.')
    """
    if (path is None) == (text is None):
        raise ParameterError("load_article() takes a path or text=..., exactly one of them.")
    options = _options(registry, outlet, None, DEFAULT_MAX_BYTES)
    if text is not None:
        if format not in (None, "text"):
            raise invalid_parameter("format", format, "with text=, only 'text' is supported")
        unknown = set(fields) - set(ArticleDraft.__dataclass_fields__) - {"source_path"}
        if unknown:
            raise TypeError(f"load_article() got unknown field(s) {sorted(unknown)}.")
        source_path = fields.pop("source_path", None)
        article = parse_text(text, options, source_path=source_path, overrides=fields)
        return article
    if fields:
        raise TypeError("load_article() takes extra fields only with text=.")
    path = os.fspath(path)
    results = list(_read_file(path, format, options))
    articles = [r for r in results if isinstance(r, Article)]
    problems = [r for r in results if isinstance(r, Skipped)]
    if not articles:
        raise FramingError(problems[0].reason if problems else f"{path}: no article found.")
    if len(articles) > 1:
        raise FramingError(
            f"{path}: holds {len(articles)} articles, load_article() reads one. "
            "Fix: use framing.load() for files with many articles."
        )
    return articles[0]
