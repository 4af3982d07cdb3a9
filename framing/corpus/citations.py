"""``framing.match_citations``: which source article each citing article rewrote.

For each citing article the candidates are the articles of the outlets it
credits by name (the outlet registry's names, aliases and wire credits,
found with one Aho-Corasick pass over its text), published in a window
around it (by default from a week before to a day after). Among them the
nearest neighbours by TF-IDF cosine similarity are found block by block:
citing articles are grouped by credited outlet and sorted by date, and each
block is multiplied only with the sources inside its date window, so the
work grows with the candidate pairs, never with all citing x all source
articles (``benchmarks/bench_citations.py`` compares with all-pairs cosine).

A syndicated copy (a wire story republished nearly verbatim) keeps both
outlets apart: ``citing_outlet`` is the republisher, ``source_outlet`` the
original, and ``syndicated`` is true.

Examples
--------
>>> import pandas as pd
>>> sources = pd.DataFrame({"article_id": ["s1", "s2"], "outlet": ["reuters", "reuters"],
...     "title": ["A", "B"], "published": pd.to_datetime(["2020-01-01", "2020-01-01"], utc=True),
...     "text": ["Troops left the base near Baghdad on Monday.",
...              "Oil prices rose sharply in Asian trading."]})
>>> citing = pd.DataFrame({"article_id": ["c1"], "outlet": ["kayhan"], "title": ["C"],
...     "published": pd.to_datetime(["2020-01-02"], utc=True),
...     "text": ["Occupying troops fled the base near Baghdad, Reuters reported."]})
>>> match_citations(citing, sources)[["citing_id", "source_id", "credited"]].values.tolist()
[['c1', 's1', True]]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from ..outlets import OutletRegistry

__all__ = [
    "CITATION_COLUMNS",
    "MIN_SIMILARITY",
    "SYNDICATED_SIMILARITY",
    "credited_outlets",
    "match_citations",
    "outlet_keys",
]

CITATION_COLUMNS = (
    "citing_id",
    "citing_outlet",
    "citing_title",
    "citing_published",
    "credited_outlet",
    "source_id",
    "source_outlet",
    "source_title",
    "source_published",
    "rank",
    "similarity",
    "margin",
    "days",
    "credited",
    "syndicated",
    "confidence",
)
# A candidate below this cosine similarity (TF-IDF, sublinear tf, English stop
# words off) is no match. Unrelated AllSides articles of one outlet and week
# score 0.05-0.25; a rewrite that keeps a third of its source's sentences
# scores 0.4 and more (benchmarks/bench_citations.py prints both).
MIN_SIMILARITY = 0.3
# From this similarity on, the citing article is a near-verbatim (syndicated) copy.
SYNDICATED_SIMILARITY = 0.9
# Confidence = similarity, discounted when the match is not credited by name
# and when a second candidate is nearly as similar (the margin saturates at
# MARGIN_SCALE). Uncalibrated: a ranking aid, not a probability.
UNCREDITED_DISCOUNT = 0.7
MARGIN_SCALE = 0.2
# Citing rows multiplied with their candidate sources at once (bounds memory).
BLOCK_ROWS = 1_000


def outlet_keys(table: pd.DataFrame, registry: OutletRegistry) -> np.ndarray:
    """Registry id of each article's outlet: by id or name, else by its URL's domain, else as is.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["cnn-web-news", "reuters"],
    ...                   "url": ["https://edition.cnn.com/x", None]})
    >>> outlet_keys(t, OutletRegistry.default()).tolist()
    ['cnn', 'reuters']
    """
    by_outlet: dict[object, str | None] = {}
    by_host: dict[str, str | None] = {}

    def host_key(value: object) -> str | None:
        if not isinstance(value, str) or not value:
            return None
        host = value.split("//", 1)[-1].split("/", 1)[0].casefold()
        if host not in by_host:
            by_host[host] = registry.resolve(host)
        return by_host[host]

    urls = table["url"] if "url" in table.columns else pd.Series([None] * len(table))
    metas = table["meta"] if "meta" in table.columns else pd.Series([None] * len(table))
    out = []
    for outlet, url, meta in zip(table["outlet"].astype(object), urls, metas, strict=True):
        if outlet not in by_outlet:
            by_outlet[outlet] = registry.resolve(outlet) if isinstance(outlet, str) else None
        found = by_outlet[outlet] or host_key(url)
        if found is None and isinstance(meta, dict):
            found = host_key(meta.get("domain"))
        out.append(found or (str(outlet) if outlet is not None else ""))
    return np.asarray(out, dtype=object)


@lru_cache(maxsize=4)
def _automaton(names: tuple[tuple[str, str], ...]) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name, key in names:
        automaton.add_word(name, (len(name), key))
    automaton.make_automaton()
    return automaton


def _name_pairs(registry: OutletRegistry, extra: Sequence[tuple[str, str]]) -> tuple:
    pairs = {(name, registry.resolve(name) or "") for name in registry.names}
    pairs |= set(extra)
    return tuple(sorted((n, k) for n, k in pairs if k and len(n) >= 2))


def credited_outlets(
    texts: Sequence[str], registry: OutletRegistry, extra: Sequence[tuple[str, str]] = ()
) -> list[set[str]]:
    """Outlets each text names (registry names, aliases, wire credits; whole words only).

    Examples
    --------
    >>> found = credited_outlets(["CNN reported it, said AP.", "A CNNX ad."],
    ...                          OutletRegistry.default())
    >>> [sorted(f) for f in found]
    [['ap', 'cnn'], []]
    """
    automaton = _automaton(_name_pairs(registry, extra))
    out = []
    for text in texts:
        found: set[str] = set()
        if isinstance(text, str):
            for end, (length, key) in automaton.iter(text):
                start = end - length + 1
                before = text[start - 1] if start > 0 else " "
                after = text[end + 1] if end + 1 < len(text) else " "
                if not (before.isalnum() or after.isalnum()):
                    found.add(key)
        out.append(found)
    return out


def match_citations(
    citing: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    registry: OutletRegistry | None = None,
    days_before: float = 7.0,
    days_after: float = 1.0,
    top: int = 1,
    min_similarity: float = MIN_SIMILARITY,
    require_credit: bool = True,
) -> pd.DataFrame:
    """The source article(s) each citing article rewrote, with a confidence.

    Parameters
    ----------
    citing, sources : DataFrame
        Article tables (``article_id, outlet, title, published, text``; ``url``
        and ``meta["domain"]`` help resolve outlets). They may be the same table.
    registry : OutletRegistry, optional
        Names and aliases of outlets (default: the shipped registry).
    days_before, days_after : float
        A source may be published this many days before (after) the citing
        article. Articles without a date are candidates at any date.
    top : int, default 1
        Candidates kept per citing article (``rank`` 1 is the best).
    min_similarity : float
        Candidates below this cosine similarity are no match.
    require_credit : bool, default True
        Only sources of an outlet the citing article names; False also
        searches every other outlet's articles in the date window.

    Returns
    -------
    DataFrame
        ``CITATION_COLUMNS``, one row per citing article and candidate.
    """
    registry = registry or OutletRegistry.default()
    c_vec, s_vec = vectorize(citing, sources)
    return match_vectors(
        c_vec,
        s_vec,
        citing,
        sources,
        registry=registry,
        days_before=days_before,
        days_after=days_after,
        top=top,
        min_similarity=min_similarity,
        require_credit=require_credit,
    )


def vectorize(citing: pd.DataFrame, sources: pd.DataFrame) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """L2-normalised TF-IDF rows of both tables (one vocabulary; sublinear tf, stop words off)."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32)
    same = citing is sources
    texts = citing["text"].fillna("").astype(str).tolist()
    if not same:
        texts += sources["text"].fillna("").astype(str).tolist()
    matrix = sp.csr_matrix(vectorizer.fit_transform(texts))
    c_vec = matrix[: len(citing)]
    return c_vec, (c_vec if same else matrix[len(citing) :])


