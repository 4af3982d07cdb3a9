"""File access for loaders: sizes, gzip, and the errors for missing files."""

from __future__ import annotations

import gzip
import io
import os
from typing import BinaryIO

from ..errors import LoadError

__all__ = ["file_name", "open_binary", "read_head", "read_limited"]

_GZIP_MAGIC = b"\x1f\x8b"


def file_name(path: str) -> str:
    """The last component of ``path`` (used in stable article ids)."""
    return os.path.basename(path.rstrip("/\\")) or path


def _check_exists(path: str) -> None:
    if not os.path.exists(path):
        raise LoadError(path, "no such file or directory", fix="check the path and its spelling")
    if os.path.isdir(path):
        raise LoadError(
            path, "is a directory", fix="pass its files, or the directory to framing.load"
        )


def read_head(path: str, size: int = 8192) -> bytes:
    """The first ``size`` bytes of ``path`` (decompressed if gzip)."""
    with open_binary(path) as handle:
        return handle.read(size)


def open_binary(path: str) -> BinaryIO:
    """Open ``path`` for reading bytes, transparently un-gzipping ``.gz`` files."""
    _check_exists(path)
    try:
        handle: BinaryIO = open(path, "rb")  # noqa: SIM115 - returned to the caller
    except PermissionError:
        raise LoadError(path, "permission denied", fix="check the file's permissions") from None
    if handle.read(2) == _GZIP_MAGIC and not path.endswith((".warc.gz", ".arc.gz")):
        handle.seek(0)
        return gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[return-value]
    handle.seek(0)
    return handle


def read_limited(path: str, max_bytes: int) -> bytes:
    """All bytes of a single-article file, refusing files over ``max_bytes``."""
    with open_binary(path) as handle:
        try:
            data = handle.read(max_bytes + 1)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise LoadError(
                path, f"the compressed file is damaged or truncated ({exc})", fix="re-download it"
            ) from None
    if len(data) > max_bytes:
        raise LoadError(
            path,
            f"the file is larger than max_bytes={max_bytes:,} bytes, too large for one article",
            fix="if it holds many articles, save them as JSON Lines or CSV (which stream); "
            "otherwise raise the limit with max_bytes= (CLI: --max-bytes)",
        )
    return data


def text_stream(handle: BinaryIO, encoding: str) -> io.TextIOWrapper:
    """A text view of a binary handle (newline handling left to the caller)."""
    return io.TextIOWrapper(handle, encoding=encoding, newline="")
