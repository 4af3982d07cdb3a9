"""Loaders: articles from any outlet and format into one normalised table.

One module per format (``text``, ``html``, ``json_records``, ``delimited``,
``parquet``, ``feed``, ``warc``); :mod:`.load` chooses among them by
extension or content and streams files, directories and globs. Saved and
pasted pages are read by layout inference (:mod:`.layout`: headline, date
line, byline, dateline, outlet, page furniture), from the data files of
``framing/resources`` (``datelines.json``, ``furniture.json``,
``bylines.json``, ``date_words.json``).
"""

from .assemble import ArticleDraft, assemble_article, parse_published
from .base import DEFAULT_MAX_BYTES, LoadOptions, Skipped
from .identity import collect
from .layout import InferredLayout, infer_layout
from .load import expand_paths, iter_load, load, load_article, skipped_table
from .sniff import FORMATS, detect_format

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "ArticleDraft",
    "InferredLayout",
    "LoadOptions",
    "Skipped",
    "assemble_article",
    "collect",
    "detect_format",
    "expand_paths",
    "infer_layout",
    "iter_load",
    "load",
    "load_article",
    "parse_published",
    "skipped_table",
]
