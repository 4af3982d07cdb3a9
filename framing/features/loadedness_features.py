"""Inspectable features of every word in context, for the loadedness model.

One row per word (``[^\\W\\d_]+`` with inner hyphens and apostrophes), one
column per feature (``FEATURE_NAMES``), each a number a reader can check:

* the word itself: VADER valence (Hutto & Gilbert 2014, via vaderSentiment),
  subjectivity and polarity from the Pattern sentiment lexicon that TextBlob
  ships (De Smedt & Daelemans 2012), rarity (log count in pyspellchecker's
  English word list), the parts of speech lemminflect knows for it, its
  length and suffix;
* the lexicons: whether the word lies in a match of the default lexicons
  (by category group) or of hedges, boosters and reporting verbs;
* the context: capitals (sentence start, mid-sentence name, all caps),
  inside quotation marks, the valence and subjectivity of the words either
  side, a booster or determiner before, and the mean valence, subjectivity
  and lexicon matches of the sentence.

Examples
--------
>>> words, X = word_features(["The brutal regime said it was fine."])
>>> words["text"].tolist()[:3]
['The', 'brutal', 'regime']
>>> X.shape[1] == len(FEATURE_NAMES)
True
>>> round(float(X[1, FEATURE_NAMES.index("vader_abs")]), 2)
0.78
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from .inflect import parts_of_speech
from .tokens import DETERMINERS

__all__ = [
    "FEATURE_NAMES",
    "WORD",
    "lemma_key",
    "vectors_signature",
    "word_features",
    "word_vectors",
]

WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+|\n+")
_QUOTES = re.compile(r"[\"“”«»]")
_FUNCTION = frozenset(
    "a an the of to in on at by for from with and or but nor so yet as if than that this these "
    "those it its he she they we i you him her them us me his their our my your who whom whose "
    "which what is was were are be been being am has have had do does did will would can could "
    "may might shall should must not no there here then when where why how all any some each "
    "about after before into over under up down out off again also just only very".split()
)
_BOOSTER_BEFORE = frozenset(
    "very so most more extremely really truly utterly totally deeply highly incredibly "
    "absolutely completely such too".split()
)
_ADJ_SUFFIX = ("ous", "ful", "less", "ive", "ic", "ish", "ary")
_LABEL_SUFFIX = ("ist", "ists", "ism", "ite", "ites", "ers")

WORD_FEATURES = (
    "vader",
    "vader_abs",
    "vader_negative",
    "subjectivity",
    "polarity_abs",
    "in_pattern",
    "rarity",
    "unknown_word",
    "can_adj",
    "can_adv",
    "can_verb",
    "can_noun",
    "function_word",
    "length",
    "suffix_ly",
    "suffix_adjective",
    "suffix_label",
    "hyphenated",
)
LEXICON_FEATURES = (
    "lex_violence",
    "lex_label_negative",
    "lex_label_positive",
    "lex_intensifier",
    "lex_attribution_verb",
    "lex_loaded_verb",
    "lex_evaluation",
    "lex_other",
    "lex_phrase",
    "lex_valence_abs",
    "lex_hedge",
    "lex_booster",
    "lex_report_verb",
)
CONTEXT_FEATURES = (
    "capitalised",
    "name_like",
    "all_caps",
    "sentence_start",
    "in_quotes",
    "prev_vader_abs",
    "next_vader_abs",
    "prev_subjectivity",
    "next_subjectivity",
    "booster_before",
    "determiner_before",
    "sentence_vader_abs",
    "sentence_subjectivity",
    "sentence_lexicon",
    "sentence_length",
)
FEATURE_NAMES: list[str] = [*WORD_FEATURES, *LEXICON_FEATURES, *CONTEXT_FEATURES]

# Lexicon categories grouped into features (other categories count as lex_other).
_CATEGORY_FEATURE = {
    "violence": "lex_violence",
    "delegitimising_label": "lex_label_negative",
    "pejorative_label": "lex_label_negative",
    "glorifying_label": "lex_label_positive",
    "euphemism": "lex_label_positive",
    "intensifier": "lex_intensifier",
    "exaggeration": "lex_intensifier",
    "attribution_verb": "lex_attribution_verb",
    "loaded_verb": "lex_loaded_verb",
    "moral_evaluation": "lex_evaluation",
    "victory_humiliation": "lex_evaluation",
    "expulsion": "lex_other",
    "hedge": "lex_hedge",
    "booster": "lex_booster",
    "report_verb": "lex_report_verb",
}
_FEATURE_LEXICONS = ("conflict_geopolitics", "loaded_general", "hedges", "boosters", "report_verbs")


@lru_cache(maxsize=1)
def _vader_lexicon() -> dict[str, float]:
    from .sentiment import vader

    return dict(vader().lexicon)


@lru_cache(maxsize=1)
def pattern_lexicon() -> dict[str, tuple[float, float]]:
    """Word -> (polarity, subjectivity) from the Pattern lexicon that TextBlob ships.

    Senses of one word are averaged. Returns an empty mapping when TextBlob
    is not installed (the features are then 0).
    """
    import xml.etree.ElementTree as ET

    try:
        text = resources.files("textblob").joinpath("en", "en-sentiment.xml").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    senses: dict[str, list[tuple[float, float]]] = {}
    for node in ET.fromstring(text).iter("word"):
        form = node.get("form", "").casefold()
        try:
            value = (float(node.get("polarity", 0)), float(node.get("subjectivity", 0)))
        except ValueError:
            continue
        senses.setdefault(form, []).append(value)
    return {w: tuple(np.mean(v, axis=0).tolist()) for w, v in senses.items()}  # type: ignore[misc]


# Order in which a lemma is chosen when lemminflect knows several readings of a word.
_LEMMA_ORDER = ("VERB", "NOUN", "ADJ", "ADV", "AUX", "PROPN")


@lru_cache(maxsize=200_000)
def lemma_key(word: str) -> str:
    """The lemma a word's learned weight is stored under (lower case; the word if unknown).

    One lemma per word form, whatever its reading in context ("lies" -> "lie",
    "slammed" -> "slam"), so that the inflections of a word share one weight.

    Examples
    --------
    >>> lemma_key("Slammed"), lemma_key("regimes"), lemma_key("Takfiri")
    ('slam', 'regime', 'takfiri')
    """
    from .inflect import _lemminflect

    form = word.casefold().replace("’", "'")
    readings = _lemminflect().getAllLemmas(form)
    for tag in _LEMMA_ORDER:
        if tag in readings:
            return str(readings[tag][0])
    return form


@lru_cache(maxsize=200_000)
def _word_row(word: str) -> tuple[float, ...]:
    from .vocabulary import english_word_counts

    vader = _vader_lexicon().get(word, 0.0) / 4.0
    polarity, subjectivity = pattern_lexicon().get(word, (0.0, 0.0))
    count = english_word_counts().get(word.replace("’", "'"), 0)
    tags = parts_of_speech(word)
    return (
        vader,
        abs(vader),
        float(vader <= -0.25),
        subjectivity,
        abs(polarity),
        float(word in pattern_lexicon()),
        1.0 - min(math.log10(count + 1) / 7.0, 1.0),
        float(count == 0),
        float("ADJ" in tags),
        float("ADV" in tags),
        float("VERB" in tags),
        float("NOUN" in tags),
        float(word in _FUNCTION),
        min(len(word), 20) / 10.0,
        float(word.endswith("ly")),
        float(word.endswith(_ADJ_SUFFIX)),
        float(word.endswith(_LABEL_SUFFIX)),
        float("-" in word),
    )


def word_vectors(words: Sequence[str]) -> np.ndarray | None:
    """The shipped word vector of each word (rows), ``None`` when the vector file is absent.

    The vectors are ``framing/resources/models/word_vectors.npz`` (co-occurrence
    vectors of 30,000 common words from a separate news corpus; see its model
    card). A word outside their vocabulary gets a row of zeros.

    Examples
    --------
    >>> V = word_vectors(["regime", "qwzxv"])
    >>> V is None or (V.shape[0] == 2 and float(abs(V[1]).sum()) == 0.0)
    True
    """
    from ..comparison.embeddings import default_vectors

    vectors = default_vectors()
    if vectors is None:
        return None
    where, forms = pd.factorize(pd.Series([str(w) for w in words], dtype=object))
    table = np.zeros((len(forms), vectors.vectors.shape[1]))
    for i, form in enumerate(forms.tolist()):
        v = vectors.vector(form)
        if v is not None:
            table[i] = v
    return table[where]


@lru_cache(maxsize=1)
def vectors_signature() -> str | None:
    """A short checksum of the shipped word vectors (``None`` without the file).

    A model that learned weights on the vectors records it, so that it uses
    its vector weights only with the vectors they were fitted to.
    """
    import hashlib

    from ..comparison.embeddings import default_vectors

    vectors = default_vectors()
    if vectors is None:
        return None
    digest = hashlib.sha1("\n".join(vectors.index).encode("utf-8"))
    digest.update(np.ascontiguousarray(vectors.vectors, dtype=np.float32).tobytes())
    return digest.hexdigest()[:16]


def _lexicon_matches(texts: Sequence[str]) -> pd.DataFrame:
    from .matcher import LoadedTermMatcher

    return LoadedTermMatcher(list(_FEATURE_LEXICONS)).find(list(texts))


def word_features(texts: Sequence[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """Words of ``texts`` and their feature matrix (rows: words; columns: ``FEATURE_NAMES``).

    Returns
    -------
    words : DataFrame
        ``doc`` (index into ``texts``), ``start``, ``end``, ``text``, ``sentence``
        (running sentence number).
    X : ndarray of float, shape (n_words, len(FEATURE_NAMES))
    """
    docs, starts, ends, tokens, sentences, quoted = [], [], [], [], [], []
    sentence_id = 0
    for d, text in enumerate(texts):
        breaks = np.array([m.end() for m in _SENTENCE_BREAK.finditer(text)], dtype=np.int64)
        quotes = np.array([m.start() for m in _QUOTES.finditer(text)], dtype=np.int64)
        found = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
        if not found:
            sentence_id += len(breaks) + 1
            continue
        s, e, t = zip(*found, strict=True)
        at = np.asarray(s, dtype=np.int64)
        docs.append(np.full(len(at), d))
        starts.append(at)
        ends.append(np.asarray(e, dtype=np.int64))
        tokens.extend(t)
        sentences.append(sentence_id + np.searchsorted(breaks, at, side="right"))
        quoted.append(np.searchsorted(quotes, at) % 2)
        sentence_id += len(breaks) + 1
    n = len(tokens)

    def joined(parts: list[np.ndarray]) -> np.ndarray:
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    words = pd.DataFrame(
        {
            "doc": joined(docs),
            "start": joined(starts),
            "end": joined(ends),
            "text": tokens,
            "sentence": joined(sentences),
        }
    )
    quoted = joined(quoted)
    X = np.zeros((n, len(FEATURE_NAMES)), dtype=float)
    if not n:
        return words, X
    col = {name: i for i, name in enumerate(FEATURE_NAMES)}
    lowered = [t.casefold() for t in tokens]
    X[:, : len(WORD_FEATURES)] = np.array([_word_row(w) for w in lowered], dtype=float)
    _add_lexicon(texts, words, X, col)
    _add_context(texts, words, lowered, np.asarray(quoted, dtype=float), X, col)
    return words, X


def _add_lexicon(texts: Sequence[str], words: pd.DataFrame, X: np.ndarray, col: dict) -> None:
    spans = _lexicon_matches(texts)
    if not len(spans):
        return
    doc = words["doc"].to_numpy()
    start = words["start"].to_numpy()
    key = doc.astype(np.int64) * (1 << 32) + start
    for article_id, s, e, category, valence in zip(
        spans["article_id"].astype(int),
        spans["start"],
        spans["end"],
        spans["category"].astype(str),
        spans["valence"],
        strict=True,
    ):
        lo = np.searchsorted(key, article_id * (1 << 32) + s)
        hi = np.searchsorted(key, article_id * (1 << 32) + e)
        if hi <= lo:
            continue
        X[lo:hi, col[_CATEGORY_FEATURE.get(category, "lex_other")]] = 1.0
        X[lo:hi, col["lex_phrase"]] = max(X[lo, col["lex_phrase"]], float(hi - lo > 1))
        X[lo:hi, col["lex_valence_abs"]] = np.maximum(
            X[lo:hi, col["lex_valence_abs"]], abs(valence)
        )


def _add_context(
    texts: Sequence[str],
    words: pd.DataFrame,
    lowered: list[str],
    quoted: np.ndarray,
    X: np.ndarray,
    col: dict,
) -> None:
    n = len(lowered)
    tokens = words["text"].tolist()
    sentence = words["sentence"].to_numpy()
    first = np.ones(n, dtype=bool)
    first[1:] = sentence[1:] != sentence[:-1]
    capital = np.array([t[:1].isupper() for t in tokens], dtype=float)
    X[:, col["capitalised"]] = capital
    X[:, col["sentence_start"]] = first
    X[:, col["name_like"]] = capital * (~first)
    X[:, col["all_caps"]] = [float(t.isupper() and len(t) > 1) for t in tokens]
    X[:, col["in_quotes"]] = quoted
    same_prev = np.zeros(n, dtype=bool)
    same_prev[1:] = sentence[1:] == sentence[:-1]
    same_next = np.zeros(n, dtype=bool)
    same_next[:-1] = same_prev[1:]
    for source, prev_name, next_name in (
        ("vader_abs", "prev_vader_abs", "next_vader_abs"),
        ("subjectivity", "prev_subjectivity", "next_subjectivity"),
    ):
        values = X[:, col[source]]
        X[1:, col[prev_name]] = np.where(same_prev[1:], values[:-1], 0.0)
        X[:-1, col[next_name]] = np.where(same_next[:-1], values[1:], 0.0)
    before = np.array(["", *lowered[:-1]], dtype=object)
    X[:, col["booster_before"]] = same_prev * np.isin(before, list(_BOOSTER_BEFORE))
    X[:, col["determiner_before"]] = same_prev * np.isin(before, list(DETERMINERS))
    # sentence means, excluding the word itself
    lexicon = X[:, [col[c] for c in LEXICON_FEATURES[:9]]].max(axis=1)
    codes, index = np.unique(sentence, return_inverse=True)
    sizes = np.bincount(index, minlength=len(codes)).astype(float)
    others = np.maximum(sizes[index] - 1, 1)
    for source, target in (
        ("vader_abs", "sentence_vader_abs"),
        ("subjectivity", "sentence_subjectivity"),
    ):
        values = X[:, col[source]]
        totals = np.bincount(index, weights=values, minlength=len(codes))
        X[:, col[target]] = (totals[index] - values) / others
    totals = np.bincount(index, weights=lexicon, minlength=len(codes))
    X[:, col["sentence_lexicon"]] = np.minimum(totals[index] - lexicon, 5) / 5.0
    X[:, col["sentence_length"]] = np.log1p(sizes[index]) / 5.0
