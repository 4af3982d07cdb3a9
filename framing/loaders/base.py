"""Values shared by every loader: options in, articles or skips out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..article import Article
from ..errors import LoadError
from ..outlets import OutletRegistry

__all__ = ["DEFAULT_MAX_BYTES", "LoadOptions", "LoadResult", "Skipped"]

# A single article file above this size is almost certainly not one article
# (the largest pages in our test crawls are ~3 MB of HTML); record formats
# (CSV, JSON Lines, Parquet, WARC) stream and have no limit.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Skipped:
    """A file or record that was not loaded, and why.

    ``reason`` is the full one-line message (file, location, problem, fix).
    """

    source_path: str
    location: str | None
    reason: str

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
        Size limit of single-article files (text, HTML).
    """

    registry: OutletRegistry = field(default_factory=OutletRegistry.default)
    outlet: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES
