"""Sentence sentiment with NLTK's VADER, offline and fast, with exactly NLTK's scores.

NLTK's ``SentimentIntensityAnalyzer`` normally loads its lexicon from
downloaded NLTK data. framing instead points it at the ``vader_lexicon.txt``
that ships inside the ``vaderSentiment`` package (the same lexicon, by the
same authors: Hutto & Gilbert 2014, MIT licence), so nothing is downloaded.

Speed. NLTK spends about 70% of its time building, for every sentence, a
dictionary of each word glued to each of 17 punctuation marks (``SentiText.
_words_plus_punc``), only to look up the sentence's tokens in it. The same
mapping is one strip and one set lookup per token: a token is replaced by its
word when it is ``p + word`` or ``word + p`` with ``p`` one of NLTK's
punctuation marks and ``word`` a word of the sentence with the punctuation
removed (the maximal punctuation run is the only possible ``p``, since such
words hold no punctuation). Tokens outside the lexicon and the booster list
score 0 without the per-token rule calls; lexicon words go through NLTK's own
``sentiment_valence``, and the sums, the "but" rule and the rounding are
NLTK's own methods, so every score equals NLTK's bit for bit
(``tests/features/test_sentiment.py`` checks rule by rule, and
``benchmarks/bench_sentiment.py`` on AllSides sentences). Repeated sentences
(bylines, furniture, wire boilerplate) are scored once per process.
"""

from __future__ import annotations

import string
from functools import lru_cache
from importlib import resources
from typing import Any

import pandas as pd
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from ..errors import MissingDependencyError

__all__ = ["SENTIMENT_COLUMNS", "sentence_sentiment", "vader"]

SENTIMENT_COLUMNS = ("neg", "neu", "pos", "compound")

_PUNCTUATION = string.punctuation
_PUNCTUATION_SET = frozenset(_PUNCTUATION)
_REMOVE_PUNCTUATION = str.maketrans("", "", _PUNCTUATION)
# Sentences scored once per process: bylines, furniture and wire lines recur
# across a corpus. 65,536 sentences of ~150 characters hold ~20 MB at most.
SCORE_CACHE_SIZE = 65_536


class _SentiText:
    """What NLTK's ``sentiment_valence`` reads of a sentence."""

    __slots__ = ("is_cap_diff", "words_and_emoticons")

    def __init__(self, words: list[str], is_cap_diff: bool) -> None:
        self.words_and_emoticons = words
        self.is_cap_diff = is_cap_diff


def words_and_emoticons(text: str, punctuation: frozenset[str]) -> list[str]:
    """NLTK's ``SentiText.words_and_emoticons`` without its per-sentence dictionaries.

    Examples
    --------
    >>> words_and_emoticons('"Great," she said -- a :) day!', frozenset(VaderConstants.PUNC_LIST))
    ['"Great,"', 'she', 'said', '--', ':)', 'day']
    """
    tokens = [token for token in text.split() if len(token) > 1]
    words_only: set[str] | None = None
    for position, token in enumerate(tokens):
        if token[0] not in _PUNCTUATION_SET and token[-1] not in _PUNCTUATION_SET:
            continue
        if words_only is None:
            words_only = {w for w in text.translate(_REMOVE_PUNCTUATION).split() if len(w) > 1}
        rest = token.lstrip(_PUNCTUATION)
        if len(rest) < len(token):  # p + word
            if token[: len(token) - len(rest)] in punctuation and rest in words_only:
                tokens[position] = rest
            continue
        rest = token.rstrip(_PUNCTUATION)  # word + p
        if token[len(rest) :] in punctuation and rest in words_only:
            tokens[position] = rest
    return tokens


class FastVader(SentimentIntensityAnalyzer):
    """NLTK's VADER analyser with the same scores, several times faster.

    Built from lexicon text instead of an NLTK data path (see :func:`vader`).
    """

    def __init__(self, lexicon_text: str) -> None:  # no super(): it would load NLTK data
        self.lexicon_file = lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()
        self._punctuation = frozenset(self.constants.PUNC_LIST)
        self._skip = frozenset(self.constants.BOOSTER_DICT)
        self.cached_scores = lru_cache(maxsize=SCORE_CACHE_SIZE)(self._polarity_scores)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """``neg``, ``neu``, ``pos`` and ``compound`` of ``text``, as NLTK scores them."""
        return dict(self.cached_scores(text))

    def _polarity_scores(self, text: str) -> dict[str, float]:
        if not isinstance(text, str):
            text = str(text.encode("utf-8"))
        words = words_and_emoticons(text, self._punctuation)
        lowers = [w.lower() for w in words]
        first: dict[str, int] = {}
        for index, token in enumerate(words):
            first.setdefault(token, index)
        capitals = sum(1 for w in words if w.isupper())
        sentitext: Any = None
        lexicon, skip, last = self.lexicon, self._skip, len(words) - 1
        sentiments: list[float] = []
        for item in words:
            i = first[item]  # NLTK scores every copy of a token at its first position
            lower = lowers[i]
            if (i < last and lower == "kind" and lowers[i + 1] == "of") or lower in skip:
                sentiments.append(0)
            elif lower in lexicon:
                if sentitext is None:
                    sentitext = _SentiText(words, 0 < len(words) - capitals < len(words))
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
            else:
                sentiments.append(0)
        if "but" in lowers:
            sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)


@lru_cache(maxsize=1)
def vader() -> FastVader:
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
    return FastVader(lexicon.read_text(encoding="utf-8"))


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

    Examples
    --------
    >>> table = pd.DataFrame({"text": ["A brutal defeat.", "The meeting is at noon."]})
    >>> sentence_sentiment(table)["compound"].tolist()
    [-0.7964, 0.0]
    """
    score = vader().cached_scores  # read-only: the rows are copied into the frame
    rows = [score(text) for text in sentences["text"]]
    columns = {name: [row[name] for row in rows] if rows else [] for name in SENTIMENT_COLUMNS}
    frame = pd.DataFrame(columns, index=sentences.index, dtype=float)
    return pd.concat([sentences, frame], axis=1)
