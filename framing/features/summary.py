"""The per-article summary of an analysis, from per-article counts computed once per table.

Columns (``SUMMARY_COLUMNS``): the article's id, outlet, title and
publication time (so every per-article table can be read, sorted and grouped
by date without a join), its words and sentences, loaded-term spans (all, in
the outlet's own voice, in attributed voice) and their rates per 1,000 words
of each voice, attributions (all, to outlets, direct quotes, with loaded
cues) and the mean VADER compound score of its sentences.

Every count is one ``groupby`` over its table, so the summary costs time in
proportion to the rows, never articles x rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["SUMMARY_COLUMNS", "summarise"]

SUMMARY_COLUMNS: tuple[str, ...] = (
    "article_id",
    "outlet",
    "title",
    "published",
    "words",
    "sentences",
    "loaded_terms",
    "loaded_own",
    "loaded_attributed",
    "loaded_per_1000_words",
    "own_voice_words",
    "attributed_words",
    "loaded_per_1000_own",
    "loaded_per_1000_attributed",
    "attributions",
    "attributions_to_outlets",
    "direct_quotes",
    "loaded_cues",
    "mean_compound",
)


def _word_count(text: str) -> int:
    return len(text.split())


def summarise(
    table: pd.DataFrame, sentences: pd.DataFrame, terms: pd.DataFrame, attributions: pd.DataFrame
) -> pd.DataFrame:
    """One row per article, from per-article aggregates computed once per table."""
    ids = table["article_id"].astype(str)
    index = pd.Index(ids.unique())

    def per_article(frame: pd.DataFrame, values: dict[str, pd.Series]) -> pd.DataFrame:
        if frame.empty:
            return pd.DataFrame(0, index=index, columns=list(values))
        keys = frame["article_id"].astype(str).to_numpy()
        data = pd.DataFrame({name: v.to_numpy() for name, v in values.items()}, index=keys)
        return data.groupby(level=0, sort=False).sum().reindex(index, fill_value=0)

    # one span may match entries of several lexicons: count spans once
    spans = terms.drop_duplicates(["article_id", "start", "end"]) if len(terms) else terms
    term_counts = per_article(
        spans,
        {
            "loaded_terms": pd.Series(1, index=spans.index),
            "own": spans["voice"].eq("own") if len(spans) else pd.Series(dtype=bool),
            "attributed": spans["voice"].eq("attributed") if len(spans) else pd.Series(dtype=bool),
        },
    )
    attrs = attributions
    attr_counts = per_article(
        attrs,
        {
            "attributions": pd.Series(1, index=attrs.index),
            "attributions_to_outlets": attrs["source_kind"].eq("outlet")
            if len(attrs)
            else pd.Series(dtype=bool),
            "direct_quotes": attrs["direct"].astype(bool) if len(attrs) else pd.Series(dtype=bool),
            "loaded_cues": attrs["cue_class"].eq("loaded") if len(attrs) else pd.Series(dtype=bool),
        },
    )
    sent_counts = per_article(
        sentences,
        {
            "sentences": pd.Series(1, index=sentences.index),
            "compound": sentences["compound"] if len(sentences) else pd.Series(dtype=float),
        },
    )
    content = _content_spans_by_article(attributions)
    texts = table["text"].fillna("").astype(str).tolist()
    words = np.array([_word_count(t) for t in texts], dtype=np.int64)
    attributed = np.array(
        [_attributed_words(t, content.get(a, [])) for a, t in zip(ids, texts, strict=True)],
        dtype=np.int64,
    )
    own_words = np.maximum(words - attributed, 0)
    terms_n = term_counts["loaded_terms"].reindex(ids).to_numpy(dtype=np.int64)
    own_n = term_counts["own"].reindex(ids).to_numpy(dtype=np.int64)
    attr_n = term_counts["attributed"].reindex(ids).to_numpy(dtype=np.int64)
    n_sents = sent_counts["sentences"].reindex(ids).to_numpy(dtype=np.int64)
    compound_sum = sent_counts["compound"].reindex(ids).to_numpy(dtype=float)

    def rate(count: np.ndarray, total: np.ndarray) -> np.ndarray:
        return np.divide(1000 * count, total, out=np.zeros(len(total)), where=total > 0)

    summary = pd.DataFrame(
        {
            "article_id": table["article_id"].to_numpy(),
            "outlet": table["outlet"].to_numpy(),
            "title": _column(table, "title", object),
            "published": _column(table, "published", "datetime64[ns, UTC]"),
            "words": words,
            "sentences": n_sents,
            "loaded_terms": terms_n,
            "loaded_own": own_n,
            "loaded_attributed": attr_n,
            "loaded_per_1000_words": rate(terms_n, words),
            "own_voice_words": own_words,
            "attributed_words": attributed,
            "loaded_per_1000_own": rate(own_n, own_words),
            "loaded_per_1000_attributed": rate(attr_n, attributed),
            **{
                name: attr_counts[name].reindex(ids).to_numpy(dtype=np.int64)
                for name in (
                    "attributions",
                    "attributions_to_outlets",
                    "direct_quotes",
                    "loaded_cues",
                )
            },
            "mean_compound": np.divide(
                compound_sum, n_sents, out=np.zeros(len(n_sents)), where=n_sents > 0
            ),
        },
        columns=list(SUMMARY_COLUMNS),
    )
    return summary


def _column(table: pd.DataFrame, name: str, dtype: object) -> pd.Series:
    """``table[name]`` as a column of the summary (missing values if the table lacks it)."""
    if name in table.columns:
        return table[name].reset_index(drop=True)
    return pd.Series([None] * len(table), dtype=dtype)


def _content_spans_by_article(attributions: pd.DataFrame) -> dict[str, list[list[int]]]:
    spans: dict[str, list[list[int]]] = {}
    if attributions.empty:
        return spans
    ids = attributions["article_id"].astype(str).tolist()
    for article_id, content in zip(ids, attributions["content_spans"], strict=True):
        spans.setdefault(article_id, []).extend(content)
    return spans


# Every character str.split() and the regex \\S treat as whitespace (str.isspace()).
_SPACES = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)


def _word_bounds(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the whitespace-separated words of ``text`` (vectorised)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    word = ~np.isin(codes, _SPACES)
    edges = np.diff(np.concatenate([[False], word, [False]]).astype(np.int8))
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def _attributed_words(text: str, spans: list[list[int]]) -> int:
    """Words touching attributed content (overlapping contents counted once).

    Examples
    --------
    >>> _attributed_words("He said: we stay here now.", [[9, 16]])
    2
    >>> _attributed_words("xxxxx", [[2, 2]])  # an empty span
    0
    """
    if not len(spans) or not text:
        return 0
    bounds = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    bounds = bounds[bounds[:, 1] > bounds[:, 0]]  # an empty span covers no character
    if not len(bounds):
        return 0
    bounds = bounds[np.argsort(bounds[:, 0], kind="stable")]
    reach = np.maximum.accumulate(bounds[:, 1])  # furthest end among spans starting before
    starts, ends = _word_bounds(text)
    if not len(starts):
        return 0
    # a word [s, e) touches content when a span starting before e reaches past s
    last = np.searchsorted(bounds[:, 0], ends, "left") - 1
    touched = (last >= 0) & (reach[np.clip(last, 0, None)] > starts)
    return int(np.count_nonzero(touched))
