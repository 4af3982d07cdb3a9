"""A continuous loadedness score for words and phrases in context.

:class:`LoadednessModel` is a logistic regression over the inspectable word
features of :mod:`framing.features.loadedness_features` (valence,
subjectivity, rarity, lexicon categories, capitals, quotation, the
sentence around): its probability that annotators would mark the word as
loaded or biased. It is trained by one command
(:mod:`framing.features.loadedness_train`) on the development data of BABE,
PTC and BASIL and stored as JSON (coefficients by feature name, readable in
any editor). See ``framing/resources/models/MODEL_CARD.md`` for the data,
their licences, the scores and the intended use.

The model file is looked for at ``$FRAMING_LOADEDNESS_MODEL`` and then in
``framing/resources/models/loadedness.json``. Without one, a transparent
heuristic with hand-set weights (:data:`HEURISTIC_WEIGHTS`: lexicon valence,
VADER valence, subjectivity) gives the score, and ``model.kind`` says
``"heuristic"``; nothing is downloaded.

Functions with a stable signature:

* :func:`score` ``(phrase, context=None) -> float`` for one phrase (the
  compare stage ranks substitutions with it);
* :func:`score_words` for every word of a set of texts;
* :func:`score_spans` for spans such as the loaded-term table of
  :func:`framing.analyze`;
* :func:`loaded_spans` for the words above the model's threshold, as spans.

Examples
--------
>>> score("regime", "The regime fell.") > score("government", "The government fell.")
True
>>> 0.0 <= score("said") <= 1.0
True
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import FramingError
from .loadedness_features import FEATURE_NAMES, word_features

__all__ = [
    "HEURISTIC_WEIGHTS",
    "MODEL_ENV",
    "LoadednessModel",
    "fit_model",
    "loaded_spans",
    "score",
    "score_span_table",
    "score_spans",
    "score_words",
]

MODEL_ENV = "FRAMING_LOADEDNESS_MODEL"
_SHIPPED = ("models", "loadedness.json")
# The fallback without a trained model: hand-set weights on a few features,
# not fitted to any data (intercept -3: a word with none of these is ~0.05).
HEURISTIC_WEIGHTS: dict[str, float] = {
    "lex_valence_abs": 2.5,
    "lex_label_negative": 1.0,
    "lex_intensifier": 0.5,
    "vader_abs": 3.0,
    "subjectivity": 1.5,
    "function_word": -2.0,
    "name_like": -1.5,
}
_HEURISTIC_INTERCEPT = -3.0
_HEURISTIC_THRESHOLD = 0.5
# Words seen fewer times than this in training get no word weight (--lexical).
MIN_WORD_COUNT = 3


@dataclass
class LoadednessModel:
    """Logistic regression over named word features (see the module docstring).

    Attributes
    ----------
    feature_names : list of str
        The features, in the order of ``coef``.
    mean, scale : ndarray
        Standardisation of each feature.
    coef : ndarray
        One weight per standardised feature (positive: more loaded).
    intercept : float
    threshold : float
        Probability at or above which a word counts as loaded (chosen on the
        training data to maximise the mean F1 over the datasets).
    word_weights : dict
        Optional per-word weights (only in a model trained with ``--lexical``).
    kind : str
        ``"trained"`` or ``"heuristic"``.
    info : dict
        Training data, scores and versions, as written by the training command.
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

    # -- scoring ---------------------------------------------------------------------------
    def decision_words(self, X: np.ndarray, words: Sequence[str]) -> np.ndarray:
        """Log-odds of each word (rows of ``X`` in ``FEATURE_NAMES`` order)."""
        columns = [FEATURE_NAMES.index(n) for n in self.feature_names]
        z = (X[:, columns] - self.mean) / self.scale @ self.coef + self.intercept
        if self.word_weights:
            z = z + np.array([self.word_weights.get(str(w).casefold(), 0.0) for w in words])
        return z

    def predict_proba_words(self, X: np.ndarray, words: Sequence[str]) -> np.ndarray:
        """Probability that each word is loaded."""
        return 1.0 / (1.0 + np.exp(-self.decision_words(X, words)))

    def explain(self, top: int = 10) -> pd.DataFrame:
        """The features with the largest weights (``feature``, ``weight``), for inspection.

        Examples
        --------
        >>> LoadednessModel.heuristic().explain(2)["feature"].tolist()
        ['vader_abs', 'lex_valence_abs']
        """
        frame = pd.DataFrame({"feature": self.feature_names, "weight": self.coef})
        return (
            frame.reindex(frame["weight"].abs().sort_values(ascending=False).index)
            .head(top)
            .reset_index(drop=True)
        )

    # -- persistence --------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "format": "framing-loadedness/1",
            "kind": self.kind,
            "feature_names": list(self.feature_names),
            "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale],
            "coef": [round(float(x), 6) for x in self.coef],
            "intercept": round(float(self.intercept), 6),
            "threshold": round(float(self.threshold), 4),
            "word_weights": {w: round(v, 4) for w, v in sorted(self.word_weights.items())},
            "info": self.info,
        }

    def save(self, path: str | PathLike[str]) -> Path:
        """Write the model as JSON (atomically)."""
        from ..io import write_text

        return write_text(path, json.dumps(self.to_dict(), indent=1) + "\n")

    @classmethod
    def from_dict(cls, data: dict, origin: str = "the model") -> LoadednessModel:
        try:
            names = [str(n) for n in data["feature_names"]]
            unknown = [n for n in names if n not in FEATURE_NAMES]
            if unknown:
                raise ValueError(f"unknown feature(s) {unknown}")
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
        """The fallback: hand-set weights (:data:`HEURISTIC_WEIGHTS`), no training data."""
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
        )

    @classmethod
    def default(cls) -> LoadednessModel:
        """The model at ``$FRAMING_LOADEDNESS_MODEL``, else the shipped one, else the heuristic."""
        return _default_model(os.environ.get(MODEL_ENV, ""))


