"""Turn the raw fields a loader found into a normalised :class:`Article`.

Every loader fills an :class:`ArticleDraft` with what its format carries;
:func:`assemble_article` then does the same work for all of them: clean the
body into paragraphs, take a dateline off its start (the styles of
``framing/resources/datelines.json``), resolve the outlet through the
registry, parse the publication date into a timezone-aware timestamp, and
compute the stable ``article_id``. A dateline or outlet found here rather
than given is recorded in ``meta["inferred"]`` (field -> rule and line).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..article import Article, article_id
from ..text.paragraphs import join_paragraphs, split_paragraphs
from .base import LoadOptions
from .datelines import split_dateline
from .dates import parse_published

__all__ = ["ArticleDraft", "assemble_article", "parse_published"]


@dataclass
class ArticleDraft:
    """Fields a loader found, before normalisation (all optional but text)."""

    text: str
    title: str | None = None
    published: Any = None
    byline: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    dateline: str | None = None
    article_id: str | None = None
    locator: str | None = None  # source position (file name and record), part of the id
    meta: dict[str, Any] = field(default_factory=dict)


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by it at from has have are be".split()
)


def guess_english(paragraphs: Sequence[str]) -> str | None:
    """``"en"`` if at least 15% of the first 400 words are English function words.

    English news prose runs at 35-45% for these 20 words; other languages
    written in Latin script stay under 5%. Anything else gets ``None``
    (unknown) rather than a guess.

    Examples
    --------
    >>> guess_english(["The troops were sent to the base in the north."])
    'en'
    >>> guess_english(["Les troupes sont parties vers le nord."]) is None
    True
    """
    words = _WORD.findall(" ".join(paragraphs[:8])[:4000].casefold())[:400]
    if len(words) < 5:
        return None
    share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    return "en" if share >= 0.15 else None


def _clean(value: Any) -> str | None:
    if _is_missing(value):
        return None
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v).strip() for v in value if not _is_missing(v))
    text = " ".join(str(value).split())
    return text or None


def assemble_article(
    draft: ArticleDraft,
    options: LoadOptions,
    *,
    source_path: str | None,
    published_formats: Sequence[str] = (),
    dateline_pattern: Any = None,
) -> Article:
    """Normalise a draft into an :class:`Article` (see the module docstring)."""
    registry = options.registry
    meta = dict(draft.meta)
    warnings: list[str] = list(meta.pop("warnings", []))

    paragraphs = split_paragraphs(draft.text or "")
    dateline = _clean(draft.dateline)
    given_outlet = _clean(options.outlet) or _clean(draft.outlet)
    outlet_id = registry.canonical(given_outlet)
    inferred: dict[str, Any] = dict(meta.get("inferred") or {})
    if paragraphs:
        found = split_dateline(paragraphs[0], registry.dateline_credits, dateline_pattern)
        if found is not None:
            paragraphs[0] = paragraphs[0][found.end :]
            if dateline is None and found.place and found.strength != "layout":
                inferred["dateline"] = {"rule": f"dateline: {found.rule}", "line": None}
            dateline = dateline or found.place
            if found.credit:
                meta["dateline_credit"] = found.credit
                credited = registry.by_credit(found.credit)
                if outlet_id is None and credited is not None:
                    outlet_id = credited
                    meta["outlet_from"] = "dateline credit"
                    inferred["outlet"] = {"rule": "outlet: dateline credit", "line": None}
            if found.date:
                meta["dateline_date"] = found.date
    if outlet_id is None and draft.url:
        outlet_id = registry.resolve(draft.url)
        if outlet_id is not None:
            inferred["outlet"] = {"rule": "outlet: page URL", "line": None}
    if inferred:
        meta["inferred"] = inferred
    known = outlet_id in registry if outlet_id else False
    outlet = registry[outlet_id] if known else None
    if given_outlet and not known and given_outlet != outlet_id:
        # An outlet missing from the registry keeps the name it was given, for display.
        meta.setdefault("outlet_name", given_outlet)

    published, notes = parse_published(
        draft.published,
        formats=published_formats,
        timezone=outlet.timezone if outlet is not None else None,
    )
    if notes:
        warnings.extend(notes)
        meta.setdefault("published_raw", str(draft.published))
    if warnings:
        meta["warnings"] = warnings

    title = _clean(draft.title)
    url = _clean(draft.url)
    text = join_paragraphs(paragraphs)
    return Article(
        article_id=draft.article_id or article_id(outlet_id, draft.locator, title, text, url=url),
        outlet=outlet_id,
        title=title,
        published=published,
        dateline=dateline,
        byline=_clean(draft.byline),
        url=url,
        language=_clean(draft.language) or guess_english(paragraphs),
        text=text,
        source_path=source_path,
        meta=meta,
    )
