"""The citing headline against the source headline.

Headlines carry framing the body may not ("X's claim about ...", "so-called
...", a scare-quoted name), in a register of their own, so they are compared
with each other rather than with body sentences. When both articles have a
title and the two titles share :data:`MIN_SHARED` content words (so they
tell the same story), their words are diffed like an aligned sentence pair
and each change is a row of the ``headline`` table:

* ``change`` - ``substitution`` (a replacement at or above the relevance
  threshold), ``rewording`` (one below it), ``addition`` or ``omission``;
* ``source_phrase`` / ``citing_phrase`` with offsets into each *title*;
* ``kind`` and ``relevance`` as in the substitutions table (additions and
  omissions: their kind, relevance empty).

Examples
--------
>>> table = compare_headlines("Officials say talks begin in Oman",
...                           "Officials' so-called talks begin in Oman")
>>> table[["change", "source_phrase", "citing_phrase", "kind"]].values.tolist()
[['substitution', 'say', 'so-called', 'loaded']]
"""

from __future__ import annotations

import pandas as pd

from .edits import content, diff_words, words_of
from .relevance import relevance_threshold
from .signals import one_referent
from .substitutions import judge_edits

__all__ = ["HEADLINE_COLUMNS", "MIN_SHARED", "compare_headlines"]

HEADLINE_COLUMNS: tuple[str, ...] = (
    "change",
    "source_phrase",
    "citing_phrase",
    "kind",
    "relevance",
    "source_start",
    "source_end",
    "citing_start",
    "citing_end",
)
# Two titles tell the same story when they share this many content words.
MIN_SHARED = 2


def compare_headlines(
    source_title: str | None, citing_title: str | None, threshold: float | None = None
) -> pd.DataFrame:
    """The ``headline`` table (:data:`HEADLINE_COLUMNS`) of two titles (empty when they
    are missing or tell different stories)."""
    empty = pd.DataFrame(columns=list(HEADLINE_COLUMNS))
    if not source_title or not citing_title:
        return empty
    threshold = relevance_threshold() if threshold is None else threshold
    s_words = words_of(source_title, 0, len(source_title))
    c_words = words_of(citing_title, 0, len(citing_title))
    shared = [
        w for w in content(c_words) if any(one_referent(w.text, s.text) for s in content(s_words))
    ]
    if len(shared) < MIN_SHARED:
        return empty
    subs, rewordings, omissions, additions = judge_edits(
        diff_words(s_words, c_words, source_title, citing_title),
        source_title,
        citing_title,
        s_words,
        c_words,
        threshold=threshold,
    )
    rows = []
    for change, found in (("substitution", subs), ("rewording", rewordings)):
        for r in found:
            rows.append({"change": change, **{k: r[k] for k in HEADLINE_COLUMNS[1:]}})
    for change, found, side in (
        ("omission", omissions, "source"),
        ("addition", additions, "citing"),
    ):
        for r in found:
            other = "citing" if side == "source" else "source"
            rows.append(
                {
                    "change": change,
                    f"{side}_phrase": r["text"],
                    f"{other}_phrase": None,
                    "kind": r["kind"],
                    "relevance": None,
                    f"{side}_start": r["start"],
                    f"{side}_end": r["end"],
                    f"{other}_start": None,
                    f"{other}_end": None,
                }
            )
    if not rows:
        return empty
    table = pd.DataFrame(rows, columns=list(HEADLINE_COLUMNS))
    for column in ("source_start", "source_end", "citing_start", "citing_end"):
        table[column] = table[column].astype("Int64")
    return table
