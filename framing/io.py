"""Writing outputs atomically: a crash never leaves a half-written file."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from os import PathLike
from pathlib import Path
from typing import IO, Any

import pandas as pd

from .errors import invalid_parameter

__all__ = ["TABLE_FORMATS", "atomic_path", "write_table", "write_text"]

TABLE_FORMATS = ("parquet", "csv", "jsonl", "json")
# The process umask, read once at import (reading it means setting it, briefly).
_UMASK = os.umask(0o022)
os.umask(_UMASK)


@contextmanager
def atomic_path(path: str | PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place on success.

    The final ``os.replace`` is atomic on POSIX and Windows, so readers see
    either the old file or the complete new one. On error the temporary file
    is removed and ``path`` is untouched.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text()
    'done'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        # mkstemp makes the file private (0600); give it the mode a plain open() would
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text(path: str | PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


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


def table_format(path: str | PathLike[str], format: str | None = None) -> str:
    """Output format from ``format`` or the file extension."""
    if format is None:
        suffix = Path(path).suffix.casefold().lstrip(".")
        format = {"pq": "parquet", "ndjson": "jsonl"}.get(suffix, suffix)
    if format not in TABLE_FORMATS:
        raise invalid_parameter("format", format, TABLE_FORMATS)
    return format


def write_table(table: pd.DataFrame, path: str | PathLike[str], format: str | None = None) -> Path:
    """Write a table atomically as Parquet, CSV, JSON Lines or JSON.

    ``meta`` and other dict/list cells become JSON (strings in CSV/Parquet);
    timestamps keep their UTC offset.
    """
    fmt = table_format(path, format)
    writers: dict[str, Callable[[Path], None]] = {
        "parquet": lambda tmp: _flat(table).to_parquet(tmp, index=False),
        "csv": lambda tmp: _flat(table).to_csv(tmp, index=False),
        "jsonl": lambda tmp: _write_lines(tmp, to_records(table)),
        "json": lambda tmp: tmp.write_text(
            json.dumps(to_records(table), default=_json_default, ensure_ascii=False, indent=1),
            encoding="utf-8",
        ),
    }
    with atomic_path(path) as tmp:
        writers[fmt](tmp)
    return Path(path)


def _write_lines(tmp: Path, records: list[dict[str, Any]]) -> None:
    with open(tmp, "w", encoding="utf-8") as handle:
        _dump_lines(handle, records)


def _dump_lines(handle: IO[str], records: list[dict[str, Any]]) -> None:
    for record in records:
        handle.write(json.dumps(record, default=_json_default, ensure_ascii=False))
        handle.write("\n")
