"""Parquet exports, streamed in record batches with pyarrow."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import LoadError, import_optional
from .base import LoadOptions, LoadResult
from .files import open_binary
from .records import RecordReader

__all__ = ["read_parquet"]


def _records(path: str) -> Iterator[tuple[int, Any]]:
    pq = import_optional("pyarrow.parquet", feature="Reading Parquet", extra="parquet")
    with open_binary(path) as handle:
        try:
            parquet = pq.ParquetFile(handle)
        except Exception as exc:  # pyarrow raises ArrowInvalid, OSError...
            raise LoadError(
                path,
                f"not a readable Parquet file ({exc})",
                fix="re-export it, or check the format",
            ) from None
        number = 0
        batches = parquet.iter_batches(batch_size=1024)
        while True:
            try:
                batch = next(batches, None)
            except Exception as exc:  # pyarrow raises ArrowInvalid, OSError...
                raise LoadError(
                    path,
                    f"a damaged part of the Parquet file cannot be read ({exc}); "
                    "the records before it were loaded",
                    location=f"after record {number}",
                    fix="re-export the file",
                ) from None
            if batch is None:
                break
            for record in batch.to_pylist():
                number += 1
                yield number, record
    if number == 0:
        raise LoadError(
            path, "the Parquet file has no rows", fix="export the articles too, or leave it out"
        )


def read_parquet(path: str, options: LoadOptions) -> Iterator[LoadResult]:
    """Stream a Parquet file, one article per row."""
    yield from RecordReader(path, options, unit="record").articles(_records(path))
