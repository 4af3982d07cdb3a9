"""``framing.summarize``: corpus measures per group, with intervals and tests.

Examples
--------
>>> import framing
>>> result = framing.analyze([
...     framing.load_article(text="Officials said the regime crushed the protest.",
...                          outlet="reuters"),
...     framing.load_article(text="The government met the protesters, officials said.",
...                          outlet="cnn")])
>>> summary = framing.summarize(result, by="outlet", n_boot=50)
>>> summary.table[["outlet", "articles", "words"]].values.tolist()
[['cnn', 1, 7], ['reuters', 1, 7]]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

from ..errors import invalid_parameter
from ..features.names import group_speakers
from .groups import group_keys, normalise_by
from .measures import MEASURES, Measure
from .stats import holm, mann_whitney, permutation_test, ratio_bootstrap

__all__ = [
    "MAX_PAIRWISE_GROUPS",
    "SPEAKER_COLUMNS",
    "TEST_COLUMNS",
    "CorpusSummary",
    "per_article",
    "summarize",
]

# Above this many groups, each group is tested against the rest of the corpus
# instead of against every other group (12 groups make 66 pairs per measure;
# 491 outlets would make 120,295).
MAX_PAIRWISE_GROUPS = 12
TEST_COLUMNS = (
    "measure",
    "group",
    "versus",
    "value",
    "value_versus",
    "difference",
    "test",
    "statistic",
    "p_value",
    "p_adjusted",
    "effect",
)
SPEAKER_COLUMNS = (
    "speaker",
    "kind",
    "attributions",
    "articles",
    "share",
    "share_low",
    "share_high",
    "direct_share",
    "top_cues",
)
VERB_COLUMNS = ("cue", "attributions", "share", "share_low", "share_high", "loaded")
_TESTS = ("mann-whitney", "permutation")


@dataclass(frozen=True)
class CorpusSummary:
    """Corpus measures per group (see :func:`summarize`).

    Attributes
    ----------
    by : tuple of str
        The grouping names.
    table : DataFrame
        One row per group: the keys, ``articles``, ``words``, and per measure
        its value with ``_low`` and ``_high`` interval bounds.
    tests : DataFrame
        Differences between groups (``TEST_COLUMNS``), p-values adjusted
        (Holm) within each measure.
    speakers : DataFrame
        The most cited sources of each group (keys + ``SPEAKER_COLUMNS``),
        canonical names across the corpus (:func:`framing.group_speakers`).
    verbs : DataFrame
        The commonest attribution cues of each group (keys + ``VERB_COLUMNS``).
    ci : float
        Coverage of the intervals.
    """

    by: tuple[str, ...]
    table: pd.DataFrame
    tests: pd.DataFrame
    speakers: pd.DataFrame
    verbs: pd.DataFrame
    ci: float

    def __repr__(self) -> str:
        return (
            f"<CorpusSummary by {', '.join(self.by) or '(all)'}: {len(self.table)} group(s), "
            f"{len(self.tests)} test(s); tables .table .tests .speakers .verbs>"
        )

    def to_text(self, width: int = 100) -> str:
        """The table as terminal text (what ``framing analyze --by`` prints)."""
        from .text import summary_text

        return summary_text(self, width=width)

    def _repr_html_(self) -> str:
        return self.table.to_html(index=False, float_format=lambda v: f"{v:.3g}")


def per_article(analysis: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The per-article summary with the article table's other columns, and the attributions.

    Accepts an :class:`~framing.Analysis` or a per-article summary table.
    """
    if isinstance(analysis, pd.DataFrame):
        return analysis.reset_index(drop=True), pd.DataFrame()
    summary = analysis.summary
    articles = analysis.articles
    extra = [
        c for c in articles.columns if c not in summary.columns and c not in ("text", "source_path")
    ]
    if extra:
        if len(articles) == len(summary) and articles["article_id"].astype(str).tolist() == (
            summary["article_id"].astype(str).tolist()
        ):
            joined = pd.concat(
                [summary.reset_index(drop=True), articles[extra].reset_index(drop=True)], axis=1
            )
        else:
            joined = summary.join(articles.set_index("article_id")[extra], on="article_id")
    else:
        joined = summary.reset_index(drop=True)
    return joined, analysis.attributions


