"""Small word vectors for word similarity beyond shared stems ("war" ~ "conflict").

The compare stage pairs a replaced word with its counterpart inside aligned
sentences (:mod:`framing.comparison.phrases`) partly by how similar the two
words are in meaning. The vectors are count-based (PPMI + truncated SVD,
Levy, Goldberg & Dagan 2015), trained by ``benchmarks/train_word_vectors.py``
on the AllSides corpus (Baly et al. 2020) and shipped in
``framing/resources/models/word_vectors.npz`` (30,000 common words, 100
float16 numbers each; see ``word_vectors.MODEL_CARD.md`` beside it).

The file is optional: without it (a distributor may delete it)
:func:`word_similarity` is ``None`` for every pair, and the compare stage
pairs words by stems, variants and reporting verbs only.

Examples
--------
>>> vectors = WordVectors(["war", "conflict", "tuesday"],
...                       [[1.0, 0.2], [0.9, 0.4], [0.0, 1.0]])
>>> round(vectors.similarity("War", "conflict"), 2), vectors.similarity("war", "unknown")
(0.98, None)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

__all__ = ["VECTOR_FILE", "WordVectors", "default_vectors", "word_similarity"]

VECTOR_FILE = "word_vectors.npz"


def _fold(word: str) -> str:
    return word.casefold().replace("’", "'").removesuffix("'s")


class WordVectors:
    """Unit-length word vectors with a similarity look-up.

    Parameters
    ----------
    words : sequence of str
        The vocabulary (lower case).
    vectors : array-like, shape (len(words), dimensions)
        One vector per word (scaled to unit length here).
    """

    def __init__(self, words: Sequence[str], vectors: object) -> None:
        matrix = np.asarray(vectors, dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self.vectors = matrix / np.maximum(norms, 1e-12)
        self.index = {w: i for i, w in enumerate(words)}

    def __len__(self) -> int:
        return len(self.index)

    def vector(self, word: str) -> np.ndarray | None:
        """The vector of ``word`` (case-folded, possessive dropped), or ``None``."""
        i = self.index.get(_fold(word))
        return None if i is None else self.vectors[i]

    def similarity(self, a: str, b: str) -> float | None:
        """Cosine similarity of two words, ``None`` when either is unknown."""
        va, vb = self.vector(a), self.vector(b)
        if va is None or vb is None:
            return None
        return float(va @ vb)

    @classmethod
    def load(cls, path: object) -> WordVectors:
        """Vectors from an ``.npz`` file with ``words`` (newline-joined) and ``vectors``."""
        with np.load(path, allow_pickle=False) as data:
            return cls(str(data["words"]).split("\n"), data["vectors"])


@lru_cache(maxsize=1)
def default_vectors() -> WordVectors | None:
    """The shipped vectors, or ``None`` when the file is absent."""
    source = resources.files("framing.resources") / "models" / VECTOR_FILE
    if not source.is_file():
        return None
    with resources.as_file(source) as path:
        return WordVectors.load(path)


def word_similarity(a: str, b: str) -> float | None:
    """Cosine similarity of two words in the shipped vectors (``None``: unknown or no file).

    Examples
    --------
    >>> word_similarity("troops", "soldiers") > word_similarity("troops", "tuesday")
    True
    """
    vectors = default_vectors()
    return None if vectors is None else vectors.similarity(a, b)
