"""Corpus research: measures per group with intervals, keyness, citation matching.

Between comparison and report in the data flow: it takes analyses (and
comparisons) of many articles and returns per-group tables, so a researcher
can ask which outlet or group uses more loaded language (on which topics,
over time), which words distinguish one group from others, and whom each
cites with which verbs, with intervals and tests.

* :func:`summarize` -- measures per group (bootstrap intervals over articles,
  Mann-Whitney or permutation tests), most cited speakers and cue verbs;
* :func:`keyness` -- distinguishing terms over any number of groups;
* :func:`match_citations` -- which source article each citing article
  rewrote; :func:`compare_matches` and :func:`citation_changes` compare and
  aggregate the matched pairs.
"""

from .citations import CITATION_COLUMNS, match_citations
from .describe import CorpusDescription, describe_corpus
from .keyness import KEYNESS_COLUMNS, keyness
from .rewrites import MatchedComparisons, citation_changes, compare_matches
from .summarize import CorpusSummary, summarize

__all__ = [
    "CITATION_COLUMNS",
    "KEYNESS_COLUMNS",
    "CorpusDescription",
    "CorpusSummary",
    "MatchedComparisons",
    "citation_changes",
    "compare_matches",
    "describe_corpus",
    "keyness",
    "match_citations",
    "summarize",
]
