"""RSS and Atom feeds, via feedparser.

Each entry becomes an article: its full content where the feed carries it
(``content:encoded``, Atom ``content``), else its summary, converted from
HTML to paragraphs. Text that feedparser marks as HTML (RSS descriptions
and titles are HTML by definition) is always read as HTML, so that its
entities are decoded once: ``AT&amp;amp;T`` in the file is ``AT&amp;T`` in
HTML, which reads ``AT&T``. The outlet comes from the entry's or the feed's
link.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import LoadError, import_optional
from .assemble import ArticleDraft, assemble_article
from .base import LoadOptions, LoadResult, Skipped
from .files import file_name, read_limited
from .html import html_fragment_to_text, looks_like_html

__all__ = ["read_feed"]


def _feedparser() -> Any:
    return import_optional("feedparser", feature="Reading RSS/Atom feeds", extra="feeds")


def _as_text(value: str, kind: str | None) -> str:
    """``value`` as plain text; ``kind`` is feedparser's content type for it."""
    if "html" in (kind or "") or looks_like_html(value):
        return html_fragment_to_text(value)
    return value


def _entry_body(entry: Any) -> str:
    contents = [c for c in entry.get("content") or [] if c.get("value")]
    if contents:
        chosen = max(contents, key=lambda c: len(c["value"]))
        return _as_text(chosen["value"], chosen.get("type"))
    detail = entry.get("summary_detail") or {}
    return _as_text(entry.get("summary", ""), detail.get("type"))


def _entry_title(entry: Any) -> str | None:
    title = entry.get("title")
    if not title:
        return None
    detail = entry.get("title_detail") or {}
    return " ".join(_as_text(title, detail.get("type")).split())


def read_feed(path: str, options: LoadOptions) -> Iterator[LoadResult]:
    """Read every entry of an RSS or Atom feed file."""
    data = read_limited(path, options.max_bytes)
    parsed = _feedparser().parse(data)
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise LoadError(
            path,
            f"no feed entries found{reason}",
            fix="check that the file is a complete RSS or Atom feed",
        )
    feed = parsed.feed
    site = feed.get("link") or feed.get("title")
    language = feed.get("language")
    for number, entry in enumerate(parsed.entries, start=1):
        location = f"entry {number}"
        body = _entry_body(entry)
        if not body.strip():
            yield Skipped(
                path,
                location,
                str(
                    LoadError(
                        path,
                        "the entry has no content or summary",
                        location=location,
                        fix="a feed of headlines only has no article text; fetch the pages",
                    )
                ),
            )
            continue
        authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
        draft = ArticleDraft(
            text=body,
            title=_entry_title(entry),
            published=entry.get("published") or entry.get("updated"),
            byline=authors or entry.get("author"),
            url=entry.get("link"),
            outlet=options.registry.resolve(entry.get("link") or "") or site,
            language=language,
            locator=f"{file_name(path)}#{number}",
            meta={
                "record": location,
                "feed_title": feed.get("title"),
                "entry_id": entry.get("id"),
                "tags": [t.get("term") for t in entry.get("tags", []) if t.get("term")],
                "content_is_summary": not entry.get("content"),
            },
        )
        yield assemble_article(draft, options, source_path=path)
