"""HTML pages, via trafilatura.

trafilatura finds the article body, title, author and site name; framing
adds the full publication timestamp (trafilatura keeps only the day) from
the page's ``article:published_time``, JSON-LD ``datePublished`` or
``<time datetime>``, maps the site to an outlet by domain or name, and
normalises the body like every other loader. The layout inference of plain
text (:mod:`framing.loaders.layout`) then reads trafilatura's text for what
the page's metadata lacks (a headline, a date line, a byline, the dateline
and its agency credit) and takes the furniture trafilatura kept out of the
body; a field the metadata gives is never inferred against.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..article import Article
from ..errors import LoadError, import_optional
from .assemble import ArticleDraft, assemble_article
from .base import LoadOptions, LoadResult
from .decode import decode_bytes
from .files import file_name, read_limited
from .layout import infer_layout
from .markup import (
    document_root,
    element_text,
    html_fragment_to_text,
    looks_like_html,
    main_element,
    published_from_root,
    title_from_root,
)

__all__ = ["html_fragment_to_text", "looks_like_html", "parse_html", "read_html"]

# trafilatura's cost grows with the square of the number of <p> and <div>
# elements (libxml2 evaluates its '//p//text()' queries in quadratic time).
# Measured on generated pages (trafilatura 2, lxml 6): 10,000 <p> 1.0 s,
# 20,000 2.7 s, 53,000 over 20 s; 40,000 <div> 7 s. News article pages hold
# tens to a few hundred paragraphs, so pages above this count are read by a
# linear extractor instead (the <article>, <main> or <body> element, block by
# block, without page furniture), with a warning in meta.
MAX_BLOCKS_FOR_TRAFILATURA = 10_000
_BLOCK_TAG = re.compile(r"<(?:p|div)[\s>/]", re.I)


def _published_from_page(html: str) -> str | None:
    root = document_root(html)
    return published_from_root(root) if root is not None else None


def _trafilatura() -> Any:
    return import_optional("trafilatura", feature="Reading HTML", extra="html")


def parse_html(
    html: str,
    options: LoadOptions,
    *,
    url: str | None = None,
    source_path: str | None = None,
    locator: str | None = None,
    meta: dict[str, Any] | None = None,
    fallback_published: Any = None,
) -> Article:
    """Extract one article from an HTML page.

    Raises
    ------
    LoadError
        If no article text can be found (naming truncation when the page
        ends before ``</html>``).
    """
    where = source_path or url or "<html>"
    blocks = sum(1 for _ in _BLOCK_TAG.finditer(html))
    if blocks > MAX_BLOCKS_FOR_TRAFILATURA:
        return _parse_large_html(
            html,
            options,
            blocks,
            url=url,
            source_path=source_path,
            locator=locator,
            meta=meta,
            fallback_published=fallback_published,
        )
    document = _trafilatura().bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    truncated = "</html>" not in html[-4096:].casefold()
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
        problem = "no article text found in the HTML page"
        if truncated:
            problem += " (the page ends before </html>: it looks truncated)"
        raise LoadError(where, problem, fix="check that the file is a complete article page")
    meta = dict(meta or {})
    title = document.title
    lines = [x for x in body.split("\n") if x.strip()]
    if title and lines and lines[0].strip() == title.strip():
        lines = lines[1:]  # trafilatura repeats the headline as the first line
    if truncated:
        meta.setdefault("warnings", []).append(
            "the HTML page ends before </html>; it may be truncated"
        )
    for key in ("sitename", "hostname", "description"):
        value = getattr(document, key, None)
        if value:
            meta[key] = value
    page_url = url or document.url
    outlet = options.registry.resolve(page_url) if page_url else None
    fields: dict[str, Any] = {
        "title": title,
        "published": _published_from_page(html) or document.date or fallback_published,
        "byline": document.author,
        # a site name that is only the host name is no metadata: the text may say more
        "outlet": outlet or _site_name(document),
    }
    text = _fill_from_text(lines, fields, meta, options, url=page_url)
    fields["outlet"] = fields["outlet"] or document.hostname
    draft = ArticleDraft(
        text=text,
        url=page_url,
        language=getattr(document, "language", None) or _lang_attribute(html),
        locator=locator,
        meta=meta,
        **fields,
    )
    return assemble_article(draft, options, source_path=source_path)


def _fill_from_text(
    lines: list[str],
    fields: dict[str, Any],
    meta: dict[str, Any],
    options: LoadOptions,
    *,
    url: str | None = None,
) -> str:
    """Infer from the extracted text what the metadata lacks; return the cleaned body."""
    explicit = {name for name, value in fields.items() if value}
    if options.outlet:
        explicit.add("outlet")
    page = infer_layout(lines, options.registry, explicit=explicit, url=url)
    for name, value in page.fields.items():
        fields[name] = fields.get(name) or value
    meta.update({k: v for k, v in page.meta.items() if k not in meta})
    if page.inferred:
        meta["inferred"] = page.inferred
    return "\n".join(page.body) if page.body else "\n".join(lines)


def _site_name(document: Any) -> str | None:
    name = (document.sitename or "").strip()
    host = (document.hostname or "").casefold().removeprefix("www.")
    if not name or name.casefold().removeprefix("www.") == host:
        return None
    return name


_LANG = re.compile(r"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", re.I)


def _lang_attribute(html: str) -> str | None:
    match = _LANG.search(html[:4096])
    return match.group(1).casefold() if match else None


def _read_large_page(html: str, where: str) -> tuple[str | None, str | None, str, str]:
    """Date, title, text and main element name of a page; its tree is freed on return."""
    root = document_root(html)
    if root is None:
        raise LoadError(where, "the HTML page cannot be parsed", fix="check the file")
    published = published_from_root(root)
    title = title_from_root(root)
    element, name = main_element(root)
    return published, title, element_text(element), name


def _parse_large_html(
    html: str,
    options: LoadOptions,
    blocks: int,
    *,
    url: str | None,
    source_path: str | None,
    locator: str | None,
    meta: dict[str, Any] | None,
    fallback_published: Any,
) -> Article:
    """A page with more block elements than trafilatura handles in linear time."""
    where = source_path or url or "<html>"
    published, title, text, name = _read_large_page(html, where)
    published = published or fallback_published
    if not text.strip():
        raise LoadError(where, "no article text found in the HTML page", fix="check the file")
    paragraphs = [x for x in text.split("\n\n") if x.strip()]
    if title and paragraphs and paragraphs[0].strip() == title.strip():
        paragraphs = paragraphs[1:]
    lines = "\n\n".join(paragraphs).split("\n")  # paragraphs stay apart by their blank lines
    meta = dict(meta or {})
    meta.setdefault("warnings", []).append(
        f"the page holds {blocks:,} <p>/<div> elements, more than "
        f"{MAX_BLOCKS_FOR_TRAFILATURA:,}; its text is the {name} element read block by block "
        "(framing's linear extractor), not trafilatura's selection; check it"
    )
    fields: dict[str, Any] = {
        "title": title,
        "published": published,
        "outlet": options.registry.resolve(url) if url else None,
    }
    text = _fill_from_text(lines, fields, meta, options, url=url)
    draft = ArticleDraft(
        text=text, url=url, language=_lang_attribute(html), locator=locator, meta=meta, **fields
    )
    return assemble_article(draft, options, source_path=source_path)


def read_html(path: str, options: LoadOptions) -> Iterator[LoadResult]:
    """Read one HTML page."""
    decoded = decode_bytes(read_limited(path, options.max_bytes), path)
    yield parse_html(
        decoded.text, options, source_path=path, locator=file_name(path), meta=decoded.meta()
    )
