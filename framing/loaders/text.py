"""Plain-text articles: outlet layouts, front matter and layout inference.

Pages saved as text keep their outlet's furniture. Three readings apply, in
this order, and each leaves what it does not know to the next:

1. **Outlet layout** (registry data): when the first lines match an
   outlet's layout (``detect``), its rules take the header lines into
   fields (a print date, ``News ID:``, ``Publish Date:``), cut the footer and
   drop boilerplate lines.
2. **Front matter**: ``Key: value`` lines at the top (``Title:``,
   ``Date:``, ``Author:``, ``Source:``, ``URL:``, ...) give fields directly.
3. **Layout inference** (:mod:`framing.loaders.layout`) on the rest: the
   headline, date line, byline, dateline and outlet of a saved or pasted
   page, and the body without page furniture. It never overrides a field
   given by the layout, the front matter, ``overrides`` or the ``outlet``
   option, and it records where every field it fills came from in
   ``meta["inferred"]`` (field -> rule and line number).
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
from .layout import infer_layout

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


def _put(fields: dict[str, Any], meta: dict[str, Any], groups: dict[str, str | None]) -> None:
    for name, value in groups.items():
        if value is None:
            continue
        if name in _FIELDS:
            fields.setdefault(name, value)
        else:
            meta.setdefault(name, value)


def _apply_layout(lines: list[str], layout: Layout) -> tuple[int, list[str], dict, dict]:
    """``(first body line, body lines, fields, meta)`` by an outlet's layout rules."""
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
    return start, body, fields, meta


def _front_matter(lines: list[str]) -> tuple[int, dict[str, Any]]:
    """``(first line after the front matter, fields)``."""
    fields: dict[str, Any] = {}
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    first = start
    while start < len(lines):
        match = _FRONT_MATTER.match(lines[start])
        key = match and _FRONT_MATTER_KEYS.get(match.group(1).casefold())
        if not key:
            break
        fields.setdefault(key, match.group(2))
        start += 1
    return (start if fields else first), fields


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
        start, body, fields, found_meta = _apply_layout(lines, layout)
        fields.setdefault("outlet", outlet.id)  # type: ignore[union-attr]
    else:
        start, fields = _front_matter(lines)
        body, found_meta = lines[start:], {}
    overrides = dict(overrides or {})
    explicit = {k for k, v in {**fields, **overrides}.items() if v not in (None, "")}
    if options.outlet:
        explicit.add("outlet")
    page = infer_layout(
        body,
        registry,
        explicit=explicit,
        url=overrides.get("url") or fields.get("url"),
        layout_dateline=layout.dateline if layout else None,
        line_offset=start,
    )
    fields.update(page.fields)
    found_meta = {**page.meta, **found_meta}
    if page.inferred:
        found_meta["inferred"] = page.inferred
    fields.update(overrides)
    fields.setdefault("locator", locator or "<text>")
    fields["meta"] = {**(meta or {}), **found_meta, **fields.get("meta", {})}
    draft = ArticleDraft(text="\n".join(page.body), **fields)
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
