"""Grouping keys of articles: a column, a ``meta`` field or a calendar period.

Corpus tables group articles by anything a researcher asks for: a column of
the article or summary table (``outlet``, ``language``), a field the loader
kept in ``meta`` (the AllSides ``topic`` and ``bias``), or a period of the
publication time (``year``, ``quarter``, ``month``, ``week``, ``day``). The
key of each article is resolved once for the whole table, never per group.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..errors import invalid_parameter

__all__ = ["MISSING", "PERIODS", "group_keys", "normalise_by"]

# Calendar periods derived from ``published`` (pandas period codes).
PERIODS: dict[str, str] = {"year": "Y", "quarter": "Q", "month": "M", "week": "W", "day": "D"}
# The label of articles whose key is missing (no date, no topic).
MISSING = "(none)"


def normalise_by(by: str | Sequence[str] | None) -> list[str]:
    """``by`` as a list of names (``None``: one group of all articles).

    Examples
    --------
    >>> normalise_by("outlet"), normalise_by(["bias", "month"]), normalise_by(None)
    (['outlet'], ['bias', 'month'], [])
    """
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    names = list(by)
    if not all(isinstance(name, str) for name in names):
        raise invalid_parameter("by", by, "a column name or a list of column names")
    return names


def _meta_field(meta: pd.Series, name: str) -> pd.Series | None:
    values = [m.get(name) if isinstance(m, dict) else None for m in meta]
    if all(v is None for v in values):
        return None
    return pd.Series(
        [v if isinstance(v, (str, int, float, bool)) else None for v in values],
        index=meta.index,
        dtype=object,
    )


def group_keys(table: pd.DataFrame, by: str | Sequence[str] | None) -> pd.DataFrame:
    """One column per grouping name, one row per row of ``table`` (missing keys as ``(none)``).

    Parameters
    ----------
    table : DataFrame
        An article table or per-article summary (with ``meta`` for meta
        fields and ``published`` for periods).
    by : str or list of str
        Column names, ``meta`` fields or periods of ``published``.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["a", "b"], "meta": [{"bias": "left"}, {}],
    ...                   "published": pd.to_datetime(["2020-01-05", None], utc=True)})
    >>> group_keys(t, ["outlet", "bias", "month"]).values.tolist()
    [['a', 'left', '2020-01'], ['b', '(none)', '(none)']]
    """
    names = normalise_by(by)
    columns: dict[str, pd.Series] = {}
    for name in names:
        if name in table.columns and name != "meta":
            values = table[name]
        elif name in PERIODS and "published" in table.columns:
            published = pd.to_datetime(table["published"], utc=True)
            values = published.dt.tz_localize(None).dt.to_period(PERIODS[name]).astype(str)
            values = values.where(published.notna(), None)
        else:
            values = _meta_field(table["meta"], name) if "meta" in table.columns else None
            if values is None:
                known = [c for c in table.columns if c not in ("text", "meta")]
                raise invalid_parameter(
                    "by",
                    name,
                    f"a column ({', '.join(known)}), a meta field of the articles "
                    f"or a period of published ({', '.join(PERIODS)})",
                )
        values = values.astype(object).where(values.notna(), MISSING)
        columns[name] = values.astype(str).reset_index(drop=True)
    return pd.DataFrame(columns, index=pd.RangeIndex(len(table)))
