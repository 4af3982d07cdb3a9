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

from .accept_tables import AcceptTables, accept_score
from .cue_spans import best_cue_end_by_tables, cue_end_tables, cue_end_walk
from .phrases import possessive_mark
from .span_features import (
    GATHERED_CLASSES,
    MAX_SOURCE_TOKENS,
    OFFSET_EDGES,
    accept_features,
    bucket,
    end_feature_sets,
    end_walk,
    start_candidates,
    start_feature_sets,
    start_features,
    start_walk,
    word_class,
)
from .tokens import QUOTES, Token

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
            return self._best_start_tables(tokens, lo, last, rule_first, classes)
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

    def _best_start_tables(
        self, tokens: Sequence[Token], lo: int, last: int, rule_first: int, classes: Sequence[str]
    ) -> int:
        """:meth:`best_start` from weight tables, without building feature strings.

        The walk, the features and the order in which their weights are added
        are those of :func:`framing.features.span_features.start_walk`, so the
        scores, and the start chosen, are the same to the last bit.
        """
        t = _start_tables(self)
        single, pairs = t["single"], t["pairs"]
        w0_, w1_, w2_ = single["w0"], single["w-1"], single["w-2"]
        p10, p21 = pairs["w-1w0"], pairs["w-2w-1"]
        by_length, by_offset, by_commas = t["by_length"], t["by_offset"], t["by_commas"]
        has_, extra_ = t["has"], t["extra"]
        bias, rule = t["bias"], t["rule"]
        floor = max(lo, last - MAX_SOURCE_TOKENS)
        best, best_score = rule_first, -math.inf
        seen: set[str] = set()
        extra: set[str] = set()
        commas = 0
        gathered = 0.0
        for s in range(last, floor - 1, -1):
            text = tokens[s].text
            if (text in QUOTES and not possessive_mark(tokens, s)) or text in (":", ";"):
                break
            if s < last:
                cls = classes[s + 1]
                if cls == ",":
                    commas += 1
                if cls not in seen:
                    seen.add(cls)
                    gathered += has_.get(cls, 0.0)  # 0.0 for a class with no has= feature
            if s < rule_first:
                cls = classes[s]
                if cls not in extra:
                    extra.add(cls)
                    gathered += extra_.get(cls, 0.0)
            if not text[:1].isalnum():
                continue
            w0 = classes[s]
            w1 = classes[s - 1] if s > lo else "<BOS>"
            w2 = classes[s - 2] if s - 1 > lo else "<BOS>"
            offset = s - rule_first
            own = 0 + bias
            own += w0_.get(w0, 0.0)
            own += w1_.get(w1, 0.0)
            own += w2_.get(w2, 0.0)
            own += p10.get((w1, w0), 0.0)
            own += p21.get((w2, w1), 0.0)
            own += by_length[last - s]
            weight = by_offset.get(offset)
            own += weight if weight is not None else _offset_weight(t, offset)
            own += by_commas[min(commas, 3)]
            if offset == 0:
                own += rule
            score = gathered + own
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
                _cue_end_tables(self),
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

    def keep_candidate(self, *args: object) -> bool:
        """:meth:`accept` of the features ``accept_features(*args)`` describes, from weight tables.

        The same decision without the feature strings (:mod:`.accept_tables`);
        ``args`` are those of :func:`accept_features`, ``counts`` included.
        """
        score = accept_score(_accept_tables(self), *args)  # type: ignore[arg-type]
        return _sigmoid(score) >= self.accept_threshold


_START_SINGLE = ("w0", "w-1", "w-2", "len", "off", "commas", "has", "extra")
_START_PAIRS = ("w-1w0", "w-2w-1")
_TABLES: dict[int, dict[str, object]] = {}


