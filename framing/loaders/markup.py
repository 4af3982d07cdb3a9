"""HTML markup to text: deciding what is markup, block-aware text, page metadata.

Shared by the HTML, feed, WARC and record loaders, and the linear extractor
used for pages too large for trafilatura (see :mod:`framing.loaders.html`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import import_optional

__all__ = [
    "document_root",
    "element_text",
    "html_fragment_to_text",
    "looks_like_html",
    "main_element",
    "published_from_root",
    "title_from_root",
]

_TAG = re.compile(
    r"<(/?)(p|br|div|span|a|b|i|em|strong|h[1-6]|li|ul|ol|html|body|blockquote|table|tr|td|"
    r"section|article|figure|figcaption|img)\b[^<>]*>",
    re.I,
)
_STARTS_WITH_TAG = re.compile(
    r"\s*<(?:!doctype|html|body|p|div|article|section|h[1-6]|ul|ol|table|blockquote)\b[^<>]*>",
    re.I,
)
# How much of a text field is examined to decide whether it is markup.
_SNIFF_CHARS = 20_000
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
# Elements that are never article text.
_NOT_TEXT = ".//script|.//style|.//noscript|.//template"
# Page furniture, also left out by the large-page extractor.
_FURNITURE = "//nav|//header|//footer|//aside|//form|//iframe|//svg|//button"


def looks_like_html(text: str) -> bool:
    """True if ``text`` is HTML markup (used for bodies in exports and feeds).

    Markup is text that opens with a block tag, or holds at least two known
    tags of which one closes an element (``</p>``) or is a line break
    (``<br>``). Text that only mentions a tag as a word ("the <p> tag",
    "a <style> element") is not markup and is kept as it is.

    Examples
    --------
    >>> looks_like_html("<p>Hello</p>"), looks_like_html("a < b and c > d")
    (True, False)
    >>> looks_like_html("Use <p> for paragraphs and <style> for CSS.")
    False
    >>> looks_like_html("Line one.<br>Line two.<br>Line three.")
    True
    """
    sample = text[:_SNIFF_CHARS]
    if _STARTS_WITH_TAG.match(sample):
        return True
    closing = breaks = 0
    for tags, match in enumerate(_TAG.finditer(sample), start=1):
        closing += bool(match.group(1))
        breaks += match.group(2).casefold() == "br"
        if tags >= 2 and (closing or breaks >= 2):
            return True
    return False


def _lxml_html() -> Any:
    return import_optional("lxml.html", feature="Reading HTML", extra="html")


def element_text(root: Any) -> str:
    """Text of an lxml element, one paragraph per block element (the element is modified)."""
    for bad in root.xpath(_NOT_TEXT):
        bad.drop_tree()
    for br in root.xpath(".//br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.xpath(
        f".//*[re:test(local-name(), '^({_BLOCKS})$')]",
        namespaces={"re": "http://exslt.org/regular-expressions"},
    ):
        block.tail = "\n\n" + (block.tail or "")
        if block.text:
            block.text = "\n\n" + block.text
    text = root.text_content()
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one paragraph per block element.

    Examples
    --------
    >>> html_fragment_to_text("<p>One <b>two</b>.</p><p>Three&nbsp;four.</p>")
    'One two.\\n\\nThree\\xa0four.'
    >>> html_fragment_to_text("AT&amp;T said")
    'AT&T said'
    """
    lxml_html = _lxml_html()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on broken markup
        return re.sub(r"<[^>]+>", " ", fragment)
    return element_text(root)


def document_root(html: str) -> Any | None:
    """The parsed page (lxml), or ``None`` if it cannot be parsed."""
    lxml_html = _lxml_html()
    parser = lxml_html.HTMLParser(huge_tree=True)
    try:
        return lxml_html.document_fromstring(html, parser=parser)
    except Exception:  # lxml raises several types on broken markup
        return None


def published_from_root(root: Any) -> str | None:
    """Full publication timestamp from meta tags, JSON-LD or ``<time>``."""
    for node in root.xpath("//meta[@property or @name or @itemprop]"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").casefold()
        if key in _PUBLISHED_META and node.get("content"):
            return node.get("content")
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content())
        except (ValueError, RecursionError):
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


def title_from_root(root: Any) -> str | None:
    """The page's headline: ``og:title``, else ``<h1>``, else ``<title>``."""
    for node in root.xpath("//meta[@property='og:title' or @name='og:title'][@content]"):
        return node.get("content")
    for xpath in ("//h1", "//title"):
        for node in root.xpath(xpath):
            text = " ".join(node.text_content().split())
            if text:
                return text
    return None


def main_element(root: Any) -> tuple[Any, str]:
    """The element holding the article (``<article>``, ``<main>`` or ``<body>``) and its name.

    Furniture (navigation, header, footer, asides, forms) is removed first;
    among several ``<article>`` elements the one with the longest text wins.
    """
    for furniture in root.xpath(_FURNITURE):
        furniture.drop_tree()
    for name in ("article", "main"):
        candidates = root.xpath(f"//{name}[not(ancestor::{name})]")
        if candidates:
            best = max(candidates, key=lambda e: sum(len(t) for t in e.itertext()))
            return best, f"<{name}>"
    body = root.find("body")
    return (body if body is not None else root), "<body>"
