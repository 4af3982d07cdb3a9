"""A continuous loadedness score for words and phrases in context.

A :class:`~framing.features.loadedness_model.LoadednessModel` gives each
word the probability that expert annotators would mark it as loaded or
biased, from inspectable word features (valence, subjectivity, rarity,
lexicon categories, capitals, quotation), a learned weight per lemma, a
sentence classifier and the scores of the neighbouring words (see
:mod:`framing.features.loadedness_model`). Two models ship, chosen by name:

* ``words`` (the default): trained on BABE, which marks single biased words
  in news sentences; used by :func:`score` (the compare stage ranks
  substitutions with it) and the ``loadedness`` column of
  :func:`framing.analyze`;
* ``phrases``: trained on PTC, which marks Loaded_Language and
  Name_Calling phrases in propaganda-heavy articles; the default of
  :func:`loaded_spans`.

Both are trained by one command (:mod:`framing.features.loadedness_train`)
and stored as JSON in ``framing/resources/models/``; see ``MODEL_CARD.md``
there for the data, their licences, the cross-validated scores and the
intended use. ``$FRAMING_LOADEDNESS_MODEL`` (a JSON path) replaces the
``words`` model. Where a model file is missing, a transparent heuristic with
hand-set weights (:data:`HEURISTIC_WEIGHTS`: lexicon valence, VADER valence,
subjectivity) gives the score and ``model.kind`` says ``"heuristic"``;
nothing is downloaded.

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

import json
import os
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from ..errors import invalid_parameter
from .loadedness_features import word_features
from .loadedness_model import LoadednessModel

__all__ = [
    "HEURISTIC_WEIGHTS",
    "MODEL_ENV",
    "MODEL_FILES",
    "LoadednessModel",
    "get_model",
    "loaded_spans",
    "score",
    "score_span_table",
    "score_spans",
    "score_words",
]

MODEL_ENV = "FRAMING_LOADEDNESS_MODEL"
# Shipped models by name (framing/resources/models/; see MODEL_CARD.md there).
MODEL_FILES = {"words": "loadedness.json", "phrases": "loadedness-phrases.json"}
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


@lru_cache(maxsize=8)
def _load_named(name: str, env_path: str) -> LoadednessModel:
    if name == "heuristic":
        return LoadednessModel.heuristic()
    if name not in MODEL_FILES:
        raise invalid_parameter("model", name, [*MODEL_FILES, "heuristic"])
    if env_path and name == "words":
        return LoadednessModel.load(env_path)
    ref = resources.files("framing.resources").joinpath("models", MODEL_FILES[name])
    if ref.is_file():
        return LoadednessModel.from_dict(
            json.loads(ref.read_text("utf-8")), f"framing/resources/models/{MODEL_FILES[name]}"
        )
    return LoadednessModel.heuristic()


def get_model(model: LoadednessModel | str | None = None) -> LoadednessModel:
    """A model object, a shipped model by name (``words``, ``phrases``, ``heuristic``) or a path.

    ``None`` is the ``words`` model. A name whose file is missing (a
    distributor removed it) gives the heuristic, with no error.

    Examples
    --------
    >>> get_model("heuristic").kind
    'heuristic'
    """
    if isinstance(model, LoadednessModel):
        return model
    name = model or "words"
    if name.endswith(".json"):
        return LoadednessModel.load(name)
    return _load_named(name, os.environ.get(MODEL_ENV, ""))


# -- public scoring functions -------------------------------------------------------------
def score_words(texts: Sequence[str], model: LoadednessModel | str | None = None) -> pd.DataFrame:
    """Every word of ``texts`` with its ``loadedness`` (probability, 0-1).

    Returns a table with ``doc`` (index into ``texts``), ``start``, ``end``,
    ``text``, ``sentence`` and ``loadedness``; offsets slice the text.
    """
    words, X = word_features(list(texts))
    return words.assign(loadedness=get_model(model).predict(words, X))


def score_spans(
    texts: Sequence[str],
    docs: Sequence[int],
    starts: Sequence[int],
    ends: Sequence[int],
    model: LoadednessModel | str | None = None,
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


def score(
    phrase: str, context: str | None = None, model: LoadednessModel | str | None = None
) -> float:
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
    model: LoadednessModel | str | None = None,
) -> pd.DataFrame:
    """Runs of words whose loadedness reaches ``threshold`` (default: the model's), as spans.

    Returns ``doc``, ``start``, ``end``, ``text`` and ``loadedness`` (the
    highest of the run); adjacent loaded words separated by spaces or
    hyphens form one span. ``model`` defaults to ``"phrases"`` (trained on
    PTC's loaded-language and name-calling spans); ``"words"`` marks single
    words as BABE does.

    Examples
    --------
    >>> text = "The brutal regime slaughtered them. Talks resumed."
    >>> loaded_spans([text])["text"].tolist()  # the phrases model (PTC-style spans)
    ['The brutal regime slaughtered them']
    >>> loaded_spans([text], model="words")["text"].tolist()  # BABE-style words
    ['brutal regime slaughtered']
    """
    model = get_model(model or "phrases")
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
    articles: pd.DataFrame, spans: pd.DataFrame, model: LoadednessModel | str | None = None
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