@lru_cache(maxsize=4)
def _default_model(env_path: str) -> LoadednessModel:
    if env_path:
        return LoadednessModel.load(env_path)
    ref = resources.files("framing.resources").joinpath(*_SHIPPED)
    if ref.is_file():
        return LoadednessModel.from_dict(
            json.loads(ref.read_text("utf-8")), "framing/resources/models/loadedness.json"
        )
    return LoadednessModel.heuristic()


def fit_model(
    Xs: Sequence[np.ndarray],
    ys: Sequence[np.ndarray],
    words: Sequence[Sequence[str]],
    *,
    lexical: bool = False,
    C: float = 1.0,
    training_data: Sequence[str] = (),
) -> LoadednessModel:
    """Fit the logistic regression on one or more labelled word tables.

    The threshold maximises the mean F1 over the tables (each table a
    dataset), measured on the training words.
    """
    from sklearn.linear_model import LogisticRegression

    X = np.vstack(Xs)
    y = np.concatenate(ys).astype(bool)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    all_words = np.concatenate([np.asarray(w, dtype=object) for w in words])
    word_weights: dict[str, float] = {}
    if lexical:
        import scipy.sparse as sp

        lowered = np.array([str(w).casefold() for w in all_words], dtype=object)
        vocab, inverse, counts = np.unique(lowered, return_inverse=True, return_counts=True)
        keep = counts[inverse] >= MIN_WORD_COUNT
        one_hot = sp.csr_matrix(
            (np.ones(int(keep.sum())), (np.flatnonzero(keep), inverse[keep])),
            shape=(len(lowered), len(vocab)),
        )
        design = sp.hstack([sp.csr_matrix(Z), one_hot]).tocsr()
    else:
        design = Z
    clf = LogisticRegression(C=C, max_iter=2000)
    clf.fit(design, y)
    coef = clf.coef_[0]
    if lexical:
        word_weights = {
            str(w): float(c) for w, c in zip(vocab, coef[Z.shape[1] :], strict=True) if c != 0
        }
    model = LoadednessModel(
        list(FEATURE_NAMES),
        mean,
        scale,
        coef[: Z.shape[1]],
        float(clf.intercept_[0]),
        0.5,
        word_weights,
        info={"training_data": list(training_data), "C": C, "lexical": lexical},
    )
    probabilities = model.predict_proba_words(X, all_words)
    model.threshold = _best_threshold(probabilities, y, [len(t) for t in ys])
    return model