def _values(frame: pd.DataFrame, measures: Sequence[Measure]) -> tuple[np.ndarray, np.ndarray]:
    num = np.column_stack(
        [frame[m.numerator].to_numpy(dtype=float) * m.scale for m in measures]
    ).reshape(len(frame), len(measures))
    den = np.column_stack(
        [
            frame[m.denominator].to_numpy(dtype=float) if m.denominator else np.ones(len(frame))
            for m in measures
        ]
    ).reshape(len(frame), len(measures))
    return num, den


def summarize(
    analysis: Any,
    by: str | Sequence[str] | None = "outlet",
    *,
    ci: float = 0.95,
    n_boot: int = 1000,
    test: str | None = "mann-whitney",
    n_permutations: int = 1000,
    top: int = 5,
    min_articles: int = 1,
    random_state: int = 0,
) -> CorpusSummary:
    """Corpus measures per group of articles, with bootstrap intervals and tests.

    Parameters
    ----------
    analysis : Analysis or DataFrame
        The result of :func:`framing.analyze` (or its ``summary`` table, then
        without speakers and verbs).
    by : str or list of str, default "outlet"
        Grouping: columns of the article or summary table, fields of
        ``meta`` (AllSides: ``topic``, ``bias``) or periods of ``published``
        (``year``, ``quarter``, ``month``, ``week``, ``day``); ``None``: the
        whole corpus as one group.
    ci : float, default 0.95
        Coverage of the percentile intervals.
    n_boot : int, default 1000
        Bootstrap resamples of the articles of each group (0: no intervals).
    test : {"mann-whitney", "permutation"} or None
        Test between groups: Mann-Whitney U on per-article values, or a
        permutation test of the difference of the group ratios (None: no tests).
    n_permutations : int, default 1000
        Shuffles of the permutation test.
    top : int, default 5
        Speakers and cue verbs listed per group.
    min_articles : int, default 1
        Groups with fewer articles are left out.
    random_state : int, default 0
        Seed of every resample, so the intervals are reproducible.

    Returns
    -------
    CorpusSummary
        ``.table`` (one row per group), ``.tests``, ``.speakers``, ``.verbs``.

    See Also
    --------
    keyness : the words that distinguish groups.
    """
    if not 0 < ci < 1:
        raise invalid_parameter("ci", ci, "a coverage between 0 and 1, e.g. 0.95")
    if test is not None and test not in _TESTS:
        raise invalid_parameter("test", test, " or ".join(_TESTS) + " or None")
    for name, value in (("n_boot", n_boot), ("top", top), ("n_permutations", n_permutations)):
        if not isinstance(value, (int, np.integer)) or value < 0:
            raise invalid_parameter(name, value, "a whole number, 0 or more")
    names = normalise_by(by)
    frame, attributions = per_article(analysis)
    keys = group_keys(frame, names)
    codes, groups = _group_codes(keys, names)
    counts = np.bincount(codes, minlength=len(groups)) if len(codes) else np.zeros(0, int)
    kept = np.flatnonzero(counts >= max(min_articles, 1))
    rng = np.random.default_rng(random_state)
    measures = MEASURES
    num, den = _values(frame, measures)
    order = np.argsort(codes, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(np.bincount(codes, minlength=len(groups)))])
    members = {g: order[bounds[g] : bounds[g + 1]] for g in kept}
    rows = []
    for g in kept:
        rows_g = members[g]
        estimate, low, high = ratio_bootstrap(
            num[rows_g], den[rows_g], n_boot=n_boot, ci=ci, rng=rng
        )
        row: dict[str, Any] = dict(zip(names, groups[g], strict=True))
        row["articles"] = len(rows_g)
        row["words"] = int(frame["words"].to_numpy()[rows_g].sum())
        for m, value, lo, hi in zip(measures, estimate, low, high, strict=True):
            row[m.name], row[f"{m.name}_low"], row[f"{m.name}_high"] = value, lo, hi
        rows.append(row)
    columns = [*names, "articles", "words"] + [
        f"{m.name}{suffix}" for m in measures for suffix in ("", "_low", "_high")
    ]
    table = pd.DataFrame(rows, columns=columns)
    tests = _tests(table, members, kept, num, den, measures, test, n_permutations, rng, names)
    speakers, verbs = _sources(
        attributions, frame, keys, names, codes, kept, groups, top, ci, n_boot, rng
    )
    return CorpusSummary(tuple(names), table, tests, speakers, verbs, ci)


