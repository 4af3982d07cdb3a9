"""Writing tables and JSON: atomically, and safe to open in a spreadsheet.

* Every output goes through :mod:`framing.atomic` (complete or absent; errors
  name the user's path; leftovers of killed runs removed).
* CSV and TSV cells that a spreadsheet would run as a formula (starting with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) are prefixed with
  ``'``, as the OWASP guidance on CSV injection recommends
  (:func:`neutralise_cells`); lines end in CRLF (RFC 4180).
* JSON streams object by object (:func:`write_json_objects`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from os import PathLike
from pathlib import Path
from typing import IO, Any

import pandas as pd

from .atomic import atomic_files, atomic_path, prepare_output, write_text
from .errors import invalid_parameter

__all__ = [
    "TABLE_FORMATS",
    "atomic_files",
    "atomic_path",
    "neutralise_cells",
    "prepare_output",
    "safe_csv",
    "write_json_objects",
    "write_table",
    "write_text",
]

TABLE_FORMATS = ("parquet", "csv", "tsv", "jsonl", "json")
# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _json_default(value: Any) -> Any:
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def to_records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts (timestamps as ISO 8601, missing as None)."""
    records = []
    for row in table.to_dict(orient="records"):
        clean = {}
        for key, value in row.items():
            if isinstance(value, pd.Timestamp):
                value = value.isoformat()
            elif not isinstance(value, (dict, list)) and pd.isna(value):
                value = None
            clean[str(key)] = value
        records.append(clean)
    return records


def _flat(table: pd.DataFrame) -> pd.DataFrame:
    """Dict and list cells as JSON strings, for CSV and Parquet."""
    flat = table.copy()
    for column in flat.columns:
        if (
            flat[column].dtype == object
            and flat[column].map(lambda v: isinstance(v, (dict, list))).any()
        ):
            flat[column] = flat[column].map(
                lambda v: (
                    json.dumps(v, default=_json_default, ensure_ascii=False)
                    if isinstance(v, (dict, list))
                    else v
                )
            )
    return flat


def neutralise_cell(value: object) -> object:
    """Prefix ``'`` to a text cell a spreadsheet would read as a formula.

    Examples
    --------
    >>> neutralise_cell('=HYPERLINK("http://x")'), neutralise_cell("-5"), neutralise_cell(-5)
    ('\\'=HYPERLINK("http://x")', "'-5", -5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_cells(table: pd.DataFrame) -> pd.DataFrame:
    """Text cells beginning with ``= + - @``, tab or CR prefixed with ``'`` (OWASP).

    Numbers keep their type (a negative number is not a formula). Reading
    the file back gives the text with the leading ``'``.

    Examples
    --------
    >>> t = pd.DataFrame({"text": ["@SUM(A1)", "fine"], "n": [-1, 2]})
    >>> neutralise_cells(t)["text"].tolist()
    ["'@SUM(A1)", 'fine']
    """
    safe = table.copy()
    for column in safe.columns:
        series = safe[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            categories = series.cat.categories
            if any(isinstance(c, str) and c.startswith(FORMULA_STARTS) for c in categories):
                safe[column] = series.astype(object).map(neutralise_cell)
        elif series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            risky = series.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_STARTS))
            if risky.any():
                safe[column] = series.astype(object).map(neutralise_cell)
    return safe


# RFC 4180 line ends: a cell holding a carriage return is then quoted, as readers expect
_CSV_OPTIONS: dict[str, Any] = {"index": False, "lineterminator": "\r\n"}


def safe_csv(
    table: pd.DataFrame,
    target: str | PathLike[str] | IO[str] | None = None,
    *,
    sep: str = ",",
    **options: Any,
) -> str | None:
    """``table`` as CSV (or TSV) made safe for spreadsheets: the one way framing writes CSV.

    Dict and list cells become JSON, formula-like cells are neutralised
    (:func:`neutralise_cells`), lines end in CRLF (RFC 4180). Returns the text
    when ``target`` is None.

    Examples
    --------
    >>> safe_csv(pd.DataFrame({"a": ["=1+1", "x"]})).split()
    ['a', "'=1+1", 'x']
    """
    return neutralise_cells(_flat(table)).to_csv(target, sep=sep, **(_CSV_OPTIONS | options))


def table_format(path: str | PathLike[str], format: str | None = None) -> str:
    """Output format from ``format`` or the file extension."""
    if format is None:
        suffix = Path(path).suffix.casefold().lstrip(".")
        format = {"pq": "parquet", "ndjson": "jsonl"}.get(suffix, suffix)
    if format not in TABLE_FORMATS:
        raise invalid_parameter("format", format, TABLE_FORMATS)
    return format


def write_table(table: pd.DataFrame, path: str | PathLike[str], format: str | None = None) -> Path:
    """Write a table atomically as Parquet, CSV, TSV, JSON Lines or JSON.

    ``meta`` and other dict/list cells become JSON (strings in CSV/Parquet);
    timestamps keep their UTC offset. CSV and TSV cells that would run as a
    spreadsheet formula are neutralised (see :func:`neutralise_cells`).
    """
    fmt = table_format(path, format)
    writers: dict[str, Callable[[Path], None]] = {
        "parquet": lambda tmp: _flat(table).to_parquet(tmp, index=False),
        "csv": lambda tmp: safe_csv(table, tmp),
        "tsv": lambda tmp: safe_csv(table, tmp, sep="\t"),
        "jsonl": lambda tmp: _write_lines(tmp, to_records(table)),
        "json": lambda tmp: tmp.write_text(
            json.dumps(to_records(table), default=_json_default, ensure_ascii=False, indent=1),
            encoding="utf-8",
        ),
    }
    with atomic_path(path) as tmp:
        writers[fmt](tmp)
    return Path(path)


def append_csv(table: pd.DataFrame, path: Path, *, header: bool) -> None:
    """Append ``table`` to a CSV file (streamed outputs), neutralising formula cells."""
    safe_csv(table, path, header=header, mode="a")


def write_json_objects(
    handle: IO[str],
    objects: Iterable[Any],
    *,
    indent: int | None = 1,
    unwrap_single: bool = False,
) -> int:
    """Stream ``objects`` to ``handle`` as one JSON array; return how many were written.

    Memory holds one object at a time (two with ``unwrap_single``, which
    writes a lone object without the enclosing array).

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> write_json_objects(out, iter([{"a": 1}, {"a": 2}]), indent=None)
    2
    >>> out.getvalue()
    '[\\n{"a": 1},\\n{"a": 2}\\n]\\n'
    """

    def dump(value: Any) -> str:
        return json.dumps(value, default=_json_default, ensure_ascii=False, indent=indent)

    count = 0
    first: Any = None
    for value in objects:
        count += 1
        if count == 1 and unwrap_single:
            first = value
            continue
        if count == 1:
            handle.write("[\n")
        elif count == 2 and unwrap_single:
            handle.write("[\n" + dump(first))
            first = None
        if count > 1:
            handle.write(",\n")
        handle.write(dump(value))
    if count == 1 and unwrap_single:
        handle.write(dump(first) + "\n")
    elif count == 0:
        handle.write("[]\n")
    else:
        handle.write("\n]\n")
    return count


def _write_lines(tmp: Path, records: list[dict[str, Any]]) -> None:
    with open(tmp, "w", encoding="utf-8") as handle:
        _dump_lines(handle, records)


def _dump_lines(handle: IO[str], records: list[dict[str, Any]]) -> None:
    for record in records:
        handle.write(json.dumps(record, default=_json_default, ensure_ascii=False))
        handle.write("\n")
