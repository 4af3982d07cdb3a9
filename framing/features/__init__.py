"""Features: loaded terms, attributions, sentiment and distinguishing terms.

Every span carries character offsets into the article text, so each score
can be traced to the words that produced it.
"""

from .analysis import SUMMARY_COLUMNS, Analysis, analyze
from .attributions import ATTRIBUTION_COLUMNS, AttributionExtractor
from .cues import CueLexicon
from .distinguishing import distinguishing_terms, log_odds_z
from .induce import induce_lexicon
from .lexicon import BUILTIN_LEXICONS, LEXICON_COLUMNS, Lexicon, LexiconError, validate_lexicon
from .matcher import LOADED_TERM_COLUMNS, LoadedTermMatcher
from .names import group_speakers
from .sentiment import sentence_sentiment
from .vectorizer import LoadedTermVectorizer

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "BUILTIN_LEXICONS",
    "LEXICON_COLUMNS",
    "LOADED_TERM_COLUMNS",
    "SUMMARY_COLUMNS",
    "Analysis",
    "AttributionExtractor",
    "CueLexicon",
    "Lexicon",
    "LexiconError",
    "LoadedTermMatcher",
    "LoadedTermVectorizer",
    "analyze",
    "distinguishing_terms",
    "group_speakers",
    "induce_lexicon",
    "log_odds_z",
    "sentence_sentiment",
    "validate_lexicon",
]
