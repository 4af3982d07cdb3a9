"""Article identity within one load: unique ids, exact duplicates kept once.

:func:`framing.article.article_id` derives an id from an article's content
and source position. Over a stream of articles, :class:`Identity` then

* reports an **exact duplicate** (same outlet, title, date, dateline,
  byline, url, language and text as an article already loaded, e.g. the
  same file named twice or copied into two folders, or a row repeated in an
  export) as a :class:`~framing.loaders.Skipped` entry of kind
  ``"duplicate"`` naming both sources; the article is kept once, and
  :func:`collect` lists the other sources in its ``meta["duplicates"]``;
* gives an article whose id is already taken by a *different* article (an
  ``article_id`` column that repeats, or a hash collision) the id with a
  ``-2``, ``-3``... suffix and a warning in its ``meta``. Two different
  articles never share an id, so they are never merged downstream.

Examples
--------
>>> import framing
>>> seed = framing.example_path("kayhan")
>>> articles, skipped = collect(framing.iter_load([seed, seed]))
>>> len(articles), [s.kind for s in skipped]
(1, ['duplicate'])
>>> articles[0].meta["duplicates"] == [str(seed)]
True
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable

from ..article import Article
from ..errors import LoadError
from .base import LoadResult, Skipped

__all__ = ["Identity", "collect", "content_digest", "source_of"]

_CONTENT_FIELDS = ("outlet", "title", "dateline", "byline", "url", "language", "text")


def content_digest(article: Article) -> bytes:
    """Digest of everything an article says (not where it came from, not its meta)."""
    digest = hashlib.sha1()
    published = article.published.isoformat() if article.published is not None else ""
    for value in (*(getattr(article, f) for f in _CONTENT_FIELDS), published):
        digest.update((value or "").encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.digest()


def source_of(article: Article | Skipped) -> str:
    """``"path, record"`` of an article or skip entry (just the path for one-article files)."""
    if isinstance(article, Skipped):
        path, record = article.source_path, article.location
    else:
        path, record = article.source_path or "<text>", article.meta.get("record")
    return f"{path}, {record}" if record else str(path)


class Identity:
    """Tracks ids and content digests of the articles of one load (see the module docstring).

    Memory grows by about 100 bytes per article (a digest and an id), not
    with the text.
    """

    def __init__(self) -> None:
        self._first: dict[bytes, tuple[str, str]] = {}
        self._ids: set[str] = set()

    def check(self, article: Article) -> LoadResult:
        """The article (its id made unique if needed), or a duplicate entry."""
        digest = content_digest(article)
        first = self._first.get(digest)
        if first is not None:
            first_id, first_source = first
            path = article.source_path or "<text>"
            location = article.meta.get("record")
            error = LoadError(
                path,
                f"exact duplicate of {first_source} (article_id {first_id}); kept once",
                location=location,
            )
            return Skipped(path, location, str(error), kind="duplicate", duplicate_of=first_id)
        if article.article_id in self._ids:
            base, number = article.article_id, 2
            while f"{base}-{number}" in self._ids:
                number += 1
            new_id = f"{base}-{number}"
            warnings = [
                *article.meta.get("warnings", []),
                f"article_id {base!r} was already used by another article in this load; "
                f"renamed {new_id!r}",
            ]
            article = dataclasses.replace(
                article, article_id=new_id, meta={**article.meta, "warnings": warnings}
            )
        self._ids.add(article.article_id)
        self._first[digest] = (article.article_id, source_of(article))
        return article


def collect(results: Iterable[LoadResult]) -> tuple[list[Article], list[Skipped]]:
    """Gather a load stream into articles and skip entries.

    Each article that had exact duplicates lists their sources in
    ``meta["duplicates"]`` (the duplicates themselves are among the skip
    entries, of kind ``"duplicate"``). Use it on :func:`framing.iter_load`
    when the whole corpus is wanted in memory; :func:`framing.load` does.
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    position: dict[str, int] = {}
    duplicates: dict[str, list[str]] = {}
    for result in results:
        if isinstance(result, Skipped):
            skipped.append(result)
            if result.duplicate_of is not None:
                duplicates.setdefault(result.duplicate_of, []).append(source_of(result))
        else:
            position[result.article_id] = len(articles)
            articles.append(result)
    for kept, sources in duplicates.items():
        index = position.get(kept)
        if index is not None:
            article = articles[index]
            articles[index] = dataclasses.replace(
                article, meta={**article.meta, "duplicates": sources}
            )
    return articles, skipped