def match_vectors(
    c_vec: sp.csr_matrix,
    s_vec: sp.csr_matrix,
    citing: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    registry: OutletRegistry,
    days_before: float = 7.0,
    days_after: float = 1.0,
    top: int = 1,
    min_similarity: float = MIN_SIMILARITY,
    require_credit: bool = True,
) -> pd.DataFrame:
    """:func:`match_citations` on vectors already made (rows L2-normalised)."""
    same = citing is sources
    c_keys, s_keys = outlet_keys(citing, registry), outlet_keys(sources, registry)
    names = [(str(n), k) for n, k in zip(sources["outlet"].astype(str), s_keys, strict=True)]
    credits = credited_outlets(
        citing["text"].fillna("").astype(str).tolist(), registry, tuple(set(names))
    )
    c_days = _days(citing["published"])
    s_days = _days(sources["published"])
    blocks: dict[str, list[int]] = defaultdict(list)
    for row, (found, own) in enumerate(zip(credits, c_keys, strict=True)):
        for key in found - {own}:
            blocks[key].append(row)
        if not require_credit:
            blocks["*"].append(row)
    by_outlet: dict[str, np.ndarray] = {k: np.flatnonzero(s_keys == k) for k in blocks if k != "*"}
    found_rows: list[tuple] = []
    for key, rows in blocks.items():
        pool = np.arange(len(sources)) if key == "*" else by_outlet.get(key, np.zeros(0, int))
        if not len(pool):
            continue
        found_rows += _search(
            np.asarray(rows),
            pool,
            c_vec,
            s_vec,
            c_days,
            s_days,
            c_keys,
            s_keys,
            days_before,
            days_after,
            top,
            min_similarity,
            key != "*",
            credits,
            same,
        )
    return _table(found_rows, citing, sources, c_keys, s_keys, top)


