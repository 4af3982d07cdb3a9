"""The loadedness model: two stacked logistic regressions and a sentence classifier.

A model scores every word of a text in three named, inspectable steps:

1. **word** (stage 1): a logistic regression over the word features of
   :mod:`framing.features.loadedness_features` (``FEATURE_NAMES``: valence,
   subjectivity, rarity, lexicon categories, capitals, quotation...) plus
   one learned weight per lemma (``word_weights``: "slam" +1.9, "say"
   -1.2; words seen fewer than twice in training have none) plus a learned
   direction in the shipped word vectors (``vector_coef``: words used like
   the marked ones score higher, seen in training or not;
   :meth:`LoadednessModel.explain_vectors` lists the words at either end);
2. **sentence**: a TF-IDF logistic regression over the words and word pairs
   of the sentence, giving the log-odds that the sentence holds a loaded
   word at all (annotators mark few words in a neutral sentence);
3. **context** (stage 2): a logistic regression over the stage-1 score of
   the word and of its neighbours (two either side), the mean and highest
   stage-1 score of the rest of its sentence, the sentence score and the
   word features again (``CONTEXT_NAMES`` + ``FEATURE_NAMES``).

Its output is the probability that annotators would mark the word; the
``threshold`` (chosen on the training data) turns it into a yes/no. All
weights are stored by name in a JSON file; :meth:`LoadednessModel.explain`,
:meth:`LoadednessModel.explain_words` and :meth:`LoadednessModel.explain_vectors`
list them.

Examples
--------
>>> import numpy as np
>>> from framing.features.loadedness_features import word_features
>>> words, X = word_features(["A brutal massacre. A quiet day."])
>>> p = LoadednessModel.heuristic().predict(words, X)
>>> bool(p[words["text"].tolist().index("massacre")] > p[-1])
True
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import FramingError
from .loadedness_features import FEATURE_NAMES, lemma_key, vectors_signature, word_vectors
from .loadedness_parts import LinearPart, SentenceModel

__all__ = [
    "CONTEXT_NAMES",
    "FORMAT",
    "LinearPart",
    "LoadednessModel",
    "SentenceModel",
    "context_features",
    "sentence_texts",
]

FORMAT = "framing-loadedness/3"  # /3 adds the optional vector part; /2 files still load
CONTEXT_NAMES = (
    "word_score",
    "prev_score",
    "next_score",
    "prev2_score",
    "next2_score",
    "neighbour_max_score",
    "sentence_mean_score",
    "sentence_max_score",
    "sentence_length_log",
    "sentence_score",
)
# Stage-1 log-odds given to a missing neighbour (sentence edge): about p = 0.0005.
_EDGE = -7.5


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def sentence_texts(words: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """Index of each word's sentence and each sentence as lower-cased words joined by spaces."""
    sentence = words["sentence"].to_numpy()
    if not len(sentence):
        return np.zeros(0, dtype=np.int64), []
    codes, index = np.unique(sentence, return_inverse=True)
    parts: list[list[str]] = [[] for _ in codes]
    for i, w in zip(index.tolist(), words["text"].tolist(), strict=True):
        parts[i].append(w.casefold())
    return index, [" ".join(p) for p in parts]


