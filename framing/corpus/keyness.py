"""``framing.keyness``: the words that distinguish groups of articles, over any number of groups.

Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi &
Quinn 2008; :func:`framing.features.distinguishing.log_odds_z`) with
z-scores, each group against the rest of the corpus (``compare="rest"``)
and against every other group (``compare="pairs"``). Terms come from the
feature stage's tokenizer (:func:`framing.features.distinguishing.count_terms`:
"U.S." and "Iran-backed" stay whole, curly apostrophes are straightened);
stop words are left out by default.

Input is whatever a researcher has: an :class:`~framing.Analysis` (its term
counts when :func:`framing.analyze` made them with ``term_counts=True``,
otherwise its article texts), an article table, a
:class:`~framing.features.distinguishing.TermCounts` or a scikit-learn
``(matrix, terms)`` pair with one group label per row, or pre-counted
frequencies: a long table (``term``, ``count`` and the grouping columns) or a
wide one (terms as the index, one count column per group).

Examples
--------
>>> import pandas as pd
>>> counts = pd.DataFrame({"side": ["a", "a", "b", "b"],
...                        "term": ["regime", "talks", "government", "talks"],
...                        "count": [30, 10, 30, 10]})
>>> table = keyness(counts, by="side", min_count=1)
>>> table.groupby("group")["term"].first().to_dict()
{'a': 'regime', 'b': 'government'}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import invalid_parameter
from ..features.distinguishing import (
    DEFAULT_PRIOR_TOTAL,
    TermCounts,
    count_terms,
    log_odds_z,
    stop_word_set,
)
from .groups import group_keys, normalise_by

__all__ = ["KEYNESS_COLUMNS", "GroupCounts", "group_counts", "keyness", "lexicon_categories"]

KEYNESS_COLUMNS = (
    "group",
    "versus",
    "term",
    "count",
    "count_versus",
    "per_1000",
    "per_1000_versus",
    "log_odds",
    "z",
    "category",
)
_COMPARE = ("rest", "pairs", "both")
# Pairwise comparisons of more groups than this must name their pairs
# (491 outlets would make 240,590 ordered pairs).
MAX_PAIRWISE_GROUPS = 12


class GroupCounts:
    """Term counts per group: a sparse (groups x terms) matrix, labels and words per group."""

    def __init__(
        self, matrix: sp.csr_matrix, groups: list[str], terms: np.ndarray, words: np.ndarray
    ) -> None:
        self.matrix = matrix.tocsr()
        self.groups = list(groups)
        self.terms = np.asarray(terms, dtype=object)
        self.words = np.asarray(words, dtype=float)

    def __repr__(self) -> str:
        return f"<GroupCounts: {len(self.groups)} group(s), {len(self.terms)} term(s)>"


def _labels(keys: pd.DataFrame) -> np.ndarray:
    if keys.shape[1] == 0:
        return np.full(len(keys), "(all)", dtype=object)
    if keys.shape[1] == 1:
        return keys.iloc[:, 0].to_numpy(dtype=object)
    return np.array([" / ".join(row) for row in keys.itertuples(index=False)], dtype=object)


def _from_rows(matrix: sp.spmatrix, terms: np.ndarray, labels: Sequence[object]) -> GroupCounts:
    labels = np.asarray([str(x) for x in labels], dtype=object)
    if len(labels) != matrix.shape[0]:
        raise invalid_parameter(
            "groups", f"{len(labels)} labels", f"one label per row ({matrix.shape[0]} rows)"
        )
    codes, uniques = pd.factorize(labels, sort=True)
    indicator = sp.csr_matrix(
        (np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(uniques), len(codes))
    )
    grouped = (indicator @ sp.csr_matrix(matrix, dtype=float)).tocsr()
    words = np.asarray(grouped.sum(axis=1)).ravel()
    return GroupCounts(grouped, [str(u) for u in uniques], np.asarray(terms, dtype=object), words)


def group_counts(
    data: Any, by: str | Sequence[str] | None = "outlet", *, groups: Sequence[object] | None = None
) -> GroupCounts:
    """Term counts per group from any of :func:`keyness`'s inputs."""
    if isinstance(data, GroupCounts):
        return data
    if isinstance(data, TermCounts) or (isinstance(data, tuple) and len(data) == 2):
        matrix, terms = (data.matrix, data.terms) if isinstance(data, TermCounts) else data
        if groups is None:
            raise invalid_parameter(
                "groups", None, "one group label per row of the counts (e.g. articles['outlet'])"
            )
        return _from_rows(sp.csr_matrix(matrix), np.asarray(terms, dtype=object), groups)
    if hasattr(data, "summary") and hasattr(data, "articles"):  # an Analysis
        from .summarize import per_article

        frame, _ = per_article(data)
        counts = getattr(data, "term_counts", None)
        if counts is None:
            counts = count_terms(data.articles["text"], ids=data.articles["article_id"])
        labels = groups if groups is not None else _labels(group_keys(frame, by))
        if groups is None:
            by_id = pd.Series(labels, index=frame["article_id"].astype(str).to_numpy())
            labels = by_id.reindex(pd.Index(counts.ids).astype(str)).to_numpy(dtype=object)
        return _from_rows(counts.matrix, counts.terms, labels)
    if isinstance(data, pd.DataFrame):
        if "text" in data.columns:
            counts = count_terms(data["text"])
            labels = groups if groups is not None else _labels(group_keys(data, by))
            return _from_rows(counts.matrix, counts.terms, labels)
        if {"term", "count"} <= set(data.columns):
            names = normalise_by(by) if groups is None else []
            labels = (
                np.asarray(groups, dtype=object)
                if groups is not None
                else _labels(data[names].astype(str))
                if names
                else np.full(len(data), "(all)", dtype=object)
            )
            term_codes, terms = pd.factorize(data["term"].astype(str))
            matrix = sp.csr_matrix(
                (data["count"].to_numpy(dtype=float), (np.arange(len(data)), term_codes)),
                shape=(len(data), len(terms)),
            )
            return _from_rows(matrix, np.asarray(terms, dtype=object), labels)
        numeric = data.select_dtypes("number")
        if numeric.shape[1] == data.shape[1] and data.shape[1] >= 1:  # wide: terms x groups
            matrix = sp.csr_matrix(numeric.to_numpy(dtype=float).T)
            return GroupCounts(
                matrix,
                [str(c) for c in numeric.columns],
                np.asarray(data.index.astype(str), dtype=object),
                numeric.sum(axis=0).to_numpy(dtype=float),
            )
    raise invalid_parameter(
        "data",
        type(data).__name__,
        "an Analysis, an article table (with text), TermCounts or (matrix, terms) with groups=, "
        "a long table of term and count columns, or a wide table of counts (terms x groups)",
    )


