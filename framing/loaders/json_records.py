"""JSON and JSON Lines exports.

JSON: an array of article objects, an object holding such an array under a
common key (``articles``, ``data``, ``items``, ``records``, ``results``,
``documents``), or one article object. JSON Lines: one object per line,
streamed, each line read with the ``max_bytes`` cap (also inside ``.gz``);
a malformed, oversized or too deeply nested line is skipped and reported
with its line number while the rest of the file loads, and a ``.jsonl.gz``
cut short keeps every complete line before the cut. A UTF-8 byte-order
mark before the first line is ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import LoadError, json_too_deep
from .base import LoadOptions, LoadResult, Skipped
from .decode import decode_bytes
from .files import LongLine, iter_lines, open_binary, read_limited
from .records import RecordReader

_BOM = b"\xef\xbb\xbf"

__all__ = ["read_json", "read_jsonl"]

_CONTAINER_KEYS = ("articles", "data", "items", "records", "results", "documents", "docs", "rows")


def _records(data: Any, path: str) -> list[Any]:
    records = _container(data, path)
    if not records:
        raise LoadError(
            path,
            "the JSON holds no records (an empty list)",
            fix="export the articles too, or leave the file out",
        )
    return records


def _container(data: Any, path: str) -> list[Any]:
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
    except RecursionError:
        raise json_too_deep(path, text) from None
    reader = RecordReader(path, options, unit="record")
    yield from reader.articles(enumerate(_records(data, path), start=1))


def _line_problem(path: str, location: str, problem: str, fix: str) -> Skipped:
    return Skipped(path, location, str(LoadError(path, problem, location=location, fix=fix)))


def _jsonl_records(path: str, max_bytes: int) -> Iterator[tuple[int, Any]]:
    with open_binary(path) as handle:
        for number, raw in iter_lines(handle, path, max_bytes):
            location = f"line {number}"
            if isinstance(raw, LongLine):
                yield (
                    number,
                    _line_problem(
                        path,
                        location,
                        f"the line holds {raw.size:,} bytes, more than max_bytes={max_bytes:,}",
                        "split the record, or raise the limit with max_bytes= (CLI: --max-bytes)",
                    ),
                )
                continue
            if number == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    line = decode_bytes(raw, path).text
                except LoadError as exc:
                    yield (
                        number,
                        _line_problem(path, location, exc.problem, "repair or remove that line"),
                    )
                    continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield (
                    number,
                    _line_problem(
                        path,
                        location,
                        f"invalid JSON ({exc.msg} at column {exc.colno})",
                        "repair or remove that line",
                    ),
                )
            except RecursionError:
                yield (
                    number,
                    _line_problem(
                        path,
                        location,
                        "the line nests lists or objects too deeply to read",
                        "flatten the record; news records need a few levels at most",
                    ),
                )


def read_jsonl(path: str, options: LoadOptions) -> Iterator[LoadResult]:
    """Stream a JSON Lines file, one article per line."""
    reader = RecordReader(path, options, unit="line")
    found = False
    for result in reader.articles(_jsonl_records(path, options.max_bytes)):
        found = True
        yield result
    if not found:
        raise LoadError(path, "the file is empty", fix="remove it from the input or re-export it")
