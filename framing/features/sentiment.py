"""Sentence sentiment with NLTK's VADER, offline.

NLTK's ``SentimentIntensityAnalyzer`` normally loads its lexicon from
downloaded NLTK data. framing instead points it at the ``vader_lexicon.txt``
that ships inside the ``vaderSentiment`` package (the same lexicon, by the
same authors: Hutto & Gilbert 2014, MIT licence), so nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pandas as pd
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from ..errors import MissingDependencyError

__all__ = ["sentence_sentiment", "vader"]


class _PackagedLexiconVader(SentimentIntensityAnalyzer):
    """NLTK's analyser built from lexicon text instead of an NLTK data path."""

    def __init__(self, lexicon_text: str) -> None:  # no super(): it would load NLTK data
        self.lexicon_file = lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()


@lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    """NLTK's VADER analyser with the lexicon file from the vaderSentiment package.

    Examples
    --------
    >>> vader().polarity_scores("A humiliating, brutal defeat.")["compound"] < 0
    True
    """
    try:
        lexicon = resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
    except ModuleNotFoundError:
        raise MissingDependencyError("Sentiment", "vaderSentiment", "all") from None
    return _PackagedLexiconVader(lexicon.read_text(encoding="utf-8"))


def sentence_sentiment(sentences: pd.DataFrame) -> pd.DataFrame:
    """VADER scores per sentence: ``neg``, ``neu``, ``pos``, ``compound``.

    Parameters
    ----------
    sentences : DataFrame
        The sentence table from :func:`framing.sentences`.

    Returns
    -------
    DataFrame
        ``sentences`` with four more columns.
    """
    analyser = vader()
    scores = [analyser.polarity_scores(text) for text in sentences["text"]]
    frame = pd.DataFrame(scores, index=sentences.index, columns=["neg", "neu", "pos", "compound"])
    return pd.concat([sentences, frame], axis=1)
