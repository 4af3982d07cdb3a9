"""``framing.analyze``: loaded terms, attributions, voice and sentiment per article.

Examples
--------
>>> import framing
>>> result = framing.analyze(framing.load(framing.example_path("kayhan")))
>>> row = result.summary.iloc[0]
>>> int(row["attributions"]), int(row["attributions_to_outlets"])
(17, 10)
>>> sorted(set(result.loaded_terms["category"]))[:3]
['attribution_verb', 'delegitimising_label', 'euphemism']
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..article import Article, articles_to_frame
from ..io import _json_default, to_records
from ..outlets import OutletRegistry
from ..text.sentences import sentences as split_sentences
from .attributions import AttributionExtractor
from .loadedness import score_span_table
from .matcher import LoadedTermMatcher
from .sentiment import sentence_sentiment

__all__ = ["SUMMARY_COLUMNS", "Analysis", "analyze"]

SUMMARY_COLUMNS: tuple[str, ...] = (
    "article_id",
    "outlet",
    "words",
    "sentences",
    "loaded_terms",
    "loaded_per_1000_words",
    "own_voice_words",
    "attributed_words",
    "loaded_per_1000_own",
    "loaded_per_1000_attributed",
    "attributions",
    "attributions_to_outlets",
    "direct_quotes",
    "loaded_cues",
    "mean_compound",
)
_JSON_SENTENCE = ["index", "start", "end", "paragraph", "text"]
_JSON_TERMS = [
    "start",
    "end",
    "text",
    "term",
    "category",
    "valence",
    "neutral",
    "fuzzy",
    "sentence",
    "voice",
]
_JSON_ATTRIBUTIONS = [
    "sentence",
    "start",
    "end",
    "source",
    "source_as_written",
    "source_kind",
    "cue",
    "cue_class",
    "direct",
    "content",
]


@dataclass(frozen=True)
class Analysis:
    """Feature tables of a set of articles (see :func:`analyze`).

    Attributes
    ----------
    articles : DataFrame
        The article table analysed.
    sentences : DataFrame
        Sentences with VADER scores (``neg, neu, pos, compound``).
    loaded_terms : DataFrame
        Loaded-term spans (``framing.features.matcher.LOADED_TERM_COLUMNS``)
        with ``sentence`` and ``voice`` ("own" or "attributed").
    attributions : DataFrame
        Attributions (``ATTRIBUTION_COLUMNS``).
    summary : DataFrame
        One row per article (``SUMMARY_COLUMNS``).
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    loaded_terms: pd.DataFrame
    attributions: pd.DataFrame
    summary: pd.DataFrame

    def for_article(self, article_id: str) -> dict[str, Any]:
        """One article's tables as JSON-ready records (the ``--format json`` form)."""
        article = self.articles[self.articles["article_id"] == article_id]
        if article.empty:
            raise KeyError(f"no article {article_id!r} in this analysis")

        def rows(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
            own = frame[frame["article_id"] == article_id]
            return to_records(own[columns].reset_index(drop=True))

        return {
            "article": to_records(article.reset_index(drop=True))[0],
            "sentences": rows(self.sentences, _JSON_SENTENCE),
            "loaded_terms": rows(self.loaded_terms, _JSON_TERMS),
            "attributions": rows(self.attributions, _JSON_ATTRIBUTIONS),
        }

    def _with_outlet(self, table: pd.DataFrame) -> pd.DataFrame:
        outlets = self.articles.set_index("article_id")["outlet"].astype(object)
        return table.assign(outlet=table["article_id"].map(outlets).fillna("(no outlet)"))

    def plot_loaded_terms(self, ax=None, **kwargs):
        """Loaded terms per 1,000 words by category, one bar per outlet; returns the Axes.

        See :func:`framing.plot.loaded_terms`.
        """
        from .. import plot

        terms = self._with_outlet(self.loaded_terms)
        words = self._with_outlet(self.summary).groupby("outlet")["words"].sum().to_dict()
        return plot.loaded_terms(data=terms, hue="outlet", words=words, ax=ax, **kwargs)

    def plot_attributions(self, ax=None, **kwargs):
        """Who the articles cite, with which cue verbs; returns the Axes."""
        from .. import plot

        return plot.attribution_profile(data=self.attributions, ax=ax, **kwargs)

    def plot_voice(self, ax=None, **kwargs):
        """Share of each outlet's words in its own vs attributed voice; returns the Axes."""
        from .. import plot

        return plot.voice_shares(data=self.voice_table(), ax=ax, **kwargs)

    def voice_table(self) -> pd.DataFrame:
        """Words by outlet and voice ("own voice", "attributed")."""
        summary = self._with_outlet(self.summary).groupby("outlet", sort=False)
        totals = summary[["own_voice_words", "attributed_words"]].sum()
        return pd.concat(
            [
                pd.DataFrame(
                    {
                        "outlet": totals.index,
                        "voice": "own voice",
                        "words": totals["own_voice_words"].to_numpy(),
                    }
                ),
                pd.DataFrame(
                    {
                        "outlet": totals.index,
                        "voice": "attributed",
                        "words": totals["attributed_words"].to_numpy(),
                    }
                ),
            ],
            ignore_index=True,
        )

    def _repr_html_(self) -> str:
        from ..report.html import analysis_summary_html

        return analysis_summary_html(self)

    def to_json(self, indent: int | None = 1) -> str:
        """JSON: one object per article (a single object for one article)."""
        objects = [self.for_article(a) for a in self.articles["article_id"]]
        payload: object = objects[0] if len(objects) == 1 else objects
        return json.dumps(payload, default=_json_default, ensure_ascii=False, indent=indent)


def _as_table(articles: object) -> pd.DataFrame:
    if isinstance(articles, pd.DataFrame):
        return articles
    if isinstance(articles, Article):
        return articles_to_frame([articles])
    if isinstance(articles, str):
        raise TypeError(
            "analyze() takes articles, not a bare str; use "
            "framing.analyze(framing.load_article(text=...))."
        )
    return articles_to_frame(list(articles))  # type: ignore[arg-type]


_WORD = re.compile(r"\S+")


def _word_count(text: str) -> int:
    return len(text.split())


def _summary(
    table: pd.DataFrame, sentences: pd.DataFrame, terms: pd.DataFrame, attributions: pd.DataFrame
) -> pd.DataFrame:
    rows = []
    by_terms = dict(tuple(terms.groupby("article_id"))) if len(terms) else {}
    by_attr = dict(tuple(attributions.groupby("article_id"))) if len(attributions) else {}
    by_sent = dict(tuple(sentences.groupby("article_id"))) if len(sentences) else {}
    for article_id, outlet, text in zip(
        table["article_id"], table["outlet"], table["text"], strict=True
    ):
        own_terms = by_terms.get(article_id, terms.iloc[0:0])
        # one span may match entries of several lexicons: count spans once
        spans = own_terms.drop_duplicates(["start", "end"])
        attrs = by_attr.get(article_id, attributions.iloc[0:0])
        sents = by_sent.get(article_id, sentences.iloc[0:0])
        words = _word_count(text)
        attributed = _attributed_words(text, attrs)
        own_words = max(words - attributed, 0)
        loaded_own = int((spans["voice"] == "own").sum())
        loaded_attr = int((spans["voice"] == "attributed").sum())
        rows.append(
            {
                "article_id": article_id,
                "outlet": outlet,
                "words": words,
                "sentences": len(sents),
                "loaded_terms": len(spans),
                "loaded_per_1000_words": 1000 * len(spans) / words if words else 0.0,
                "own_voice_words": own_words,
                "attributed_words": attributed,
                "loaded_per_1000_own": 1000 * loaded_own / own_words if own_words else 0.0,
                "loaded_per_1000_attributed": 1000 * loaded_attr / attributed
                if attributed
                else 0.0,
                "attributions": len(attrs),
                "attributions_to_outlets": int((attrs["source_kind"] == "outlet").sum()),
                "direct_quotes": int(attrs["direct"].astype(bool).sum()),
                "loaded_cues": int((attrs["cue_class"] == "loaded").sum()),
                "mean_compound": float(sents["compound"].mean()) if len(sents) else 0.0,
            }
        )
    return pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))


