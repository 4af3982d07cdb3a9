"""Plain-text articles, parsed with outlet layout rules.

Pages saved as text keep their outlet's furniture: header lines (a print
date, ``News ID:``, ``Publish Date:``), a dateline, and a comment box at the
end. When the first lines match an outlet layout from the registry, its rules
take the header lines into fields, cut the footer and drop boilerplate.
Otherwise a generic reading applies: ``Key: value`` front matter (``Title:``,
``Date:``, ``Author:``, ``Source:``, ``URL:``), a first line followed by a
blank line is the title, and trailing boilerplate lines (share buttons,
copyright, comment prompts) are cut. A wire dateline is taken off the body
either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..article import Article
from ..outlets import Layout
from .assemble import ArticleDraft, assemble_article
from .base import LoadOptions, LoadResult
from .decode import decode_bytes
from .files import file_name, read_limited

__all__ = ["parse_text", "read_text"]

_FIELDS = {"title", "published", "byline", "url", "dateline", "outlet", "language"}
_FRONT_MATTER_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "publish date": "published",
    "publication date": "published",
    "author": "byline",
    "authors": "byline",
    "byline": "byline",
    "source": "outlet",
    "outlet": "outlet",
    "publication": "outlet",
    "publisher": "outlet",
    "url": "url",
    "link": "url",
    "language": "language",
    "dateline": "dateline",
}
_FRONT_MATTER = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(\S.*?)\s*$")
_BYLINE = re.compile(r"^\s*By\s+([A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|,))*)\s*$")
# Trailing lines that are page furniture, not article text. Only a run of
# such lines at the very end is cut, so a sentence mentioning them survives.
_TRAILING_BOILERPLATE = re.compile(
    r"^\s*(?:\*\s*)?(?:comments?|leave a comment|post a comment|your comment|"
    r"share(?: this(?: article| story)?)?(?: on \w+)?|tweet|print|e-?mail|"
    r"related(?: articles| stories)?|"
    r"tags?|advertisement|(?:©|\(c\)|copyright\b).*|all rights reserved\.?)\s*:?\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!:;,\"”’]\s*$")


def _put(fields: dict[str, Any], meta: dict[str, Any], groups: dict[str, str | None]) -> None:
    for name, value in groups.items():
        if value is None:
            continue
        if name in _FIELDS:
            fields.setdefault(name, value)
        else:
            meta.setdefault(name, value)


def _apply_layout(lines: list[str], layout: Layout) -> tuple[list[str], dict, dict]:
    fields: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    start = 0
    while start < len(lines):
        line = lines[start].strip()
        if not line:
            start += 1
            continue
        match = next((m for p in layout.header if (m := p.search(line))), None)
        if match is None:
            break
        _put(fields, meta, match.groupdict())
        start += 1
    body = lines[start:]
    for number, line in enumerate(body):
        if any(p.search(line.strip()) for p in layout.footer):
            body = body[:number]
            break
    if layout.drop:
        body = [x for x in body if not any(p.search(x.strip()) for p in layout.drop)]
    return body, fields, meta


def _apply_generic(lines: list[str]) -> tuple[list[str], dict, dict]:
    fields: dict[str, Any] = {}
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    while start < len(lines):
        match = _FRONT_MATTER.match(lines[start])
        key = match and _FRONT_MATTER_KEYS.get(match.group(1).casefold())
        if not key:
            break
        fields.setdefault(key, match.group(2))
        start += 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    body = lines[start:]
    if "title" not in fields and len(body) > 2 and not body[1].strip():
        first = body[0].strip()
        if len(first.split()) <= 30 and not _SENTENCE_END.search(first):
            fields["title"] = first
            body = body[2:]
    for number, line in enumerate(body[:4]):
        match = _BYLINE.match(line)
        if match and "byline" not in fields:
            fields["byline"] = match.group(1)
            body = body[:number] + body[number + 1 :]
            break
    end = len(body)
    while end > 0 and (not body[end - 1].strip() or _TRAILING_BOILERPLATE.match(body[end - 1])):
        end -= 1
    return body[:end], fields, {}


def parse_text(
    raw: str,
    options: LoadOptions,
    *,
    source_path: str | None = None,
    locator: str | None = None,
    meta: dict[str, Any] | None = None,
    overrides: dict[str, Any] | None = None,
) -> Article:
    """Parse one plain-text article (see the module docstring).

    ``overrides`` sets draft fields (``title``, ``published``...) directly,
    taking precedence over what the text itself says.

    Examples
    --------
    >>> from framing.loaders.base import LoadOptions
    >>> raw = "Title: Rain\\nDate: 2021-03-04 10:00\\n\\nLONDON (Reuters) - It rained."
    >>> art = parse_text(raw, LoadOptions())
    >>> art.outlet, art.title, art.dateline, art.text
    ('reuters', 'Rain', 'LONDON', 'It rained.')
    """
    registry = options.registry
    lines = raw.splitlines()
    outlet = None
    if options.outlet:
        outlet = registry.get(registry.resolve(options.outlet) or "")
    if outlet is None or outlet.layout is None:
        detected = registry.detect_layout(lines)
        outlet = detected or outlet
    layout = outlet.layout if outlet is not None else None
    if layout is not None:
        body, fields, found_meta = _apply_layout(lines, layout)
        fields.setdefault("outlet", outlet.id)  # type: ignore[union-attr]
    else:
        body, fields, found_meta = _apply_generic(lines)
    fields.update(overrides or {})
    fields.setdefault("locator", locator or "<text>")
    fields["meta"] = {**(meta or {}), **found_meta, **fields.get("meta", {})}
    draft = ArticleDraft(text="\n".join(body), **fields)
    return assemble_article(
        draft,
        options,
        source_path=source_path,
        published_formats=layout.published_formats if layout else (),
        dateline_pattern=layout.dateline if layout else None,
    )


def read_text(path: str, options: LoadOptions) -> Iterator[LoadResult]:
    """Read one plain-text article file."""
    decoded = decode_bytes(read_limited(path, options.max_bytes), path)
    article = parse_text(
        decoded.text, options, source_path=path, locator=file_name(path), meta=decoded.meta()
    )
    yield article