def context_features(
    words: pd.DataFrame, z: np.ndarray, sentence_score: np.ndarray | None = None
) -> np.ndarray:
    """The stage-2 context features (``CONTEXT_NAMES``) from stage-1 log-odds ``z``.

    ``words`` is a word table in text order (``sentence`` column);
    ``sentence_score`` gives one value per word (its sentence's log-odds), 0 if omitted.
    """
    n = len(z)
    out = np.zeros((n, len(CONTEXT_NAMES)))
    if not n:
        return out
    sentence = words["sentence"].to_numpy()

    def neighbour(k: int) -> np.ndarray:
        shifted = np.full(n, _EDGE)
        same = np.zeros(n, dtype=bool)
        if k > 0:
            shifted[k:] = z[:-k]
            same[k:] = sentence[k:] == sentence[:-k]
        else:
            shifted[:k] = z[-k:]
            same[:k] = sentence[:k] == sentence[-k:]
        return np.where(same, shifted, _EDGE)

    prev1, next1, prev2, next2 = neighbour(1), neighbour(-1), neighbour(2), neighbour(-2)
    codes, index = np.unique(sentence, return_inverse=True)
    sizes = np.bincount(index, minlength=len(codes)).astype(float)
    p = _sigmoid(z)
    others = np.maximum(sizes[index] - 1, 1)
    mean_others = (np.bincount(index, weights=p, minlength=len(codes))[index] - p) / others
    # highest score of the other words of the sentence: the top one, or the second for the top word
    order = np.lexsort((-z, index))
    ranked_z, ranked_s = z[order], index[order]
    firsts = np.r_[0, np.flatnonzero(ranked_s[1:] != ranked_s[:-1]) + 1]
    top = np.full(len(codes), _EDGE)
    second = np.full(len(codes), _EDGE)
    top[ranked_s[firsts]] = ranked_z[firsts]
    has_two = np.r_[firsts[1:], n] - firsts > 1
    second[ranked_s[firsts[has_two]]] = ranked_z[firsts[has_two] + 1]
    max_others = np.where(z >= top[index], second[index], top[index])
    out[:] = np.column_stack(
        [
            z,
            prev1,
            next1,
            prev2,
            next2,
            np.maximum(prev1, next1),
            mean_others,
            max_others,
            np.log1p(sizes[index]),
            np.zeros(n) if sentence_score is None else sentence_score,
        ]
    )
    return out


