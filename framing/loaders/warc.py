"""Web archives (WARC and ARC, plain or gzipped), via warcio.

Every ``response`` or ``resource`` record with an HTML payload goes through
the HTML loader, with the record's target URI as the article's url and the
capture date as a fallback publication date. Records that are not HTML
(images, scripts, style sheets) are not articles; they are counted and
reported once per file as a single skip entry, never dropped silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..errors import LoadError, MissingDependencyError, import_optional
from .base import LoadOptions, LoadResult, Skipped
from .decode import decode_bytes
from .html import parse_html

__all__ = ["read_warc"]


def _archive_iterator() -> Any:
    module = import_optional("warcio.archiveiterator", feature="Reading WARC files", extra="warc")
    return module.ArchiveIterator


def read_warc(path: str, options: LoadOptions) -> Iterator[LoadResult]:
    """Stream the HTML pages of a web archive as articles."""
    archive_iterator = _archive_iterator()
    not_html: Counter[str] = Counter()
    number = 0
    with open(path, "rb") as handle:
        try:
            for record in archive_iterator(handle, arc2warc=True):
                number += 1
                if record.rec_type not in ("response", "resource"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                location = f"record {number} ({uri})" if uri else f"record {number}"
                content_type = ""
                if record.http_headers is not None:
                    content_type = record.http_headers.get_header("Content-Type") or ""
                content_type = content_type or record.rec_headers.get_header("Content-Type") or ""
                if "html" not in content_type.casefold():
                    not_html[content_type.split(";")[0].strip() or "unknown type"] += 1
                    continue
                payload = record.content_stream().read()
                try:
                    html = decode_bytes(payload, path).text
                    yield parse_html(
                        html,
                        options,
                        url=uri,
                        source_path=path,
                        locator=uri or f"{path}#{number}",
                        meta={
                            "record": location,
                            "warc_date": record.rec_headers.get_header("WARC-Date"),
                        },
                        fallback_published=record.rec_headers.get_header("WARC-Date"),
                    )
                except LoadError as exc:
                    yield Skipped(
                        path,
                        location,
                        str(LoadError(path, exc.problem, location=location, fix=exc.fix)),
                    )
        except Exception as exc:  # warcio raises ArchiveLoadFailed and zlib errors
            if isinstance(exc, (LoadError, MissingDependencyError)):
                raise
            raise LoadError(
                path,
                f"not a readable web archive ({type(exc).__name__}: {exc})",
                location=f"after record {number}",
                fix="check that the file is a complete WARC or ARC file",
            ) from None
    if not_html:
        kinds = ", ".join(f"{kind}: {count}" for kind, count in not_html.most_common())
        total = sum(not_html.values())
        yield Skipped(path, None, f"{path}: {total} non-HTML record(s) are not articles ({kinds}).")
