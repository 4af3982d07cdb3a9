"""Choose a loader for a file: by extension first, then by its first bytes."""

from __future__ import annotations

import re

from ..errors import LoadError, invalid_parameter
from .decode import looks_binary

__all__ = ["EXTENSIONS", "FORMATS", "detect_format"]

FORMATS = ("text", "html", "json", "jsonl", "csv", "parquet", "feed", "warc")

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".arc": "warc",
}
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML = re.compile(rb"<(?:!doctype html|html|head|body|article|p)\b", re.I)


def _by_extension(path: str) -> str | None:
    name = path.casefold()
    if name.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    name = name.removesuffix(".gz")
    dot = name.rfind(".")
    return EXTENSIONS.get(name[dot:]) if dot >= 0 else None


def _by_content(head: bytes) -> str | None:
    """Format from the first bytes (already un-gzipped by ``read_head``)."""
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<?xml") and _FEED.search(text[:2000]):
        return "feed"
    if _HTML.match(text) or (text.startswith(b"<") and _HTML.search(text[:2000])):
        return "html"
    if text.startswith(b"["):
        return "json"
    if text.startswith(b"{"):
        first, _, rest = text.partition(b"\n")
        return (
            "jsonl" if first.rstrip().endswith(b"}") and rest.strip().startswith(b"{") else "json"
        )
    return None


def detect_format(path: str, head: bytes, requested: str | None = None) -> str:
    """The loader format for ``path``.

    Examples
    --------
    >>> detect_format("a.jsonl", b"")
    'jsonl'
    >>> detect_format("page", b"<!DOCTYPE html><html>")
    'html'
    >>> detect_format("notes", b"Plain words here.")
    'text'
    """
    if requested is not None:
        if requested not in FORMATS:
            raise invalid_parameter("format", requested, FORMATS)
        return requested
    found = _by_extension(path)
    if found is not None:
        if found == "feed" and head and not _FEED.search(head[:4000]):
            found = _by_content(head) or "feed"
        return found
    found = _by_content(head)
    if found is not None:
        return found
    if looks_binary(head):
        raise LoadError(
            path,
            "unknown format: binary data that is not Parquet, gzip or WARC",
            fix=f"pass files of these formats: {', '.join(FORMATS)}; or name one with "
            "format= (CLI: --format)",
        )
    return "text"
