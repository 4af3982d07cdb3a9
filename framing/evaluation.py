"""Scoring spans against gold annotations.

Two measures are used throughout framing's accuracy reports:

* :func:`span_prf` - precision, recall and F1 of spans matched one to one,
  either exactly (same start and end, after trimming punctuation and quote
  marks at the edges) or by any overlap.
* :func:`overlap_weighted_prf` - the partial-credit measure of SemEval-2020
  Task 11 (Da San Martino et al. 2020): a predicted span earns the share of
  its characters covered by gold spans (precision), a gold span the share
  covered by predictions (recall).

Examples
--------
>>> span_prf([(0, 5), (10, 20)], [(0, 5), (12, 18), (30, 40)], match="exact")
Scores(precision=0.500, recall=0.333, f1=0.400, predicted=2, gold=3)
>>> span_prf([(0, 5), (10, 20)], [(0, 5), (12, 18), (30, 40)], match="overlap").f1
0.8
>>> round(overlap_weighted_prf([(0, 10)], [(5, 15)]).f1, 2)
0.5
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "Scores",
    "combine",
    "overlap_weighted_combine",
    "overlap_weighted_prf",
    "span_prf",
    "trim_span",
]

Span = tuple[int, int]
_EDGE = set(" \t\n\"'“”‘’«».,;:!?—–-()")


@dataclass(frozen=True)
class Scores:
    """Precision, recall, F1 and the counts behind them."""

    precision: float
    recall: float
    f1: float
    predicted: float
    gold: float

    def __repr__(self) -> str:
        return (
            f"Scores(precision={self.precision:.3f}, recall={self.recall:.3f}, "
            f"f1={self.f1:.3f}, predicted={self.predicted:g}, gold={self.gold:g})"
        )

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def trim_span(text: str, span: Span) -> Span:
    """``span`` without punctuation, quote marks and spaces at its edges."""
    start, end = span
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _matched(predicted: Sequence[Span], gold: Sequence[Span], match: str) -> int:
    if match == "exact":
        remaining = list(gold)
        hits = 0
        for span in predicted:
            if span in remaining:
                remaining.remove(span)
                hits += 1
        return hits
    pairs = sorted(
        (
            (_overlap(p, g), i, j)
            for i, p in enumerate(predicted)
            for j, g in enumerate(gold)
            if _overlap(p, g) > 0
        ),
        reverse=True,
    )
    used_p, used_g = set(), set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def span_prf(predicted: Iterable[Span], gold: Iterable[Span], match: str = "exact") -> Scores:
    """Precision, recall and F1 of spans matched one to one.

    Parameters
    ----------
    predicted, gold : iterables of (start, end)
        Spans of one document (or with document offsets made disjoint).
    match : {"exact", "overlap"}
        Identical spans, or any character overlap (greedy, largest first).
    """
    predicted, gold = list(predicted), list(gold)
    hits = _matched(predicted, gold, match)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    return Scores(precision, recall, _f1(precision, recall), len(predicted), len(gold))


def combine(parts: Iterable[tuple[Sequence[Span], Sequence[Span]]], match: str = "exact") -> Scores:
    """Micro-averaged :func:`span_prf` over many documents."""
    hits = n_pred = n_gold = 0
    for predicted, gold in parts:
        hits += _matched(list(predicted), list(gold), match)
        n_pred += len(predicted)
        n_gold += len(gold)
    precision = hits / n_pred if n_pred else 0.0
    recall = hits / n_gold if n_gold else 0.0
    return Scores(precision, recall, _f1(precision, recall), n_pred, n_gold)


def overlap_weighted_prf(predicted: Iterable[Span], gold: Iterable[Span]) -> Scores:
    """SemEval-2020 Task 11 span-identification precision and recall (partial credit)."""
    return overlap_weighted_combine([(list(predicted), list(gold))])


def overlap_weighted_combine(parts: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> Scores:
    """:func:`overlap_weighted_prf` summed over documents."""
    p_credit = r_credit = 0.0
    n_pred = n_gold = 0
    for predicted, gold in parts:
        for s in predicted:
            if s[1] > s[0]:
                p_credit += min(1.0, sum(_overlap(s, t) for t in gold) / (s[1] - s[0]))
        for t in gold:
            if t[1] > t[0]:
                r_credit += min(1.0, sum(_overlap(s, t) for s in predicted) / (t[1] - t[0]))
        n_pred += len(predicted)
        n_gold += len(gold)
    precision = p_credit / n_pred if n_pred else 0.0
    recall = r_credit / n_gold if n_gold else 0.0
    return Scores(precision, recall, _f1(precision, recall), n_pred, n_gold)
