"""Sentence feature streams for alignment: stemmed words, word bigrams, character n-grams.

Each sentence is described by three streams of integer feature ids:

* ``word``: Snowball stems of its words;
* ``bigram``: pairs of consecutive stems;
* ``char``: character 3-5-grams of each word padded with a space on both
  sides (scikit-learn's ``analyzer="char_wb"`` on the space-joined words).

Words are case-folded, with curly apostrophes straightened. The first two
streams form the *word view*, the third the *char view*; feature ids of the
two views never overlap (``n_word_features`` separates them).

All sentences are tokenised in one regular-expression pass over their
distinct texts, and every distinct word is stemmed and cut into n-grams once,
so a corpus of pairs costs one pass over its words, not one per sentence.
:func:`word_view` and :func:`char_view` give the same features as strings,
one sentence at a time, for checking against scikit-learn.

Examples
--------
>>> features = sentence_features(["Troops stayed.", "The troops stayed.", "Troops stayed."])
>>> features.text_of_sentence.tolist()
[0, 1, 0]
>>> word_view("The troops stayed.")
['the', 'troop', 'stay', 'the troop', 'troop stay']
>>> char_view("Iraq")[:4]
[' ir', 'ira', 'raq', 'aq ']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import pandas as pd
from nltk.stem.snowball import SnowballStemmer

__all__ = ["SentenceFeatures", "char_view", "sentence_features", "word_view", "words"]

NGRAM_RANGE = (3, 5)
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# distinct texts are tokenised as one string, separated by this control character
_BREAK = "\x1e"
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|\x1e")
_STEMMER = SnowballStemmer("english")


# A plain dict, not functools.lru_cache: its entries are not objects the cyclic
# garbage collector tracks, so filling it with a corpus vocabulary stays cheap.
_STEMS: dict[str, str] = {}
_STEM_CACHE_SIZE = 500_000


def _stem(word: str) -> str:
    stem = _STEMS.get(word)
    if stem is None:
        if len(_STEMS) >= _STEM_CACHE_SIZE:
            _STEMS.clear()
        stem = _STEMS[word] = _STEMMER.stem(word)
    return stem


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'")


def words(text: str) -> list[str]:
    """Case-folded words of ``text`` (curly apostrophes straightened).

    Examples
    --------
    >>> words("It’s NOT over, he said.")
    ["it's", 'not', 'over', 'he', 'said']
    """
    return _WORD.findall(_fold(text))


def _ngrams(word: str) -> list[str]:
    """Character 3-5-grams of ``word`` padded with spaces, as scikit-learn's ``char_wb``.

    A padded word no longer than ``n`` yields itself once, and no longer n-grams.
    """
    padded = f" {word} "
    size = len(padded)
    return [
        padded[i : i + n]
        for n in range(NGRAM_RANGE[0], min(size, NGRAM_RANGE[1]) + 1)
        for i in range(size - n + 1)
    ]


def word_view(text: str) -> list[str]:
    """Word-view features of one sentence as strings: stems, then stem bigrams.

    Examples
    --------
    >>> word_view("Troops withdrew")
    ['troop', 'withdrew', 'troop withdrew']
    """
    stems = [_stem(w) for w in words(text)]
    return stems + [f"{a} {b}" for a, b in pairwise(stems)]


def char_view(text: str) -> list[str]:
    """Char-view features of one sentence as strings.

    Equal to scikit-learn's ``char_wb`` analyser with ``ngram_range=(3, 5)``
    applied to the space-joined :func:`words` of ``text``.

    Examples
    --------
    >>> char_view("ok")
    [' ok', 'ok ', ' ok ']
    """
    return [g for w in words(text) for g in _ngrams(w)]


@dataclass(frozen=True)
class SentenceFeatures:
    """Feature streams of a list of sentences (see the module docstring).

    Distinct texts are numbered ``t = 0, 1, ...``; tokens of text ``t`` are
    positions ``token_ptr[t]:token_ptr[t + 1]`` of the token arrays.

    Attributes
    ----------
    text_of_sentence : ndarray of int64
        Index of each input sentence's distinct text (repeated sentences share one).
    normalised : ndarray of object
        Space-joined words of each distinct text (equal strings = same words).
    token_ptr, token_stem, token_word : ndarray of int64
        Each token's stem id (its word-view unigram feature) and word id.
    bigram_ptr, bigram_features : ndarray of int64
        Word-view bigram feature ids of each text, ``bigram_ptr`` as ``token_ptr``.
    gram_ptr, grams : ndarray of int64
        Char-view feature ids of word ``w`` are ``grams[gram_ptr[w]:gram_ptr[w + 1]]``.
    text_size : ndarray of int64
        Number of feature occurrences (all streams) in each text.
    n_word_features, n_features : int
        Ids below ``n_word_features`` belong to the word view.
    """

    text_of_sentence: np.ndarray
    normalised: np.ndarray
    token_ptr: np.ndarray
    token_stem: np.ndarray
    token_word: np.ndarray
    bigram_ptr: np.ndarray
    bigram_features: np.ndarray
    gram_ptr: np.ndarray
    grams: np.ndarray
    text_size: np.ndarray
    n_word_features: int
    n_features: int


def _pointers(text_ids: np.ndarray, n_texts: int) -> np.ndarray:
    return np.searchsorted(text_ids, np.arange(n_texts + 1)).astype(np.int64)


def sentence_features(sentences: Sequence[str]) -> SentenceFeatures:
    """Feature streams of many sentences, tokenised in one pass.

    Parameters
    ----------
    sentences : sequence of str
        Sentence texts (any number; repeats are featurised once).

    Returns
    -------
    SentenceFeatures
    """
    codes, distinct = pd.factorize(pd.Series(list(sentences), dtype=object), sort=False)
    n_texts = len(distinct)
    joined = _BREAK.join(distinct)
    if joined.count(_BREAK) != max(n_texts - 1, 0):  # a text carries the separator itself
        joined = _BREAK.join(t.replace(_BREAK, " ") for t in distinct)
    tokens = _TOKEN.findall(_fold(joined))
    pieces = " ".join(tokens).split(_BREAK) if n_texts else []
    normalised = np.array([piece.strip() for piece in pieces], dtype=object)
    ids: dict[str, int] = {_BREAK: 0}
    token_codes = np.fromiter(
        (ids.setdefault(t, len(ids)) for t in tokens), dtype=np.int64, count=len(tokens)
    )
    vocabulary = list(ids)
    is_break = token_codes == 0
    text_of_token = np.cumsum(is_break)[~is_break]
    token_word = token_codes[~is_break]

    stem_codes, stems = pd.factorize(
        pd.Series([_stem(w) for w in vocabulary], dtype=object), sort=False
    )
    token_stem = stem_codes.astype(np.int64)[token_word]
    n_stems = len(stems)
    same_text = text_of_token[1:] == text_of_token[:-1]
    bigram_keys = token_stem[:-1][same_text] * n_stems + token_stem[1:][same_text]
    bigram_codes, bigram_vocabulary = pd.factorize(bigram_keys, sort=False)
    n_word_features = n_stems + len(bigram_vocabulary)

    all_grams: list[str] = []
    lengths = np.zeros(len(vocabulary), dtype=np.int64)
    for w, word in enumerate(vocabulary[1:], start=1):  # entry 0 is the text break
        grams = _ngrams(word)
        all_grams.extend(grams)
        lengths[w] = len(grams)
    gram_codes, gram_vocabulary = pd.factorize(np.array(all_grams, dtype=object), sort=False)
    grams = gram_codes.astype(np.int64)
    token_ptr = _pointers(text_of_token, n_texts)
    bigram_ptr = _pointers(text_of_token[:-1][same_text], n_texts)
    char_size = np.bincount(text_of_token, weights=lengths[token_word], minlength=n_texts)
    return SentenceFeatures(
        text_of_sentence=codes.astype(np.int64),
        normalised=normalised,
        token_ptr=token_ptr,
        token_stem=token_stem,
        token_word=token_word,
        bigram_ptr=bigram_ptr,
        bigram_features=bigram_codes.astype(np.int64) + n_stems,
        gram_ptr=np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
        grams=grams + n_word_features,
        text_size=(np.diff(token_ptr) + np.diff(bigram_ptr) + char_size.astype(np.int64)),
        n_word_features=int(n_word_features),
        n_features=int(n_word_features + len(gram_vocabulary)),
    )