def _start_tables(model: SpanModel) -> dict[str, object]:
    """The start weights by template: ``w0 -> {class: weight}``, pairs by ``(class, class)``.

    A pair feature ``w-1w0=a|b`` is entered under every split of its value at
    a ``|`` (a class may itself be ``|``): the lookup of the pair that formed
    the string finds it, and no other pair can.
    """
    key = id(model.start_weights)
    tables = _TABLES.get(key)
    if tables is not None and tables["source"] is model.start_weights:
        return tables
    single: dict[str, dict[str, float]] = {name: {} for name in _START_SINGLE}
    pairs: dict[str, dict[tuple[str, str], float]] = {name: {} for name in _START_PAIRS}
    for feature, weight in model.start_weights.items():
        template, _, value = feature.partition("=")
        if template in single:
            single[template][value] = weight
        elif template in pairs:
            for k, char in enumerate(value):
                if char == "|":
                    pairs[template][(value[:k], value[k + 1 :])] = weight
    tables = {
        "source": model.start_weights,
        "single": single,
        "pairs": pairs,
        "bias": model.start_weights.get("bias", 0.0),
        "rule": model.start_weights.get("rule", 0.0),
        # the weights of the length, offset and comma features by their number (a candidate
        # is at most MAX_SOURCE_TOKENS from its last token, so no bucket is formed per step)
        "by_length": [single["len"].get(bucket(n), 0.0) for n in range(MAX_SOURCE_TOKENS + 1)],
        "by_offset": {
            n: single["off"].get(f"{bucket(abs(n), OFFSET_EDGES)}{'-' if n < 0 else '+'}", 0.0)
            for n in range(-_OFFSETS, _OFFSETS + 1)
        },
        "by_commas": [single["commas"].get(str(n), 0.0) for n in range(4)],
        # the weights of the classes that form has= and extra= features (others form none;
        # adding 0.0 for them leaves the running sum as it is, which never is -0.0)
        "has": {
            c: w for c, w in single["has"].items() if not c.startswith("<") or c in GATHERED_CLASSES
        },
        "extra": {c: w for c, w in single["extra"].items() if not c.startswith("<-")},
    }
    _TABLES[key] = tables
    return tables


# Offsets of a candidate start from the rules' start with a precomputed weight (others are
# looked up by their bucket; the rules' start may lie outside the candidates' window).
_OFFSETS = 2 * MAX_SOURCE_TOKENS + 2


def _offset_weight(tables: dict[str, object], offset: int) -> float:
    """The weight of the ``off=`` feature of an offset outside the precomputed range."""
    key = f"{bucket(abs(offset), OFFSET_EDGES)}{'-' if offset < 0 else '+'}"
    return tables["single"]["off"].get(key, 0.0)  # type: ignore[index]


_ACCEPT_TABLES: dict[int, tuple[dict[str, float], AcceptTables]] = {}


def _accept_tables(model: SpanModel) -> AcceptTables:
    """:class:`~framing.features.accept_tables.AcceptTables` of a model (made once per model)."""
    weights = model.accept_weights
    known = _ACCEPT_TABLES.get(id(weights))
    if known is not None and known[0] is weights:
        return known[1]
    tables = AcceptTables(weights)
    _ACCEPT_TABLES[id(weights)] = (weights, tables)
    return tables


_CUE_END_TABLES: dict[int, tuple[dict[str, float], dict[str, object]]] = {}


def _cue_end_tables(model: SpanModel) -> dict[str, object]:
    """:func:`framing.features.cue_spans.cue_end_tables` of a model (made once per model)."""
    weights = model.cue_end_weights or {}
    known = _CUE_END_TABLES.get(id(weights))
    if known is not None and known[0] is weights:
        return known[1]
    tables = cue_end_tables(weights)
    _CUE_END_TABLES[id(weights)] = (weights, tables)
    return tables


@lru_cache(maxsize=1)
def _default_model() -> SpanModel | None:
    path = resources.files("framing.resources").joinpath("models", MODEL_FILE)
    try:
        text = path.read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    return SpanModel.from_json(text)
