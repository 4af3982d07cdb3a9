"""Lesson 05 exercises: read a keyness ranking; spot a false finding; bootstrap an interval.

Examples
--------
>>> fb = check_keyness_reading({"regime": "frame", "fishermen": "topic"})
>>> [(n.status, n.item) for n in fb.notes][:2]
[('missing', 'agitators'), ('missing', 'foreign-funded')]
>>> [n.status for n in fb.notes if n.item in ("regime", "fishermen")]
['right', 'wrong']
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ._answers import is_blank, mentions_any, normalise, pair
from .data import exercise, load_corpus
from .feedback import Feedback, Note

__all__ = [
    "bootstrap_interval",
    "check_bootstrap_interval",
    "check_false_finding",
    "check_keyness_reading",
]

_CLASS_WORDS = {
    "frame": ("frame", "framing", "evaluat", "label", "own word", "loaded"),
    "quoted": ("quot", "attribut", "speaker", "cited word"),
    "source": ("source", "cited", "who is cited", "person", "name", "institution"),
    "topic": ("topic", "coverage", "subject", "place", "event"),
    "function": ("function", "grammar", "grammatical", "stop", "style", "pronoun", "common"),
}
_FLAW_WORDS = {
    "attributed_voice": ("attribut", "quot", "own voice", "voice", "speaker"),
    "outlier": ("outlier", "one article", "single article", "extreme"),
    "small_sample": ("sample", "small", "interval", "uncertain", "significan"),
    "lexicon": ("lexicon", "dictionary", "false positive", "misfire"),
    "topic": ("topic", "coverage", "event"),
}
# the summary's rates a student may bootstrap by mistake
_RATES = ("loaded_per_1000_words", "loaded_per_1000_own", "loaded_per_1000_attributed")
# A bootstrap interval's ends vary between runs: with 1,000 resamples of the 12 articles of
# an outlet of the course corpus, over 200 seeds, they moved at most 7% of the interval's
# width from a 20,000-resample reference. An answer within 8% of the width (plus half a
# term per 1,000 words) of the nearest computation is that computation.
INTERVAL_TOLERANCE = 0.08


def _class(value: Any, table: Mapping[str, tuple[str, ...]]) -> str | None:
    text = normalise(value)
    if text in table:
        return text
    return next((name for name, stems in table.items() if mentions_any(text, stems)), None)


def check_keyness_reading(answer: Any, *, key: Mapping[str, Any] | None = None) -> Feedback:
    """Check the kind of difference each distinguishing term shows.

    Parameters
    ----------
    answer : dict
        Term -> one of ``frame``, ``quoted``, ``source``, ``topic``,
        ``function`` (see the exercise), for the terms it asks about.
    """
    key = key or exercise("read-a-keyness-ranking").key
    name = "read-a-keyness-ranking"
    if not isinstance(answer, Mapping):
        return Feedback(name, (Note("wrong", "answer", "give a dict: term -> class"),))
    given = {normalise(k): v for k, v in answer.items()}
    terms = key["terms"]
    notes = []
    for term in [*key["ask"], *(t for t in given if t not in key["ask"])]:
        value = given.get(term)
        if term not in terms:
            notes.append(Note("hint", term, "not in the key; discuss it with your teacher"))
            continue
        entry = terms[term]
        if is_blank(value):
            notes.append(
                Note("missing", term, f"classify it as one of {', '.join(key['classes'])}")
            )
            continue
        chosen = _class(value, _CLASS_WORDS)
        if chosen is None:
            notes.append(
                Note(
                    "wrong",
                    term,
                    f"{value!r} is not a class; use one of {', '.join(key['classes'])}",
                )
            )
        elif chosen == entry["class"] or chosen in entry.get("accept", []):
            notes.append(Note("right", term, entry["why"]))
        elif chosen == "frame" and entry["class"] == "quoted":
            notes.append(
                Note(
                    "wrong",
                    term,
                    f"loaded, yes, but whose word is it? {entry['why']} (look at the 'voice' of "
                    "its spans in loaded_terms)",
                )
            )
        else:
            notes.append(
                Note("wrong", term, f"not {chosen} ({key['classes'][chosen]}): {entry['why']}")
            )
    return Feedback(name, tuple(notes))


def check_false_finding(answer: Any, *, key: Mapping[str, Any] | None = None) -> Feedback:
    """Check the diagnosis of a false finding about the corpus.

    Parameters
    ----------
    answer : dict
        ``flaw`` (``attributed_voice``, ``outlier``, ``small_sample``,
        ``lexicon`` or ``topic``), ``evidence`` (the column, table or
        article that shows it) and ``explanation`` (a sentence or two).
    """
    key = key or exercise("spot-the-false-finding").key
    name = "spot-the-false-finding"
    if not isinstance(answer, Mapping):
        return Feedback(
            name,
            (Note("wrong", "answer", 'give {"flaw": ..., "evidence": ..., "explanation": ...}'),),
        )
    notes = []
    flaw = answer.get("flaw")
    if is_blank(flaw):
        notes.append(
            Note("unanswered", "flaw", f"which flaw makes this false? {', '.join(key['flaws'])}")
        )
    else:
        chosen = _class(flaw, _FLAW_WORDS)
        entry = key["flaws"].get(chosen) if chosen else None
        if entry is None:
            notes.append(Note("wrong", "flaw", f"{flaw!r} is not one of {', '.join(key['flaws'])}"))
        elif entry["main"]:
            notes.append(Note("right", "flaw", entry["why"]))
        elif chosen in ("outlier", "small_sample"):
            notes.append(
                Note(
                    "wrong_reason",
                    "flaw",
                    "the finding is indeed unsound, but not mainly for that reason: "
                    f"{entry['why']}",
                )
            )
        else:
            notes.append(Note("wrong", "flaw", entry["why"]))
    evidence = answer.get("evidence")
    wanted = key["evidence"]
    if is_blank(evidence):
        notes.append(Note("missing", "evidence", "name the column or table that shows the flaw"))
    elif any(c in normalise(evidence) for c in wanted["columns"]) or mentions_any(
        evidence, wanted["words"]
    ):
        notes.append(
            Note(
                "right",
                "evidence",
                "the own-voice and attributed rates, side by side, show where the loaded terms are",
            )
        )
    else:
        notes.append(
            Note(
                "wrong",
                "evidence",
                f"{evidence!r} does not show whose words the loaded terms are; compare the "
                "summary's own-voice and attributed rates",
            )
        )
    explanation = answer.get("explanation")
    if is_blank(explanation):
        notes.append(
            Note(
                "missing",
                "explanation",
                "explain in a sentence or two why the finding does not follow",
            )
        )
    elif mentions_any(explanation, key["explanation"]):
        notes.append(Note("right", "explanation", "it says whose words the loaded terms are"))
    else:
        notes.append(
            Note(
                "wrong",
                "explanation",
                "it does not say whose words the loaded terms are: the paper's, or those of the "
                "people it quotes?",
            )
        )
    return Feedback(name, tuple(notes))


@lru_cache(maxsize=1)
def _corpus_summary() -> pd.DataFrame:
    from ..features import analyze

    return analyze(load_corpus()).summary


def bootstrap_interval(
    values: Any, *, confidence: float = 0.95, resamples: int = 10_000, seed: int = 0
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of ``values`` (one value per article).

    Examples
    --------
    >>> bootstrap_interval([1.0, 2.0, 3.0, 4.0], resamples=2000)
    (1.5, 3.5)
    """
    data = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, len(data), size=(resamples, len(data)))].mean(axis=1)
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(abs(a[0] - b[0]), abs(a[1] - b[1]))