def _attributed_words(text: str, attributions: pd.DataFrame) -> int:
    """Words touching attributed content (overlapping contents counted once)."""
    if not len(attributions) or not text:
        return 0
    covered = np.zeros(len(text) + 1, dtype=np.int64)
    for spans in attributions["content_spans"]:
        for start, end in spans:
            covered[start] += 1
            covered[end] -= 1
    inside = np.cumsum(covered)[:-1] > 0
    prefix = np.concatenate([[0], np.cumsum(inside)])
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    return int(sum(prefix[e] - prefix[s] > 0 for s, e in words))


def analyze(
    articles: object,
    *,
    lexicons: object = None,
    registry: OutletRegistry | None = None,
    fuzzy: bool = True,
    sentiment: bool = True,
) -> Analysis:
    """Score articles: loaded terms, attributions, voice and sentence sentiment.

    Parameters
    ----------
    articles : DataFrame, Article or list of Article
        The article table from :func:`framing.load`, or articles.
    lexicons : None, str, path, Lexicon or list of them
        Lexicons for loaded terms (default: ``DEFAULT_LEXICONS``,
        conflict_geopolitics and loaded_general).
    registry : OutletRegistry, optional
        Outlet registry for attributions (default: the shipped one).
    fuzzy : bool, default True
        Match misspellings of lexicon words (marked ``fuzzy``).
    sentiment : bool, default True
        Add VADER scores to the sentence table.

    Returns
    -------
    Analysis
        ``.loaded_terms``, ``.attributions``, ``.sentences``, ``.summary``.

    See Also
    --------
    LoadedTermMatcher, AttributionExtractor
    """
    table = _as_table(articles)
    sentences = split_sentences(table)
    if sentiment:
        sentences = sentence_sentiment(sentences)
    else:
        sentences = sentences.assign(neg=0.0, neu=0.0, pos=0.0, compound=0.0)
    attributions = AttributionExtractor(registry=registry).fit().extract(table)
    terms = LoadedTermMatcher(lexicons, fuzzy=fuzzy).find(
        table, sentences=sentences, attributions=attributions
    )
    terms = terms.assign(loadedness=score_span_table(table, terms))  # issue 13: learned score
    summary = _summary(table, sentences, terms, attributions)
    return Analysis(table, sentences, terms, attributions, summary)