def _best_threshold(p: np.ndarray, y: np.ndarray, sizes: Sequence[int]) -> float:
    bounds = np.cumsum([0, *sizes])
    best, chosen = -1.0, 0.5
    for t in np.arange(0.05, 0.9, 0.01):
        f1s = []
        for lo, hi in itertools.pairwise(bounds):
            flags, gold = p[lo:hi] >= t, y[lo:hi]
            tp = float((flags & gold).sum())
            denominator = float(flags.sum() + gold.sum())
            f1s.append(2 * tp / denominator if denominator else 0.0)
        if np.mean(f1s) > best:
            best, chosen = float(np.mean(f1s)), float(t)
    return chosen


# -- public scoring functions -------------------------------------------------------------
def score_words(texts: Sequence[str], model: LoadednessModel | None = None) -> pd.DataFrame:
    """Every word of ``texts`` with its ``loadedness`` (probability, 0-1).

    Returns a table with ``doc`` (index into ``texts``), ``start``, ``end``,
    ``text``, ``sentence`` and ``loadedness``; offsets slice the text.
    """
    model = model or LoadednessModel.default()
    words, X = word_features(list(texts))
    return words.assign(loadedness=model.predict_proba_words(X, words["text"].tolist()))


def score_spans(
    texts: Sequence[str],
    docs: Sequence[int],
    starts: Sequence[int],
    ends: Sequence[int],
    model: LoadednessModel | None = None,
) -> np.ndarray:
    """Loadedness of each span: the highest of its words' scores (0 if it has no word).

    ``docs`` index ``texts``; ``starts``/``ends`` are character offsets.

    Examples
    --------
    >>> text = "The regime massacred protesters."
    >>> score_spans([text], [0], [11], [20]).round(2).tolist() == [score("massacred", text)]
    True
    """
    out = np.zeros(len(starts))
    if not len(starts):
        return out
    # Score only the sentences around the spans (cost bounded by the spans, not the corpus).
    windows: list[tuple[int, int, int]] = []  # (doc, lo, hi), merged per doc
    for d, s, e in sorted(zip(map(int, docs), map(int, starts), map(int, ends), strict=True)):
        lo, hi = _sentence_bounds(texts[d], s, e)
        if windows and windows[-1][0] == d and lo <= windows[-1][2]:
            windows[-1] = (d, windows[-1][1], max(hi, windows[-1][2]))
        else:
            windows.append((d, lo, hi))
    words = score_words([texts[d][lo:hi] for d, lo, hi in windows], model)
    if not len(words):
        return out
    w_doc = np.array([windows[k][0] for k in words["doc"]], dtype=np.int64)
    shift = np.array([windows[k][1] for k in words["doc"]], dtype=np.int64)
    w_start = words["start"].to_numpy() + shift
    w_end = words["end"].to_numpy() + shift
    key = w_doc * (1 << 32) + w_start
    order = np.argsort(key, kind="stable")
    key, w_end, values = key[order], w_end[order], words["loadedness"].to_numpy()[order]
    w_start = w_start[order]
    for i, (d, s, e) in enumerate(zip(docs, starts, ends, strict=True)):
        lo = int(np.searchsorted(key, int(d) * (1 << 32) + int(s) - _LONGEST_WORD))
        hi = int(np.searchsorted(key, int(d) * (1 << 32) + int(e)))
        inside = [values[j] for j in range(lo, hi) if w_end[j] > s and w_start[j] < e]
        out[i] = max(inside) if inside else 0.0
    return out


