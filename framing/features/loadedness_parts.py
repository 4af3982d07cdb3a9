"""The linear parts of a loadedness model: a named logistic regression and a sentence classifier.

Both are stored by name in the model's JSON file
(:mod:`framing.features.loadedness_model`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["LinearPart", "SentenceModel"]


@dataclass
class LinearPart:
    """A logistic regression over standardised named features: ``(F - mean) / scale @ coef``."""

    names: list[str]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def decision(self, F: np.ndarray) -> np.ndarray:
        """Log-odds of each row of ``F`` (columns in ``names`` order)."""
        return (F - self.mean) / self.scale @ self.coef + self.intercept

    def to_dict(self) -> dict:
        return {
            "names": list(self.names),
            "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale],
            "coef": [round(float(x), 6) for x in self.coef],
            "intercept": round(float(self.intercept), 6),
        }

    @classmethod
    def from_dict(cls, data: dict) -> LinearPart:
        return cls(
            [str(n) for n in data["names"]],
            np.asarray(data["mean"], dtype=float),
            np.asarray(data["scale"], dtype=float),
            np.asarray(data["coef"], dtype=float),
            float(data["intercept"]),
        )


@dataclass
class SentenceModel:
    """TF-IDF (words and word pairs, sublinear counts, l2 rows) logistic regression.

    Sentences are given as their lower-cased words joined by spaces
    (:func:`sentence_texts`).
    """

    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    intercept: float

    def decision(self, sentences: Sequence[str]) -> np.ndarray:
        """Log-odds that each sentence (lower-cased words joined by spaces) holds a loaded word."""
        tokens = [t for s in sentences for t in s.split()]
        index = np.repeat(np.arange(len(sentences)), [len(s.split()) for s in sentences])
        return self.decision_tokens(tokens, index, len(sentences))

    def decision_tokens(self, tokens: Sequence[str], index: np.ndarray, n: int) -> np.ndarray:
        """Log-odds of ``n`` sentences given as tokens in order and each token's sentence.

        The same TF-IDF as scikit-learn's ``TfidfVectorizer(ngram_range=(1, 2),
        sublinear_tf=True)`` over space-separated tokens, computed with one
        dictionary look-up per word and word pair.
        """
        import scipy.sparse as sp

        if not n:
            return np.zeros(0)
        index = np.asarray(index, dtype=np.int64)
        get = self.vocabulary.get
        unigrams = np.fromiter((get(t, -1) for t in tokens), dtype=np.int64, count=len(tokens))
        pairs = np.fromiter(
            (get(f"{a} {b}", -1) for a, b in itertools.pairwise(tokens)),
            dtype=np.int64,
            count=max(len(tokens) - 1, 0),
        )
        pairs[index[1:] != index[:-1]] = -1  # no pair across sentences
        rows = np.concatenate([index, index[1:]])
        cols = np.concatenate([unigrams, pairs])
        keep = cols >= 0
        counts = sp.csr_matrix(
            (np.ones(int(keep.sum())), (rows[keep], cols[keep])), shape=(n, len(self.idf))
        )
        counts.sum_duplicates()
        counts.data = (1.0 + np.log(counts.data)) * self.idf[counts.indices]
        norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return np.asarray(counts @ self.coef).ravel() / norms + self.intercept

    def to_dict(self) -> dict:
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {
            "terms": terms,
            "idf": [round(float(self.idf[self.vocabulary[t]]), 4) for t in terms],
            "coef": [round(float(self.coef[self.vocabulary[t]]), 4) for t in terms],
            "intercept": round(float(self.intercept), 6),
        }

    @classmethod
    def from_dict(cls, data: dict) -> SentenceModel:
        terms = [str(t) for t in data["terms"]]
        return cls(
            {t: i for i, t in enumerate(terms)},
            np.asarray(data["idf"], dtype=float),
            np.asarray(data["coef"], dtype=float),
            float(data["intercept"]),
        )
