"""Turn the raw fields a loader found into a normalised :class:`Article`.

Every loader fills an :class:`ArticleDraft` with what its format carries;
:func:`assemble_article` then does the same work for all of them: clean the
body into paragraphs, take a wire dateline off its start, resolve the outlet
through the registry, parse the publication date into a timezone-aware
timestamp, and compute the stable ``article_id``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from datetime import timezone as dt_timezone
from typing import Any

import pandas as pd
from dateutil import parser as date_parser

from ..article import Article, article_id
from ..text.paragraphs import join_paragraphs, split_paragraphs
from .base import LoadOptions
from .datelines import split_dateline

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
    locator: str | None = None  # file name and record, used for the id when there is no url
    meta: dict[str, Any] = field(default_factory=dict)


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _parse_free_text_date(text: str) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(text)  # ISO 8601 and friends, fast and exact
    except (ValueError, OverflowError):
        pass
    try:
        return pd.Timestamp(date_parser.parse(text))
    except (ValueError, OverflowError, date_parser.ParserError):
        return None


def parse_published(
    value: Any, *, formats: Sequence[str] = (), timezone: str | None = None
) -> tuple[pd.Timestamp | None, list[str]]:
    """Parse a publication date into a timezone-aware timestamp.

    Naive values are taken to be in ``timezone`` (the outlet's, from the
    registry), else UTC; either assumption is reported in the returned notes.

    Returns
    -------
    (Timestamp or None, list of str)
        The timestamp and notes about assumptions or failures.

    Examples
    --------
    >>> ts, notes = parse_published("18 January 2020 - 21:57",
    ...     formats=["%d %B %Y - %H:%M"], timezone="Asia/Tehran")
    >>> ts.isoformat(), notes
    ('2020-01-18T21:57:00+03:30', [])
    >>> parse_published("2020-01-18T05:12:00Z")[0].isoformat()
    '2020-01-18T05:12:00+00:00'
    >>> parse_published("not a date")[1]
    ["could not parse the date 'not a date'"]
    """
    if _is_missing(value):
        return None, []
    notes: list[str] = []
    stamp: pd.Timestamp | None = None
    if isinstance(value, (pd.Timestamp, datetime)):
        stamp = pd.Timestamp(value)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        unit = "ms" if abs(value) > 1e11 else "s"
        stamp = pd.Timestamp(value, unit=unit, tz="UTC")
    else:
        text = str(value).strip()
        for fmt in formats:
            try:
                stamp = pd.Timestamp(datetime.strptime(text, fmt))
                break
            except ValueError:
                continue
        if stamp is None:
            stamp = _parse_free_text_date(text)
            if stamp is None:
                return None, [f"could not parse the date {text!r}"]
    if pd.isna(stamp):
        return None, []
    if stamp.tzinfo is not None and not hasattr(stamp.tzinfo, "key"):
        # dateutil zones (tzutc, tzlocal, tzoffset) become fixed offsets, so that
        # the result does not depend on the machine's local zone.
        stamp = stamp.tz_convert(dt_timezone(stamp.utcoffset()))
    if stamp.tzinfo is None:
        if timezone:
            stamp = stamp.tz_localize(timezone, ambiguous="NaT", nonexistent="shift_forward")
        else:
            stamp = stamp.tz_localize("UTC")
            notes.append("the date had no time zone; UTC assumed")
    return (None if pd.isna(stamp) else stamp), notes


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
    outlet_id = options.outlet and registry.canonical(options.outlet)
    outlet_id = outlet_id or registry.canonical(draft.outlet)
    if paragraphs:
        found = split_dateline(paragraphs[0], registry.dateline_credits, dateline_pattern)
        if found is not None:
            paragraphs[0] = paragraphs[0][found.end :]
            dateline = dateline or found.place
            if found.credit:
                meta["dateline_credit"] = found.credit
                credited = registry.by_credit(found.credit)
                if outlet_id is None and credited is not None:
                    outlet_id = credited
                    meta["outlet_from"] = "dateline credit"
            if found.date:
                meta["dateline_date"] = found.date
    if outlet_id is None and draft.url:
        outlet_id = registry.resolve(draft.url)
    known = outlet_id in registry if outlet_id else False
    outlet = registry[outlet_id] if known else None

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
    return Article(
        article_id=draft.article_id or article_id(outlet_id, url or draft.locator, title),
        outlet=outlet_id,
        title=title,
        published=published,
        dateline=dateline,
        byline=_clean(draft.byline),
        url=url,
        language=_clean(draft.language) or guess_english(paragraphs),
        text=join_paragraphs(paragraphs),
        source_path=source_path,
        meta=meta,
    )
