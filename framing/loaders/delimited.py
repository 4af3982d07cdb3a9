"""CSV and TSV exports, streamed row by row.

The delimiter is sniffed (comma, semicolon, tab, pipe); the encoding is
UTF-8 (with or without BOM) or, failing that, the legacy code page detected
on the first megabyte. A row with more fields than the header is skipped
and reported with its line number.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from typing import Any

from ..errors import LoadError
from .base import LoadOptions, LoadResult, Skipped
from .decode import decode_bytes
from .files import open_binary, read_head, text_stream
from .records import RecordReader

__all__ = ["read_csv"]

_SNIFF_BYTES = 1 << 20


def _encoding(path: str) -> str:
    head = read_head(path, _SNIFF_BYTES)
    decoded = decode_bytes(head, path)
    encoding = decoded.encoding
    if encoding.startswith("mixed"):
        encoding = encoding.split(", ")[1].rstrip(")")
    return encoding


def _dialect(sample: str, path: str) -> type[csv.Dialect] | csv.Dialect:
    if path.casefold().endswith((".tsv", ".tsv.gz", ".tab")):
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(sample[:65536], delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _rows(path: str, encoding: str) -> Iterator[tuple[int, Any]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open_binary(path) as binary:
        stream = text_stream(binary, encoding)
        sample = stream.read(65536)
        stream.seek(0)
        reader = csv.DictReader(stream, dialect=_dialect(sample, path))
        try:
            header = reader.fieldnames or []
            for row in reader:
                line = reader.line_num
                if None in row:
                    location = f"line {line}"
                    yield (
                        line,
                        Skipped(
                            path,
                            location,
                            str(
                                LoadError(
                                    path,
                                    f"{len(header) + len(row[None])} fields where the "
                                    f"header has {len(header)}",
                                    location=location,
                                    fix="quote fields that contain the delimiter",
                                )
                            ),
                        ),
                    )
                    continue
                yield line, row
        except UnicodeDecodeError as exc:
            raise LoadError(
                path,
                f"bytes that are not {encoding} ({exc.reason})",
                location=f"after line {reader.line_num}",
                fix="re-save the file as UTF-8",
            ) from None
        except csv.Error as exc:
            raise LoadError(
                path,
                f"malformed CSV ({exc})",
                location=f"line {reader.line_num}",
                fix="check quoting near that line",
            ) from None


def read_csv(path: str, options: LoadOptions) -> Iterator[LoadResult]:
    """Stream a CSV or TSV export, one article per row."""
    encoding = _encoding(path)
    reader = RecordReader(path, options, unit="line")
    rows = _rows(path, encoding)
    first = next(rows, None)
    if first is None:
        raise LoadError(path, "the CSV has a header but no rows", fix="export the articles too")
    if not isinstance(first[1], Skipped):
        reader.mapping_for(list(first[1]))  # fails early, for the whole file, without a text column
    yield from reader.articles(_chain(first, rows))


def _chain(first: tuple[int, Any], rest: Iterator[tuple[int, Any]]) -> Iterator[tuple[int, Any]]:
    yield first
    yield from rest
