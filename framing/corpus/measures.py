"""The corpus measures: each a ratio of per-article sums, with its label and unit.

A measure is data (numerator and denominator columns of the per-article
summary, a scale), so :func:`framing.summarize` computes all of them with
one bootstrap per group and new ones are a row here, not new code.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MEASURES", "Measure", "measure_names"]


@dataclass(frozen=True)
class Measure:
    """``scale x sum(numerator) / sum(denominator)`` over a group's articles.

    ``denominator=None`` makes it the mean of ``numerator`` over articles.
    """

    name: str
    numerator: str
    denominator: str | None
    scale: float
    label: str


MEASURES: tuple[Measure, ...] = (
    Measure(
        "loaded_per_1000_words",
        "loaded_terms",
        "words",
        1000.0,
        "loaded terms per 1,000 words",
    ),
    Measure(
        "loaded_per_1000_own",
        "loaded_own",
        "own_voice_words",
        1000.0,
        "loaded terms per 1,000 words in the outlet's own voice",
    ),
    Measure(
        "loaded_per_1000_attributed",
        "loaded_attributed",
        "attributed_words",
        1000.0,
        "loaded terms per 1,000 words in attributed voice",
    ),
    Measure(
        "attributed_share",
        "attributed_words",
        "words",
        1.0,
        "share of words in attributed voice",
    ),
    Measure(
        "attributions_per_1000_words",
        "attributions",
        "words",
        1000.0,
        "attributions per 1,000 words",
    ),
    Measure(
        "direct_quote_share",
        "direct_quotes",
        "attributions",
        1.0,
        "share of attributions that are direct quotes",
    ),
    Measure(
        "loaded_cue_share",
        "loaded_cues",
        "attributions",
        1.0,
        "share of attributions with a loaded cue (claimed, admitted...)",
    ),
    Measure(
        "mean_compound",
        "mean_compound",
        None,
        1.0,
        "mean VADER compound score of the articles",
    ),
)


def measure_names() -> list[str]:
    """Names of the measures, in table order.

    Examples
    --------
    >>> measure_names()[:2]
    ['loaded_per_1000_words', 'loaded_per_1000_own']
    """
    return [m.name for m in MEASURES]
