"""``framing.analyze``: loaded terms, attributions, voice and sentiment per article.

Examples
--------
>>> import framing
>>> result = framing.analyze(framing.load(framing.example_path("kayhan")))
>>> row = result.summary.iloc[0]
>>> int(row["attributions"]), int(row["attributions_to_outlets"])
(17, 10)
>>> sorted(set(result.loaded_terms["category"]))[:3]
['attribution_verb', 'delegitimising_label', 'euphemism']
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import invalid_parameter
from ..io import to_records, write_json_objects
from ..outlets import OutletRegistry
from ..text.sentences import sentences as split_sentences
from .attributions import AttributionExtractor
from .batches import BATCH_ARTICLES, article_batches, as_table, progress_bar
from .loadedness import score_span_table
from .matcher import LoadedTermMatcher
from .sentiment import sentence_sentiment
from .summary import SUMMARY_COLUMNS, summarise

if TYPE_CHECKING:  # pragma: no cover
    from .distinguishing import TermCounts

__all__ = ["SUMMARY_COLUMNS", "TABLES", "Analysis", "analyze", "iter_analyze", "select_tables"]

# What analyze(keep=...) can keep besides the per-article summary, which is
# always kept: the article text (else emptied in .articles) and the span tables.
TABLES = ("text", "sentences", "loaded_terms", "attributions")


_JSON_SENTENCE = ["index", "start", "end", "paragraph", "text"]
_JSON_TERMS = [
    "start",
    "end",
    "text",
    "term",
    "category",
    "valence",
    "neutral",
    "fuzzy",
    "sentence",
    "voice",
    "loadedness",
]
_JSON_ATTRIBUTIONS = [
    "sentence",
    "start",
    "end",
    "source",
    "source_as_written",
    "source_kind",
    "speaker",
    "cue",
    "cue_class",
    "direct",
    "content",
]


@dataclass(frozen=True)
class Analysis:
    """Feature tables of a set of articles (see :func:`analyze`).

    Attributes
    ----------
    articles : DataFrame
        The article table analysed.
    sentences : DataFrame
        Sentences with VADER scores (``neg, neu, pos, compound``).
    loaded_terms : DataFrame
        Loaded-term spans (``framing.features.matcher.LOADED_TERM_COLUMNS``)
        with ``sentence`` and ``voice`` ("own" or "attributed").
    attributions : DataFrame
        Attributions (``ATTRIBUTION_COLUMNS``).
    summary : DataFrame
        One row per article (``SUMMARY_COLUMNS``).
    term_counts : TermCounts or None
        Terms per article (``analyze(..., term_counts=True)``), the input of
        :func:`framing.keyness` without a second pass over the text.
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    loaded_terms: pd.DataFrame
    attributions: pd.DataFrame
    summary: pd.DataFrame
    term_counts: TermCounts | None = None

    def __repr__(self) -> str:
        return (
            f"<Analysis: {len(self.articles)} article(s), {len(self.sentences)} sentences, "
            f"{len(self.loaded_terms)} loaded-term spans, {len(self.attributions)} attributions; "
            "tables .summary .sentences .loaded_terms .attributions .articles>"
        )

    def for_article(self, article_id: str) -> dict[str, Any]:
        """One article's tables as JSON-ready records (the ``--format json`` form).

        For every article use :meth:`iter_json`, which groups each table once.
        """
        article = self.articles[self.articles["article_id"] == article_id]
        if article.empty:
            raise KeyError(f"no article {article_id!r} in this analysis")
        own = {
            name: getattr(self, name)[getattr(self, name)["article_id"] == article_id]
            for name in ("sentences", "loaded_terms", "attributions")
        }
        return next(_iter_json(article, Analysis(article, **own, summary=self.summary)))

    def iter_json(self) -> Iterator[dict[str, Any]]:
        """One JSON-ready object per article, in article order.

        Each table is converted and grouped by article once, so the cost
        grows linearly with the number of rows (not articles x rows).

        Examples
        --------
        >>> import framing
        >>> result = framing.analyze(framing.load(framing.example_path("kayhan")))
        >>> sorted(next(result.iter_json()))
        ['article', 'attributions', 'loaded_terms', 'sentences']
        """
        return _iter_json(self.articles, self)

    def _with_outlet(self, table: pd.DataFrame) -> pd.DataFrame:
        outlets = self.articles.set_index("article_id")["outlet"].astype(object)
        return table.assign(outlet=table["article_id"].map(outlets).fillna("(no outlet)"))

    def plot_loaded_terms(self, ax=None, **kwargs):
        """Loaded terms per 1,000 words by category, one bar per outlet; returns the Axes.

        See :func:`framing.plot.loaded_terms`.
        """
        from .. import plot

        terms = self._with_outlet(self.loaded_terms)
        words = self._with_outlet(self.summary).groupby("outlet")["words"].sum().to_dict()
        return plot.loaded_terms(data=terms, hue="outlet", words=words, ax=ax, **kwargs)

    def plot_attributions(self, ax=None, **kwargs):
        """Who the articles cite, with which cue verbs; returns the Axes."""
        from .. import plot

        return plot.attribution_profile(data=self.attributions, ax=ax, **kwargs)

    def plot_voice(self, ax=None, **kwargs):
        """Share of each outlet's words in its own vs attributed voice; returns the Axes."""
        from .. import plot

        return plot.voice_shares(data=self.voice_table(), ax=ax, **kwargs)

    def voice_table(self) -> pd.DataFrame:
        """Words by outlet and voice ("own voice", "attributed")."""
        summary = self._with_outlet(self.summary).groupby("outlet", sort=False)
        totals = summary[["own_voice_words", "attributed_words"]].sum()
        return pd.concat(
            [
                pd.DataFrame(
                    {
                        "outlet": totals.index,
                        "voice": "own voice",
                        "words": totals["own_voice_words"].to_numpy(),
                    }
                ),
                pd.DataFrame(
                    {
                        "outlet": totals.index,
                        "voice": "attributed",
                        "words": totals["attributed_words"].to_numpy(),
                    }
                ),
            ],
            ignore_index=True,
        )

    def _repr_html_(self) -> str:
        from ..report.html import analysis_summary_html

        return analysis_summary_html(self)

    def to_json(self, indent: int | None = 1) -> str:
        """JSON: one object per article (a single object for one article)."""
        buffer = io.StringIO()
        write_json_objects(buffer, self.iter_json(), indent=indent, unwrap_single=True)
        return buffer.getvalue().rstrip("\n")


