"""JSON and JSON Lines exports.

JSON: an array of article objects, an object holding such an array under a
common key (``articles``, ``data``, ``items``, ``records``, ``results``,
``documents``), or one article object. JSON Lines: one object per line,
streamed; a malformed line is skipped and reported with its line number
while the rest of the file loads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import LoadError
from .base import LoadOptions, LoadResult, Skipped
from .decode import decode_bytes
from .files import open_binary, read_limited
from .records import RecordReader

__all__ = ["read_json", "read_jsonl"]

_CONTAINER_KEYS = ("articles", "data", "items", "records", "results", "documents", "docs", "rows")


def _records(data: Any, path: str) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in _CONTAINER_KEYS:
            if isinstance(data.get(key), list):
                return data[key]
        return [data]
    raise LoadError(
        path,
        f"the JSON holds a {type(data).__name__}, not article objects",
        fix="export a list of objects, or one object per line as JSON Lines (.jsonl)",
    )


def read_json(path: str, options: LoadOptions) -> Iterator[LoadResult]:
    """Read a JSON file of one or many articles."""
    text = decode_bytes(read_limited(path, max(options.max_bytes, 2**31)), path).text
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            path,
            f"invalid JSON: {exc.msg}",
            location=f"line {exc.lineno}, column {exc.colno}",
            fix="the file may be truncated or hand-edited; re-export it, or use JSON Lines "
            "so that one bad record does not spoil the rest",
        ) from None
    reader = RecordReader(path, options, unit="record")
    yield from reader.articles(enumerate(_records(data, path), start=1))


def _jsonl_records(path: str) -> Iterator[tuple[int, Any]]:
    with open_binary(path) as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            location = f"line {number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = decode_bytes(raw, path).text
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield (
                    number,
                    Skipped(
                        path,
                        location,
                        str(
                            LoadError(
                                path,
                                f"invalid JSON ({exc.msg} at column {exc.colno})",
                                location=location,
                                fix="repair or remove that line",
                            )
                        ),
                    ),
                )


def read_jsonl(path: str, options: LoadOptions) -> Iterator[LoadResult]:
    """Stream a JSON Lines file, one article per line."""
    reader = RecordReader(path, options, unit="line")
    found = False
    for result in reader.articles(_jsonl_records(path)):
        found = True
        yield result
    if not found:
        raise LoadError(path, "the file is empty", fix="remove it from the input or re-export it")
