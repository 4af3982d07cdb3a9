"""Term counts with the feature stage's tokenizer, and weighted log-odds with an informative prior.

Counting (:func:`count_terms`) uses the tokenizer of the attribution and
matching features (:func:`framing.features.tokens.tokenize`), so
abbreviations ("U.S."), hyphenated words ("Iran-backed") and words with an
apostrophe ("Iran's") stay whole; terms are case-folded, curly apostrophes
become straight ones (so "Trump’s" and "Trump's" are one term), and tokens
without a letter (numbers, punctuation) or opening with an apostrophe (the
clitic of "it's") are not terms. A corpus is counted in batches; the
tokenizer runs once per distinct white-space chunk of the corpus, not once
per word (:mod:`framing.features.chunk_terms`, which shows the counts are
those of a full scan), so the cost is linear in words with little Python
work per word, and memory holds one batch of words at a time.

Distinguishing terms implement the log-odds ratio with an informative
Dirichlet prior of Monroe, Colaresi & Quinn (2008), "Fightin' Words",
vectorised over a sparse count matrix. For each term w and group i against
j (another group or the rest)::

    delta = log((y_i + a_w) / (n_i + a_0 - y_i - a_w))
          - log((y_j + a_w) / (n_j + a_0 - y_j - a_w))
    z     = delta / sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))

where the prior ``a_w`` is proportional to the term's corpus frequency
(scaled to ``prior_total`` pseudo-counts). ``z`` above 1.96 marks a term as
distinguishing at the 5% level. :func:`framing.keyness` runs it over any
number of groups, one-vs-rest and pairwise.

Examples
--------
>>> texts = ["the regime crushed protesters", "the regime fell", "the government met",
...          "the government met again"]
>>> table = distinguishing_terms(texts, ["a", "a", "b", "b"], min_count=1)
>>> table[table["group"] == "a"].iloc[0]["term"]
'regime'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from .chunk_terms import ChunkTerms

__all__ = [
    "COUNT_BATCH_DOCUMENTS",
    "DISTINGUISHING_COLUMNS",
    "TermCounts",
    "count_terms",
    "distinguishing_terms",
    "log_odds_z",
    "normalise_term",
    "stop_word_set",
]

DISTINGUISHING_COLUMNS = ("group", "term", "count", "count_rest", "log_odds", "z")
# Pseudo-count mass of the informative prior, as in Monroe et al.'s examples.
DEFAULT_PRIOR_TOTAL = 500.0
# Documents whose tokens are gathered and normalised together: ~500 AllSides
# articles hold ~0.5 M tokens, a few tens of MB of strings.
COUNT_BATCH_DOCUMENTS = 500

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})
_HAS_LETTER = re.compile(r"[^\W\d_]")


def normalise_term(token: str) -> str | None:
    """The term a token counts as (case-folded, straight apostrophes), or None.

    Examples
    --------
    >>> [normalise_term(t) for t in ["Trump’s", "U.S.", "2020", "’s", "Iran-backed", ","]]
    ["trump's", 'u.s.', None, None, 'iran-backed', None]
    """
    term = token.translate(_APOSTROPHES).casefold()
    if term[:1] == "'" or not _HAS_LETTER.search(term):
        return None
    return term


def stop_word_set(stop_words: str | Iterable[str] | None) -> frozenset[str]:
    """``"english"`` (scikit-learn's list, with straight apostrophes), your words, or none.

    Examples
    --------
    >>> "the" in stop_word_set("english"), len(stop_word_set(None))
    (True, 0)
    """
    if stop_words is None:
        return frozenset()
    if isinstance(stop_words, str):
        if stop_words != "english":
            from ..errors import invalid_parameter

            raise invalid_parameter("stop_words", stop_words, '"english", a list of words or None')
        return frozenset(ENGLISH_STOP_WORDS)
    return frozenset(w.translate(_APOSTROPHES).casefold() for w in stop_words)


@dataclass(frozen=True)
class TermCounts:
    """Term counts per document: a sparse matrix and its terms.

    Attributes
    ----------
    matrix : scipy.sparse.csr_matrix of shape (n_documents, n_terms)
    terms : ndarray of str
        The term of each column (order of first appearance).
    ids : ndarray
        The id of each row (article ids, or positions).
    """

    matrix: sp.csr_matrix
    terms: np.ndarray
    ids: np.ndarray

    def __len__(self) -> int:
        return self.matrix.shape[0]

    def __repr__(self) -> str:
        return (
            f"<TermCounts: {self.matrix.shape[0]} document(s), {self.matrix.shape[1]} term(s), "
            f"{int(self.matrix.sum()):,} token(s)>"
        )

    @classmethod
    def concat(cls, parts: Sequence[TermCounts]) -> TermCounts:
        """Rows of several parts, their vocabularies merged (first appearance kept first).

        Examples
        --------
        >>> a, b = count_terms(["red sky"], ids=["x"]), count_terms(["blue sky"], ids=["y"])
        >>> both = TermCounts.concat([a, b])
        >>> both.terms.tolist(), both.matrix.toarray().tolist()
        (['red', 'sky', 'blue'], [[1, 1, 0], [0, 1, 1]])
        """
        parts = list(parts)
        if not parts:
            return cls(
                sp.csr_matrix((0, 0), dtype=np.int32),
                np.array([], dtype=object),
                np.array([], dtype=object),
            )
        if len(parts) == 1:
            return parts[0]
        codes, terms = pd.factorize(np.concatenate([p.terms for p in parts]))
        pieces, start = [], 0
        for part in parts:
            mapping = codes[start : start + len(part.terms)]
            start += len(part.terms)
            m = part.matrix.tocsr()
            remapped = sp.csr_matrix(
                (m.data, mapping[m.indices], m.indptr), shape=(m.shape[0], len(terms))
            )
            pieces.append(remapped)
        matrix = sp.vstack(pieces, format="csr")
        matrix.sort_indices()
        return cls(matrix, np.asarray(terms, dtype=object), np.concatenate([p.ids for p in parts]))

    def totals(self) -> pd.Series:
        """Corpus frequency of each term."""
        return pd.Series(np.asarray(self.matrix.sum(axis=0)).ravel(), index=self.terms)


def count_terms(
    texts: Iterable[str], *, ids: Sequence[object] | None = None, batch: int = COUNT_BATCH_DOCUMENTS
) -> TermCounts:
    """Count terms per document with the feature stage's tokenizer (stop words kept).

    Parameters
    ----------
    texts : iterable of str
        Documents (missing values count as empty).
    ids : sequence, optional
        Row ids (default: positions).
    batch : int
        Documents split, looked up and counted together.

    Examples
    --------
    >>> counts = count_terms(["The U.S. talks: Trump’s Iran-backed plan.", "Trump's 2 plans"])
    >>> counts.terms.tolist()
    ['the', 'u.s.', 'talks', "trump's", 'iran-backed', 'plan', 'plans']
    >>> counts.matrix.toarray().tolist()
    [[1, 1, 1, 1, 1, 1, 0], [0, 0, 0, 1, 0, 0, 1]]
    """
    chunk_terms = ChunkTerms(normalise_term)
    parts: list[sp.csr_matrix] = []  # per batch, columns numbered as chunk_terms met terms
    met: list[np.ndarray] = []  # per batch, its columns in order of first appearance
    n_docs = 0
    texts = iter(texts)
    while True:
        chunk = [t if isinstance(t, str) else "" for t in _take(texts, batch)]
        if not chunk:
            break
        row, col = chunk_terms.batch(chunk)
        part = sp.csr_matrix(
            (np.ones(len(row), dtype=np.int32), (row, col)),
            shape=(len(chunk), len(chunk_terms.vocabulary)),
        )
        part.sum_duplicates()
        parts.append(part)
        met.append(pd.unique(col))
        n_docs += len(chunk)
    # Columns in order of first appearance in the texts.
    first = pd.unique(np.concatenate(met)) if met else np.zeros(0, dtype=np.int64)
    column = np.full(len(chunk_terms.vocabulary), -1, dtype=np.int64)
    column[first] = np.arange(len(first))
    vocabulary = np.empty(len(chunk_terms.vocabulary), dtype=object)
    vocabulary[:] = list(chunk_terms.vocabulary)
    terms = vocabulary[first]
    matrix = sp.csr_matrix((n_docs, len(terms)), dtype=np.int32)
    if parts:
        matrix = sp.vstack(
            [
                sp.csr_matrix((p.data, column[p.indices], p.indptr), shape=(p.shape[0], len(terms)))
                for p in parts
            ],
            format="csr",
        )
        matrix.sort_indices()
    row_ids = np.arange(n_docs) if ids is None else np.asarray(list(ids), dtype=object)
    if len(row_ids) != n_docs:
        raise ValueError(f"ids and texts differ in length ({len(row_ids)} vs {n_docs}).")
    return TermCounts(matrix, terms, row_ids)


def _take(iterator: Iterable[str], n: int) -> list[str]:
    out = []
    for item in iterator:
        out.append(item)
        if len(out) >= n:
            break
    return out


def log_odds_z(
    counts_a: np.ndarray, counts_b: np.ndarray, prior: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Log-odds ratios (a vs b) and their z-scores under a Dirichlet prior.

    Parameters
    ----------
    counts_a, counts_b : ndarray of shape (n_terms,)
        Term counts in the two groups.
    prior : ndarray of shape (n_terms,)
        Prior pseudo-counts per term (e.g. corpus frequency scaled).

    Examples
    --------
    >>> delta, z = log_odds_z(np.array([10., 1.]), np.array([1., 10.]), np.array([1., 1.]))
    >>> bool(z[0] > 1.96), bool(z[1] < -1.96)
    (True, True)
    """
    a0 = prior.sum()
    n_a, n_b = counts_a.sum(), counts_b.sum()
    ya, yb = counts_a + prior, counts_b + prior
    delta = np.log(ya / (n_a + a0 - ya)) - np.log(yb / (n_b + a0 - yb))
    z = delta / np.sqrt(1.0 / ya + 1.0 / yb)
    return delta, z


def distinguishing_terms(
    texts: Sequence[str],
    groups: Sequence[object],
    *,
    min_count: int = 5,
    ngram_range: tuple[int, int] = (1, 1),
    prior_total: float = DEFAULT_PRIOR_TOTAL,
    top: int | None = 25,
    vectorizer: CountVectorizer | None = None,
    stop_words: str | Iterable[str] | None = "english",
) -> pd.DataFrame:
    """Terms that distinguish each group of texts from the others (one-vs-rest).

    For three or more groups, pairwise comparisons, pre-counted frequencies
    and intervals, see :func:`framing.keyness`.

    Parameters
    ----------
    texts : sequence of str
        Documents (e.g. ``articles["text"]``).
    groups : sequence
        Group of each document (e.g. ``articles["outlet"]``).
    min_count : int, default 5
        Terms seen fewer times in the corpus are ignored.
    ngram_range : tuple, default (1, 1)
        Word n-grams; other than ``(1, 1)``, counted by scikit-learn's
        :class:`~sklearn.feature_extraction.text.CountVectorizer`.
    prior_total : float, default 500
        Size of the informative prior in pseudo-counts.
    top : int or None, default 25
        Keep this many terms per group (highest z), or all if None.
    vectorizer : CountVectorizer, optional
        Use your own (tokenisation, stop words); ``stop_words`` is then ignored.
    stop_words : "english", list of str or None, default "english"
        Words left out (scikit-learn's English list by default).

    Returns
    -------
    DataFrame
        Columns ``group, term, count, count_rest, log_odds, z``, sorted by
        group then descending z.
    """
    if len(texts) != len(groups):
        raise ValueError(f"texts and groups differ in length ({len(texts)} vs {len(groups)}).")
    if vectorizer is not None or tuple(ngram_range) != (1, 1):
        vectorizer = vectorizer or CountVectorizer(
            lowercase=True,
            ngram_range=ngram_range,
            token_pattern=r"(?u)\b[^\W\d_][\w'’-]*\b",
            stop_words=sorted(stop_word_set(stop_words)) or None,
        )
        matrix = sp.csr_matrix(vectorizer.fit_transform(texts))
        terms = np.asarray(vectorizer.get_feature_names_out())
    else:
        counts = count_terms(texts)
        stop = stop_word_set(stop_words)
        keep_terms = np.array([t not in stop for t in counts.terms], dtype=bool)
        matrix, terms = counts.matrix[:, keep_terms], counts.terms[keep_terms]
    total = np.asarray(matrix.sum(axis=0)).ravel()
    keep = total >= min_count
    matrix, terms, total = matrix[:, keep], terms[keep], total[keep]
    prior = total / total.sum() * prior_total if total.sum() else total.astype(float)
    labels = np.asarray(list(groups), dtype=object)
    frames = []
    for group in pd.unique(labels):
        mask = labels == group
        in_group = np.asarray(matrix[mask].sum(axis=0)).ravel()
        rest = total - in_group
        delta, z = log_odds_z(in_group, rest, prior)
        frame = pd.DataFrame(
            {
                "group": group,
                "term": terms,
                "count": in_group.astype(int),
                "count_rest": rest.astype(int),
                "log_odds": delta,
                "z": z,
            }
        )
        frame = frame.sort_values(["z", "term"], ascending=[False, True], kind="stable")
        frames.append(frame.head(top) if top is not None else frame)
    if not frames:
        return pd.DataFrame(columns=list(DISTINGUISHING_COLUMNS))
    return pd.concat(frames, ignore_index=True)[list(DISTINGUISHING_COLUMNS)]
