"""Source attributions: who is cited, with which cue, saying what, and who that is.

:class:`AttributionExtractor` finds, sentence by sentence, the patterns by
which news attributes content to a source, with rules over tokens (listed
in :mod:`framing.features.candidates`); a small shipped model
(:mod:`framing.features.span_model`) re-scores where a source starts and
whether a candidate is an attribution at all. Nothing is downloaded.

Sources may carry an apposition ("Jack Watling, land war specialist at
RUSI, said"); quotations may open with a straight, curly or two-apostrophe
mark, and may run over several sentences before "he said"; a quotation
standing alone after the sentence that named its speaker is a *floating*
quote (pattern ``floating``, no cue). A cue inside a quotation is the
speaker's own reported speech and is not listed. An attribution inside
another's content (the outlet says CNN says an expert said) records its
``parent`` (the index of that row of the returned table).

Every mention of a source resolves to one speaker of the article
(:mod:`framing.features.speakers`): ``speaker`` is its canonical name
(no title or honorific: "Donald Trump" for "President Trump", "Mr.
Trump", "he" and "Trump" in one article; the registry name for outlets),
missing for an unresolved pronoun, never "he"; ``speaker_mentions`` lists
how the article named that speaker. Across a corpus,
:func:`framing.group_speakers` joins surnames to full names.

Only sentences holding a word that can begin a cue are tokenised
(:mod:`framing.features.triggers`: one pass of an Aho-Corasick automaton of
the cue lexicon's first words over the case-folded text), so the cost is
linear in words and most of the text is never looked at twice. Sentences are split by
:class:`framing.text.punkt_fast.FastPunkt` (NLTK Punkt's spans, faster).

Examples
--------
>>> ext = AttributionExtractor()
>>> rows = ext.extract_text("CNN said the talks failed. \\"We won,\\" said Ali Reza.")
>>> rows[["source", "cue", "content", "direct", "pattern"]]
     source   cue           content  direct             pattern
0       CNN  said  the talks failed   False  source_cue_content
1  Ali Reza  said            We won    True          cue_source
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Sequence
from operator import itemgetter

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ..outlets import OutletRegistry
from ..text.paragraphs import paragraph_spans
from ..text.sentences import sentence_spans
from .candidates import CandidateFinder, Found
from .cues import CueLexicon, cue_class
from .floating import floating_quotes
from .matcher import iter_texts
from .quotes import normalise_quotes, quoted_regions
from .span_model import SpanModel
from .speakers import Resolution, Speaker, SpeakerResolver, first_person_in_reported
from .tokens import tokenize
from .triggers import triggered_sentences

__all__ = ["ATTRIBUTION_COLUMNS", "AttributionExtractor"]


ATTRIBUTION_COLUMNS: tuple[str, ...] = (
    "article_id",
    "sentence",
    "start",
    "end",
    "source",
    "source_as_written",
    "source_kind",
    "source_outlet",
    "source_start",
    "source_end",
    "cue",
    "cue_lemma",
    "cue_kind",
    "cue_stance",
    "cue_class",
    "cue_start",
    "cue_end",
    "direct",
    "content",
    "content_start",
    "content_end",
    "content_spans",
    "pattern",
    "parent",
    "speaker",
    "speaker_mentions",
)


class AttributionExtractor(TransformerMixin, BaseEstimator):
    """Find source attributions in articles.

    Parameters
    ----------
    registry : OutletRegistry or None
        Outlet registry used to recognise outlets and resolve epithets
        ("the broadcaster"); default: the shipped one.
    kinds : sequence of str or None
        Cue kinds to keep (``speech``, ``writing``, ``cognition``,
        ``evidence``); default: all.
    span_model : "default", SpanModel or None
        The learned re-scoring of candidates (:mod:`framing.features.span_model`):
        ``"default"`` uses the shipped model when its file is present,
        ``None`` keeps the rules' choices only.
    floating : bool
        Also report floating quotes (a quotation standing alone after the
        sentence that named its speaker; pattern ``floating``, no cue:
        ``cue`` is empty and ``cue_kind`` is ``"none"``).

    Attributes
    ----------
    cues_ : CueLexicon
        The cue lexicon (fitted).
    span_model_ : SpanModel or None
        The model in use (``None``: rules only).
    feature_names_ : ndarray of str
        Names of the per-article features of :meth:`transform`.

    See Also
    --------
    framing.analyze : attributions with loaded terms and voice.

    Examples
    --------
    >>> import framing
    >>> art = framing.load_article(framing.example_path("kayhan"))
    >>> table = AttributionExtractor().extract(art)
    >>> table.loc[table["source_as_written"] == "the broadcaster", "source"].tolist()
    ['CNN']
    """

    def __init__(
        self,
        registry: OutletRegistry | None = None,
        kinds: Sequence[str] | None = None,
        span_model: object = "default",
        floating: bool = True,
    ) -> None:
        self.registry = registry
        self.kinds = kinds
        self.span_model = span_model
        self.floating = floating

    # -- scikit-learn contract ----------------------------------------------------
    def fit(self, X: object = None, y: object = None) -> AttributionExtractor:
        """Load the cue lexicon; nothing is learned from ``X``."""
        self.cues_ = CueLexicon.default()
        self.registry_ = self.registry or OutletRegistry.default()
        self.span_model_ = (
            SpanModel.default() if isinstance(self.span_model, str) else self.span_model
        )
        stances = ["neutral", "factive", "doubt", "negative", "manner", "hedge"]
        kinds = ["outlet", "person", "organisation", "document", "anonymous", "pronoun", "unknown"]
        self.feature_names_ = np.array(
            ["attributions", "direct"]
            + [f"stance={s}" for s in stances]
            + [f"source={k}" for k in kinds],
            dtype=object,
        )
        return self

    def transform(self, X: object) -> np.ndarray:
        """Per-article counts: attributions, direct quotes, cue stances, source kinds."""
        check_is_fitted(self, "cues_")
        ids, texts = iter_texts(X)
        table = self.extract(list(zip(ids, texts, strict=True)))
        out = np.zeros((len(ids), len(self.feature_names_)))
        column = {name: i for i, name in enumerate(self.feature_names_)}
        row_of = {article_id: i for i, article_id in enumerate(ids)}
        for record in table.itertuples(index=False):
            row = row_of[record.article_id]
            out[row, column["attributions"]] += 1
            out[row, column["direct"]] += bool(record.direct)
            out[row, column[f"stance={record.cue_stance}"]] += 1
            out[row, column.get(f"source={record.source_kind}", column["source=unknown"])] += 1
        return out

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """Names of the columns of :meth:`transform`."""
        check_is_fitted(self, "feature_names_")
        return self.feature_names_.copy()

    # -- extraction -----------------------------------------------------------------
    def extract(self, articles: object, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
        """The attribution table (columns ``ATTRIBUTION_COLUMNS``) for articles.

        ``articles`` is an article table, Articles, strings, or
        ``(article_id, text)`` pairs. Offsets index each article's text.
        ``sentences`` is the table of :func:`framing.sentences` for the same
        articles, if already made (its sentences are used rather than split
        again; articles missing from it are split here).
        """
        if not hasattr(self, "cues_"):
            self.fit()
        if isinstance(articles, list) and articles and isinstance(articles[0], tuple):
            pairs = articles
        else:
            ids, texts = iter_texts(articles)
            pairs = list(zip(ids, texts, strict=True))
        given = _sentence_spans_by_article(sentences)
        finder = CandidateFinder(self.cues_, self.kinds, self.span_model_)
        rows: list[dict[str, object]] = []
        for article_id, text in pairs:
            rows.extend(self._extract_one(finder, article_id, text, given.get(str(article_id))))
        if not rows:
            return pd.DataFrame(rows, columns=list(ATTRIBUTION_COLUMNS))
        # column by column: pandas infers each column's type once, not row by row
        frame = pd.DataFrame({c: [row[c] for row in rows] for c in ATTRIBUTION_COLUMNS})
        return _with_parents(frame)

    def extract_text(self, text: str) -> pd.DataFrame:
        """Attributions in one text (``article_id`` "0")."""
        return self.extract([("0", text)])

    def _extract_one(
        self,
        finder: CandidateFinder,
        article_id: str,
        text: str,
        spans: list[tuple[int, int, int]] | None = None,
    ) -> list[dict[str, object]]:
        if spans is None or (spans and spans[-1][1] > len(text)):
            spans = sentence_spans(text)
        numbers = triggered_sentences(text, spans, self.cues_)
        if not numbers:
            return []
        work = normalise_quotes(text)  # same offsets; rows slice the original text
        paragraphs = paragraph_spans(text)
        regions = quoted_regions(work, paragraphs)
        # a sentence inside a quotation holds only cues dropped below (the speaker's own
        # words): not read, unless a recorder of the training script is to see them
        openers = [start for start, _ in regions] if finder.model_is_shipped else []
        found: list[Found] = []
        for number in numbers:
            s_start, s_end, paragraph = spans[number]
            k = bisect_right(openers, s_start) - 1
            if k >= 0 and s_end <= regions[k][1]:
                continue
            tokens = tokenize(work, s_start, s_end)
            found.extend(finder.sentence(work, tokens, number, paragraphs[paragraph]))
        found = _outside_quotations(found, regions)
        wanted = self.floating and (self.kinds is None or "speech" in self.kinds)
        floating = floating_quotes(work, found, regions, spans, paragraphs) if wanted else []
        return self._rows(article_id, text, found, floating, regions)

    # -- table -------------------------------------------------------------------------------
    def _rows(
        self,
        article_id: str,
        text: str,
        found: list[Found],
        floating: list[tuple[Found, int]],
        regions: list[tuple[int, int]],
    ) -> list[dict[str, object]]:
        reported = regions + [span for item in found for span in item.content]
        positions = [(item.head or item.source)[0] for item in found if (item.head or item.source)]
        resolver = SpeakerResolver(self.registry_, text, reported, max(positions, default=0))
        rows: list[dict[str, object]] = []
        speakers: list[Speaker | None] = []
        for item in found:
            written = text[item.source[0] : item.source[1]] if item.source else None
            head = text[item.head[0] : item.head[1]] if item.head else written
            antecedent = text[item.antecedent[0] : item.antecedent[1]] if item.antecedent else None
            position = item.head[0] if item.head else (item.source[0] if item.source else -1)
            found_speaker = (
                resolver.resolve(head, position, antecedent)
                if head
                else Resolution("", "unknown", None, None)
            )
            source = found_speaker.source if head else None
            if found_speaker.outlet is not None and found_speaker.kind == "outlet":
                source = self.registry_[found_speaker.outlet].name
            row = _row(article_id, text, item)
            row.update(
                source=source,
                source_as_written=written,
                source_kind=found_speaker.kind,
                source_outlet=found_speaker.outlet,
                source_start=item.source[0] if item.source else None,
                source_end=item.source[1] if item.source else None,
            )
            rows.append(row)
            speakers.append(found_speaker.speaker)
        first_person_in_reported(found, rows, speakers, text)
        for item, antecedent in floating:
            row = _row(article_id, text, item)
            for key in ("source", "source_kind", "source_outlet"):
                row[key] = rows[antecedent][key]
            rows.append(row)
            speakers.append(speakers[antecedent])
        for row, speaker in zip(rows, speakers, strict=True):
            row["speaker"] = speaker.canonical if speaker is not None else None
            row["speaker_mentions"] = list(speaker.mentions) if speaker is not None else []
        order = sorted(range(len(rows)), key=lambda k: (rows[k]["sentence"], rows[k]["cue_start"]))
        return [rows[k] for k in order]


_END = itemgetter(1)


def _row(article_id: str, text: str, item: Found) -> dict[str, object]:
    """The table row of one attribution, without its source columns."""
    spans = [item.cue, *item.content, item.source] if item.source else [item.cue, *item.content]
    content = item.content
    return {
        "article_id": article_id,
        "sentence": item.sentence,
        "start": min(spans)[0],
        "end": max(map(_END, spans)),
        "source": None,
        "source_as_written": None,
        "source_kind": "unknown",
        "source_outlet": None,
        "source_start": None,
        "source_end": None,
        "cue": text[item.cue[0] : item.cue[1]],
        "cue_lemma": item.lemma.lemma,
        "cue_kind": item.lemma.kind,
        "cue_stance": item.lemma.stance,
        "cue_class": cue_class(item.lemma.stance),
        "cue_start": item.cue[0],
        "cue_end": item.cue[1],
        "direct": item.direct,
        "content": " … ".join([text[s:e] for s, e in content]),
        "content_start": min(content)[0],
        "content_end": max(map(_END, content)),
        "content_spans": [list(span) for span in content],
        "pattern": item.pattern,
        "parent": pd.NA,
    }


def _sentence_spans_by_article(
    sentences: pd.DataFrame | None,
) -> dict[str, list[tuple[int, int, int]]]:
    """``(start, end, paragraph)`` of each article's sentences, grouped once."""
    if sentences is None or not len(sentences):
        return {}
    missing = {"article_id", "start", "end", "paragraph"} - set(sentences.columns)
    if missing:
        raise ValueError(
            f"sentences is missing the column(s) {sorted(missing)}; pass the table "
            "returned by framing.sentences()."
        )
    ordered = sentences.sort_values(["article_id", "start"], kind="stable")
    out: dict[str, list[tuple[int, int, int]]] = {}
    columns = (ordered[c].to_numpy() for c in ("article_id", "start", "end", "paragraph"))
    for article_id, start, end, paragraph in zip(*columns, strict=True):
        out.setdefault(str(article_id), []).append((int(start), int(end), int(paragraph)))
    return out


