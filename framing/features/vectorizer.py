"""Loaded-term counts per article, as a scikit-learn transformer."""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ..errors import invalid_parameter
from .matcher import LoadedTermMatcher, iter_texts

__all__ = ["LoadedTermVectorizer"]

_BY = ("category", "term", "lexicon")


class LoadedTermVectorizer(TransformerMixin, BaseEstimator):
    """Count loaded terms per article, by category, term or lexicon.

    Parameters
    ----------
    lexicons : None, str, path, Lexicon or list of them
        Lexicons to count (default: ``DEFAULT_LEXICONS``,
        conflict_geopolitics and loaded_general).
    by : {"category", "term", "lexicon"}, default "category"
        What one feature column counts.
    per_words : int or None, default None
        If set (e.g. 1000), counts are per this many words of the article.
    inflect, fuzzy : bool, default True
        Passed to :class:`LoadedTermMatcher`.

    Attributes
    ----------
    matcher_ : LoadedTermMatcher
        The compiled matcher.
    feature_names_ : ndarray of str
        Feature names, sorted: every category (or term, or lexicon) of the lexicon.

    See Also
    --------
    LoadedTermMatcher : the spans behind every count.

    Examples
    --------
    >>> vec = LoadedTermVectorizer(by="category")
    >>> X = vec.fit_transform(["They were deported after the assassination.", "Talks went on."])
    >>> names = list(vec.get_feature_names_out())
    >>> int(X[0, names.index("expulsion")]), int(X[0, names.index("violence")]), int(X[1].sum())
    (1, 1, 0)

    It fits in a pipeline next to scikit-learn's own vectorizers:

    >>> from sklearn.pipeline import make_union
    >>> from sklearn.feature_extraction.text import TfidfVectorizer
    >>> union = make_union(TfidfVectorizer(), LoadedTermVectorizer())
    >>> union.fit_transform(["A regime fell."]).shape[0]
    1
    """

    def __init__(
        self,
        lexicons: object = None,
        *,
        by: str = "category",
        per_words: int | None = None,
        inflect: bool = True,
        fuzzy: bool = True,
    ) -> None:
        self.lexicons = lexicons
        self.by = by
        self.per_words = per_words
        self.inflect = inflect
        self.fuzzy = fuzzy

    def fit(self, X: object = None, y: object = None) -> LoadedTermVectorizer:
        """Compile the lexicon; ``X`` is not needed (the vocabulary is the lexicon)."""
        if self.by not in _BY:
            raise invalid_parameter("by", self.by, _BY)
        if self.per_words is not None and (
            not isinstance(self.per_words, int) or self.per_words <= 0
        ):
            raise invalid_parameter("per_words", self.per_words, "use a positive int or None")
        self.matcher_ = LoadedTermMatcher(self.lexicons, inflect=self.inflect, fuzzy=self.fuzzy)
        self.feature_names_ = np.array(
            sorted(self.matcher_.lexicon_.with_source_names()[self.by].astype(str).unique()),
            dtype=object,
        )
        return self

    def transform(self, X: object) -> sp.csr_matrix:
        """Sparse matrix (articles x features) of counts (or rates with ``per_words``)."""
        check_is_fitted(self, "matcher_")
        _, texts = iter_texts(X)
        local_ids = [str(i) for i in range(len(texts))]
        spans = self.matcher_.find(texts)
        column = {name: i for i, name in enumerate(self.feature_names_)}
        rows = spans["article_id"].astype(int).to_numpy() if len(spans) else np.array([], dtype=int)
        cols = np.fromiter(
            (column[v] for v in spans[self.by].astype(str)), dtype=int, count=len(spans)
        )
        # One span may belong to several entries of the same feature (rare); count spans once.
        frame = pd.DataFrame({"row": rows, "col": cols, "start": spans["start"].to_numpy()})
        frame = frame.drop_duplicates()
        matrix = sp.csr_matrix(
            (np.ones(len(frame)), (frame["row"], frame["col"])),
            shape=(len(local_ids), len(self.feature_names_)),
        )
        if self.per_words:
            words = np.array([max(len(t.split()), 1) for t in texts], dtype=float)
            matrix = sp.diags(self.per_words / words) @ matrix
        return matrix.tocsr()

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """Feature names (categories, terms or lexicon names)."""
        check_is_fitted(self, "feature_names_")
        return self.feature_names_.copy()