def _group_codes(keys: pd.DataFrame, names: list[str]) -> tuple[np.ndarray, list[tuple]]:
    """A code per article and the sorted group keys (one tuple per group)."""
    if not names:
        return np.zeros(len(keys), dtype=np.int64), [()]
    index = pd.MultiIndex.from_frame(keys)
    codes, uniques = pd.factorize(index, sort=True)
    return codes.astype(np.int64), [tuple(u) if isinstance(u, tuple) else (u,) for u in uniques]


def _label(names: list[str], key: tuple) -> str:
    return " / ".join(str(k) for k in key) if names else "(all)"


def _tests(
    table: pd.DataFrame,
    members: dict[int, np.ndarray],
    kept: np.ndarray,
    num: np.ndarray,
    den: np.ndarray,
    measures: Sequence[Measure],
    test: str,
    n_permutations: int,
    rng: np.random.Generator,
    names: list[str],
) -> pd.DataFrame:
    if len(kept) < 2 or test is None:
        return pd.DataFrame(columns=list(TEST_COLUMNS))
    labels = [_label(names, tuple(table.loc[i, names])) for i in range(len(table))]
    position = {g: i for i, g in enumerate(kept)}
    if len(kept) <= MAX_PAIRWISE_GROUPS:
        pairs = [(a, b) for a, b in combinations(kept, 2)]
    else:
        pairs = [(a, None) for a in kept]
    everyone = np.concatenate([members[g] for g in kept])
    with np.errstate(all="ignore"):
        per_article = num / np.where(den > 0, den, np.nan)
    records = []
    for k, m in enumerate(measures):
        for a, b in pairs:
            rows_a = members[a]
            rows_b = members[b] if b is not None else np.setdiff1d(everyone, rows_a)
            value_a = table.loc[position[a], m.name]
            sum_den_b = den[rows_b, k].sum()
            value_b = (
                table.loc[position[b], m.name]
                if b is not None
                else (num[rows_b, k].sum() / sum_den_b if sum_den_b > 0 else np.nan)
            )
            if test == "mann-whitney":
                statistic, p, effect = mann_whitney(per_article[rows_a, k], per_article[rows_b, k])
            else:
                statistic, effect = np.nan, np.nan
                p = permutation_test(
                    num[rows_a, k],
                    den[rows_a, k],
                    num[rows_b, k],
                    den[rows_b, k],
                    n_permutations=n_permutations,
                    rng=rng,
                )
            records.append(
                (
                    m.name,
                    labels[position[a]],
                    labels[position[b]] if b is not None else "rest",
                    value_a,
                    value_b,
                    value_a - value_b,
                    test,
                    statistic,
                    p,
                    np.nan,
                    effect,
                )
            )
    tests = pd.DataFrame(records, columns=list(TEST_COLUMNS))
    for name, rows in tests.groupby("measure", sort=False).groups.items():
        del name
        tests.loc[rows, "p_adjusted"] = holm(tests.loc[rows, "p_value"].to_numpy())
    return tests


def _sources(
    attributions: pd.DataFrame,
    frame: pd.DataFrame,
    keys: pd.DataFrame,
    names: list[str],
    codes: np.ndarray,
    kept: np.ndarray,
    groups: list[tuple],
    top: int,
    ci: float,
    n_boot: int,
    rng: np.random.Generator,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    speaker_columns = [*names, *SPEAKER_COLUMNS]
    verb_columns = [*names, *VERB_COLUMNS]
    if attributions is None or attributions.empty or top == 0:
        return pd.DataFrame(columns=speaker_columns), pd.DataFrame(columns=verb_columns)
    article_row = pd.Series(np.arange(len(frame)), index=frame["article_id"].astype(str))
    rows = attributions["article_id"].astype(str).map(article_row)
    known = rows.notna().to_numpy()
    attrs = attributions[known]
    rows = rows[known].to_numpy(dtype=np.int64)
    speaker = group_speakers(attrs) if "speaker" in attrs.columns else attrs["source"]
    speaker = speaker.where(speaker.notna(), None)
    cue = _cue_names(attrs)
    data = pd.DataFrame(
        {
            "row": rows,
            "group": codes[rows],
            "speaker": speaker.to_numpy(dtype=object),
            "kind": attrs["source_kind"].to_numpy(dtype=object),
            "cue": cue,
            "direct": attrs["direct"].astype(bool).to_numpy(),
            "loaded": attrs["cue_class"].eq("loaded").to_numpy(),
        }
    )
    per_row_total = np.bincount(rows, minlength=len(frame)).astype(float)
    order = np.argsort(codes, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(np.bincount(codes, minlength=len(groups)))])
    speaker_rows: list[dict[str, Any]] = []
    verb_rows: list[dict[str, Any]] = []
    named = data[data["speaker"].notna()]
    by_group_named = dict(tuple(named.groupby("group", sort=False)))
    by_group_all = dict(tuple(data.groupby("group", sort=False)))
    for g in kept:
        key = dict(zip(names, groups[g], strict=True))
        articles = order[bounds[g] : bounds[g + 1]]
        local = pd.Series(np.arange(len(articles)), index=articles)
        totals = per_row_total[articles]
        sub = by_group_named.get(g)
        if sub is not None and len(sub):
            counts = (
                sub.groupby("speaker", sort=False)
                .size()
                .sort_values(ascending=False, kind="stable")
            )
            chosen = list(counts.index[:top])
            shares = _shares(sub, "speaker", chosen, local, totals, ci, n_boot, rng)
            for name in chosen:
                mine = sub[sub["speaker"] == name]
                cues = mine["cue"].value_counts()
                speaker_rows.append(
                    key
                    | {
                        "speaker": name,
                        "kind": mine["kind"].mode().iat[0],
                        "attributions": len(mine),
                        "articles": mine["row"].nunique(),
                        **shares[name],
                        "direct_share": float(mine["direct"].mean()),
                        "top_cues": ", ".join(f"{c} {n}" for c, n in cues.head(3).items()),
                    }
                )
        every = by_group_all.get(g)
        if every is not None and len(every):
            counts = (
                every.groupby("cue", sort=False).size().sort_values(ascending=False, kind="stable")
            )
            chosen = list(counts.index[:top])
            shares = _shares(every, "cue", chosen, local, totals, ci, n_boot, rng)
            loaded = every.groupby("cue", sort=False)["loaded"].mean()
            for name in chosen:
                verb_rows.append(
                    key
                    | {
                        "cue": name,
                        "attributions": int(counts[name]),
                        **shares[name],
                        "loaded": bool(loaded[name] >= 0.5),
                    }
                )
    return (
        pd.DataFrame(speaker_rows, columns=speaker_columns),
        pd.DataFrame(verb_rows, columns=verb_columns),
    )


# The cue of an attribution with no cue word (a quote set off by a colon or
# a dash, a floating quote after its speaker's last mention).
NO_CUE = "(no cue word)"


def _cue_names(attrs: pd.DataFrame) -> np.ndarray:
    """Cue lemma, else the cue as written (case-folded), else ``NO_CUE``."""
    cue = attrs["cue"].fillna("").astype(str).str.strip().str.casefold()
    if "cue_lemma" in attrs.columns:
        lemma = attrs["cue_lemma"].fillna("").astype(str).str.strip().str.casefold()
        cue = lemma.where(lemma != "", cue)
    return cue.where(cue != "", NO_CUE).to_numpy(dtype=object)


def _shares(
    sub: pd.DataFrame,
    column: str,
    chosen: list[str],
    local: pd.Series,
    totals: np.ndarray,
    ci: float,
    n_boot: int,
    rng: np.random.Generator,
) -> dict[str, dict[str, float]]:
    """Share of a group's attributions going to each chosen value, with article-bootstrap CIs."""
    mask = sub[column].isin(chosen).to_numpy()
    picked = sub[mask]
    rows = local.reindex(picked["row"].to_numpy()).to_numpy(dtype=np.int64)
    which = pd.Categorical(picked[column], categories=chosen).codes.astype(np.int64)
    num = np.zeros((len(totals), len(chosen)))
    np.add.at(num, (rows, which), 1.0)
    den = np.repeat(totals[:, None], len(chosen), axis=1)
    estimate, low, high = ratio_bootstrap(num, den, n_boot=n_boot, ci=ci, rng=rng)
    return {
        name: {"share": e, "share_low": lo, "share_high": hi}
        for name, e, lo, hi in zip(chosen, estimate, low, high, strict=True)
    }
