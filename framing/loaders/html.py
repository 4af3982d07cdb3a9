"""HTML pages, via trafilatura.

trafilatura finds the article body, title, author and site name; framing
adds the full publication timestamp (trafilatura keeps only the day) from
the page's ``article:published_time``, JSON-LD ``datePublished`` or
``<time datetime>``, maps the site to an outlet by domain or name, and
normalises the body like every other loader.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ..article import Article
from ..errors import LoadError, import_optional
from .assemble import ArticleDraft, assemble_article
from .base import LoadOptions, LoadResult
from .decode import decode_bytes
from .files import file_name, read_limited

__all__ = ["html_fragment_to_text", "looks_like_html", "parse_html", "read_html"]

_TAG = re.compile(r"<(?:p|br|div|span|a|b|i|em|strong|h[1-6]|li|ul|ol|html|body)\b[^>]*>", re.I)
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
)
_BLOCKS = "p|div|h[1-6]|li|blockquote|pre|tr|article|section|header|footer|figcaption"


def looks_like_html(text: str) -> bool:
    """True if ``text`` contains HTML markup (used for bodies in exports).

    Examples
    --------
    >>> looks_like_html("<p>Hello</p>"), looks_like_html("a < b and c > d")
    (True, False)
    """
    return bool(_TAG.search(text[:5000]))


def _lxml_html() -> Any:
    return import_optional("lxml.html", feature="Reading HTML", extra="html")


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one paragraph per block element.

    Examples
    --------
    >>> html_fragment_to_text("<p>One <b>two</b>.</p><p>Three&nbsp;four.</p>")
    'One two.\\n\\nThree\\xa0four.'
    """
    lxml_html = _lxml_html()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on broken markup
        return re.sub(r"<[^>]+>", " ", fragment)
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for br in root.xpath("//br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.xpath(
        f"//*[re:test(local-name(), '^({_BLOCKS})$')]",
        namespaces={"re": "http://exslt.org/regular-expressions"},
    ):
        block.tail = "\n\n" + (block.tail or "")
        if block.text:
            block.text = "\n\n" + block.text
    text = root.text_content()
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def _published_from_page(html: str) -> str | None:
    """Full publication timestamp from meta tags, JSON-LD or ``<time>``."""
    lxml_html = _lxml_html()
    try:
        root = lxml_html.document_fromstring(html)
    except Exception:
        return None
    for node in root.xpath("//meta[@property or @name or @itemprop]"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").casefold()
        if key in _PUBLISHED_META and node.get("content"):
            return node.get("content")
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and isinstance(item.get("@graph"), list):
                items = item["@graph"]
            else:
                items = [item]
            for entry in items:
                if isinstance(entry, dict) and entry.get("datePublished"):
                    return str(entry["datePublished"])
    for node in root.xpath("//time[@datetime]"):
        return node.get("datetime")
    return None


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
    draft = ArticleDraft(
        text="\n".join(lines),
        title=title,
        published=_published_from_page(html) or document.date or fallback_published,
        byline=document.author,
        url=page_url,
        outlet=outlet or document.sitename or document.hostname,
        language=getattr(document, "language", None) or _lang_attribute(html),
        locator=locator,
        meta=meta,
    )
    return assemble_article(draft, options, source_path=source_path)


_LANG = re.compile(r"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", re.I)


def _lang_attribute(html: str) -> str | None:
    match = _LANG.search(html[:4096])
    return match.group(1).casefold() if match else None


def read_html(path: str, options: LoadOptions) -> Iterator[LoadResult]:
    """Read one HTML page."""
    decoded = decode_bytes(read_limited(path, options.max_bytes), path)
    yield parse_html(
        decoded.text, options, source_path=path, locator=file_name(path), meta=decoded.meta()
    )
