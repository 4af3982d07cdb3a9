"""``framing.describe_corpus``: every table of a corpus report, computed once.

A corpus report answers three questions with intervals: which group uses
more loaded language (overall, on which topics, over time); which words
distinguish each group from the others; whom each group cites, with which
verbs. :class:`CorpusDescription` holds the tables that answer them (plain
pandas objects a notebook can inspect), and renders the report lazily
(:meth:`CorpusDescription.to_html`, :meth:`CorpusDescription.save`).

Examples
--------
>>> import framing
>>> result = framing.analyze([
...     framing.load_article(text="Officials said the regime crushed the protest.",
...                          outlet="reuters"),
...     framing.load_article(text="The government met the protesters, officials said.",
...                          outlet="cnn")])
>>> d = describe_corpus(result, by="outlet", n_boot=20, min_count=1)
>>> d.summary.table["outlet"].tolist()
['cnn', 'reuters']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .groups import MISSING, PERIODS, group_keys, normalise_by
from .keyness import MAX_PAIRWISE_GROUPS, keyness
from .summarize import CorpusSummary, per_article, summarize

__all__ = ["CorpusDescription", "choose_period", "describe_corpus"]

# Topics shown per group in the report: the commonest ones (by articles).
TOPICS_SHOWN = 12
# Groups drawn in charts over time and in keyness scatters (most articles first).
GROUPS_DRAWN = 6
# The period of the charts over time when none is given: the finest of
# month, quarter, year with at most this many periods between the first and
# last publication date.
MAX_PERIODS = 48


def choose_period(published: pd.Series) -> str:
    """The finest period with at most ``MAX_PERIODS`` steps over the dates.

    Examples
    --------
    >>> choose_period(pd.Series(pd.to_datetime(["2019-01-01", "2020-06-01"], utc=True)))
    'month'
    >>> choose_period(pd.Series(pd.to_datetime(["2012-01-01", "2020-06-01"], utc=True)))
    'quarter'
    """
    dates = pd.to_datetime(published, utc=True).dropna()
    if dates.empty:
        return "year"
    months = (dates.max().year - dates.min().year) * 12 + dates.max().month - dates.min().month
    for name, size in (("month", 1), ("quarter", 3), ("year", 12)):
        if months / size <= MAX_PERIODS:
            return name
    return "year"


@dataclass(frozen=True)
class CorpusDescription:
    """The tables of a corpus report (see :func:`describe_corpus`).

    Attributes
    ----------
    by : tuple of str
        Grouping names.
    summary : CorpusSummary
        Measures, tests, speakers and verbs per group.
    topics : CorpusSummary or None
        The same per group and topic (the commonest topics), if articles have one.
    over_time : CorpusSummary or None
        The same per group and period, if articles have dates.
    period : str or None
        The period of ``over_time``.
    keyness : DataFrame
        Distinguishing terms, each group against the rest (and pairwise for
        a few groups), ``top`` per comparison.
    scatter : DataFrame
        Every term of each drawn group against the rest (for the scatters).
    articles : int
    title : str
    extra : dict
        Anything else to show (e.g. citation tables).
    """

    by: tuple[str, ...]
    summary: CorpusSummary
    topics: CorpusSummary | None
    over_time: CorpusSummary | None
    period: str | None
    keyness: pd.DataFrame
    scatter: pd.DataFrame
    articles: int
    title: str = "Corpus report"
    extra: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        return (
            f"<CorpusDescription by {', '.join(self.by)}: {self.articles} article(s), "
            f"{len(self.summary.table)} group(s); .summary .topics .over_time .keyness>"
        )

    def to_html(self) -> str:
        """The self-contained HTML report (no script, no request outside the file)."""
        from ..report.corpus import render_corpus_html

        return render_corpus_html(self)

    def to_json(self) -> str:
        """Every table as JSON (one object of named record lists)."""
        from ..report.corpus import corpus_json

        return corpus_json(self)

    def save(self, path: str | Path) -> Path:
        """Write the report, atomically: HTML, or JSON for a ``.json`` path."""
        from ..atomic import write_text

        text = self.to_json() if str(path).casefold().endswith(".json") else self.to_html()
        return write_text(path, text)

    def _repr_html_(self) -> str:
        return self.summary._repr_html_()


def describe_corpus(
    analysis: Any,
    by: str | Sequence[str] = "outlet",
    *,
    topic: str | None = "topic",
    period: str | None = "auto",
    ci: float = 0.95,
    n_boot: int = 1000,
    test: str = "mann-whitney",
    top: int = 25,
    min_count: int = 5,
    lexicons: object = None,
    random_state: int = 0,
    title: str = "Corpus report",
) -> CorpusDescription:
    """Every table of the corpus report for an analysis.

    Parameters
    ----------
    analysis : Analysis
        From :func:`framing.analyze` (with ``term_counts=True`` keyness
        reuses the counts; ``keep`` must include ``"attributions"``).
    by : str or list of str, default "outlet"
        Grouping (see :func:`framing.summarize`).
    topic : str or None, default "topic"
        The column or meta field of topics (None or absent: no topic table).
    period : str or None, default "auto"
        ``year``, ``quarter``, ``month``..., ``"auto"`` (see
        :func:`choose_period`) or None for no table over time.
    ci, n_boot, test, random_state
        As for :func:`framing.summarize`.
    top : int, default 25
        Terms per keyness comparison (and speakers, verbs per group: ``top // 3``).
    min_count, lexicons
        As for :func:`framing.keyness`.
    title : str
        The report's title.
    """
    names = normalise_by(by)
    options = {"ci": ci, "n_boot": n_boot, "test": test, "random_state": random_state}
    summary = summarize(analysis, names, top=max(3, top // 3), **options)
    frame, _ = per_article(analysis)
    topics = None
    if topic and _has_field(frame, topic) and topic not in names:
        common = group_keys(frame, [topic])[topic]
        counts = common[common != MISSING].value_counts()
        shown = set(counts.index[:TOPICS_SHOWN])
        if shown:
            subset = frame[common.isin(shown).to_numpy()].reset_index(drop=True)
            topics = summarize(
                subset, [*names, topic], top=0, min_articles=3, **(options | {"test": None})
            )
    over_time = None
    chosen = None
    if period and "published" in frame.columns and frame["published"].notna().any():
        chosen = choose_period(frame["published"]) if period == "auto" else period
        if chosen not in PERIODS:
            from ..errors import invalid_parameter

            raise invalid_parameter("period", period, f'"auto", None or one of {list(PERIODS)}')
        over_time = summarize(frame, [*names, chosen], top=0, **(options | {"test": None}))
    n_groups = len(summary.table)
    compare = "both" if 2 < n_groups <= min(MAX_PAIRWISE_GROUPS, 4) else "rest"
    if n_groups == 2:
        compare = "pairs"
    key_table = keyness(
        analysis, names, compare=compare, top=top, min_count=min_count, lexicons=lexicons
    )
    drawn = (
        list(
            summary.table.sort_values("articles", ascending=False, kind="stable")
            .head(GROUPS_DRAWN)[names]
            .astype(str)
            .agg(" / ".join, axis=1)
        )
        if names
        else []
    )
    scatter = keyness(
        analysis,
        names,
        compare="rest" if n_groups > 2 else "pairs",
        top=None,
        min_count=min_count,
        lexicons=lexicons,
    )
    scatter = scatter[scatter["group"].isin(drawn)].reset_index(drop=True)
    return CorpusDescription(
        tuple(names), summary, topics, over_time, chosen, key_table, scatter, len(frame), title
    )


def _has_field(frame: pd.DataFrame, name: str) -> bool:
    try:
        keys = group_keys(frame, [name])
    except ValueError:
        return False
    return bool((keys[name] != MISSING).any())
