"""framing: computational media-framing research.

Data flow (each stage takes and returns pandas tables)::

    files / exports --framing.load()------> articles   (one row per article)
    articles --------framing.sentences()--> sentences  (offsets into the body)
    articles --------framing.analyze()----> loaded terms, attributions, voice,
                                            sentiment, per-article summary
    files -----------framing.iter_load() -> framing.iter_analyze() -> the same,
                                            batch by batch, for any corpus size

    source, citing --framing.compare()----> alignment, substitutions, additions,
                                            omissions, attribution fidelity
    analysis --------framing.summarize() --> measures per group with intervals, tests
    analysis --------framing.keyness() ----> words distinguishing groups (any number)
    citing, sources -framing.match_citations() -> the source each article rewrote,
                     framing.compare_matches() / citation_changes() -> what changed
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

from __future__ import annotations

import importlib
import typing

__version__ = "0.1.0"

__all__ = [
    "ARTICLE_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "CITATION_COLUMNS",
    "FORMATS",
    "KEYNESS_COLUMNS",
    "LOADED_TERM_COLUMNS",
    "SENTENCE_COLUMNS",
    "SKIPPED_COLUMNS",
    "Analysis",
    "Article",
    "ArticleFiles",
    "AttributionExtractor",
    "Comparison",
    "CorpusDescription",
    "CorpusSummary",
    "FramingError",
    "Lexicon",
    "LexiconError",
    "LoadError",
    "LoadedTermMatcher",
    "LoadedTermVectorizer",
    "MatchedComparisons",
    "MissingDependencyError",
    "Outlet",
    "OutletRegistry",
    "Skipped",
    "analyze",
    "articles_to_frame",
    "citation_changes",
    "compare",
    "compare_matches",
    "describe_corpus",
    "distinguishing_terms",
    "example_path",
    "group_speakers",
    "induce_lexicon",
    "iter_analyze",
    "iter_load",
    "keyness",
    "list_examples",
    "load",
    "load_article",
    "match_citations",
    "render_report",
    "sentences",
    "skipped_table",
    "summarize",
    "validate_lexicon",
    "write_report",
]


# Where each public name lives. They are imported on first use, so that
# `import framing` and `framing --help` stay fast (pandas, scikit-learn, scipy
# and NLTK load only when a stage that needs them runs).
_EXPORTS: dict[str, str] = {
    "Article": ".article",
    "articles_to_frame": ".article",
    "ARTICLE_COLUMNS": ".columns",
    "SENTENCE_COLUMNS": ".columns",
    "SKIPPED_COLUMNS": ".columns",
    "Comparison": ".comparison",
    "compare": ".comparison",
    "CITATION_COLUMNS": ".corpus",
    "MatchedComparisons": ".corpus",
    "citation_changes": ".corpus",
    "compare_matches": ".corpus",
    "match_citations": ".corpus",
    "CorpusDescription": ".corpus",
    "CorpusSummary": ".corpus",
    "describe_corpus": ".corpus",
    "ArticleFiles": ".features.partitions",
    "KEYNESS_COLUMNS": ".corpus",
    "keyness": ".corpus",
    "summarize": ".corpus",
    "FramingError": ".errors",
    "LoadError": ".errors",
    "MissingDependencyError": ".errors",
    "example_path": ".examples",
    "list_examples": ".examples",
    "ATTRIBUTION_COLUMNS": ".features",
    "LOADED_TERM_COLUMNS": ".features",
    "Analysis": ".features",
    "AttributionExtractor": ".features",
    "Lexicon": ".features",
    "LexiconError": ".features",
    "LoadedTermMatcher": ".features",
    "LoadedTermVectorizer": ".features",
    "analyze": ".features",
    "distinguishing_terms": ".features",
    "group_speakers": ".features",
    "induce_lexicon": ".features",
    "iter_analyze": ".features.analysis",
    "validate_lexicon": ".features",
    "FORMATS": ".loaders",
    "Skipped": ".loaders",
    "iter_load": ".loaders",
    "load": ".loaders",
    "load_article": ".loaders",
    "skipped_table": ".loaders",
    "Outlet": ".outlets",
    "OutletRegistry": ".outlets",
    "render_report": ".report.write",
    "write_report": ".report.write",
    "sentences": ".text",
}

if typing.TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .article import Article, articles_to_frame
    from .columns import ARTICLE_COLUMNS, SENTENCE_COLUMNS, SKIPPED_COLUMNS
    from .comparison import Comparison, compare
    from .corpus import (
        CITATION_COLUMNS,
        KEYNESS_COLUMNS,
        CorpusDescription,
        CorpusSummary,
        MatchedComparisons,
        citation_changes,
        compare_matches,
        describe_corpus,
        keyness,
        match_citations,
        summarize,
    )
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
    from .features.analysis import iter_analyze
    from .features.partitions import ArticleFiles
    from .loaders import FORMATS, Skipped, iter_load, load, load_article, skipped_table
    from .outlets import Outlet, OutletRegistry
    from .report.write import render_report, write_report
    from .text import sentences


_SUBMODULES = ("plot", "coursework")


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value
    # framing.plot imports matplotlib, framing.coursework the exercise data:
    # load them on first use, not with the package
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__) | set(_SUBMODULES))
