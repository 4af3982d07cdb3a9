"""Reading annotated tables for lexicon induction (marked words or spans)."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pandas as pd

from ..errors import FramingError

__all__ = ["load_annotations", "parse_marks"]


def load_annotations(path: str | Path) -> pd.DataFrame:
    """A table of annotated texts from CSV, TSV, JSON Lines, JSON or Parquet."""
    path = Path(path)
    suffix = path.suffix.casefold()
    try:
        if suffix in (".csv", ".tsv"):
            return pd.read_csv(path, sep="\t" if suffix == ".tsv" else ",")
        if suffix in (".jsonl", ".ndjson"):
            return pd.read_json(path, lines=True)
        if suffix == ".json":
            return pd.read_json(path)
        if suffix in (".parquet", ".pq"):
            return pd.read_parquet(path)
    except FileNotFoundError:
        raise FramingError(f"{path}: no such file. Fix: check the path.") from None
    except ValueError as exc:
        raise FramingError(f"{path}: could not read the table ({exc}).") from None
    raise FramingError(
        f"{path}: unknown table format {suffix!r}; use .csv, .tsv, .jsonl, .json or .parquet."
    )


def parse_marks(value: object, *, spans: bool) -> list[object]:
    """Marked words or ``(start, end)`` spans from a table cell.

    Examples
    --------
    >>> parse_marks("['bizarre', 'radical']", spans=False)
    ['bizarre', 'radical']
    >>> parse_marks("regime; puppet", spans=False)
    ['regime', 'puppet']
    >>> parse_marks("[[3, 9], [20, 25]]", spans=True)
    [(3, 9), (20, 25)]
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except ValueError:
                value = ast.literal_eval(text)
        else:
            value = [w.strip() for w in text.split(";") if w.strip()]
    items = list(value)  # type: ignore[call-overload]
    if spans:
        return [(int(s), int(e)) for s, e in items]
    return [str(w) for w in items]