def _days(published: pd.Series) -> np.ndarray:
    stamps = pd.to_datetime(published, utc=True)
    days = (stamps - pd.Timestamp("1970-01-01", tz="UTC")) / pd.Timedelta(days=1)
    return days.to_numpy(dtype=float, na_value=np.nan)


def _search(
    rows: np.ndarray,
    pool: np.ndarray,
    c_vec: sp.csr_matrix,
    s_vec: sp.csr_matrix,
    c_days: np.ndarray,
    s_days: np.ndarray,
    c_keys: np.ndarray,
    s_keys: np.ndarray,
    before: float,
    after: float,
    top: int,
    min_similarity: float,
    credited: bool,
    credits: list[set[str]],
    same: bool,
) -> list[tuple]:
    """Top candidates of ``rows`` among ``pool``, block by block within the date window."""
    order = rows[np.argsort(np.nan_to_num(c_days[rows], nan=np.inf), kind="stable")]
    dated = pool[np.isfinite(s_days[pool])]
    dated = dated[np.argsort(s_days[dated], kind="stable")]
    undated = pool[~np.isfinite(s_days[pool])]
    dated_days = s_days[dated]
    out = []
    for start in range(0, len(order), BLOCK_ROWS):
        block = order[start : start + BLOCK_ROWS]
        days = c_days[block]
        finite = days[np.isfinite(days)]
        if len(finite) == len(days):
            lo = np.searchsorted(dated_days, finite.min() - before, "left")
            hi = np.searchsorted(dated_days, finite.max() + after, "right")
            candidates = np.concatenate([dated[lo:hi], undated])
        else:  # a citing article without a date may match any date
            candidates = pool
        if not len(candidates):
            continue
        scores = (c_vec[block] @ s_vec[candidates].T).toarray()
        gap = days[:, None] - s_days[candidates][None, :]
        outside = (gap > before) | (gap < -after)
        scores[np.nan_to_num(outside, nan=0).astype(bool)] = -1.0
        if same:
            scores[block[:, None] == candidates[None, :]] = -1.0
        if not credited:  # every other outlet: not the citing article's own
            scores[c_keys[block][:, None] == s_keys[candidates][None, :]] = -1.0
        k = min(top + 1, scores.shape[1])
        best = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        best_scores = np.take_along_axis(scores, best, axis=1)
        ranking = np.argsort(-best_scores, axis=1, kind="stable")
        best = np.take_along_axis(best, ranking, axis=1)
        best_scores = np.take_along_axis(best_scores, ranking, axis=1)
        ranks = min(top, best.shape[1])
        following = np.concatenate([best_scores[:, 1:], np.zeros((len(block), 1))], axis=1)[
            :, :ranks
        ]
        scores_top = best_scores[:, :ranks]
        sources_top = candidates[best[:, :ranks]]
        keep = scores_top >= min_similarity
        # a rank below the threshold ends that row's list
        keep &= np.cumprod(keep, axis=1).astype(bool)
        rows_i, ranks_i = np.nonzero(keep)
        for i, r in zip(rows_i.tolist(), ranks_i.tolist(), strict=True):
            row, source = int(block[i]), int(sources_top[i, r])
            score = float(scores_top[i, r])
            out.append(
                (
                    row,
                    source,
                    r + 1,
                    score,
                    score - max(float(following[i, r]), 0.0),
                    credited or s_keys[source] in credits[row],
                )
            )
    return out


