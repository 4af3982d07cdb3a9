"""Values shared by every loader: options in, articles or skips out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..article import Article
from ..errors import LoadError
from ..outlets import OutletRegistry

__all__ = ["DEFAULT_MAX_BYTES", "LoadOptions", "LoadResult", "Skipped"]

# A single article above this size is almost certainly not one article (the
# largest pages in our test crawls are ~3 MB of HTML). The limit applies to
# single-article files and to each record of the streaming formats (a JSON
# Lines line, a CSV row, a WARC payload), so memory stays bounded; the files
# of record formats themselves may be of any size.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Skipped:
    """A file or record that was not loaded, and why.

    ``reason`` is the full one-line message (file, location, problem, fix).
    ``kind`` is ``"skipped"`` for a record that could not be loaded (bad
    input) and ``"duplicate"`` for an exact duplicate of an article already
    loaded (kept once; nothing is lost), whose id is ``duplicate_of``.
    """

    source_path: str
    location: str | None
    reason: str
    kind: str = "skipped"
    duplicate_of: str | None = None

    @classmethod
    def from_error(cls, error: LoadError) -> Skipped:
        return cls(error.path, error.location, str(error))


LoadResult = Article | Skipped


@dataclass(frozen=True)
class LoadOptions:
    """Options every loader receives.

    Attributes
    ----------
    registry : OutletRegistry
        Outlet registry for names, domains, layouts and time zones.
    outlet : str or None
        Outlet id forced on every article (else detected per article).
    columns : mapping
        Article field -> column name in record formats (CSV, JSON, Parquet).
    max_bytes : int
        Size limit of single-article files (text, HTML) and of each record
        of a record format (a JSON Lines line, a CSV row, a WARC payload),
        also inside gzip archives.
    """

    registry: OutletRegistry = field(default_factory=OutletRegistry.default)
    outlet: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES
