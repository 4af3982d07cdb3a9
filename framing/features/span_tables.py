"""Where a source starts or ends, scored from weight tables rather than feature strings.

The span model (:mod:`framing.features.span_model`) scores the candidate
starts of a source before its cue, and the candidate ends of a source after
it, by the weights of the features of :func:`~framing.features.span_features.start_walk`
and :func:`~framing.features.span_features.end_walk`. The functions here walk
the same candidates and look up the same weights from tables by template
(``w0 -> {class: weight}``, pairs by their two values), adding them in the
order of the feature lists: the scores, and the span chosen, are the same
to the last bit, and no string is built per candidate.
``tests/features/test_span_model.py`` checks both against the strings.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from .phrases import possessive_mark
from .span_features import (
    _SUBORDINATORS,
    GATHERED_CLASSES,
    MAX_SOURCE_TOKENS,
    OFFSET_EDGES,
    bucket,
)
from .tokens import QUOTES, Token

__all__ = [
    "best_end_by_tables",
    "best_start_by_tables",
    "end_tables",
    "start_reach",
    "start_tables",
]


def _by_template(
    weights: Mapping[str, float], single: tuple[str, ...], pairs: tuple[str, ...]
) -> tuple[dict[str, dict[str, float]], dict[str, dict[tuple[str, str], float]]]:
    """Weights by template; a pair feature ``a|b`` under every split of its value at ``|``.

    (A class may itself be ``|``: the lookup of the pair that formed the
    string finds it, and no other pair can.)
    """
    singles: dict[str, dict[str, float]] = {name: {} for name in single}
    doubles: dict[str, dict[tuple[str, str], float]] = {name: {} for name in pairs}
    for feature, weight in weights.items():
        template, _, value = feature.partition("=")
        if template in singles:
            singles[template][value] = weight
        elif template in doubles:
            for k, char in enumerate(value):
                if char == "|":
                    doubles[template][(value[:k], value[k + 1 :])] = weight
    return singles, doubles


def _offset_key(n: int) -> str:
    return f"{bucket(abs(n), OFFSET_EDGES)}{'-' if n < 0 else '+'}"


# Offsets of a candidate from the rules' choice with a precomputed weight (others are
# looked up by their bucket; the rules' choice may lie outside the candidates' window).
_OFFSETS = 2 * MAX_SOURCE_TOKENS + 2


def start_tables(weights: Mapping[str, float]) -> dict[str, object]:
    """The start model's weights by template (see the module docstring)."""
    single, pairs = _by_template(
        weights, ("w0", "w-1", "w-2", "len", "off", "commas", "has", "extra"), ("w-1w0", "w-2w-1")
    )
    return {
        "single": single,
        "pairs": pairs,
        "bias": weights.get("bias", 0.0),
        "rule": weights.get("rule", 0.0),
        # the weights of the length, offset and comma features by their number (a candidate
        # is at most MAX_SOURCE_TOKENS from its last token, so no bucket is formed per step)
        "by_length": [single["len"].get(bucket(n), 0.0) for n in range(MAX_SOURCE_TOKENS + 1)],
        "by_offset": {
            n: single["off"].get(_offset_key(n), 0.0) for n in range(-_OFFSETS, _OFFSETS + 1)
        },
        # (commas counted, at most one a step: min(n, 3) looked up by n)
        "by_commas": [
            single["commas"].get(str(min(n, 3)), 0.0) for n in range(MAX_SOURCE_TOKENS + 2)
        ],
        # the weights of the classes that form has= and extra= features (others form none;
        # adding 0.0 for them leaves the running sum as it is, which never is -0.0)
        "has": {
            c: w for c, w in single["has"].items() if not c.startswith("<") or c in GATHERED_CLASSES
        },
        "extra": {c: w for c, w in single["extra"].items() if not c.startswith("<-")},
    }


# Tokens that may end the walk: quotation marks (not a plural possessive) and : ;
_BARRIERS = QUOTES | {":", ";"}