def _as_interval(answer: Any) -> tuple[float, float] | None:
    if isinstance(answer, Mapping):
        answer = (answer.get("low"), answer.get("high"))
    low, high = pair(answer) if not isinstance(answer, (list, tuple)) else (answer[0], answer[1])
    try:
        return float(low), float(high)
    except (TypeError, ValueError):
        return None


def check_bootstrap_interval(answer: Any, *, key: Mapping[str, Any] | None = None) -> Feedback:
    """Check a 95% bootstrap interval of one outlet's mean loaded-term rate.

    The reference is computed when the check runs: a percentile bootstrap
    over the outlet's articles of the column named in the key, from
    ``framing.analyze`` on the shipped corpus.

    Parameters
    ----------
    answer : tuple or dict
        ``(low, high)`` or ``{"low": ..., "high": ...}``.
    """
    key = key or exercise("bootstrap-an-interval").key
    name = "bootstrap-an-interval"
    if is_blank(answer) or (isinstance(answer, (list, tuple)) and any(is_blank(v) for v in answer)):
        return Feedback(name, (Note("unanswered", "interval", "give (low, high)"),))
    interval = _as_interval(answer) if isinstance(answer, (list, tuple, Mapping)) else None
    if interval is None:
        return Feedback(
            name, (Note("wrong", "interval", f"{answer!r}: give two numbers, (low, high)"),)
        )
    summary = _corpus_summary()
    rows = summary[summary["outlet"].astype(str) == key["outlet"]]
    values = rows[key["column"]].to_numpy(dtype=float)
    conf, b, seed = key["confidence"], key["resamples"], key["seed"]
    ref = bootstrap_interval(values, confidence=conf, resamples=b, seed=seed)
    width = ref[1] - ref[0]
    mean, sd, n = values.mean(), values.std(ddof=1), len(values)
    low, high = interval
    label = f"({low:.1f}, {high:.1f})"
    if low > high:
        return Feedback(
            name, (Note("wrong", label, "the low end is above the high end: swap them"),)
        )
    se = sd / np.sqrt(n)
    # what a student may have computed -> (status, feedback); the nearest one within the
    # tolerance is the diagnosis
    candidates: list[tuple[tuple[float, float], str, str]] = [
        (
            ref,
            "right",
            f"the mean of {n} articles is {mean:.1f}; resampling articles gives about "
            f"({ref[0]:.1f}, {ref[1]:.1f}). The interval is wide and not symmetric: few "
            "articles, values bounded at 0",
        ),
        (
            (mean - 1.96 * sd, mean + 1.96 * sd),
            "wrong",
            "that is the range of single articles (mean ± 1.96 standard deviations), not the "
            "uncertainty of their mean: resample the articles and take the mean of each resample",
        ),
        (
            (mean - 1.96 * se, mean + 1.96 * se),
            "wrong_reason",
            "close, but that is the normal approximation (mean ± 1.96 standard errors), not a "
            "bootstrap: with few, skewed values it misplaces the ends; take percentiles of "
            "resampled means",
        ),
        (
            bootstrap_interval(values, confidence=0.99, resamples=b, seed=seed),
            "wrong",
            "that is a 99% interval: use the 2.5th and 97.5th percentiles",
        ),
        (
            bootstrap_interval(values, confidence=0.90, resamples=b, seed=seed),
            "wrong",
            "that is a 90% interval: use the 2.5th and 97.5th percentiles",
        ),
        *(
            (
                bootstrap_interval(rows[c], confidence=conf, resamples=b, seed=seed),
                "wrong",
                f"you bootstrapped {c}; the question is about {key['column']}",
            )
            for c in _RATES
            if c != key["column"]
        ),
        *(
            (
                bootstrap_interval(part[key["column"]], confidence=conf, resamples=b, seed=seed),
                "wrong",
                f"that is the interval of {outlet}; the question is about {key['outlet']}",
            )
            for outlet, part in summary.groupby(summary["outlet"].astype(str))
            if outlet != key["outlet"]
        ),
    ]
    slack = INTERVAL_TOLERANCE * width + 0.5
    nearest = min(candidates, key=lambda c: _distance(interval, c[0]))
    if _distance(interval, nearest[0]) <= slack:
        note = Note(nearest[1], label, nearest[2])
    elif not low <= mean <= high:
        note = Note(
            "wrong",
            label,
            f"it does not contain the mean of the articles ({mean:.1f}): resample the articles "
            f"of {key['outlet']} only",
        )
    elif high - low < width:
        note = Note(
            "wrong",
            label,
            "too narrow: resample articles (one value each), not loaded-term rows, sentences or "
            "words; the article is the unit the outlet publishes",
        )
    else:
        note = Note(
            "wrong",
            label,
            f"too wide: resample the {n} articles of this outlet (with replacement, {n} a time), "
            "take each resample's mean, then the 2.5th and 97.5th percentiles",
        )
    return Feedback(name, (note,))
