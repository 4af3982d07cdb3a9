"""Offline sentence splitting for news text.

Uses NLTK's Punkt algorithm with parameters set in code from
``framing/resources/punkt_news.json`` (news abbreviations such as U.S.,
Gen., Sec., Jan., and common sentence starters), so nothing is downloaded.
Its decisions are made by :class:`framing.text.punkt_fast.FastPunkt`,
which gives exactly NLTK's spans several times faster.
Sentences never cross paragraph boundaries, and every sentence carries
character offsets into the article body.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import pandas as pd

from ..columns import SENTENCE_COLUMNS
from .paragraphs import paragraph_spans
from .punkt_fast import FastPunkt

if TYPE_CHECKING:  # pragma: no cover
    from nltk.tokenize.punkt import PunktSentenceTokenizer

__all__ = ["news_sentence_tokenizer", "sentence_spans", "sentences"]


@lru_cache(maxsize=1)
def news_sentence_tokenizer() -> PunktSentenceTokenizer:
    """The Punkt tokenizer framing uses, parameterised for English news.

    Examples
    --------
    >>> tok = news_sentence_tokenizer()
    >>> tok.tokenize("U.S. Sec. of State Mike Pompeo spoke on Jan. 5. He left.")
    ['U.S. Sec. of State Mike Pompeo spoke on Jan. 5.', 'He left.']
    """
    # NLTK pulls in scipy and scikit-learn: import it when a sentence is split,
    # not with the package (keeps `import framing` and `framing --help` fast)
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    spec = json.loads(
        resources.files("framing.resources").joinpath("punkt_news.json").read_text("utf-8")
    )
    params = PunktParameters()
    params.abbrev_types = set(spec["abbreviations"])
    params.sent_starters = set(spec["sentence_starters"])
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph)`` of every sentence in a normalised body.

    Examples
    --------
    >>> sentence_spans("It rained. We left.\\n\\nNext day.")
    [(0, 10, 0), (11, 19, 0), (21, 30, 1)]
    """
    split = _fast_punkt().span_tokenize
    spans = []
    for number, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for start, end in split(text[p_start:p_end]):
            spans.append((p_start + start, p_start + end, number))
    return spans


@lru_cache(maxsize=1)
def _fast_punkt() -> FastPunkt:
    """Punkt's boundaries without its per-token objects (:mod:`framing.text.punkt_fast`)."""
    return FastPunkt(news_sentence_tokenizer())


def _iter_rows(articles: object) -> Iterator[tuple[str, str]]:
    """Yield ``(article_id, text)`` from a table, an Article, or Articles."""
    if isinstance(articles, str):
        raise TypeError(
            "sentences() takes articles (a DataFrame from framing.load, an Article, or a "
            "list of Articles), not a bare str; wrap raw text with "
            "framing.load_article(text=...)."
        )
    if isinstance(articles, pd.DataFrame):
        missing = {"article_id", "text"} - set(articles.columns)
        if missing:
            raise ValueError(
                f"articles is missing the column(s) {sorted(missing)}; pass the table "
                "returned by framing.load()."
            )
        yield from zip(articles["article_id"], articles["text"].fillna(""), strict=False)
        return
    if hasattr(articles, "article_id") and hasattr(articles, "text"):
        yield articles.article_id, articles.text  # a single Article
        return
    if isinstance(articles, Iterable):
        for item in articles:
            yield from _iter_rows(item)
        return
    raise TypeError(f"sentences() cannot read articles of type {type(articles).__name__}.")


def sentences(articles: object) -> pd.DataFrame:
    """Split articles into sentences.

    Parameters
    ----------
    articles : DataFrame, Article or iterable of Article
        The article table from :func:`framing.load`, or articles.

    Returns
    -------
    DataFrame
        Columns ``article_id, index, start, end, paragraph, text``; ``index``
        counts sentences within an article from 0, ``start``/``end`` index the
        article's ``text``, ``paragraph`` counts paragraphs from 0.

    Examples
    --------
    >>> import framing
    >>> art = framing.load_article(text="Gen. Smith spoke. It said no.\\n\\nEnd.")
    >>> framing.sentences(art)[["index", "start", "end", "paragraph", "text"]]
       index  start  end  paragraph               text
    0      0      0   17          0  Gen. Smith spoke.
    1      1     18   29          0       It said no.
    2      2     31   35          1               End.
    """
    rows = []
    for article_id, text in _iter_rows(articles):
        for index, (start, end, paragraph) in enumerate(sentence_spans(text)):
            rows.append((article_id, index, start, end, paragraph, text[start:end]))
    frame = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
    return frame.astype({"index": "int64", "start": "int64", "end": "int64", "paragraph": "int64"})