def start_reach(tokens: Sequence[Token], lo: int, last: int, first: int) -> tuple[bool, int]:
    """Where the walk of :func:`best_start_by_tables` goes: ``(alone, lowest)``.

    ``alone``: it meets no candidate start but ``first`` (it then keeps
    ``first``, whatever the weights: the model need not score it).
    ``lowest``: the lowest token index it visits (the same steps and stops);
    it reads word classes from ``max(lo, lowest - 2)`` to ``last``.
    """
    alone = True
    floor = max(lo, last - MAX_SOURCE_TOKENS)
    for s in range(last, floor - 1, -1):
        text = tokens[s].text
        if text in _BARRIERS and (text in (":", ";") or not possessive_mark(tokens, s)):
            return alone, s + 1
        if alone and s != first and text[0].isalnum():
            alone = False
    return alone, floor


def best_start_by_tables(
    t: Mapping[str, object],
    tokens: Sequence[Token],
    lo: int,
    last: int,
    rule_first: int,
    classes: Sequence[str],
) -> int:
    """The best-scoring start of a source ending at ``tokens[last]``, from :func:`start_tables`.

    The walk, the features and the order in which their weights are added
    are those of :func:`framing.features.span_features.start_walk`, so the
    scores, and the start chosen, are the same to the last bit.
    """
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
        if text in _BARRIERS and (text in (":", ";") or not possessive_mark(tokens, s)):
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
        if not text[0].isalnum():  # (a token is never empty)
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
        own += weight if weight is not None else single["off"].get(_offset_key(offset), 0.0)
        own += by_commas[commas]
        if offset == 0:
            own += rule
        score = gathered + own
        if score > best_score:
            best, best_score = s, score
    return best


def end_tables(weights: Mapping[str, float]) -> dict[str, object]:
    """The end model's weights by template (see the module docstring)."""
    single, pairs = _by_template(
        weights,
        ("e0", "e+1", "e+2", "len", "off", "commas", "has"),
        ("e0e+1", "e+1e+2"),
    )
    return {
        "single": single,
        "pairs": pairs,
        "bias": weights.get("bias", 0.0),
        "rule": weights.get("rule", 0.0),
        "by_length": [single["len"].get(bucket(n), 0.0) for n in range(MAX_SOURCE_TOKENS + 1)],
        "by_commas": [single["commas"].get(str(n), 0.0) for n in range(4)],
    }


def best_end_by_tables(
    t: Mapping[str, object],
    tokens: Sequence[Token],
    first: int,
    hi: int,
    rule_last: int,
    classes: Sequence[str],
) -> int:
    """The best-scoring end of a source starting at ``tokens[first]``, from :func:`end_tables`.

    The walk and features are those of :func:`framing.features.span_features.end_walk`;
    each candidate's own weights are summed by one ``sum`` as there.
    """
    single, pairs = t["single"], t["pairs"]  # type: ignore[index]
    e0s, e1s, e2s = single["e0"], single["e+1"], single["e+2"]
    p01, p12 = pairs["e0e+1"], pairs["e+1e+2"]
    offsets, has = single["off"], single["has"]
    by_length, by_commas = t["by_length"], t["by_commas"]
    bias, rule = t["bias"], t["rule"]
    ceiling = min(hi, first + MAX_SOURCE_TOKENS + 1)
    best, best_score = rule_last, -math.inf
    seen: set[str] = set()
    commas = 0
    gathered = 0.0
    for e in range(first, ceiling):
        text = tokens[e].text
        if (
            text in QUOTES
            or text in (":", ";")
            or (e > first and tokens[e].lower in _SUBORDINATORS)
        ):
            break
        if e > first:
            cls = classes[e]
            if cls == ",":
                commas += 1
            if cls not in seen:
                seen.add(cls)
                gathered += has.get(cls, 0.0)
        if not text[:1].isalnum():
            continue
        e0 = classes[e]
        e1 = classes[e + 1] if e + 1 < hi else "<EOS>"
        e2 = classes[e + 2] if e + 2 < hi else "<EOS>"
        offset = e - rule_last
        own = [
            bias,
            e0s.get(e0, 0.0),
            e1s.get(e1, 0.0),
            e2s.get(e2, 0.0),
            p01.get((e0, e1), 0.0),
            p12.get((e1, e2), 0.0),
            by_length[e - first],
            offsets.get(_offset_key(offset), 0.0),
            by_commas[min(commas, 3)],
        ]
        if offset == 0:
            own.append(rule)
        score = gathered + sum(own)
        if score > best_score:
            best, best_score = e, score
    return best
