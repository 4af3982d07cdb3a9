"""Cutting a stream of articles into batches for :func:`framing.iter_analyze`, with progress.

A batch is an article table of at most ``BATCH_ARTICLES`` articles, closed
early at ``BATCH_CHARACTERS`` of text so a batch of long articles stays as
small in memory as one of short ones.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from typing import Any

import pandas as pd

from ..article import Article, articles_to_frame
from ..errors import invalid_parameter

__all__ = ["BATCH_ARTICLES", "BATCH_CHARACTERS", "article_batches", "as_table", "progress_bar"]

# Articles analysed together by iter_analyze: enough that per-batch overhead
# (building frames, one automaton scan) is a few per cent of the work, few
# enough that a batch's tables stay small. Measured on AllSides articles
# (~970 words each; benchmarks/bench_scaling.py): 50 to 400 articles per batch
# give the same throughput within noise.
BATCH_ARTICLES = 200
# ... and a batch closes early once it holds this many characters of text, so
# a batch of very long articles stays as small in memory as one of short ones.
BATCH_CHARACTERS = 2_000_000


def as_table(articles: object) -> pd.DataFrame:
    """An article table from a table, one Article or Articles (never a bare str)."""
    if isinstance(articles, pd.DataFrame):
        return articles
    if isinstance(articles, Article):
        return articles_to_frame([articles])
    if isinstance(articles, str):
        raise TypeError(
            "analyze() takes articles, not a bare str; use "
            "framing.analyze(framing.load_article(text=...))."
        )
    items = list(articles)  # type: ignore[call-overload]
    for number, item in enumerate(items):
        if not isinstance(item, Article):
            hint = (
                "; wrap texts as framing.load_article(text=...)"
                if isinstance(item, str)
                else "; pass Articles (framing.load, framing.load_article) or an article table"
            )
            raise TypeError(
                f"analyze() takes Articles or an article table: item {number} is a "
                f"{type(item).__name__}{hint}."
            )
    return articles_to_frame(items)


def article_batches(articles: object, size: int) -> Iterator[pd.DataFrame]:
    """Article tables of at most ``size`` articles (or BATCH_CHARACTERS of text)."""
    if size < 1:
        raise invalid_parameter("batch_size", size, "a whole number of articles, 1 or more")
    if isinstance(articles, (pd.DataFrame, Article, str)):
        table = as_table(articles)
        lengths = table["text"].fillna("").astype(str).str.len().to_numpy()
        start = 0
        while start < len(table):
            end, chars = start, 0
            while end < len(table) and end - start < size:
                if end > start and chars >= BATCH_CHARACTERS:
                    break
                chars += int(lengths[end])
                end += 1
            yield table.iloc[start:end].reset_index(drop=True)
            start = end
        return
    batch: list[Article] = []
    chars = 0
    skipped: list[str] = []
    for article in articles:  # type: ignore[union-attr]
        if not isinstance(article, Article):
            if hasattr(article, "reason"):  # a Skipped entry from framing.iter_load
                skipped.append(article.reason)
                continue
            raise TypeError(
                f"iter_analyze() takes Articles or an article table, not {type(article).__name__}."
            )
        batch.append(article)
        chars += len(article.text)
        if len(batch) >= size or chars >= BATCH_CHARACTERS:
            yield articles_to_frame(batch)
            batch, chars = [], 0
    if batch:
        yield articles_to_frame(batch)
    if skipped:
        more = f"\n  ... and {len(skipped) - 20} more" if len(skipped) > 20 else ""
        warnings.warn(
            f"{len(skipped)} file(s) or record(s) were skipped while loading:\n  "
            + "\n  ".join(skipped[:20])
            + more,
            stacklevel=3,
        )


def progress_bar(progress: bool | None, total: int | None) -> Any:
    from tqdm.auto import tqdm

    show = sys.stderr.isatty() if progress is None else bool(progress)
    return tqdm(
        total=total,
        desc="analyzing",
        unit="article",
        disable=not show,
        leave=False,
        file=sys.stderr,
        dynamic_ncols=True,
    )
