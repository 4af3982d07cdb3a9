"""framing: computational media-framing research.

Data flow (each stage takes and returns pandas tables)::

    files / exports --framing.load()------> articles   (one row per article)
    articles --------framing.sentences()--> sentences  (offsets into the body)
    articles --------framing.analyze()----> loaded terms, attributions, voice,
                                            sentiment, per-article summary

    source, citing --framing.compare()----> alignment, substitutions, additions,
                                            omissions, attribution fidelity
    comparison ------framing.write_report() -> HTML, Markdown + SVG charts, JSON
    any table -------framing.plot.*() ------> matplotlib Axes

Examples
--------
>>> import framing
>>> table = framing.load(framing.example_path("kayhan"))
>>> table.loc[0, "outlet"]
'kayhan-international'
>>> framing.sentences(table).shape[0]
25
"""

from .article import Article, articles_to_frame
from .columns import ARTICLE_COLUMNS, SENTENCE_COLUMNS, SKIPPED_COLUMNS
from .comparison import Comparison, compare
from .errors import FramingError, LoadError, MissingDependencyError
from .examples import example_path, list_examples
from .features import (
    ATTRIBUTION_COLUMNS,
    LOADED_TERM_COLUMNS,
    Analysis,
    AttributionExtractor,
    Lexicon,
    LexiconError,
    LoadedTermMatcher,
    LoadedTermVectorizer,
    analyze,
    distinguishing_terms,
    group_speakers,
    induce_lexicon,
    validate_lexicon,
)
from .loaders import FORMATS, Skipped, iter_load, load, load_article, skipped_table
from .outlets import Outlet, OutletRegistry
from .report.write import render_report, write_report
from .text import sentences

__version__ = "0.1.0"

__all__ = [
    "ARTICLE_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "FORMATS",
    "LOADED_TERM_COLUMNS",
    "SENTENCE_COLUMNS",
    "SKIPPED_COLUMNS",
    "Analysis",
    "Article",
    "AttributionExtractor",
    "Comparison",
    "FramingError",
    "Lexicon",
    "LexiconError",
    "LoadError",
    "LoadedTermMatcher",
    "LoadedTermVectorizer",
    "MissingDependencyError",
    "Outlet",
    "OutletRegistry",
    "Skipped",
    "analyze",
    "articles_to_frame",
    "compare",
    "distinguishing_terms",
    "example_path",
    "group_speakers",
    "induce_lexicon",
    "iter_load",
    "list_examples",
    "load",
    "load_article",
    "render_report",
    "sentences",
    "skipped_table",
    "validate_lexicon",
    "write_report",
]


def __getattr__(name: str) -> object:
    # framing.plot imports matplotlib; load it on first use, not with the package
    if name == "plot":
        import importlib

        return importlib.import_module(".plot", __name__)
    raise AttributeError(f"module 'framing' has no attribute {name!r}")