def keyness(
    data: Any,
    by: str | Sequence[str] | None = "outlet",
    *,
    groups: Sequence[object] | None = None,
    compare: str = "rest",
    pairs: Iterable[tuple[str, str]] | None = None,
    min_count: int = 5,
    prior_total: float = DEFAULT_PRIOR_TOTAL,
    stop_words: str | Iterable[str] | None = "english",
    top: int | None = 100,
    lexicons: object = None,
) -> pd.DataFrame:
    """Terms that distinguish each group: log-odds with an informative Dirichlet prior, z-scores.

    Parameters
    ----------
    data : Analysis, DataFrame, TermCounts or (matrix, terms)
        Articles or counts (see the module docstring).
    by : str or list of str, default "outlet"
        Grouping names, as for :func:`framing.summarize` (columns, meta
        fields, periods), or the group column(s) of a long count table.
    groups : sequence, optional
        One group label per row instead of ``by`` (required for TermCounts
        and scikit-learn matrices).
    compare : {"rest", "pairs", "both"}
        Each group against the rest of the corpus, against each other group
        (both directions), or both.
    pairs : iterable of (group, group), optional
        The pairs to compare (default: all, up to 12 groups).
    min_count : int, default 5
        Terms seen fewer times in the corpus are left out.
    prior_total : float, default 500
        Pseudo-counts of the prior, spread over terms by corpus frequency.
    stop_words : "english", list or None, default "english"
        Words left out (None keeps every word).
    top : int or None, default 100
        Terms kept per comparison, highest z first (None: every term, as a
        keyness scatter needs).
    lexicons : None, name, path, Lexicon or False, optional
        Lexicons whose single-word entries (and their inflections) fill the
        ``category`` column (default: framing's default lexicons; their
        inflections take ~2 s to list once per process). False: no categories.

    Returns
    -------
    DataFrame
        ``KEYNESS_COLUMNS``: group, versus ("rest" or a group), term, counts
        and rates per 1,000 words on both sides, log-odds, z, lexicon category.
        Sorted by group, versus, descending z.
    """
    if compare not in _COMPARE:
        raise invalid_parameter("compare", compare, " or ".join(f'"{c}"' for c in _COMPARE))
    if top is not None and (not isinstance(top, (int, np.integer)) or top < 1):
        raise invalid_parameter("top", top, "a whole number of terms, 1 or more, or None")
    counts = group_counts(data, by, groups=groups)
    stop = stop_word_set(stop_words)
    matrix = counts.matrix
    total = np.asarray(matrix.sum(axis=0)).ravel()
    keep = (total >= min_count) & np.array([t not in stop for t in counts.terms], dtype=bool)
    matrix, terms, total = matrix[:, keep].tocsr(), counts.terms[keep], total[keep]
    prior = total / total.sum() * prior_total if total.sum() else total.astype(float)
    words_all = counts.words.sum()
    index = {g: i for i, g in enumerate(counts.groups)}
    comparisons: list[tuple[int, int | None]] = []
    if compare in ("rest", "both") and len(counts.groups) > 1:
        comparisons += [(i, None) for i in range(len(counts.groups))]
    if compare in ("pairs", "both"):
        comparisons += _pairs(counts.groups, index, pairs)
    categories = {} if lexicons is False else lexicon_categories(lexicons)
    frames = []
    for a, b in comparisons:
        in_a = matrix[a].toarray().ravel()
        in_b = total - in_a if b is None else matrix[b].toarray().ravel()
        words_a = counts.words[a]
        words_b = words_all - words_a if b is None else counts.words[b]
        with np.errstate(divide="ignore", invalid="ignore"):  # a term holding all of a side
            delta, z = log_odds_z(in_a, in_b, prior)
        order = np.lexsort((terms.astype(str), -z))
        if top is not None:
            order = order[:top]
        frames.append(
            pd.DataFrame(
                {
                    "group": counts.groups[a],
                    "versus": "rest" if b is None else counts.groups[b],
                    "term": terms[order],
                    "count": in_a[order].astype(np.int64),
                    "count_versus": in_b[order].astype(np.int64),
                    "per_1000": 1000 * in_a[order] / words_a if words_a else np.nan,
                    "per_1000_versus": 1000 * in_b[order] / words_b if words_b else np.nan,
                    "log_odds": delta[order],
                    "z": z[order],
                    "category": [categories.get(t) for t in terms[order]],
                }
            )
        )
    if not frames:
        return pd.DataFrame(columns=list(KEYNESS_COLUMNS))
    return pd.concat(frames, ignore_index=True)[list(KEYNESS_COLUMNS)]


