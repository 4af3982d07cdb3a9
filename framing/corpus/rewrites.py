"""Compare matched citing and source articles in one batch, and aggregate what changed.

:func:`compare_matches` runs :func:`framing.compare` on every matched pair
(each source compared once per citing article), resolving lexicons and the
registry once and, with ``n_jobs``, in worker processes that inherit the
article tables and receive only row numbers. :func:`citation_changes`
aggregates the result per group (citing outlet, month...): substitutions per
pair by category, the altered-quote rate (direct quotes credited to the
source whose words the source does not hold) and the share of unsupported
credits, each with a bootstrap interval over pairs.

Examples
--------
>>> import pandas as pd
>>> sources = pd.DataFrame({"article_id": ["s1"], "outlet": ["reuters"], "title": ["A"],
...     "published": pd.to_datetime(["2020-01-01"], utc=True),
...     "text": ["Troops left the base near Baghdad on Monday, officials said."]})
>>> citing = pd.DataFrame({"article_id": ["c1"], "outlet": ["kayhan"], "title": ["B"],
...     "published": pd.to_datetime(["2020-01-02"], utc=True),
...     "text": ["Occupying troops fled the base near Baghdad on Monday, Reuters reported."]})
>>> from framing.corpus.citations import match_citations
>>> result = compare_matches(match_citations(citing, sources), citing, sources)
>>> result.pairs[["citing_id", "source_id", "credits", "unsupported"]].values.tolist()
[['c1', 's1', 1, 0]]
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .groups import group_keys, normalise_by
from .stats import ratio_bootstrap

__all__ = ["CHANGE_COLUMNS", "MatchedComparisons", "citation_changes", "compare_matches"]

CHANGE_COLUMNS = (
    "pairs",
    "substitutions_per_pair",
    "altered_quote_rate",
    "altered_quote_rate_low",
    "altered_quote_rate_high",
    "unsupported_share",
    "unsupported_share_low",
    "unsupported_share_high",
    "top_categories",
)
_PAIR_METRICS = ("substitutions", "direct_quotes", "altered_quotes", "credits", "unsupported")
# Pairs compared per task of a worker at most (a task's results travel back at
# once); fewer when there are few pairs, so that every worker has about four tasks.
PAIRS_PER_TASK = 16

_SHARED: dict[str, Any] = {}


@dataclass(frozen=True)
class MatchedComparisons:
    """What changed between each citing article and its matched source.

    Attributes
    ----------
    pairs : DataFrame
        One row per compared pair: the match columns and ``substitutions``,
        ``direct_quotes`` (credited to the source), ``altered_quotes``,
        ``credits``, ``unsupported``, ``coverage``.
    substitutions : DataFrame
        Every substitution, with ``citing_id``, ``source_id``, ``citing_outlet``
        and ``citing_published``.
    fidelity : DataFrame
        Every credit and its verdict, with the same keys.
    """

    pairs: pd.DataFrame
    substitutions: pd.DataFrame
    fidelity: pd.DataFrame

    def __repr__(self) -> str:
        return (
            f"<MatchedComparisons: {len(self.pairs)} pair(s), {len(self.substitutions)} "
            "substitution(s); tables .pairs .substitutions .fidelity>"
        )


def _compare_rows(task: list[tuple[int, int]], lexicons: Any, registry: Any) -> list[Any]:
    from ..comparison import compare

    citing, sources = _SHARED["citing"], _SHARED["sources"]
    out = []
    for c, s in task:
        result = compare(sources.iloc[s], citing.iloc[c], lexicons, registry=registry)
        fidelity = result.attribution_fidelity
        credited = (
            fidelity[fidelity["to_source_outlet"].astype(bool)] if len(fidelity) else fidelity
        )
        direct = credited[credited["direct"].astype(bool)] if len(credited) else credited
        out.append(
            (
                c,
                s,
                len(result.substitutions),
                len(direct),
                int((direct["verdict"] == "altered").sum()) if len(direct) else 0,
                len(credited),
                int((credited["verdict"] == "unsupported").sum()) if len(credited) else 0,
                float(result.metric("coverage")) if hasattr(result, "metric") else np.nan,
                result.substitutions,
                fidelity,
            )
        )
    return out


def compare_matches(
    matches: pd.DataFrame,
    citing: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    min_confidence: float = 0.0,
    rank: int = 1,
    lexicons: object = None,
    registry: Any = None,
    n_jobs: int = 1,
) -> MatchedComparisons:
    """Compare every matched pair (``rank`` and ``min_confidence`` filter the matches).

    Parameters
    ----------
    matches : DataFrame
        From :func:`framing.match_citations`.
    citing, sources : DataFrame
        The article tables given to it.
    min_confidence : float
        Matches below this confidence are not compared.
    rank : int, default 1
        Compare candidates up to this rank.
    lexicons, registry
        As for :func:`framing.compare`, resolved once for the batch.
    n_jobs : int, default 1
        Worker processes (-1: every core).
    """
    from ..features.pool import resolve_jobs
    from ..outlets import OutletRegistry

    chosen = matches[(matches["rank"] <= rank) & (matches["confidence"] >= min_confidence)]
    c_index = pd.Series(np.arange(len(citing)), index=citing["article_id"].astype(str))
    s_index = pd.Series(np.arange(len(sources)), index=sources["article_id"].astype(str))
    rows = list(
        zip(
            c_index.reindex(chosen["citing_id"].astype(str)).to_numpy(dtype=np.int64),
            s_index.reindex(chosen["source_id"].astype(str)).to_numpy(dtype=np.int64),
            strict=True,
        )
    )
    registry = registry or OutletRegistry.default()
    if lexicons is None:
        from ..comparison.edits import default_lexicons

        lexicons = default_lexicons()
    workers = resolve_jobs(n_jobs)
    size = max(1, min(PAIRS_PER_TASK, -(-len(rows) // (4 * workers))))  # ~4 tasks per worker
    tasks = [rows[i : i + size] for i in range(0, len(rows), size)]
    workers = min(workers, max(len(tasks), 1))
    _SHARED["citing"], _SHARED["sources"] = citing, sources
    try:
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                results = [
                    r
                    for part in pool.map(
                        _compare_rows, tasks, [lexicons] * len(tasks), [registry] * len(tasks)
                    )
                    for r in part
                ]
        else:
            results = [r for task in tasks for r in _compare_rows(task, lexicons, registry)]
    finally:
        _SHARED.clear()
    return _assemble(chosen.reset_index(drop=True), results)


def _assemble(chosen: pd.DataFrame, results: list[Any]) -> MatchedComparisons:
    metrics = pd.DataFrame(
        [r[2:8] for r in results], columns=[*_PAIR_METRICS, "coverage"], index=chosen.index
    )
    pairs = pd.concat([chosen, metrics], axis=1)
    keys = ["citing_id", "source_id", "citing_outlet", "source_outlet", "citing_published"]
    subs, fidelity = [], []
    for (_, row), result in zip(chosen.iterrows(), results, strict=True):
        for frames, table in ((subs, result[8]), (fidelity, result[9])):
            if len(table):
                frames.append(table.assign(**{k: row[k] for k in keys}))
    return MatchedComparisons(
        pairs,
        pd.concat(subs, ignore_index=True) if subs else pd.DataFrame(columns=keys),
        pd.concat(fidelity, ignore_index=True) if fidelity else pd.DataFrame(columns=keys),
    )


def citation_changes(
    compared: MatchedComparisons,
    by: str | Sequence[str] = ("citing_outlet", "month"),
    *,
    ci: float = 0.95,
    n_boot: int = 1000,
    top_categories: int = 3,
    random_state: int = 0,
) -> pd.DataFrame:
    """Per group of pairs: substitutions per pair, altered-quote rate, unsupported-credit share.

    ``by`` names columns of ``compared.pairs`` (``citing_outlet``,
    ``source_outlet``, ``credited_outlet``) or periods of the citing
    article's date (``month``, ``year``...). Rates carry bootstrap intervals
    over pairs.
    """
    names = normalise_by(by)
    pairs = compared.pairs.assign(published=compared.pairs["citing_published"])
    keys = group_keys(pairs, names)
    if names:
        codes, uniques = pd.factorize(pd.MultiIndex.from_frame(keys), sort=True)
    else:
        codes, uniques = np.zeros(len(pairs), dtype=np.int64), [()]
    sub_keys = (
        group_keys(
            compared.substitutions.assign(published=compared.substitutions.get("citing_published")),
            names,
        )
        if len(compared.substitutions)
        else None
    )
    rng = np.random.default_rng(random_state)
    num = pairs[["altered_quotes", "unsupported"]].to_numpy(dtype=float)
    den = pairs[["direct_quotes", "credits"]].to_numpy(dtype=float)
    rows = []
    for g, key in enumerate(uniques):
        key = key if isinstance(key, tuple) else (key,)
        members = np.flatnonzero(codes == g)
        estimate, low, high = ratio_bootstrap(
            num[members], den[members], n_boot=n_boot, ci=ci, rng=rng
        )
        categories = ""
        if sub_keys is not None:
            mask = np.ones(len(sub_keys), dtype=bool)
            for name, value in zip(names, key, strict=True):
                mask &= (sub_keys[name] == value).to_numpy()
            column = compared.substitutions["citing_category"].fillna(
                compared.substitutions["kind"]
            )
            counts = column[mask].value_counts().head(top_categories)
            categories = ", ".join(f"{c} {n}" for c, n in counts.items())
        rows.append(
            dict(zip(names, key, strict=True))
            | {
                "pairs": len(members),
                "substitutions_per_pair": float(pairs["substitutions"].to_numpy()[members].mean()),
                "altered_quote_rate": estimate[0],
                "altered_quote_rate_low": low[0],
                "altered_quote_rate_high": high[0],
                "unsupported_share": estimate[1],
                "unsupported_share_low": low[1],
                "unsupported_share_high": high[1],
                "top_categories": categories,
            }
        )
    return pd.DataFrame(rows, columns=[*names, *CHANGE_COLUMNS])
