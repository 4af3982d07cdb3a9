"""Web archives (WARC and ARC, plain or gzipped), via warcio.

Every ``response`` or ``resource`` record with an HTML payload goes through
the HTML loader, with the record's target URI as the article's url and the
capture date as a fallback publication date. Records that are not HTML
(images, scripts, style sheets) are not articles; they are counted and
reported once per file as a single skip entry, never dropped silently.

A payload larger than ``max_bytes`` is skipped without being read whole. An
archive cut short (a download that stopped) keeps every complete record; the
record that is cut off, or the bytes after the last complete record, are
reported as truncated.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..errors import LoadError, MissingDependencyError, import_optional
from .base import LoadOptions, LoadResult, Skipped
from .decode import decode_bytes
from .files import file_name
from .html import parse_html

# More bytes than this after the last complete record are never just padding.
_TAIL_PROBE = 4096

__all__ = ["read_warc"]


def _archive_iterator() -> Any:
    module = import_optional("warcio.archiveiterator", feature="Reading WARC files", extra="warc")
    return module.ArchiveIterator


def _skip(path: str, location: str, problem: str, fix: str) -> Skipped:
    return Skipped(path, location, str(LoadError(path, problem, location=location, fix=fix)))


def _tail_is_padding(handle: Any, end: int) -> bool:
    """True if nothing but line breaks follows offset ``end`` of the file."""
    handle.seek(end)
    tail = handle.read(_TAIL_PROBE + 1)
    return len(tail) <= _TAIL_PROBE and not tail.strip()


def read_warc(path: str, options: LoadOptions) -> Iterator[LoadResult]:
    """Stream the HTML pages of a web archive as articles."""
    archive_iterator = _archive_iterator()
    not_html: Counter[str] = Counter()
    number = 0
    end = 0
    with open(path, "rb") as handle:
        iterator = archive_iterator(handle, arc2warc=True)
        try:
            for record in iterator:
                number += 1
                result = _record_result(record, number, path, options, not_html)
                end = iterator.get_record_offset() + iterator.get_record_length()
                if result is not None:
                    yield result
        except Exception as exc:  # warcio raises ArchiveLoadFailed and zlib errors
            if isinstance(exc, (LoadError, MissingDependencyError)):
                raise
            raise LoadError(
                path,
                f"not a readable web archive ({type(exc).__name__}: {exc})"
                + ("; the complete records before were loaded" if number > 1 else ""),
                location=f"after record {number - 1}" if number > 1 else None,
                fix="check that the file is a complete WARC or ARC file",
            ) from None
        size = os.fstat(handle.fileno()).st_size
        if number and end < size and not _tail_is_padding(handle, end):
            yield _skip(
                path,
                f"after record {number}",
                f"the archive ends with {size - end:,} bytes that are not a complete record: "
                "it is truncated; the complete records before were loaded",
                "re-download or re-create the archive to get the rest",
            )
    if not_html:
        kinds = ", ".join(f"{kind}: {count}" for kind, count in not_html.most_common())
        total = sum(not_html.values())
        yield Skipped(path, None, f"{path}: {total} non-HTML record(s) are not articles ({kinds}).")


def _record_result(
    record: Any, number: int, path: str, options: LoadOptions, not_html: Counter[str]
) -> LoadResult | None:
    """The article of one record, a skip entry, or ``None`` for a record that is no page."""
    if record.rec_type not in ("response", "resource"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    location = f"record {number} ({uri})" if uri else f"record {number}"
    content_type = ""
    if record.http_headers is not None:
        content_type = record.http_headers.get_header("Content-Type") or ""
    content_type = content_type or record.rec_headers.get_header("Content-Type") or ""
    if "html" not in content_type.casefold():
        not_html[content_type.split(";")[0].strip() or "unknown type"] += 1
        return None
    payload = record.content_stream().read(options.max_bytes + 1)
    if len(payload) > options.max_bytes:
        return _skip(
            path,
            location,
            f"the page is larger than max_bytes={options.max_bytes:,} bytes",
            "raise the limit with max_bytes= (CLI: --max-bytes)",
        )
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing > 0:
        return _skip(
            path,
            location,
            f"the record is cut off ({missing:,} of its bytes are missing): the archive is "
            "truncated; the complete records before it were loaded",
            "re-download or re-create the archive to get the rest",
        )
    try:
        html = decode_bytes(payload, path).text
        return parse_html(
            html,
            options,
            url=uri,
            source_path=path,
            locator=f"{file_name(path)}#{number}",
            meta={
                "record": location,
                "warc_date": record.rec_headers.get_header("WARC-Date"),
            },
            fallback_published=record.rec_headers.get_header("WARC-Date"),
        )
    except LoadError as exc:
        return _skip(path, location, exc.problem, exc.fix or "check the record")