def _grouped(table: pd.DataFrame, columns: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Records of ``columns`` by article id (one pass over the table)."""
    if table.empty:
        return {}
    groups: dict[str, list[dict[str, Any]]] = {}
    ids = table["article_id"].astype(str).tolist()
    for article_id, record in zip(ids, to_records(table[columns]), strict=True):
        groups.setdefault(article_id, []).append(record)
    return groups


def _iter_json(articles: pd.DataFrame, result: Analysis) -> Iterator[dict[str, Any]]:
    tables = {
        "sentences": _grouped(result.sentences, _JSON_SENTENCE),
        "loaded_terms": _grouped(result.loaded_terms, _JSON_TERMS),
        "attributions": _grouped(result.attributions, _JSON_ATTRIBUTIONS),
    }
    for record in to_records(articles.reset_index(drop=True)):
        article_id = str(record["article_id"])
        yield {"article": record} | {
            name: groups.get(article_id, []) for name, groups in tables.items()
        }


class _Analyzer:
    """The analysis stages, built once (lexicon automaton, cue lexicon) and run per batch."""

    def __init__(
        self, lexicons: object, registry: OutletRegistry | None, fuzzy: bool, sentiment: bool
    ) -> None:
        self.extractor = AttributionExtractor(registry=registry).fit()
        self.matcher = LoadedTermMatcher(lexicons, fuzzy=fuzzy)
        self.sentiment = sentiment

    def __call__(self, table: pd.DataFrame, stage: Any = None) -> Analysis:
        def step(name: str) -> None:
            if stage is not None:
                stage(name)

        step("sentences")
        sentences = split_sentences(table)
        step("sentiment")
        if self.sentiment:
            sentences = sentence_sentiment(sentences)
        else:
            sentences = sentences.assign(neg=0.0, neu=0.0, pos=0.0, compound=0.0)
        step("attributions")
        attributions = self.extractor.extract(table, sentences=sentences)
        step("loaded terms")
        terms = self.matcher.find(table, sentences=sentences, attributions=attributions)
        terms = terms.assign(loadedness=score_span_table(table, terms))
        step("summary")
        summary = summarise(table, sentences, terms, attributions)
        return Analysis(table, sentences, terms, attributions, summary)


def iter_analyze(
    articles: object,
    *,
    lexicons: object = None,
    registry: OutletRegistry | None = None,
    fuzzy: bool = True,
    sentiment: bool = True,
    batch_size: int = BATCH_ARTICLES,
    progress: bool | None = False,
) -> Iterator[Analysis]:
    """Analyse articles batch by batch; yield one :class:`Analysis` per batch.

    Memory holds one batch at a time, so a corpus of any size streams from
    :func:`framing.iter_load` to an output (``framing analyze --format
    json`` does this). The results are those of :func:`analyze` split by
    article.

    Parameters
    ----------
    articles : DataFrame, Article or iterable of Article
        An article table, or articles (consumed lazily), e.g. straight from
        :func:`framing.iter_load`, whose skipped entries are passed over and
        listed in one warning at the end.
    lexicons, registry, fuzzy, sentiment
        As for :func:`analyze`.
    batch_size : int, default 200
        Articles per batch (a batch also closes at 2 million characters).
    progress : bool or None, default False
        Show a progress bar on stderr counting articles, with the stage
        running; ``None``: when stderr is a terminal.

    Examples
    --------
    >>> import framing
    >>> table = framing.load(framing.example_path("kayhan"))
    >>> [len(part.summary) for part in iter_analyze(table)]
    [1]
    """
    analyzer = _Analyzer(lexicons, registry, fuzzy, sentiment)
    total = len(articles) if isinstance(articles, pd.DataFrame) else None
    with progress_bar(progress, total) as bar:
        for table in article_batches(articles, batch_size):
            yield analyzer(table, stage=lambda name: bar.set_postfix_str(name, refresh=True))
            bar.update(len(table))


def select_tables(result: Analysis, keep: Sequence[str], term_counts: bool) -> Analysis:
    """``result`` with the tables not in ``keep`` emptied (and term counts added if asked)."""
    counts = None
    if term_counts:
        from .distinguishing import count_terms

        counts = count_terms(result.articles["text"], ids=result.articles["article_id"])
    changes: dict[str, Any] = {"term_counts": counts}
    for name in ("sentences", "loaded_terms", "attributions"):
        if name not in keep:
            changes[name] = getattr(result, name).iloc[:0]
    if "text" not in keep:
        changes["articles"] = result.articles.assign(text="")
    return replace(result, **changes)


def _offset_parents(frames: list[pd.DataFrame]) -> list[pd.DataFrame]:
    """``parent`` indexes rows of its batch's table: shift it to rows of the joined table."""
    out, offset = [], 0
    for frame in frames:
        if offset and len(frame):
            frame = frame.assign(parent=frame["parent"] + offset)
        out.append(frame)
        offset += len(frame)
    return out


def _concat(parts: list[Analysis], table: pd.DataFrame | None) -> Analysis:
    def join(name: str) -> pd.DataFrame:
        frames = [getattr(p, name) for p in parts]
        frames = [f for f in frames if len(f)] or frames[:1]  # empty batches type nothing
        if name == "attributions" and "parent" in frames[0].columns:
            frames = _offset_parents(frames)
        joined = pd.concat(frames, ignore_index=True)
        for column in frames[0].columns:
            strings = [
                f[column].dtype for f in frames if isinstance(f[column].dtype, pd.StringDtype)
            ]
            if (  # a batch with no value left a column untyped: type it as one batch would
                strings
                and joined[column].dtype == object
                and pd.api.types.infer_dtype(joined[column], skipna=True) == "string"
            ):
                joined[column] = joined[column].astype(strings[0])
            first = frames[0][column].dtype
            if isinstance(first, pd.CategoricalDtype):  # keep every part's categories
                categories = pd.Index(first.categories)
                for frame in frames[1:]:
                    categories = categories.append(
                        frame[column].cat.categories.difference(categories, sort=False)
                    )
                joined[column] = pd.Categorical(
                    joined[column], categories=categories, ordered=first.ordered
                )
        return joined

    counts = None
    if parts[0].term_counts is not None:
        from .distinguishing import TermCounts

        counts = TermCounts.concat([p.term_counts for p in parts])
    if table is None:
        table = join("articles")
    if len(parts) == 1:
        return Analysis(table, *(getattr(parts[0], n) for n in _TABLES), term_counts=counts)
    return Analysis(table, *(join(n) for n in _TABLES), term_counts=counts)


_TABLES = ("sentences", "loaded_terms", "attributions", "summary")


def analyze(
    articles: object,
    *,
    lexicons: object = None,
    registry: OutletRegistry | None = None,
    fuzzy: bool = True,
    sentiment: bool = True,
    progress: bool | None = False,
    n_jobs: int | None = 1,
    scheduler: object = None,
    keep: Sequence[str] = TABLES,
    term_counts: bool = False,
) -> Analysis:
    """Score articles: loaded terms, attributions, voice and sentence sentiment.

    Parameters
    ----------
    articles : DataFrame, Article, list of Article or ArticleFiles
        The article table from :func:`framing.load`, articles, or
        :class:`framing.ArticleFiles` naming files that the workers load
        themselves (JSON Lines cut into ranges of lines).
    lexicons : None, str, path, Lexicon or list of them
        Lexicons for loaded terms (default: ``DEFAULT_LEXICONS``,
        conflict_geopolitics and loaded_general).
    registry : OutletRegistry, optional
        Outlet registry for attributions (default: the shipped one).
    fuzzy : bool, default True
        Match misspellings of lexicon words (marked ``fuzzy``).
    sentiment : bool, default True
        Add VADER scores to the sentence table.
    progress : bool or None, default False
        Show a progress bar (stderr) counting articles through the stages;
        ``None``: when stderr is a terminal. For a corpus too large to hold
        its tables in memory, use :func:`iter_analyze`.
    n_jobs : int, default 1
        Worker processes (-1: every core). Workers receive row ranges of the
        table (inherited when the pool forks, never pickled) or files and
        line ranges, and return their tables; the result equals the
        single-process one exactly.
    scheduler : str, distributed.Client or "local", optional
        Run on a Dask cluster instead (``framing[dask]``): its address, a
        client, or ``"local"`` for a local cluster. Same result again.
    keep : sequence of str, default all
        Tables to keep besides the summary: ``"text"`` (else emptied in
        ``.articles``), ``"sentences"``, ``"loaded_terms"``,
        ``"attributions"``. A corpus run keeps what it summarises and saves
        the memory of the rest.
    term_counts : bool, default False
        Count terms per article as well (``.term_counts``, for
        :func:`framing.keyness`), in the workers.

    Returns
    -------
    Analysis
        ``.loaded_terms``, ``.attributions``, ``.sentences``, ``.summary``.

    See Also
    --------
    iter_analyze : the same, batch by batch, for corpora of any size.
    LoadedTermMatcher, AttributionExtractor
    """
    from .partitions import ArticleFiles
    from .pool import resolve_jobs

    resolve_jobs(n_jobs)  # checked before any work
    keep = tuple(keep)
    unknown = [k for k in keep if k not in TABLES]
    if unknown:
        raise invalid_parameter("keep", list(keep), f"names among {list(TABLES)}")
    simple = (
        n_jobs in (1, None) and scheduler is None and set(keep) == set(TABLES) and not term_counts
    )
    if simple and not isinstance(articles, ArticleFiles):
        table = as_table(articles)
        parts = list(
            iter_analyze(
                table,
                lexicons=lexicons,
                registry=registry,
                fuzzy=fuzzy,
                sentiment=sentiment,
                progress=progress,
            )
        )
        if not parts:  # no articles: empty tables with their columns
            return _Analyzer(lexicons, registry, fuzzy, sentiment)(table)
        return _concat(parts, table)
    from .pool import Settings, run_partitions

    data = articles if isinstance(articles, ArticleFiles) else as_table(articles)
    settings = Settings(lexicons, registry, fuzzy, sentiment, keep, term_counts)
    results, skipped = run_partitions(
        data, settings, n_jobs=resolve_jobs(n_jobs), scheduler=scheduler, progress=progress
    )
    parts = [part for result in results for part in result.tables["parts"]]
    if not parts:
        empty = data if isinstance(data, pd.DataFrame) else as_table([])
        result = select_tables(
            _Analyzer(lexicons, registry, fuzzy, sentiment)(empty), keep, term_counts
        )
    else:
        result = _concat(parts, None)
    if skipped:
        result.articles.attrs["skipped"] = [
            {
                "source_path": s.source_path,
                "location": s.location,
                "reason": s.reason,
                "kind": s.kind,
            }
            for s in skipped
        ]
    return result