_LONGEST_WORD = 64
_SENTENCE_EDGE = re.compile(r"[.!?][\"”’)\]]*\s+|\n")
# How far to look for the sentence around a span (characters each side).
_WINDOW = 400


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or up to ``_WINDOW`` characters each side) around ``text[start:end]``."""
    lo = max(0, start - _WINDOW)
    edges = [m.end() for m in _SENTENCE_EDGE.finditer(text, lo, start)]
    lo = edges[-1] if edges else lo
    hi_limit = min(len(text), end + _WINDOW)
    after = _SENTENCE_EDGE.search(text, end, hi_limit)
    return lo, (after.start() + 1 if after else hi_limit)


def score(phrase: str, context: str | None = None, model: LoadednessModel | None = None) -> float:
    """Loadedness of ``phrase`` (0-1), in ``context`` if given, rounded to 2 decimals.

    The phrase is looked for in ``context`` (first occurrence, ignoring case);
    if it is not there, or no context is given, it is scored as a sentence of
    its own. A phrase scores as its most loaded word.

    Parameters
    ----------
    phrase : str
        A word or phrase ("slaughtered", "Takfiri terrorists").
    context : str, optional
        The sentence or article it occurs in.
    model : LoadednessModel, optional
        Default: :meth:`LoadednessModel.default`.
    """
    text = context if context else phrase
    start = text.casefold().find(phrase.casefold()) if context else 0
    if start < 0:
        text, start = phrase, 0
    value = score_spans([text], [0], [start], [start + len(phrase)], model)[0]
    return round(float(value), 2)


def loaded_spans(
    texts: Sequence[str],
    threshold: float | None = None,
    model: LoadednessModel | None = None,
) -> pd.DataFrame:
    """Runs of words whose loadedness reaches ``threshold`` (default: the model's), as spans.

    Returns ``doc``, ``start``, ``end``, ``text`` and ``loadedness`` (the
    highest of the run); adjacent loaded words separated by spaces or
    hyphens form one span.

    Examples
    --------
    >>> spans = loaded_spans(["The brutal regime slaughtered them. Talks resumed."])
    >>> spans["text"].tolist()
    ['brutal regime slaughtered']
    """
    model = model or LoadednessModel.default()
    words = score_words(texts, model)
    cut = model.threshold if threshold is None else threshold
    rows: list[dict] = []
    for d, s, e, value in zip(
        words["doc"], words["start"], words["end"], words["loadedness"], strict=True
    ):
        if value < cut:
            continue
        text = texts[int(d)]
        if rows and rows[-1]["doc"] == d and text[rows[-1]["end"] : s].strip(" -") == "":
            rows[-1]["end"] = int(e)
            rows[-1]["loadedness"] = max(rows[-1]["loadedness"], float(value))
        else:
            rows.append({"doc": int(d), "start": int(s), "end": int(e), "loadedness": float(value)})
    frame = pd.DataFrame(rows, columns=["doc", "start", "end", "loadedness"])
    frame.insert(
        3,
        "text",
        [texts[d][s:e] for d, s, e in zip(frame["doc"], frame["start"], frame["end"], strict=True)],
    )
    return frame


def score_span_table(
    articles: pd.DataFrame, spans: pd.DataFrame, model: LoadednessModel | None = None
) -> np.ndarray:
    """Loadedness of each row of a span table (``article_id``, ``start``, ``end``).

    ``articles`` is the article table (``article_id``, ``text``), such as the
    one :func:`framing.analyze` works on; used for its ``loadedness`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"article_id": ["a"], "text": ["The regime fell."]})
    >>> spans = pd.DataFrame({"article_id": ["a"], "start": [4], "end": [10]})
    >>> float(score_span_table(articles, spans)[0]) > 0
    True
    """
    if not len(spans):
        return np.zeros(0)
    index = {a: i for i, a in enumerate(articles["article_id"])}
    texts = articles["text"].fillna("").astype(str).tolist()
    docs = [index[a] for a in spans["article_id"]]
    return score_spans(texts, docs, spans["start"].tolist(), spans["end"].tolist(), model)