def _outside_quotations(found: list[Found], regions: list[tuple[int, int]]) -> list[Found]:
    """Drop attributions whose cue lies inside a quotation (the speaker's own reported speech).

    "“They told me it was a video,” she said": *they told* is part of what
    she said, not a source the article cites (PolNeAR annotates none of these).
    """
    if not regions or not found:
        return found
    openers = [start for start, _ in regions]
    kept = []
    for item in found:
        k = bisect_right(openers, item.cue[0]) - 1
        if k < 0 or item.cue[0] >= regions[k][1]:
            kept.append(item)
    return kept


def _with_parents(frame: pd.DataFrame) -> pd.DataFrame:
    """Fill ``parent``; drop "I said", "you say" inside a quotation (the speaker's words)."""
    parents = _parents(frame)
    direct = frame["direct"].to_numpy(dtype=bool)
    quoted = np.array([p is not None and bool(direct[p]) for p in parents], dtype=bool)
    if quoted.any():
        speaker = frame["source_as_written"].fillna("").str.casefold().isin({"i", "you", "we"})
        dropped = quoted & speaker.to_numpy()
        if dropped.any():
            frame = frame[~dropped].reset_index(drop=True)
            parents = _parents(frame)
    frame["parent"] = pd.Series(
        [pd.NA if p is None else p for p in parents], index=frame.index, dtype="Int64"
    )
    return frame


