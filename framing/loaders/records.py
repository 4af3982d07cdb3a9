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
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..columns import ARTICLE_COLUMNS
from ..errors import LoadError, invalid_parameter
from .assemble import ArticleDraft, assemble_article
from .base import LoadOptions, LoadResult, Skipped
from .files import file_name
from .html import html_fragment_to_text, looks_like_html

__all__ = [
    "DEFAULT_COLUMN_NAMES",
    "MAX_NESTING",
    "RecordReader",
    "nesting_depth",
    "resolve_columns",
    "validate_columns",
]

# News records nest a few levels (NewsAPI ``source`` objects, author lists,
# JSON-LD graphs; the AllSides export in ../shared is flat). Deeper records
# are refused here, with their line, rather than failing later where json
# and pandas recurse, far from the file that caused it (Python's recursion
# limit is 1,000).
MAX_NESTING = 100

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


def validate_columns(user: Mapping[str, str]) -> None:
    """Raise ``ValueError`` (a usage error) if ``user`` maps a field that does not exist."""
    for field, column in user.items():
        if field not in _FIELDS or not isinstance(column, str):
            raise invalid_parameter("columns", dict(user), f"map fields from {sorted(_FIELDS)}")


def resolve_columns(names: Iterable[str], user: Mapping[str, str]) -> dict[str, str]:
    """Map article fields to the columns of a record set.

    Examples
    --------
    >>> resolve_columns(["Headline", "Content", "Source"], {})
    {'text': 'Content', 'title': 'Headline', 'outlet': 'Source'}
    >>> resolve_columns(["story", "x"], {"text": "x"})
    {'text': 'x'}
    """
    validate_columns(user)
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


def nesting_depth(value: Any, limit: int = MAX_NESTING) -> int:
    """How deeply lists and dicts nest in ``value`` (counted up to ``limit + 1``).

    Iterative, so it cannot itself exceed the recursion limit.

    Examples
    --------
    >>> nesting_depth({"a": [1, {"b": 2}]}), nesting_depth("text")
    (3, 0)
    """
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children: Iterable[Any] = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _kind(value: Any) -> str:
    """``value``'s kind with its article: "a number", "an object"..."""
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__}"


def _without_nul(value: str, field: str, notes: list[str]) -> str:
    if "\x00" in value:
        notes.append(f"removed {value.count(chr(0))} NUL character(s) from {field}")
        value = value.replace("\x00", "")
    return value


def text_value(value: Any, field: str, notes: list[str]) -> str | None:
    """The article body from a record's value, or ``None`` if it holds no text.

    A string is the body; a list of strings is joined as paragraphs (with a
    note). Anything else (a number, true/false, an object) is not an
    article body: :class:`ValueError` says what it is.
    """
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        parts = [v.strip() for v in value if v.strip()]
        if len(value) > 1:
            notes.append(
                f"the {field} field was a list of {len(value)} strings; joined as paragraphs"
            )
        value = "\n\n".join(parts)
    if not isinstance(value, str):
        raise ValueError(f"the {field!r} field holds {_kind(value)} ({_short(value)}), not text")
    return _without_nul(value, field, notes)


def field_value(value: Any, field: str, notes: list[str], *, several: bool = False) -> Any:
    """A metadata field (title, url, byline...) as text, or ``None`` with a note.

    Strings pass; lists of strings pass (joined later with ``", "``); a
    NewsAPI-style ``{"name": ...}`` object gives its name; with ``several``
    (bylines) a list of names is kept as a list, otherwise a list of several
    strings is joined with commas, with a note; a finite number
    becomes its decimal text, with a note; true/false, NaN, infinities and
    other objects are left out, with a note. A value's Python form is never
    stored as text.
    """
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if isinstance(value, str):
        return _without_nul(value, field, notes)
    if isinstance(value, Mapping) and isinstance(value.get("name") or value.get("id"), str):
        return _without_nul(value.get("name") or value.get("id"), field, notes)
    if isinstance(value, (list, tuple)):
        names = [field_value(v, field, notes) for v in value]
        if all(isinstance(n, str) for n in names):
            if several or len(names) == 1:
                return names if several else names[0]
            notes.append(f"{field} was a list of {len(names)} strings; joined with commas")
            return ", ".join(names)
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        text = str(value)
        notes.append(f"{field} was the number {text}; used as text")
        return text
    notes.append(f"{field} holds {_kind(value)} ({_short(value)}), not text; left empty")
    return None


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

    def _skip(self, location: str, problem: str, fix: str) -> Skipped:
        return Skipped(
            self.path, location, str(LoadError(self.path, problem, location=location, fix=fix))
        )

    def article(
        self, record: Mapping[str, Any], number: int, notes: Sequence[str] = ()
    ) -> LoadResult:
        """One record as an Article, or a Skipped naming its location."""
        location = f"{self.unit} {number}"
        depth = nesting_depth(record)
        if depth > MAX_NESTING:
            return self._skip(
                location,
                f"the record nests lists or objects more than {MAX_NESTING} levels deep",
                "flatten the record; news records need a few levels at most",
            )
        mapping = self.mapping_for(list(record))
        values = {field: record.get(column) for field, column in mapping.items()}
        warnings = list(notes)
        try:
            text = text_value(values.pop("text"), mapping["text"], warnings)
        except ValueError as exc:
            return self._skip(
                location,
                str(exc),
                "give the article body as a string, or as a list of paragraph strings",
            )
        if text is None or not text.strip():
            return self._skip(
                location,
                f"the {mapping['text']!r} field is empty",
                "fill it in or remove the record",
            )
        meta: dict[str, Any] = {}
        if looks_like_html(text):
            text = html_fragment_to_text(text)
            meta["text_was_html"] = True
        extra = values.pop("meta", None)
        if isinstance(extra, str):  # tables written by `framing load` keep meta as JSON
            try:
                extra = json.loads(extra)
            except (ValueError, RecursionError):
                extra = {"meta": extra}
            if nesting_depth(extra) > MAX_NESTING:
                extra = {"meta": values.get("meta")}
        if isinstance(extra, Mapping):
            meta.update(extra)
        used = set(mapping.values())
        for column, value in record.items():
            if column not in used and column not in ARTICLE_COLUMNS and value is not None:
                meta.setdefault(str(column), value)
        meta["record"] = location
        fields = {
            field: field_value(
                values.get(field), mapping.get(field, field), warnings, several=field == "byline"
            )
            for field in ("title", "byline", "url", "outlet", "language", "dateline")
        }
        given_id = values.get("article_id")
        if given_id is not None and not isinstance(given_id, str):
            given_id = field_value(given_id, mapping["article_id"], warnings)
        if warnings:
            meta["warnings"] = [*meta.get("warnings", []), *warnings]
        draft = ArticleDraft(
            text=text,
            published=values.get("published"),
            article_id=given_id if isinstance(given_id, str) and given_id.strip() else None,
            locator=f"{file_name(self.path)}#{number}",
            meta=meta,
            **fields,
        )
        return assemble_article(draft, self.options, source_path=self.path)

    def articles(self, records: Iterable[tuple[Any, ...]]) -> Iterator[LoadResult]:
        """Articles for ``(number, record)`` pairs; non-objects are skipped.

        A third item, a list of notes about the record (e.g. characters
        removed while reading it), goes into the article's warnings.
        """
        for number, record, *notes in records:
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
                yield self.article(record, number, notes[0] if notes else ())