@dataclass
class LoadednessModel:
    """A loadedness model (see the module docstring); stage 2 and the sentence part are optional.

    Attributes
    ----------
    feature_names, mean, scale, coef, intercept
        Stage 1: one weight per standardised word feature.
    threshold : float
        Probability at or above which a word counts as loaded (chosen on the
        training data: word F1 for a ``words`` model, span F1 for ``phrases``).
    word_weights : dict
        Stage 1: learned weight of each lemma (:func:`lemma_key`), added to the log-odds.
    vector_coef : ndarray or None
        Stage 1: weights on the shipped word vector of a word
        (:func:`~framing.features.loadedness_features.word_vectors`), added to the log-odds.
    vector_signature : str or None
        Checksum of the vectors ``vector_coef`` was fitted to
        (:func:`~framing.features.loadedness_features.vectors_signature`); with
        other vectors, or none, the vector part is left out (with a warning).
    kind : str
        ``"trained"`` or ``"heuristic"``.
    info : dict
        Training data, cross-validated scores, settings.
    name : str
        ``"words"`` (BABE-style: single words), ``"phrases"`` (PTC-style
        spans) or ``"heuristic"``.
    sentence : SentenceModel or None
    stage2 : LinearPart or None
    """

    feature_names: list[str]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    word_weights: dict[str, float] = field(default_factory=dict)
    kind: str = "trained"
    info: dict = field(default_factory=dict)
    name: str = "words"
    sentence: SentenceModel | None = None
    stage2: LinearPart | None = None
    vector_coef: np.ndarray | None = None
    vector_signature: str | None = None

    # -- scoring ---------------------------------------------------------------------------
    def stage1(
        self, X: np.ndarray, words: Sequence[str], vectors: np.ndarray | None = None
    ) -> np.ndarray:
        """Stage-1 log-odds of each word (rows of ``X`` in ``FEATURE_NAMES`` order).

        ``vectors`` (the words' :func:`word_vectors`) may be given when already computed.
        """
        columns = [FEATURE_NAMES.index(n) for n in self.feature_names]
        z = (X[:, columns] - self.mean) / self.scale @ self.coef + self.intercept
        if not len(z):
            return z
        where, forms = pd.factorize(pd.Series([str(w) for w in words], dtype=object))
        if self.word_weights:
            get = self.word_weights.get
            z = z + np.array([get(lemma_key(f), 0.0) for f in forms], dtype=float)[where]
        if self.vector_coef is not None and self._vectors_match():
            if vectors is None:  # one look-up per distinct form
                z = z + (word_vectors(list(forms)) @ self.vector_coef)[where]
            else:
                z = z + vectors @ self.vector_coef
        return z

    def _vectors_match(self) -> bool:
        """Whether the shipped word vectors are the ones ``vector_coef`` was fitted to."""
        found = vectors_signature()
        if found == self.vector_signature:
            return True
        warnings.warn(
            f"loadedness model {self.name!r}: its word-vector weights were fitted to vectors "
            f"{self.vector_signature}, but "
            + ("no word_vectors.npz is installed" if found is None else f"{found} are installed")
            + "; scoring without them (less accurate). Fix: restore the vectors it shipped "
            "with or retrain with `python -m framing.features.loadedness_train`.",
            stacklevel=3,
        )
        return False

    def predict(self, words: pd.DataFrame, X: np.ndarray) -> np.ndarray:
        """Probability that each word of a word table (``text``, ``sentence``) is loaded."""
        z = self.stage1(X, words["text"].tolist())
        if self.stage2 is None:
            return _sigmoid(z)
        sentence_score = np.zeros(len(z))
        if self.sentence is not None and len(z):
            codes, index = np.unique(words["sentence"].to_numpy(), return_inverse=True)
            lowered = [t.casefold() for t in words["text"].tolist()]
            sentence_score = self.sentence.decision_tokens(lowered, index, len(codes))[index]
        F = np.hstack([context_features(words, z, sentence_score), X])
        return _sigmoid(self.stage2.decision(F))

    def predict_proba_words(self, X: np.ndarray, words: pd.DataFrame | Sequence[str]) -> np.ndarray:
        """Probability for each word; a plain list of words is read as one sentence."""
        if not isinstance(words, pd.DataFrame):
            words = pd.DataFrame({"text": list(words), "sentence": np.zeros(len(X), dtype=int)})
        return self.predict(words, X)

    def explain(self, top: int = 10) -> pd.DataFrame:
        """The named features with the largest weights (``part``, ``feature``, ``weight``).

        ``part`` is ``word`` (stage 1) or ``context`` (stage 2); weights are per
        standard deviation of the feature.

        Examples
        --------
        >>> LoadednessModel.heuristic().explain(2)["feature"].tolist()
        ['vader_abs', 'lex_valence_abs']
        """
        frames = [
            pd.DataFrame({"part": "word", "feature": self.feature_names, "weight": self.coef})
        ]
        if self.stage2 is not None:
            frames.append(
                pd.DataFrame(
                    {"part": "context", "feature": self.stage2.names, "weight": self.stage2.coef}
                )
            )
        frame = pd.concat(frames, ignore_index=True)
        order = frame["weight"].abs().sort_values(ascending=False, kind="stable").index
        return frame.reindex(order).head(top).reset_index(drop=True)

    def explain_words(self, top: int = 20) -> pd.DataFrame:
        """The lemmas with the highest and lowest learned weights (``lemma``, ``weight``)."""
        frame = pd.DataFrame(
            {"lemma": list(self.word_weights), "weight": list(self.word_weights.values())},
            columns=["lemma", "weight"],
        ).sort_values("weight", ascending=False, kind="stable")
        half = max(top // 2, 1)
        return pd.concat([frame.head(half), frame.tail(top - half)]).reset_index(drop=True)

    # -- persistence --------------------------------------------------------------------------
    def explain_vectors(self, top: int = 20) -> pd.DataFrame:
        """The words of the shipped vectors that the vector part scores highest and lowest.

        Returns ``word`` and ``weight`` (the word's vector times ``vector_coef``:
        what it adds to the stage-1 log-odds); empty without a vector part.
        """
        from ..comparison.embeddings import default_vectors

        vectors = default_vectors()
        if self.vector_coef is None or vectors is None or not self._vectors_match():
            return pd.DataFrame(columns=["word", "weight"])
        weights = vectors.vectors @ self.vector_coef
        order = np.argsort(-weights, kind="stable")
        half = max(top // 2, 1)
        picks = np.r_[order[:half], order[len(order) - (top - half) :]]
        words = list(vectors.index)
        return pd.DataFrame({"word": [words[i] for i in picks], "weight": weights[picks]})

    def to_dict(self) -> dict:
        vectors = None
        if self.vector_coef is not None:
            vectors = {
                "signature": self.vector_signature,
                "coef": [round(float(x), 6) for x in self.vector_coef],
            }
        return {
            "format": FORMAT,
            "name": self.name,
            "kind": self.kind,
            "feature_names": list(self.feature_names),
            "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale],
            "coef": [round(float(x), 6) for x in self.coef],
            "intercept": round(float(self.intercept), 6),
            "threshold": round(float(self.threshold), 4),
            "word_weights": {w: round(v, 4) for w, v in sorted(self.word_weights.items())},
            "sentence": self.sentence.to_dict() if self.sentence else None,
            "stage2": self.stage2.to_dict() if self.stage2 else None,
            "vectors": vectors,
            "info": self.info,
        }

    def save(self, path: str | PathLike[str]) -> Path:
        """Write the model as JSON (atomically)."""
        from ..io import write_text

        return write_text(path, json.dumps(self.to_dict(), separators=(",", ":")) + "\n")

    @classmethod
    def from_dict(cls, data: dict, origin: str = "the model") -> LoadednessModel:
        try:
            names = [str(n) for n in data["feature_names"]]
            stage2 = LinearPart.from_dict(data["stage2"]) if data.get("stage2") else None
            unknown = [n for n in names if n not in FEATURE_NAMES]
            if stage2 is not None and stage2.names != [*CONTEXT_NAMES, *FEATURE_NAMES]:
                unknown.append("stage2 features")
            if unknown:
                raise ValueError(f"unknown feature(s) {unknown}")
            vectors = data.get("vectors")
            return cls(
                names,
                np.asarray(data["mean"], dtype=float),
                np.asarray(data["scale"], dtype=float),
                np.asarray(data["coef"], dtype=float),
                float(data["intercept"]),
                float(data["threshold"]),
                {str(k): float(v) for k, v in dict(data.get("word_weights") or {}).items()},
                str(data.get("kind", "trained")),
                dict(data.get("info") or {}),
                str(data.get("name", "words")),
                SentenceModel.from_dict(data["sentence"]) if data.get("sentence") else None,
                stage2,
                np.asarray(vectors["coef"], dtype=float) if vectors else None,
                str(vectors["signature"]) if vectors else None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise FramingError(
                f"{origin}: not a framing loadedness model ({exc}). Fix: write one with "
                "`python -m framing.features.loadedness_train -o FILE`."
            ) from None

    @classmethod
    def load(cls, path: str | PathLike[str]) -> LoadednessModel:
        """A model from a JSON file written by :meth:`save`."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FramingError(f"{path}: no such model file. Fix: check the path.") from None
        except (ValueError, UnicodeDecodeError) as exc:
            raise FramingError(f"{path}: not valid JSON ({exc}).") from None
        return cls.from_dict(data, str(path))

    @classmethod
    def heuristic(cls) -> LoadednessModel:
        """The fallback: hand-set weights (``HEURISTIC_WEIGHTS``), no training data."""
        from .loadedness import _HEURISTIC_INTERCEPT, _HEURISTIC_THRESHOLD, HEURISTIC_WEIGHTS

        names = list(HEURISTIC_WEIGHTS)
        return cls(
            names,
            np.zeros(len(names)),
            np.ones(len(names)),
            np.array([HEURISTIC_WEIGHTS[n] for n in names]),
            _HEURISTIC_INTERCEPT,
            _HEURISTIC_THRESHOLD,
            kind="heuristic",
            info={"note": "hand-set weights; no trained model file was found"},
            name="heuristic",
        )

    @classmethod
    def default(cls, name: str = "words") -> LoadednessModel:
        """A shipped model by name (``words``, ``phrases``), else the heuristic.

        ``$FRAMING_LOADEDNESS_MODEL`` (a JSON path) replaces the ``words`` model.
        """
        from .loadedness import get_model

        return get_model(name)
