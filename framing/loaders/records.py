"""Records (dicts) from CSV, JSON, JSON Lines and Parquet exports to articles.

A column mapping says which column holds which article field. The defaults
recognise the names news databases and scrapers commonly use (``content``,
``body``, ``text``; ``publication``, ``source``, ``outlet``; ``date``,
``published``...), case-insensitively; ``columns={"text": "story_body"}``
(CLI: ``--column text=story_body``) names others. Columns that map to no
field are kept in ``meta``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..columns import ARTICLE_COLUMNS
from ..errors import LoadError, invalid_parameter
from .assemble import ArticleDraft, assemble_article
from .base import LoadOptions, LoadResult, Skipped
from .files import file_name
from .html import html_fragment_to_text, looks_like_html

__all__ = ["DEFAULT_COLUMN_NAMES", "RecordReader", "resolve_columns"]

DEFAULT_COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "body",
        "content",
        "article",
        "article_text",
        "articlebody",
        "article_body",
        "full_text",
        "fulltext",
        "maintext",
        "story",
        "body_text",
        "articlebodytext",
    ),
    "title": ("title", "headline", "heading", "head"),
    "outlet": (
        "outlet",
        "publication",
        "source",
        "publisher",
        "source_name",
        "site_name",
        "sitename",
        "media",
        "media_outlet",
        "newspaper",
        "domain",
    ),
    "published": (
        "published",
        "date",
        "publish_date",
        "published_at",
        "publishedat",
        "pubdate",
        "date_publish",
        "publication_date",
        "datetime",
        "timestamp",
        "created_at",
        "date_published",
    ),
    "byline": ("byline", "author", "authors", "creator", "writer"),
    "url": ("url", "link", "news_link", "source_url", "permalink", "article_url"),
    "language": ("language", "lang"),
    "dateline": ("dateline",),
    "article_id": ("article_id",),
    "meta": ("meta",),
}
_FIELDS = frozenset(DEFAULT_COLUMN_NAMES)


def resolve_columns(names: Iterable[str], user: Mapping[str, str]) -> dict[str, str]:
    """Map article fields to the columns of a record set.

    Examples
    --------
    >>> resolve_columns(["Headline", "Content", "Source"], {})
    {'text': 'Content', 'title': 'Headline', 'outlet': 'Source'}
    >>> resolve_columns(["story", "x"], {"text": "x"})
    {'text': 'x'}
    """
    for field in user:
        if field not in _FIELDS:
            raise invalid_parameter("columns", dict(user), f"map fields from {sorted(_FIELDS)}")
    by_folded: dict[str, str] = {}
    for name in names:
        by_folded.setdefault(str(name).casefold(), str(name))
    mapping: dict[str, str] = {}
    taken = set()
    for field, candidates in DEFAULT_COLUMN_NAMES.items():
        if field in user:
            if user[field] in by_folded.values():
                mapping[field] = user[field]
                taken.add(user[field])
            continue
        for candidate in candidates:
            column = by_folded.get(candidate)
            if column is not None and column not in taken and column not in user.values():
                mapping[field] = column
                taken.add(column)
                break
    return mapping


def _outlet_name(value: Any) -> Any:
    """NewsAPI-style ``{"id": ..., "name": ...}`` sources become their name."""
    if isinstance(value, Mapping):
        return value.get("name") or value.get("id")
    return value


class RecordReader:
    """Turns the records of one file into articles or skips.

    Parameters
    ----------
    path : str
        The file (for messages and ``source_path``).
    options : LoadOptions
        Loader options, including the user's column mapping.
    unit : {"record", "line"}
        How locations are named in messages (JSON Lines and CSV use lines).
    """

    def __init__(self, path: str, options: LoadOptions, unit: str = "record") -> None:
        self.path = path
        self.options = options
        self.unit = unit
        self._mapping: dict[tuple[str, ...], dict[str, str]] = {}

    def mapping_for(self, names: Sequence[str]) -> dict[str, str]:
        """Column mapping for a set of names; raises if no text column exists."""
        key = tuple(names)
        mapping = self._mapping.get(key)
        if mapping is None:
            mapping = resolve_columns(names, self.options.columns)
            if "text" not in mapping:
                wanted = self.options.columns.get("text")
                problem = (
                    f"the text column {wanted!r} is not among the columns {list(names)}"
                    if wanted
                    else f"no text column among the columns {list(names)[:12]}"
                )
                raise LoadError(
                    self.path,
                    problem,
                    fix="name the column holding the article body with columns={'text': NAME} "
                    "(CLI: --column text=NAME), or rename it to text, body or content",
                )
            self._mapping[key] = mapping
        return mapping

    def article(self, record: Mapping[str, Any], number: int) -> LoadResult:
        """One record as an Article, or a Skipped naming its location."""
        location = f"{self.unit} {number}"
        mapping = self.mapping_for(list(record))
        values = {field: record.get(column) for field, column in mapping.items()}
        text = values.pop("text")
        if isinstance(text, bytes):
            text = text.decode("utf-8", errors="replace")
        if text is None or isinstance(text, float) or not str(text).strip():  # None, NaN, blank
            return Skipped(
                self.path,
                location,
                str(
                    LoadError(
                        self.path,
                        f"the {mapping['text']!r} field is empty",
                        location=location,
                        fix="fill it in or remove the record",
                    )
                ),
            )
        text = str(text)
        meta: dict[str, Any] = {}
        if looks_like_html(text):
            text = html_fragment_to_text(text)
            meta["text_was_html"] = True
        extra = values.pop("meta", None)
        if isinstance(extra, str):  # tables written by `framing load` keep meta as JSON
            try:
                extra = json.loads(extra)
            except ValueError:
                extra = {"meta": extra}
        if isinstance(extra, Mapping):
            meta.update(extra)
        used = set(mapping.values())
        for column, value in record.items():
            if column not in used and column not in ARTICLE_COLUMNS and value is not None:
                meta.setdefault(str(column), value)
        meta["record"] = location
        draft = ArticleDraft(
            text=text,
            title=values.get("title"),
            published=values.get("published"),
            byline=values.get("byline"),
            url=values.get("url"),
            outlet=_outlet_name(values.get("outlet")),
            language=values.get("language"),
            dateline=values.get("dateline"),
            article_id=values.get("article_id") or None,
            locator=f"{file_name(self.path)}#{number}",
            meta=meta,
        )
        return assemble_article(draft, self.options, source_path=self.path)

    def articles(self, records: Iterable[tuple[int, Any]]) -> Iterator[LoadResult]:
        """Articles for ``(number, record)`` pairs; non-objects are skipped."""
        for number, record in records:
            if isinstance(record, Skipped):
                yield record
            elif not isinstance(record, Mapping):
                location = f"{self.unit} {number}"
                yield Skipped(
                    self.path,
                    location,
                    str(
                        LoadError(
                            self.path,
                            f"expected an object, found {type(record).__name__}",
                            location=location,
                            fix="each record must be a JSON object",
                        )
                    ),
                )
            else:
                yield self.article(record, number)
