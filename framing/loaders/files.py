"""File access for loaders: sizes, gzip, capped lines, and the errors for bad files."""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import LoadError

__all__ = [
    "READ_ERRORS",
    "LongLine",
    "file_name",
    "iter_lines",
    "open_binary",
    "read_head",
    "read_limited",
    "special_file_kind",
    "truncated_error",
]

_GZIP_MAGIC = b"\x1f\x8b"
# What reading a damaged or cut-off compressed file raises.
READ_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)
_DISCARD_CHUNK = 1 << 16


def file_name(path: str) -> str:
    """The last component of ``path`` (used in stable article ids)."""
    return os.path.basename(path.rstrip("/\\")) or path


def special_file_kind(mode: int) -> str | None:
    """``"FIFO"``, ``"device"`` or ``"socket"`` for such a file mode, else ``None``."""
    if stat.S_ISFIFO(mode):
        return "FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return None


def _check_exists(path: str) -> None:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise LoadError(
            path, "no such file or directory", fix="check the path and its spelling"
        ) from None
    except OSError as exc:  # a symlink loop, a name too long, permission on a parent...
        raise LoadError(path, f"cannot be read ({exc.strerror})", fix="check the path") from None
    if stat.S_ISDIR(mode):
        raise LoadError(
            path, "is a directory", fix="pass its files, or the directory to framing.load"
        )
    kind = special_file_kind(mode)
    if kind is not None:
        # Opening a FIFO blocks until something writes to it; a device may never end.
        raise LoadError(
            path,
            f"is a {kind}, not a regular file",
            fix="save what it delivers to a file first and load that file",
        )


def read_head(path: str, size: int = 8192) -> bytes:
    """The first ``size`` bytes of ``path`` (decompressed if gzip; less if it is cut off)."""
    with open_binary(path) as handle:
        try:
            return handle.read(size)
        except READ_ERRORS:
            # A truncated or damaged gzip: the readers report it where it happens.
            handle.seek(0)
            return _read_what_decompresses(handle, size)


def _read_what_decompresses(handle: BinaryIO, size: int) -> bytes:
    data = bytearray()
    try:
        while len(data) < size:
            chunk = handle.read(min(4096, size - len(data)))
            if not chunk:
                break
            data += chunk
    except (*READ_ERRORS, OSError):
        pass
    return bytes(data)


def open_binary(path: str) -> BinaryIO:
    """Open ``path`` for reading bytes, transparently un-gzipping ``.gz`` files."""
    _check_exists(path)
    try:
        handle: BinaryIO = open(path, "rb")  # noqa: SIM115 - returned to the caller
    except PermissionError:
        raise LoadError(path, "permission denied", fix="check the file's permissions") from None
    except OSError as exc:
        raise LoadError(path, f"cannot be opened ({exc.strerror})", fix="check the file") from None
    if handle.read(2) == _GZIP_MAGIC and not path.endswith((".warc.gz", ".arc.gz")):
        handle.seek(0)
        return gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[return-value]
    handle.seek(0)
    return handle


def truncated_error(path: str, exc: BaseException, done: str) -> LoadError:
    """The error for a compressed file that ends early or is damaged after ``done``.

    ``done`` says what was read completely, e.g. ``"line 1016"``; everything
    before that point has been loaded (the readers stream).
    """
    cut = isinstance(exc, EOFError)
    problem = (
        "the compressed file ends early: it is truncated"
        if cut
        else f"the compressed data is damaged ({exc})"
    )
    return LoadError(
        path,
        f"{problem}; the complete records before this point were loaded",
        location=f"after {done}",
        fix="re-download or re-create the file to get the rest",
    )


def read_limited(path: str, max_bytes: int) -> bytes:
    """All bytes of a single-article file, refusing files over ``max_bytes``."""
    with open_binary(path) as handle:
        try:
            data = handle.read(max_bytes + 1)
        except (*READ_ERRORS, OSError) as exc:
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


@dataclass(frozen=True)
class LongLine:
    """A line longer than the per-record cap; its bytes were read and dropped."""

    size: int


def iter_lines(
    handle: BinaryIO, path: str, max_bytes: int
) -> Iterator[tuple[int, bytes | LongLine]]:
    """``(line number, bytes)`` of a binary file, each line read with a length cap.

    A line over ``max_bytes`` is read in chunks and discarded, so memory stays
    bounded; it is yielded as a :class:`LongLine`. A compressed file that
    ends early or is damaged raises :class:`LoadError` after its complete
    lines have been yielded.
    """
    number = 0
    try:
        while True:
            line = handle.readline(max_bytes + 1)
            if not line:
                return
            number += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                size = len(line)
                while True:
                    more = handle.readline(_DISCARD_CHUNK)
                    size += len(more)
                    if not more or more.endswith(b"\n"):
                        break
                yield number, LongLine(size)
            else:
                yield number, line
    except READ_ERRORS as exc:
        raise truncated_error(path, exc, f"line {number}") from None


def text_stream(handle: BinaryIO, encoding: str) -> io.TextIOWrapper:
    """A text view of a binary handle (newline handling left to the caller)."""
    return io.TextIOWrapper(handle, encoding=encoding, newline="")