# Rows compared at once when looking for parents (memory of a block: rows x this many).
_PARENT_BLOCK = 256


def _parents(frame: pd.DataFrame) -> list[int | None]:
    """Row of the innermost attribution (same article) whose content holds each cue.

    Innermost: the shortest such content, the first row of the article among
    equals. One comparison of every content with a block of cues per article.
    """
    parents: list[int | None] = [None] * len(frame)
    articles = frame["article_id"].to_numpy()
    starts = frame["content_start"].to_numpy()
    ends = frame["content_end"].to_numpy()
    cues = frame["cue_start"].to_numpy()
    bounds = np.flatnonzero(np.r_[True, articles[1:] != articles[:-1], True])
    for lo, hi in itertools.pairwise(bounds):
        first, last = starts[lo:hi], ends[lo:hi]
        lengths = last - first
        for block in range(lo, hi, _PARENT_BLOCK):
            cue = cues[block : min(hi, block + _PARENT_BLOCK)]
            # inside[k, j]: the cue of row block + j lies in the content of row lo + k
            inside = (first[:, None] <= cue[None, :]) & (cue[None, :] < last[:, None])
            for j in np.flatnonzero(inside.any(axis=0)):
                row = block + int(j)
                held = np.flatnonzero(inside[:, j])
                held = held[held != row - lo]
                if len(held):
                    parents[row] = lo + int(held[np.argmin(lengths[held])])
    return parents
