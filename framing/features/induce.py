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

import ast
import json
import re
from collections import Counter
from collections.abc import Sequence
from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.stem.snowball import SnowballStemmer

from ..errors import FramingError
from .distinguishing import log_odds_z
from .lexicon import LEXICON_COLUMNS, Lexicon

__all__ = [
    "MarksError",
    "check_marks",
    "induce_from_file",
    "induce_lexicon",
    "marked_tokens",
    "read_marks",
]

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STEMMER = SnowballStemmer("english")
# Defaults chosen on the BABE and PTC training parts (benchmarks/eval_features.py).
# (inner 50/50 split of each training half; see the closing note of issue 3).
DEFAULT_MIN_SUPPORT = 2
DEFAULT_Z = 1.5
DEFAULT_MIN_WEIGHT = 0.2
DEFAULT_PRIOR_TOTAL = 100.0


class MarksError(FramingError, ValueError):
    """An annotation cell is not a list of marked words or of ``[start, end]`` spans."""


_WORDS_FIX = 'write the marked words as a list (["regime", "puppet"]) or separated by ";"'
_SPANS_FIX = "write the spans as a list of [start, end] pairs, e.g. [[4, 10], [20, 26]]"


def _one_mark(item: object, spans: bool) -> object:
    """One marked word or span, or raise ``ValueError`` saying what is wrong."""
    if spans:
        if (
            isinstance(item, (list, tuple))
            and len(item) == 2
            and all(isinstance(x, (int, np.integer)) and not isinstance(x, bool) for x in item)
            and 0 <= item[0] <= item[1]
        ):
            return (int(item[0]), int(item[1]))
        raise ValueError(f"{item!r} is not a [start, end] pair of offsets with start <= end")
    if isinstance(item, str) and any(ch.isalpha() for ch in item):
        return item.strip()
    raise ValueError(f"{item!r} is not a word (a marked word has letters)")


def check_marks(value: object, *, spans: bool) -> list[object]:
    """Marked words or ``(start, end)`` spans from one annotation cell, checked.

    A cell is a list (or JSON / Python list text) of words or of
    ``[start, end]`` pairs; words may also be separated by ``;``. Empty cells
    give ``[]``. Anything else raises ``ValueError`` with the reason and the fix.

    Examples
    --------
    >>> check_marks("['bizarre', 'radical']", spans=False)
    ['bizarre', 'radical']
    >>> check_marks("regime; puppet", spans=False)
    ['regime', 'puppet']
    >>> check_marks("[[3, 9]]", spans=True)
    [(3, 9)]
    >>> check_marks("[[4]]", spans=True)
    Traceback (most recent call last):
    ...
    ValueError: [4] is not a [start, end] pair of offsets with start <= end; write the spans ...
    """
    fix = _SPANS_FIX if spans else _WORDS_FIX
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return []
        if text.startswith("["):
            try:
                value = json.loads(text)
            except ValueError:
                try:
                    value = ast.literal_eval(text)
                except (ValueError, SyntaxError, MemoryError, RecursionError):
                    raise ValueError(f"{_clip(text)} is not a complete list; {fix}") from None
        elif spans:
            raise ValueError(f"{_clip(text)} is not a list of spans; {fix}")
        else:
            value = [w.strip() for w in text.split(";") if w.strip()]
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"{_clip(value)} is not a list; {fix}")
    marks = []
    for item in value:
        try:
            marks.append(_one_mark(item, spans))
        except ValueError as exc:
            raise ValueError(f"{exc}; {fix}") from None
    return marks


def _clip(value: object, limit: int = 40) -> str:
    shown = repr(value)
    return shown if len(shown) <= limit else shown[:limit] + "..."


def read_marks(
    table: pd.DataFrame,
    column: str,
    *,
    spans: bool,
    origin: str | PathLike[str] = "the table",
    first_row: int = 2,
) -> list[list[object]]:
    """Checked marks of every row of ``table[column]`` (see :func:`check_marks`).

    Raises :class:`MarksError` naming ``origin``, the row (counted from
    ``first_row``: 2 for a CSV file whose line 1 is the header), the column,
    the problem and the fix; it lists how many more rows are bad.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"text": ["A regime.", "A plan."], "words": ["['regime']", 5]})
    >>> read_marks(table, "words", spans=False, origin="marks.csv")
    Traceback (most recent call last):
    ...
    framing.features.induce.MarksError: marks.csv: row 3, column 'words': 5 is not a list; ...
    """
    if column not in table.columns:
        raise MarksError(
            f"{origin}: no column {column!r}; columns are {list(map(str, table.columns))}. "
            "Fix: name the column of marks."
        )
    marks: list[list[object]] = []
    bad: list[tuple[int, str]] = []
    for number, value in enumerate(table[column].tolist()):
        try:
            marks.append(check_marks(value, spans=spans))
        except ValueError as exc:
            bad.append((number + first_row, str(exc)))
    if bad:
        row, reason = bad[0]
        more = f" ({len(bad) - 1} more bad row(s))" if len(bad) > 1 else ""
        raise MarksError(f"{origin}: row {row}, column {column!r}: {reason}{more}")
    return marks


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
    checked = []
    for number, text_marks in enumerate(marks):
        try:
            words = check_marks(text_marks, spans=False)
        except ValueError:
            try:
                words = check_marks(text_marks, spans=True)
            except ValueError as exc:
                raise MarksError(f"marks of text {number}: {exc}") from None
        checked.append(words)
    marks = checked
    marked: Counter[str] = Counter()
    unmarked: Counter[str] = Counter()
    surface: dict[str, Counter[str]] = {}
    for text, text_marks in zip(texts, marks, strict=True):
        for word, is_marked in marked_tokens(str(text), text_marks):
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
                "pos": "",
            }
        )
    return Lexicon(name, pd.DataFrame(records, columns=list(LEXICON_COLUMNS)))


def induce_from_file(
    path: str | PathLike[str],
    *,
    text_column: str = "text",
    words_column: str | None = None,
    spans_column: str | None = None,
    **kwargs: object,
) -> Lexicon:
    """:func:`induce_lexicon` on an annotated table file (CSV, TSV, JSONL, JSON, Parquet).

    Give exactly one of ``words_column`` (marked words per text) and
    ``spans_column`` (``[start, end]`` spans per text). Every cell is checked
    first: a bad one raises :class:`MarksError` naming the file, the row and
    the fix. Other keyword arguments go to :func:`induce_lexicon`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "marks.csv"
    >>> _ = path.write_text("text,words\\nThe regime lied.,regime\\nA plan.,\\n")
    >>> induce_from_file(path, words_column="words", min_support=1, z_threshold=0).name
    'marks'
    """
    from .annotations import load_annotations

    if (words_column is None) == (spans_column is None):
        raise MarksError("give exactly one of words_column and spans_column.")
    table = load_annotations(path)
    if text_column not in table.columns:
        raise MarksError(
            f"{path}: no column {text_column!r}; columns are {list(map(str, table.columns))}. "
            "Fix: name the text column (--text-column)."
        )
    column = str(words_column or spans_column)
    first_row = 2 if Path(path).suffix.casefold() in (".csv", ".tsv") else 1
    marks = read_marks(
        table, column, spans=spans_column is not None, origin=path, first_row=first_row
    )
    kwargs.setdefault("name", Path(path).stem)
    kwargs.setdefault("source", f"induced from {Path(path).name}")
    texts = table[text_column].fillna("").astype(str).tolist()
    return induce_lexicon(texts, marks, **kwargs)  # type: ignore[arg-type]
