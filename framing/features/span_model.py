"""Learned re-scoring of attribution candidates, where the rules plateau.

The rules of :mod:`framing.features.candidates` propose each attribution;
small logistic models (scikit-learn, trained on PolNeAR train by
``python benchmarks/train_attribution_model.py``) then decide what rules
decide badly:

* **where a source starts** when it stands before its cue: every token
  from the cue back to the clause start is a candidate ("Senior campaign
  advisers who have run the numbers said", "Nine in 10 Democratic voters
  say"); the best-scoring start wins;
* **where a source ends** when it follows its cue ("said Robert Klein,
  chairman of the institute");
* **where a cue ends** ("said in a statement", "asked about": the
  candidates of :mod:`framing.features.cue_spans`);
* **whether a candidate is an attribution at all** ("pledged delegates",
  "a beer called Swing State", "maintains a wide lead" are not).

Features (:mod:`framing.features.span_features`) are short strings (word
classes of the tokens around the span, the cue lemma, the pattern); a model
is a table of feature weights shipped as JSON in
``framing/resources/models/attribution_spans.json`` (no pickle, no
download), with its model card beside it. Without the file the
extractor keeps the rules' choices.

Examples
--------
>>> model = SpanModel.default()
>>> model is None or model.accept_threshold > 0
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat
from typing import Any

from .accept_tables import AcceptTables
from .cue_spans import best_cue_end_by_tables, cue_end_tables, cue_end_walk
from .span_features import (
    accept_features,
    end_feature_sets,
    end_walk,
    start_candidates,
    start_feature_sets,
    start_features,
    start_walk,
    word_class,
)
from .span_tables import best_end_by_tables, best_start_by_tables, end_tables, start_tables
from .tokens import Token

__all__ = [
    "MODEL_FILE",
    "SpanModel",
    "accept_features",
    "end_feature_sets",
    "start_candidates",
    "start_feature_sets",
    "start_features",
    "word_class",
]

MODEL_FILE = "attribution_spans.json"


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -50 else 0.0


@dataclass(frozen=True)
class SpanModel:
    """Weights of the start and acceptance models (see the module docstring)."""

    start_weights: dict[str, float]
    accept_weights: dict[str, float]
    accept_threshold: float
    meta: dict[str, object]
    end_weights: dict[str, float] | None = None  # sources after their cue; rules if absent
    cue_end_weights: dict[str, float] | None = None  # where a cue ends; rules if absent

    @classmethod
    def from_json(cls, text: str) -> SpanModel:
        """A model from the JSON written by the training script."""
        data = json.loads(text)
        return cls(
            {str(k): float(v) for k, v in data["start"]["weights"].items()},
            {str(k): float(v) for k, v in data["accept"]["weights"].items()},
            float(data["accept"]["threshold"]),
            dict(data.get("meta", {})),
            {str(k): float(v) for k, v in data["end"]["weights"].items()}
            if "end" in data
            else None,
            {str(k): float(v) for k, v in data["cue_end"]["weights"].items()}
            if "cue_end" in data
            else None,
        )

    @classmethod
    def default(cls) -> SpanModel | None:
        """The shipped model, or ``None`` when its file is absent (rules only)."""
        return _default_model()

    def start_score(self, features: Sequence[str]) -> float:
        """Score of one start candidate (higher is better)."""
        weights = self.start_weights
        return sum(weights.get(f, 0.0) for f in features)

    def best_start(
        self,
        tokens: Sequence[Token],
        lo: int,
        last: int,
        rule_first: int,
        classes: Sequence[str] | None = None,
    ) -> int:
        """The best-scoring start of a source ending at ``tokens[last]``."""
        if classes is not None:
            return best_start_by_tables(
                _model_tables(self, "start"), tokens, lo, last, rule_first, classes
            )
        best, best_score = rule_first, -math.inf
        weights = self.start_weights
        gathered = 0.0  # running sum of the weights of the features gained so far
        for s, own, added in start_walk(tokens, lo, last, rule_first, classes):
            for feature in added:
                gathered += weights.get(feature, 0.0)
            if s < 0:
                continue
            score = gathered + sum(weights.get(f, 0.0) for f in own)
            if score > best_score:
                best, best_score = s, score
        return best

    def best_end(
        self,
        tokens: Sequence[Token],
        first: int,
        hi: int,
        rule_last: int,
        classes: Sequence[str] | None = None,
    ) -> int:
        """The best-scoring end of a source starting at ``tokens[first]`` after its cue."""
        if not self.end_weights:
            return rule_last
        if classes is not None:
            return best_end_by_tables(
                _model_tables(self, "end"), tokens, first, hi, rule_last, classes
            )
        best, best_score = rule_last, -math.inf
        weights = self.end_weights
        gathered = 0.0
        for e, own, added in end_walk(tokens, first, hi, rule_last, classes):
            for feature in added:
                gathered += weights.get(feature, 0.0)
            if e < 0:
                continue
            score = gathered + sum(weights.get(f, 0.0) for f in own)
            if score > best_score:
                best, best_score = e, score
        return best

    def best_cue_end(
        self,
        tokens: Sequence[Token],
        first: int,
        lexical_end: int,
        rule_end: int,
        ceiling: int,
        lemma: str,
        pattern: str,
        classes: Sequence[str],
        ceiling_kind: str = "end",
    ) -> int:
        """The best-scoring end of a cue starting at ``tokens[first]`` (see :mod:`.cue_spans`)."""
        if not self.cue_end_weights:
            return rule_end
        if classes is not None:
            return best_cue_end_by_tables(
                _model_tables(self, "cue_end"),
                tokens,
                lexical_end,
                ceiling,
                rule_end,
                lemma,
                pattern,
                classes,
                ceiling_kind,
            )
        return self._best_cue_end_walk(
            tokens, lexical_end, ceiling, rule_end, lemma, pattern, classes, ceiling_kind
        )

    def _best_cue_end_walk(
        self,
        tokens: Sequence[Token],
        lexical_end: int,
        ceiling: int,
        rule_end: int,
        lemma: str,
        pattern: str,
        classes: Sequence[str] | None,
        ceiling_kind: str,
    ) -> int:
        """:meth:`best_cue_end` over the feature strings of :func:`cue_end_walk`."""
        if classes is None:
            classes = [word_class(t) for t in tokens]
        best, best_score = rule_end, -math.inf
        weights = self.cue_end_weights or {}
        gathered = 0.0
        for e, own, added in cue_end_walk(
            tokens, lexical_end, ceiling, rule_end, lemma, pattern, classes, ceiling_kind
        ):
            for feature in added:
                gathered += weights.get(feature, 0.0)
            score = gathered + sum(weights.get(f, 0.0) for f in own)
            if score > best_score:
                best, best_score = e, score
        return best

    def accept_probability(self, features: Sequence[str]) -> float:
        """Probability that a candidate is an attribution."""
        weights = self.accept_weights
        return _sigmoid(sum(map(weights.get, features, repeat(0.0))))

    def accept(self, features: Sequence[str]) -> bool:
        """Whether a candidate is kept (probability at least the calibrated threshold)."""
        return self.accept_probability(features) >= self.accept_threshold

    def keep(self, found: object, features: Sequence[str]) -> bool:
        """:meth:`accept` for the extractor (``found`` is for recorders that label it)."""
        return self.accept(features)

    def accepts_score(self, score: float) -> bool:
        """:meth:`accept` of features whose weights sum to ``score`` (from weight tables)."""
        return _sigmoid(score) >= self.accept_threshold


# The weight tables of each model, made once: kind -> builder from the model's weights.
_BUILDERS = {
    "start": (lambda m: m.start_weights, start_tables),
    "end": (lambda m: m.end_weights or {}, end_tables),
    "cue_end": (lambda m: m.cue_end_weights or {}, cue_end_tables),
    "accept": (lambda m: m.accept_weights, AcceptTables),
}
_TABLES: dict[tuple[str, int], tuple[object, object]] = {}


def _model_tables(model: SpanModel, kind: str) -> Any:
    """The weight tables of one of a model's parts (``start``, ``end``, ``cue_end``, ``accept``)."""
    weights_of, build = _BUILDERS[kind]
    weights = weights_of(model)
    known = _TABLES.get((kind, id(weights)))
    if known is not None and known[0] is weights:
        return known[1]
    tables = build(weights)
    _TABLES[(kind, id(weights))] = (weights, tables)
    return tables


def model_tables(model: SpanModel) -> dict[str, Any]:
    """The weight tables of every part of a model, by part (each made once per model)."""
    return {kind: _model_tables(model, kind) for kind in _BUILDERS}


@lru_cache(maxsize=1)
def _default_model() -> SpanModel | None:
    path = resources.files("framing.resources").joinpath("models", MODEL_FILE)
    try:
        text = path.read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    return SpanModel.from_json(text)
