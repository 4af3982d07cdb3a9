"""Learning a weighted loaded-term lexicon from annotated text.

Annotations come either as marked words per text (BABE's ``biased_words``)
or as labelled character spans (PTC's ``Loaded_Language``). Every word of
the corpus is counted as marked or unmarked, pooled by Snowball stem so that
inflections share evidence; the marked/unmarked log-odds z-score (the
statistic of :func:`distinguishing_terms`) ranks stems, and a stem enters
the lexicon when it was marked at least ``min_support`` times and its z
passes ``z_threshold``. The weight of an entry is the share of its
occurrences that annotators marked.

Examples
--------
>>> texts = ["The radical regime lied.", "The radical plan failed.", "The plan passed.",
...          "The regime met."]
>>> marks = [["radical", "lied"], ["radical"], [], []]
>>> lexicon = induce_lexicon(texts, marks, min_support=2, z_threshold=0.5)
>>> lexicon.entries[["term", "weight"]].to_dict("records")
[{'term': 'radical', 'weight': 1.0}]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd
from nltk.stem.snowball import SnowballStemmer

from .distinguishing import log_odds_z
from .lexicon import LEXICON_COLUMNS, Lexicon

__all__ = ["induce_lexicon", "marked_tokens"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STEMMER = SnowballStemmer("english")
# Defaults chosen on the BABE and PTC training parts (benchmarks/eval_features.py).
# (inner 50/50 split of each training half; see the closing note of issue 3).
DEFAULT_MIN_SUPPORT = 2
DEFAULT_Z = 1.5
DEFAULT_MIN_WEIGHT = 0.2
DEFAULT_PRIOR_TOTAL = 100.0


def marked_tokens(text: str, marks: Sequence[object]) -> list[tuple[str, bool]]:
    """``(lower-case word, marked)`` for each word of ``text``.

    ``marks`` is a list of marked words (matched case-insensitively) or of
    ``(start, end)`` character spans.

    Examples
    --------
    >>> marked_tokens("A brutal regime fell.", [(2, 8)])
    [('a', False), ('brutal', True), ('regime', False), ('fell', False)]
    """
    spans = [m for m in marks if isinstance(m, (tuple, list)) and len(m) == 2]
    words = {str(m).casefold() for m in marks if isinstance(m, str)}
    out = []
    for match in _WORD.finditer(text):
        word = match.group().casefold()
        if spans:
            marked = any(s < match.end() and match.start() < e for s, e in spans)
        else:
            marked = word in words
        out.append((word, marked))
    return out


def induce_lexicon(
    texts: Sequence[str],
    marks: Sequence[Sequence[object]],
    *,
    min_support: int = DEFAULT_MIN_SUPPORT,
    z_threshold: float = DEFAULT_Z,
    prior_total: float = DEFAULT_PRIOR_TOTAL,
    max_terms: int | None = None,
    min_weight: float = DEFAULT_MIN_WEIGHT,
    category: str = "induced",
    name: str = "induced",
    source: str = "",
) -> Lexicon:
    """A lexicon of the words annotators mark more often than chance.

    Parameters
    ----------
    texts : sequence of str
        Sentences or documents.
    marks : sequence of sequences
        Per text, the marked words or ``(start, end)`` spans.
    min_support : int, default 3
        Minimum marked occurrences of a stem.
    z_threshold : float, default 1.5
        Minimum log-odds z-score (marked vs unmarked).
    prior_total : float, default 100
        Pseudo-count mass of the informative prior.
    max_terms : int, optional
        Keep at most this many entries (highest z).
    min_weight : float, default 0.2
        Minimum share of a stem's occurrences that are marked (precision of
        the entry on the training data).
    category, name, source : str
        Category of every entry, lexicon name, and provenance note.

    Returns
    -------
    Lexicon
        Entries with ``weight`` = marked share and the counts in ``note``.
    """
    if len(texts) != len(marks):
        raise ValueError(f"texts and marks differ in length ({len(texts)} vs {len(marks)}).")
    marked: Counter[str] = Counter()
    unmarked: Counter[str] = Counter()
    surface: dict[str, Counter[str]] = {}
    for text, text_marks in zip(texts, marks, strict=True):
        for word, is_marked in marked_tokens(text, list(text_marks or [])):
            stem = _STEMMER.stem(word)
            (marked if is_marked else unmarked)[stem] += 1
            if is_marked:
                surface.setdefault(stem, Counter())[word] += 1
    stems = sorted(set(marked) | set(unmarked))
    if not stems:
        return Lexicon(name, pd.DataFrame(columns=list(LEXICON_COLUMNS)))
    a = np.array([marked[s] for s in stems], dtype=float)
    b = np.array([unmarked[s] for s in stems], dtype=float)
    total = a + b
    prior = total / total.sum() * prior_total
    _, z = log_odds_z(a, b, prior)
    keep = (a >= min_support) & (z >= z_threshold) & (a / total >= min_weight)
    order = np.argsort(-z[keep], kind="stable")
    chosen = np.flatnonzero(keep)[order][:max_terms]
    records = []
    for i in chosen:
        stem = stems[i]
        records.append(
            {
                "term": surface[stem].most_common(1)[0][0],
                "category": category,
                "valence": 0.0,
                "neutral": None,
                "variants": "",
                "note": f"marked {int(a[i])} of {int(total[i])} occurrences; z={z[i]:.2f}",
                "source": source or "induced with framing.induce_lexicon",
                "weight": round(float(a[i] / total[i]), 4),
            }
        )
    return Lexicon(name, pd.DataFrame(records, columns=list(LEXICON_COLUMNS)))
