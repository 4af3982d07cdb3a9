"""CSV and TSV exports, streamed row by row.

The delimiter is sniffed (comma, semicolon, tab, pipe); the encoding is
UTF-8 (with or without BOM) or, failing that, the legacy code page detected
on the first megabyte. Problems stay with the row that has them, and are
reported with the line where that row starts:

* a row with more fields than the header is skipped;
* a quoted field that is never closed (an unterminated quote) would swallow
  every following row into one cell: that row is skipped and reading resumes
  at its next line, so nothing is silently merged;
* a row larger than ``max_bytes`` (also inside ``.gz``) is skipped without
  being held in memory (its end is where its quotes balance);
* NUL bytes are removed from the row that holds them, with a warning in that
  article's ``meta``, instead of the whole file being taken for binary data;
* a ``.csv.gz`` cut short keeps every complete row before the cut.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import LoadError
from .base import LoadOptions, LoadResult, Skipped
from .decode import decode_bytes
from .files import READ_ERRORS, open_binary, read_head, text_stream, truncated_error
from .records import RecordReader

__all__ = ["read_csv"]

_SNIFF_BYTES = 1 << 20
_DISCARD_CHUNK = 1 << 16


class _TooLarge(Exception):
    """A row grew past the size cap."""


class _Lines:
    """Physical lines for :func:`csv.reader`: read with a cap, NUL-free, counted per row.

    ``readline(limit)`` gives the next line (``""`` at the end); ``number``
    starts at the line before the first one read, so that line numbers stay
    those of the file when reading resumes after a bad row.
    """

    def __init__(
        self, readline: Callable[[int], str], max_chars: int, quotechar: str, first: int = 0
    ) -> None:
        self.readline = readline
        self.max_chars = max_chars
        self.quotechar = quotechar or '"'
        self.number = first
        self.ended = False
        self.start_row()

    def start_row(self) -> None:
        self.row_start = self.number + 1
        self.row_size = 0
        self.quotes = 0
        self.nuls = 0

    def __iter__(self) -> _Lines:
        return self

    def _read(self) -> str:
        line = self.readline(self.max_chars + 1)
        if not line:
            self.ended = True
            return line
        self.number += 1
        if len(line) > self.max_chars and not line.endswith(("\n", "\r")):
            self.quotes += line.count(self.quotechar)
            while True:  # the rest of an oversized line, read and dropped
                line = self.readline(_DISCARD_CHUNK)
                self.quotes += line.count(self.quotechar)
                if not line or line.endswith(("\n", "\r")):
                    break
            raise _TooLarge
        self.quotes += line.count(self.quotechar)
        return line

    def __next__(self) -> str:
        line = self._read()
        if not line:
            raise StopIteration
        self.row_size += len(line)
        if self.row_size > self.max_chars:
            raise _TooLarge
        if "\x00" in line:
            self.nuls += line.count("\x00")
            line = line.replace("\x00", "")
        return line

    def skip_rest_of_row(self) -> bool:
        """After a :class:`_TooLarge`, read to the end of the row without keeping it.

        The row ends at the first line end where its quotes balance. Returns
        False if the file ends first (a quote that is never closed).
        """
        while self.quotes % 2:
            try:
                if not self._read():
                    return False
            except _TooLarge:
                continue
        return True


def _reopen_after(
    opener: Callable[[], Callable[[int], str]], lines: int, cap: int
) -> Callable[[int], str]:
    """A ``readline`` of the file from line ``lines + 1`` on (lines read with a cap)."""
    readline = opener()
    done = 0
    while done < lines:
        line = readline(cap)
        if not line:
            break
        if line.endswith(("\n", "\r")) or len(line) < cap:
            done += 1
    return readline


def _encoding_and_sample(path: str) -> tuple[str, str]:
    head = read_head(path, _SNIFF_BYTES)
    decoded = decode_bytes(head, path)
    encoding = decoded.encoding
    if encoding.startswith("mixed"):
        encoding = encoding.split(", ")[1].rstrip(")")
    return encoding, decoded.text[:65536]


def _dialect(sample: str, path: str) -> type[csv.Dialect] | csv.Dialect:
    if path.casefold().endswith((".tsv", ".tsv.gz", ".tab")):
        return csv.excel_tab
    try:
        return csv.Sniffer().sniff(sample[:65536].replace("\x00", ""), delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _problem(path: str, line: int, problem: str, fix: str) -> tuple[int, Skipped]:
    location = f"line {line}"
    return line, Skipped(path, location, str(LoadError(path, problem, location=location, fix=fix)))


# How many times reading may resume after a row with an unclosed quote before the
# rest of the file is given up (each resumption reads the file from its start).
MAX_RESUMPTIONS = 20


class _RowParser:
    """Rows of one CSV file as ``(line, dict, notes)`` or ``(line, Skipped)``."""

    def __init__(
        self,
        path: str,
        dialect: Any,
        max_chars: int,
        opener: Callable[[], Callable[[int], str]],
    ) -> None:
        self.path = path
        self.dialect = dialect
        self.max_chars = max_chars
        self.opener = opener
        self.header: list[str] | None = None
        self.lines = self._lines(opener(), 0)

    def _lines(self, readline: Callable[[int], str], first: int) -> _Lines:
        return _Lines(readline, self.max_chars, getattr(self.dialect, "quotechar", '"'), first)

    def rows(self) -> Iterator[tuple[Any, ...]]:
        resumptions = 0
        lines = self.lines
        reader = csv.reader(lines, self.dialect)
        while True:
            lines.start_row()
            unclosed = False
            try:
                row = next(reader)
                unclosed = lines.ended and lines.number >= lines.row_start
            except StopIteration:
                return
            except _TooLarge:
                unclosed = not lines.skip_rest_of_row()
                if not unclosed:
                    yield _problem(
                        self.path,
                        lines.row_start,
                        f"the row holds more than max_bytes={self.max_chars:,} characters",
                        "split it, or raise the limit with max_bytes= (CLI: --max-bytes)",
                    )
                    continue
            except csv.Error as exc:
                yield _problem(
                    self.path,
                    lines.row_start,
                    f"malformed CSV ({exc})",
                    "check quoting in that row",
                )
                continue
            start = lines.row_start
            if unclosed:
                # The row ran to the end of the file: a quote was never closed.
                if self.header is None:
                    raise LoadError(
                        self.path,
                        "a quoted field in the header row is never closed",
                        location=f"line {start}",
                        fix="close the quote in the header row",
                    )
                resumptions += 1
                give_up = resumptions > MAX_RESUMPTIONS
                yield _problem(
                    self.path,
                    start,
                    "a quoted field opened in this row is never closed, so the rest of the file "
                    "would be read into it; the row is skipped"
                    + (
                        " and so is the rest of the file (too many such rows)"
                        if give_up
                        else " and reading resumes at the next line"
                    ),
                    'close the quote (a quote inside a quoted field is written twice: "")',
                )
                if give_up or lines.number <= start:
                    return
                lines = self._lines(_reopen_after(self.opener, start, self.max_chars), start)
                self.lines = lines
                reader = csv.reader(lines, self.dialect)
                continue
            if not row:
                continue
            notes = [f"removed {lines.nuls} NUL byte(s) from the row"] if lines.nuls else []
            if self.header is None:
                self.header = row
                continue
            if len(row) > len(self.header):
                spans = lines.number > start and resumptions < MAX_RESUMPTIONS
                yield _problem(
                    self.path,
                    start,
                    f"{len(row)} fields where the header has {len(self.header)}"
                    + (
                        f"; the row runs over lines {start}-{lines.number}, so a quote in it is "
                        "probably not closed where it should be, and reading resumes at the next "
                        "line"
                        if spans
                        else ""
                    ),
                    "quote fields that contain the delimiter"
                    + (", and close every quote" if spans else ""),
                )
                if spans:
                    resumptions += 1
                    lines = self._lines(_reopen_after(self.opener, start, self.max_chars), start)
                    self.lines = lines
                    reader = csv.reader(lines, self.dialect)
                continue
            record = dict(zip(self.header, row, strict=False))
            for name in self.header[len(row) :]:
                record.setdefault(name, None)
            yield start, record, notes


def _rows(path: str, encoding: str, sample: str, max_chars: int) -> Iterator[tuple[Any, ...]]:
    with contextlib.ExitStack() as handles:

        def opener() -> Callable[[int], str]:
            return handles.enter_context(text_stream(open_binary(path), encoding)).readline

        parser = _RowParser(path, _dialect(sample, path), max_chars, opener)
        try:
            yield from parser.rows()
        except UnicodeDecodeError as exc:
            raise LoadError(
                path,
                f"bytes that are not {encoding} ({exc.reason}); the rows before were loaded",
                location=f"after line {parser.lines.number}",
                fix="re-save the file as UTF-8",
            ) from None
        except READ_ERRORS as exc:
            raise truncated_error(path, exc, f"line {parser.lines.number}") from None
        if parser.header is None:
            raise LoadError(path, "the CSV file has no header row", fix="export the articles too")


def read_csv(path: str, options: LoadOptions) -> Iterator[LoadResult]:
    """Stream a CSV or TSV export, one article per row."""
    csv.field_size_limit(min(options.max_bytes, 2**31 - 1))
    encoding, sample = _encoding_and_sample(path)
    reader = RecordReader(path, options, unit="line")
    rows = _rows(path, encoding, sample, options.max_bytes)
    first = next(rows, None)
    if first is None:
        raise LoadError(path, "the CSV has a header but no rows", fix="export the articles too")
    if not isinstance(first[1], Skipped):
        reader.mapping_for(list(first[1]))  # fails early, for the whole file, without a text column
    yield from reader.articles(_chain(first, rows))


def _chain(first: tuple[Any, ...], rest: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    yield first
    yield from rest
