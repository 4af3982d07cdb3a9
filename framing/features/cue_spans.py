"""Where a cue ends: candidate ends and their features for the learned choice.

A cue is at least its lexicon words ("said", "according to"); PolNeAR's
annotators often take more: a time ("said Tuesday"), a channel ("said in a
statement"), a preposition and its object ("asked about", "warned of"), up
to where the content or the source begins. The rules of
:func:`framing.features.spans.extend_cue` make one choice; the span model
(:mod:`framing.features.span_model`) may choose another among the
candidates listed here, scored by features of the words the cue would
cover and the word after it.

Examples
--------
>>> from framing.features.tokens import tokenize
>>> tokens = tokenize("She said in a statement Tuesday that it failed.")
>>> [e for e, _ in cue_end_feature_sets(tokens, 1, 1, 6, "say", "source_cue_content")]
[1, 2, 3, 4, 5]
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence

from .span_features import word_class
from .tokens import QUOTES, Token

__all__ = [
    "MAX_CUE_EXTENSION",
    "best_cue_end_by_tables",
    "cue_end_feature_sets",
    "cue_end_tables",
    "cue_end_walk",
]

# A cue runs at most this many tokens past its lexicon words ("said at a Buffalo town hall
# event Thursday"); longer extensions are rare in PolNeAR train.
MAX_CUE_EXTENSION = 10
_STOPS = frozenset({",", ";", ":", "(", ")", "—", "–", "--", ".", "!", "?"})


def _bucket(n: int) -> str:
    for edge in (0, 1, 2, 3, 4, 6):
        if n <= edge:
            return str(edge)
    return ">6"


def cue_end_walk(
    tokens: Sequence[Token],
    lexical_end: int,
    ceiling: int,
    rule_end: int,
    lemma: str,
    pattern: str,
    classes: Sequence[str],
    ceiling_kind: str = "end",
) -> Iterator[tuple[int, list[str], list[str]]]:
    """One pass rightwards from ``lexical_end``: ``(end or -1, own features, features gained)``.

    ``ceiling`` is the index of the first token the cue may not cover (where
    the content or the source begins, or the clause ends); ``ceiling_kind``
    names it (``content``, ``source`` or ``end``).
    """
    limit = min(ceiling, lexical_end + MAX_CUE_EXTENSION + 1)
    first_class = classes[lexical_end + 1] if lexical_end + 1 < limit else "<none>"
    for e in range(lexical_end, limit):
        text = tokens[e].text
        if e > lexical_end and (text in _STOPS or text in QUOTES):
            return
        added = [f"has={classes[e]}"] if e > lexical_end else []
        nxt = ceiling_kind if e + 1 >= ceiling else classes[e + 1]
        ext = _bucket(e - lexical_end)
        own = [
            "bias",
            f"e0={classes[e]}",
            f"next={nxt}",
            f"e0|next={classes[e]}|{nxt}",
            f"ext={ext}",
            f"lemma|ext={lemma}|{ext}",
            f"pattern|ext={pattern}|{min(e - lexical_end, 2)}",
            f"lemma|next={lemma}|{nxt}",
        ]
        if e > lexical_end:
            own += [f"x1={first_class}", f"lemma|x1={lemma}|{first_class}"]
        if e == rule_end:
            own.append("rule")
        yield e, own, added


def cue_end_feature_sets(
    tokens: Sequence[Token],
    lexical_end: int,
    rule_end: int,
    ceiling: int,
    lemma: str,
    pattern: str,
    classes: Sequence[str] | None = None,
    ceiling_kind: str = "end",
) -> list[tuple[int, list[str]]]:
    """``(end, features)`` of every candidate end of a cue (see :func:`cue_end_walk`).

    ``classes`` holds the word class of every token (computed if not given).
    """
    if classes is None:
        classes = [word_class(t) for t in tokens]
    out = []
    gathered: list[str] = []
    for e, own, added in cue_end_walk(
        tokens, lexical_end, ceiling, rule_end, lemma, pattern, classes, ceiling_kind
    ):
        gathered.extend(added)
        out.append((e, own + gathered))
    return out


_SINGLE = ("has", "e0", "next", "ext", "x1")
_PAIRS = ("e0|next", "lemma|ext", "pattern|ext", "lemma|next", "lemma|x1")
_EXTENDED = ("0", "1", "2")  # the pattern|ext value: min(extension, 2) as text


def cue_end_tables(weights: Mapping[str, float]) -> dict[str, object]:
    """The cue-end weights by template: ``e0 -> {class: weight}``, pairs by ``(value, value)``.

    A pair feature ``lemma|next=say|of`` is entered under every split of its
    value at a ``|`` (a class may itself be ``|``): the lookup of the pair
    that formed the string finds it, and no other pair can.
    """
    tables: dict[str, object] = {name: {} for name in _SINGLE + _PAIRS}
    for feature, weight in weights.items():
        template, _, value = feature.partition("=")
        if template in _SINGLE:
            tables[template][value] = weight  # type: ignore[index]
        elif template in _PAIRS:
            for k, char in enumerate(value):
                if char == "|":
                    tables[template][(value[:k], value[k + 1 :])] = weight  # type: ignore[index]
    tables["bias"] = weights.get("bias", 0.0)
    tables["rule"] = weights.get("rule", 0.0)
    return tables


def best_cue_end_by_tables(
    tables: Mapping[str, object],
    tokens: Sequence[Token],
    lexical_end: int,
    ceiling: int,
    rule_end: int,
    lemma: str,
    pattern: str,
    classes: Sequence[str],
    ceiling_kind: str = "end",
) -> int:
    """The best-scoring cue end from :func:`cue_end_tables`, without building feature strings.

    The walk, the features and the order in which their weights are summed
    are those of :func:`cue_end_walk` (each candidate's own weights by one
    ``sum``), so the scores, and the end chosen, are the same to the last bit.
    """
    has, e0s, nexts, exts, x1s = (tables[name] for name in _SINGLE)
    e0_next, lemma_ext, pattern_ext, lemma_next, lemma_x1 = (tables[name] for name in _PAIRS)
    bias, rule = tables["bias"], tables["rule"]
    limit = min(ceiling, lexical_end + MAX_CUE_EXTENSION + 1)
    first_class = classes[lexical_end + 1] if lexical_end + 1 < limit else "<none>"
    x1 = x1s.get(first_class, 0.0)  # type: ignore[attr-defined]
    x1_lemma = lemma_x1.get((lemma, first_class), 0.0)  # type: ignore[attr-defined]
    best, best_score = rule_end, -math.inf
    gathered = 0.0
    for e in range(lexical_end, limit):
        text = tokens[e].text
        n = e - lexical_end
        if n and (text in _STOPS or text in QUOTES):
            break
        cls = classes[e]
        if n:
            gathered += has.get(cls, 0.0)  # type: ignore[attr-defined]
        nxt = ceiling_kind if e + 1 >= ceiling else classes[e + 1]
        ext = _bucket(n)
        own = [
            bias,
            e0s.get(cls, 0.0),  # type: ignore[attr-defined]
            nexts.get(nxt, 0.0),  # type: ignore[attr-defined]
            e0_next.get((cls, nxt), 0.0),  # type: ignore[attr-defined]
            exts.get(ext, 0.0),  # type: ignore[attr-defined]
            lemma_ext.get((lemma, ext), 0.0),  # type: ignore[attr-defined]
            pattern_ext.get((pattern, _EXTENDED[min(n, 2)]), 0.0),  # type: ignore[attr-defined]
            lemma_next.get((lemma, nxt), 0.0),  # type: ignore[attr-defined]
        ]
        if n:
            own += (x1, x1_lemma)
        if e == rule_end:
            own.append(rule)
        score = gathered + sum(own)
        if score > best_score:
            best, best_score = e, score
    return best
