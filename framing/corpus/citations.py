"""``framing.match_citations``: which source article each citing article rewrote.

For each citing article the candidates are the articles of the outlets it
credits by name (the outlet registry's names, aliases and wire credits,
found with one Aho-Corasick pass over the texts: :mod:`framing.corpus.credits`),
published in a window around it (by default from a week before to a day
after). Among them the nearest neighbours by TF-IDF cosine similarity are
found (:mod:`framing.corpus.citation_search`): with numba, a compiled loop
scores each citing article against exactly the sources in its window from
an inverted index of each outlet's articles; without it, citing articles
grouped by credited outlet and sorted by date are multiplied block by block
with the sources of the block's dates. Either way the work grows with the
candidate pairs, never with all citing x all source articles
(``benchmarks/bench_citations.py`` compares with all-pairs cosine). Equal
similarities rank the source that comes first in the table first.

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

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from ..outlets import OutletRegistry
from .citation_search import Context, search
from .credits import credited_outlets

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
        for key in sorted(found - {own}):
            blocks[key].append(row)
        if not require_credit:
            blocks["*"].append(row)
    context = Context(c_vec, s_vec, c_days, s_days, c_keys, s_keys, credits, same)
    found_parts = search(blocks, context, days_before, days_after, top, min_similarity)
    return _table(found_parts, citing, sources, s_keys, top)


def _days(published: pd.Series) -> np.ndarray:
    stamps = pd.to_datetime(published, utc=True)
    days = (stamps - pd.Timestamp("1970-01-01", tz="UTC")) / pd.Timedelta(days=1)
    return days.to_numpy(dtype=float, na_value=np.nan)


def _table(
    parts: list[tuple[np.ndarray, ...]],
    citing: pd.DataFrame,
    sources: pd.DataFrame,
    s_keys: np.ndarray,
    top: int,
) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame(columns=list(CITATION_COLUMNS))
    columns = ["c", "s", "rank", "similarity", "margin", "credited"]
    data = pd.DataFrame(
        {name: np.concatenate([p[i] for p in parts]) for i, name in enumerate(columns)}
    )
    if not len(data):
        return pd.DataFrame(columns=list(CITATION_COLUMNS))
    # A citing article crediting two outlets gets candidates from both: keep the best `top`
    # (equal similarities: the first source, as in each search). A source found by two
    # searches (its outlet's and every outlet's) keeps the smaller margin, to the nearest
    # other candidate of either.
    data = data.sort_values(
        ["c", "similarity", "s", "margin"], ascending=[True, False, True, True], kind="stable"
    )
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
