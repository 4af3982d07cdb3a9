"""The normalised article: one value type, one table.

:class:`Article` is a frozen dataclass holding one row of the article table
(see :mod:`framing.columns` for the columns); :func:`articles_to_frame`
builds the table from many of them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import pandas as pd

from .columns import ARTICLE_COLUMNS
from .text.paragraphs import paragraph_spans

__all__ = ["Article", "article_id", "articles_to_frame"]


def article_id(
    outlet: str | None,
    locator: str | None,
    title: str | None,
    text: str | None = None,
    *,
    url: str | None = None,
) -> str:
    """Stable 16-hex-digit id, derived from an article's content and source position.

    The id is the start of a SHA-1 digest of the outlet, url, title and text
    (the content) and of ``locator``, the source position: the file name and
    the record number (``"corpus.jsonl#12"``), or just the file name for a
    one-article file. The folder is left out, so a corpus keeps its ids when it
    moves. Within one :func:`framing.load`, ids are unique: two records with
    the same content and position are exact duplicates, kept once and
    reported; any other clash (an ``article_id`` column that repeats) gets a
    ``-2``, ``-3`` suffix and a warning in ``meta``.

    Examples
    --------
    >>> article_id("cnn", "story.txt", "Title", "Body.")
    '4d84e70ed504d830'
    >>> article_id("cnn", "story.txt", "Title", "Other body.") != article_id(
    ...     "cnn", "story.txt", "Title", "Body.")
    True
    """
    parts = (outlet, url, title, text, locator)
    key = "\x1f".join(x or "" for x in parts)
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One normalised article.

    Attributes
    ----------
    article_id, outlet, title, published, dateline, byline, url, language,
    text, source_path, meta
        The columns of the article table (see :mod:`framing.columns`).
        ``published`` is a timezone-aware :class:`pandas.Timestamp` or ``None``;
        ``meta`` is a read-only mapping.

    Examples
    --------
    >>> import framing
    >>> art = framing.load_article(text="First paragraph.\\n\\nSecond one.")
    >>> art.paragraphs
    ('First paragraph.', 'Second one.')
    >>> sorted(art.to_dict())[:3]
    ['article_id', 'byline', 'dateline']
    """

    article_id: str
    outlet: str | None
    title: str | None
    published: pd.Timestamp | None
    dateline: str | None
    byline: str | None
    url: str | None
    language: str | None
    text: str
    source_path: str | None
    meta: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "meta", MappingProxyType(dict(self.meta)))

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The body's paragraphs."""
        return tuple(self.text[s:e] for s, e in paragraph_spans(self.text))

    def sentences(self) -> pd.DataFrame:
        """This article's sentence table (see :func:`framing.sentences`)."""
        from .text.sentences import sentences

        return sentences(self)

    def to_dict(self) -> dict[str, Any]:
        """The article as a plain dict with the table's columns, in order."""
        row = {name: getattr(self, name) for name in ARTICLE_COLUMNS}
        row["meta"] = dict(self.meta)
        return row

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Article:
        """Rebuild an Article from a row of the article table."""
        values = {}
        for name in ARTICLE_COLUMNS:
            value = row.get(name)
            if name != "meta" and value is not None and not isinstance(value, str):
                value = None if pd.isna(value) else value
            values[name] = value
        values["text"] = values["text"] or ""
        values["meta"] = dict(values["meta"] or {})
        return cls(**values)


def _published_column(values: list[pd.Timestamp | None]) -> pd.Series:
    """Timestamps in one tz if they share it, else converted to UTC."""
    present = [v for v in values if v is not None]
    if present and len({v.utcoffset() is not None and str(v.tzinfo) for v in present}) == 1:
        return pd.Series(pd.DatetimeIndex([pd.NaT if v is None else v for v in values]))
    return pd.Series(pd.to_datetime([pd.NaT if v is None else v for v in values], utc=True))


def articles_to_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """The article table for ``articles``, columns in the documented order.

    ``outlet`` is categorical; ``published`` is timezone-aware (the articles'
    own zone when they share one, else UTC).

    Examples
    --------
    >>> import framing
    >>> table = articles_to_frame([framing.load_article(text="Hello.")])
    >>> list(table.columns) == list(framing.ARTICLE_COLUMNS)
    True
    """
    articles = list(articles)
    frame = pd.DataFrame([a.to_dict() for a in articles], columns=list(ARTICLE_COLUMNS))
    frame["published"] = _published_column([a.published for a in articles])
    frame["outlet"] = frame["outlet"].astype("category")
    return frame
