"""Loaders: articles from any outlet and format into one normalised table.

One module per format (``text``, ``html``, ``json_records``, ``delimited``,
``parquet``, ``feed``, ``warc``); :mod:`.load` chooses among them by
extension or content and streams files, directories and globs.
"""

from .assemble import ArticleDraft, assemble_article, parse_published
from .base import DEFAULT_MAX_BYTES, LoadOptions, Skipped
from .identity import collect
from .load import expand_paths, iter_load, load, load_article, skipped_table
from .sniff import FORMATS, detect_format

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "ArticleDraft",
    "LoadOptions",
    "Skipped",
    "assemble_article",
    "collect",
    "detect_format",
    "expand_paths",
    "iter_load",
    "load",
    "load_article",
    "parse_published",
    "skipped_table",
]