def _pairs(
    groups: list[str], index: dict[str, int], pairs: Iterable[tuple[str, str]] | None
) -> list[tuple[int, int | None]]:
    if pairs is None:
        if len(groups) > MAX_PAIRWISE_GROUPS:
            raise invalid_parameter(
                "compare",
                "pairs",
                f"at most {MAX_PAIRWISE_GROUPS} groups for all pairs ({len(groups)} given); "
                "name the pairs with pairs=[(A, B), ...] or use compare='rest'",
            )
        return [(i, j) for i in range(len(groups)) for j in range(len(groups)) if i != j]
    out: list[tuple[int, int | None]] = []
    for pair in pairs:
        a, b = (str(x) for x in pair)
        for name in (a, b):
            if name not in index:
                raise invalid_parameter("pairs", pair, f"groups among {groups[:20]}")
        out += [(index[a], index[b]), (index[b], index[a])]
    return out


def lexicon_categories(lexicons: object = None) -> dict[str, str]:
    """Case-folded surface forms of single-word lexicon entries -> their category.

    Examples
    --------
    >>> lexicon_categories()["assassinations"]
    'violence'
    """
    if isinstance(lexicons, (str, type(None))) or (
        isinstance(lexicons, (list, tuple)) and all(isinstance(x, str) for x in lexicons)
    ):
        key = lexicons if not isinstance(lexicons, list) else tuple(lexicons)
        return dict(_categories_cached(key))
    return dict(_categories(lexicons))


@lru_cache(maxsize=8)
def _categories_cached(key: object) -> tuple[tuple[str, str], ...]:
    return tuple(_categories(key).items())


def _categories(lexicons: object) -> dict[str, str]:
    from ..features.inflect import surface_forms
    from ..features.lexicon import resolve_lexicons

    entries = resolve_lexicons(lexicons).entries
    out: dict[str, str] = {}
    for term, category in zip(entries["term"], entries["category"], strict=True):
        if not isinstance(term, str) or " " in term.strip():
            continue
        for form in surface_forms(term):
            if " " not in form:  # "pre-owned" also yields "pre owned", never one token
                out.setdefault(form.replace("’", "'").casefold(), str(category))
    return out
