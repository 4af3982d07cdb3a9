"""Comparison stage: align a citing article with its source and measure what changed."""

from .align import ALIGNMENT_COLUMNS, align_sentences, sentence_similarity
from .connotation import loadedness_scorer
from .edits import ADDITION_COLUMNS, OMISSION_COLUMNS
from .fidelity import FIDELITY_COLUMNS
from .headline import HEADLINE_COLUMNS
from .pipeline import compare
from .result import Comparison
from .substitutions import SUBSTITUTION_COLUMNS

__all__ = [
    "ADDITION_COLUMNS",
    "ALIGNMENT_COLUMNS",
    "FIDELITY_COLUMNS",
    "HEADLINE_COLUMNS",
    "OMISSION_COLUMNS",
    "SUBSTITUTION_COLUMNS",
    "Comparison",
    "align_sentences",
    "compare",
    "loadedness_scorer",
    "sentence_similarity",
]