def _table(
    found: list[tuple],
    citing: pd.DataFrame,
    sources: pd.DataFrame,
    c_keys: np.ndarray,
    s_keys: np.ndarray,
    top: int,
) -> pd.DataFrame:
    if not found:
        return pd.DataFrame(columns=list(CITATION_COLUMNS))
    data = pd.DataFrame(found, columns=["c", "s", "rank", "similarity", "margin", "credited"])
    # a citing article crediting two outlets gets candidates from both: keep the best `top`
    data = data.sort_values(["c", "similarity"], ascending=[True, False], kind="stable")
    data = data.drop_duplicates(["c", "s"]).groupby("c", sort=False).head(top)
    data["rank"] = data.groupby("c", sort=False).cumcount() + 1
    data = data.sort_values(["c", "rank"], kind="stable")  # citing articles in their order
    c, s = data["c"].to_numpy(), data["s"].to_numpy()
    c_pub = pd.to_datetime(citing["published"], utc=True).to_numpy()[c]
    s_pub = pd.to_datetime(sources["published"], utc=True).to_numpy()[s]
    days = (pd.Series(c_pub) - pd.Series(s_pub)) / pd.Timedelta(days=1)
    similarity = data["similarity"].to_numpy()
    margin = data["margin"].to_numpy()
    credited = data["credited"].to_numpy(dtype=bool)
    confidence = (
        similarity
        * np.where(credited, 1.0, UNCREDITED_DISCOUNT)
        * (0.5 + 0.5 * np.minimum(margin / MARGIN_SCALE, 1.0))
    )
    table = pd.DataFrame(
        {
            "citing_id": citing["article_id"].to_numpy()[c],
            "citing_outlet": citing["outlet"].astype(object).to_numpy()[c],
            "citing_title": citing["title"].to_numpy()[c] if "title" in citing else None,
            "citing_published": pd.Series(c_pub, dtype="datetime64[ns, UTC]"),
            "credited_outlet": s_keys[s],
            "source_id": sources["article_id"].to_numpy()[s],
            "source_outlet": sources["outlet"].astype(object).to_numpy()[s],
            "source_title": sources["title"].to_numpy()[s] if "title" in sources else None,
            "source_published": pd.Series(s_pub, dtype="datetime64[ns, UTC]"),
            "rank": data["rank"].to_numpy(),
            "similarity": similarity,
            "margin": margin,
            "days": days.to_numpy(),
            "credited": credited,
            "syndicated": similarity >= SYNDICATED_SIMILARITY,
            "confidence": np.round(confidence, 4),
        }
    )
    return table[list(CITATION_COLUMNS)]
