"""``framing.compare``: a citing article against its source, as a :class:`Comparison`.

Examples
--------
>>> import framing
>>> result = framing.compare(
...     framing.load_article(text="Officials said the troops were withdrawn. Prices rose.",
...                          outlet="Reuters"),
...     framing.load_article(text="The troops were deported, Reuters said."))
>>> result.substitutions[["source_phrase", "citing_phrase", "direction"]].values.tolist()
[['withdrawn', 'deported', 'neutral_to_loaded']]
>>> result.alignment["relation"].tolist()
['reworded', 'omitted']
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..article import Article
from ..io import _json_default, to_records
from ..loaders import load_article
from ..outlets import OutletRegistry, slugify
from ..text.sentences import sentence_spans
from .align import ALIGNMENT_COLUMNS, MATCH_THRESHOLD, align_sentences, similarity_matrices
from .edits import (
    ADDITION_COLUMNS,
    OMISSION_COLUMNS,
    SUBSTITUTION_COLUMNS,
    _kind_of_addition,
    _kind_of_omission,
    default_lexicons,
    diff_pair,
    edit_row,
    has_span_within,
    loaded_spans,
    words_of,
)
from .fidelity import FIDELITY_COLUMNS, check_fidelity

__all__ = ["Comparison", "compare"]


@dataclass(frozen=True)
class Comparison:
    """What a citing article kept, reworded, dropped and added from its source.

    Attributes
    ----------
    source, citing : Article
        The two articles.
    alignment : DataFrame
        Every source and citing sentence: ``source_index, citing_index,
        similarity, relation`` (verbatim, reworded, merged, split, added,
        omitted), texts and offsets.
    substitutions : DataFrame
        Swapped word choices with the loadedness of each side.
    additions, omissions : DataFrame
        Phrase- and sentence-level additions and omissions, with a ``kind``.
    attribution_fidelity : DataFrame
        Attributions to the source (and third-party quotations) with the
        best supporting source passage and a verdict.
    summary : DataFrame
        ``metric, value`` rows: coverage, attributed share, loaded-term
        densities and the word counts they divide by, counts by relation,
        verdict and direction.
    loaded_terms : DataFrame
        Loaded-term spans of both articles (``side`` is "source" or
        "citing"; ``voice`` is "attributed" inside a passage the citing
        article credits to someone, else "own").
    attributions : DataFrame
        The citing article's attributions (``ATTRIBUTION_COLUMNS``) with
        ``to_source_outlet``.
    """

    source: Article
    citing: Article
    alignment: pd.DataFrame
    substitutions: pd.DataFrame
    additions: pd.DataFrame
    omissions: pd.DataFrame
    attribution_fidelity: pd.DataFrame
    summary: pd.DataFrame
    loaded_terms: pd.DataFrame = field(default_factory=pd.DataFrame)
    attributions: pd.DataFrame = field(default_factory=pd.DataFrame)

    def __repr__(self) -> str:
        return (
            f"<Comparison: {self.citing.outlet or 'citing'} retelling "
            f"{self.source.outlet or 'source'}; {len(self.alignment)} alignment rows, "
            f"{len(self.substitutions)} substitutions, {len(self.omissions)} omissions, "
            f"{len(self.additions)} additions, {len(self.attribution_fidelity)} credited claims>"
        )

    def metric(self, name: str) -> float:
        """One value of :attr:`summary` by its metric name.

        Examples
        --------
        >>> import framing
        >>> c = framing.compare("Rain fell. Wind rose.", "Rain fell.")
        >>> c.metric("coverage")
        0.5
        """
        values = self.summary.loc[self.summary["metric"] == name, "value"]
        if values.empty:
            known = ", ".join(self.summary["metric"])
            raise KeyError(f"no summary metric {name!r}; known metrics: {known}")
        return float(values.iloc[0])

    # -- charts (forwarded to framing.plot) and notebook display ------------------

    def plot_alignment(self, ax=None, **kwargs):
        """Alignment map (see :func:`framing.plot.alignment_map`); returns the Axes."""
        from .. import plot

        return plot.alignment_map(data=self.alignment, ax=ax, **kwargs)

    def plot_substitutions(self, ax=None, **kwargs):
        """Substitution chart (see :func:`framing.plot.substitutions`); returns the Axes."""
        from .. import plot

        return plot.substitutions(data=self.substitutions, ax=ax, **kwargs)

    def plot_loaded_terms(self, ax=None, **kwargs):
        """Loaded terms per 1,000 words by category, source vs citing; returns the Axes."""
        from .. import plot

        words = {"source": self.metric("source_words"), "citing": self.metric("citing_words")}
        kwargs.setdefault("hue_order", ["source", "citing"])
        return plot.loaded_terms(data=self.loaded_terms, hue="side", words=words, ax=ax, **kwargs)

    def plot_attributions(self, ax=None, **kwargs):
        """Who the citing article cites, with which cue verbs; returns the Axes."""
        from .. import plot

        return plot.attribution_profile(data=self.attributions, ax=ax, **kwargs)

    def plot_voice(self, ax=None, **kwargs):
        """Share of the citing article in its own vs attributed voice; returns the Axes."""
        from .. import plot

        return plot.voice_shares(data=self.voice_table(), ax=ax, **kwargs)

    def plot_fidelity(self, ax=None, **kwargs):
        """Verdicts on what the citing article credits to others; returns the Axes."""
        from .. import plot

        return plot.fidelity(data=self.attribution_fidelity, ax=ax, **kwargs)

    def voice_table(self) -> pd.DataFrame:
        """Words of the citing article by voice: own, credited to the source, to others."""
        to_source = self.metric("citing_words_attributed_to_source")
        attributed = self.metric("citing_attributed_words")
        own = self.metric("citing_own_voice_words")
        return pd.DataFrame(
            {
                "outlet": [self.citing.outlet or "citing"] * 3,
                "voice": ["own voice", "credited to the source", "credited to others"],
                "words": [own, to_source, max(attributed - to_source, 0.0)],
            }
        )

    def _repr_html_(self) -> str:
        from ..report.html import comparison_summary_html

        return comparison_summary_html(self)

    def to_dict(self) -> dict[str, Any]:
        """All tables as JSON-ready records, keyed as in the CLI's JSON output."""
        return {
            "source": _article_record(self.source),
            "citing": _article_record(self.citing),
            "alignment": to_records(self.alignment),
            "substitutions": to_records(self.substitutions),
            "additions": to_records(self.additions),
            "omissions": to_records(self.omissions),
            "attribution_fidelity": to_records(self.attribution_fidelity),
            "summary": {
                m: v for m, v in zip(self.summary["metric"], self.summary["value"], strict=True)
            },
            "loaded_terms": to_records(self.loaded_terms),
            "attributions": to_records(self.attributions),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Comparison:
        """Rebuild a comparison from :meth:`to_dict` output (e.g. a saved JSON report).

        Examples
        --------
        >>> import framing
        >>> c = framing.compare("Rain fell. Wind rose.", "Rain fell.")
        >>> framing.Comparison.from_dict(c.to_dict()).alignment.equals(c.alignment)
        True
        """
        missing = [key for key in _JSON_KEYS if key not in data]
        if missing:
            raise ValueError(
                f"not a framing comparison: keys {missing} are missing (write one with "
                "`framing compare SOURCE CITING --format json -o FILE`)"
            )
        if "citing_words" not in data["summary"]:
            raise ValueError(
                "this comparison was saved by an older framing (its summary has no word "
                "counts); compare the articles again with `framing compare`"
            )
        tables = {
            name: _table(data[name], columns)
            for name, columns in (
                ("alignment", ALIGNMENT_COLUMNS),
                ("substitutions", SUBSTITUTION_COLUMNS),
                ("additions", ADDITION_COLUMNS),
                ("omissions", OMISSION_COLUMNS),
                ("attribution_fidelity", FIDELITY_COLUMNS),
            )
        }
        summary = pd.DataFrame(
            {"metric": list(data["summary"]), "value": [float(v) for v in data["summary"].values()]}
        )
        return cls(
            source=_article_from_record(data["source"]),
            citing=_article_from_record(data["citing"]),
            summary=summary,
            loaded_terms=_table(data.get("loaded_terms", []), None),
            attributions=_table(data.get("attributions", []), None),
            **tables,
        )

    @classmethod
    def from_json(cls, text: str) -> Comparison:
        """Rebuild a comparison from :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))

    def to_json(self, indent: int | None = 1) -> str:
        """The comparison as JSON (keys source, citing, alignment, ... summary).

        ``<``, ``>`` and ``&`` inside strings are written as ``\\u`` escapes,
        so the JSON stays inert even when pasted into an HTML page; parsing
        gives back the original text.
        """
        text = json.dumps(self.to_dict(), default=_json_default, ensure_ascii=False, indent=indent)
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_JSON_KEYS = (
    "source",
    "citing",
    "alignment",
    "substitutions",
    "additions",
    "omissions",
    "attribution_fidelity",
    "summary",
)
_INT_COLUMNS = {
    "source_index",
    "citing_index",
    "source_start",
    "source_end",
    "citing_start",
    "citing_end",
    "order_shift",
    "passage_start",
    "passage_end",
    "start",
    "end",
    "claim_start",
    "claim_end",
    "citing_sentence",
    "sentence",
    "cue_start",
    "cue_end",
    "content_start",
    "content_end",
}


def _table(records: list[dict[str, Any]], columns: tuple[str, ...] | None) -> pd.DataFrame:
    frame = pd.DataFrame(records, columns=list(columns) if columns else None)
    for column in frame.columns:
        if column in _INT_COLUMNS:
            frame[column] = pd.array(
                [None if v is None or pd.isna(v) else int(v) for v in frame[column]],
                dtype="Int64",
            )
    if "moved" in frame:
        frame["moved"] = frame["moved"].astype(bool)
    return frame


def _article_from_record(record: dict[str, Any]) -> Article:
    record = dict(record)
    if record.get("published"):
        record["published"] = pd.Timestamp(record["published"])
    return Article.from_row(record)


def _article_record(article: Article) -> dict[str, Any]:
    record = article.to_dict()
    if record["published"] is not None:
        record["published"] = record["published"].isoformat()
    return record


def _as_article(value: object, role: str) -> Article:
    if isinstance(value, Article):
        return value
    if isinstance(value, (pd.Series, dict)):
        return Article.from_row(dict(value))
    if isinstance(value, pd.DataFrame):
        if len(value) != 1:
            raise ValueError(f"{role}: expected one article, got a table of {len(value)} rows.")
        return Article.from_row(value.iloc[0].to_dict())
    if isinstance(value, (str, os.PathLike)):
        text = os.fspath(value)
        if "\n" not in text and len(text) < 4096 and os.path.exists(text):
            return load_article(text)
        return load_article(text=text)
    raise TypeError(
        f"{role}: cannot compare a {type(value).__name__}; pass an Article, a row of "
        "the article table, a path or text."
    )


def _outlet_key(name: str) -> str:
    return slugify(name).removeprefix("the-")


def _outlet_names(article: Article, registry: OutletRegistry) -> set[str]:
    names: set[str] = set()
    if article.outlet:
        names.add(_outlet_key(article.outlet))
        if article.outlet in registry:
            outlet = registry[article.outlet]
            names |= {_outlet_key(n) for n in (outlet.name, *outlet.aliases)}
    return names


def _is_source_outlet(
    attributions: pd.DataFrame, names: set[str], registry: OutletRegistry
) -> list[bool]:
    """Which attributions cite the source outlet.

    When the source's outlet is unknown, every attribution to an outlet counts.
    """
    flags = []
    for source, outlet, kind in zip(
        attributions["source"],
        attributions["source_outlet"],
        attributions["source_kind"],
        strict=True,
    ):
        if not names:
            flags.append(kind == "outlet")
            continue
        candidates = {_outlet_key(outlet)} if isinstance(outlet, str) else set()
        if isinstance(source, str):
            candidates |= {_outlet_key(source), _outlet_key(registry.resolve(source) or "")}
        flags.append(bool(candidates & names))
    return flags


def _frames_by_sentence(attributions: pd.DataFrame) -> dict[int, list[tuple[int, int]]]:
    """Cue and source spans of the attributions to the source outlet, by citing sentence.

    These frames ("CNN wrote", "according to the paper") are the citing outlet's
    own words around what it retells, so they are not compared with the source;
    attributions to third parties ("Fishing cooperatives said") are content the
    source itself carries, and stay.
    """
    frames: dict[int, list[tuple[int, int]]] = {}
    for row in attributions[attributions["_to_source"]].itertuples(index=False):
        ranges = frames.setdefault(int(row.sentence), [])
        ranges.append((int(row.cue_start), int(row.cue_end)))
        if pd.notna(row.source_start):
            ranges.append((int(row.source_start), int(row.source_end)))
    return frames


def _groups(alignment: pd.DataFrame) -> list[tuple[list[int], list[int]]]:
    """Connected groups of linked sentences (merges and splits compared as one)."""
    links = alignment.dropna(subset=["source_index", "citing_index"])
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for i, j in zip(links["source_index"], links["citing_index"], strict=True):
        parent[find(("s", int(i)))] = find(("c", int(j)))
    members: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for node in list(parent):
        root = find(node)
        bucket = members.setdefault(root, ([], []))
        (bucket[0] if node[0] == "s" else bucket[1]).append(node[1])
    return [(sorted(s), sorted(c)) for s, c in members.values()]


def _words_in(text: str, spans: list[tuple[int, int]]) -> int:
    """Words inside the union of ``spans`` (nested or overlapping spans count once)."""
    total, covered_to = 0, 0
    for start, end in sorted(spans):
        start = max(start, covered_to)
        if end > start:
            total += len(text[start:end].split())
            covered_to = end
    return total


def compare(
    source: object,
    citing: object,
    lexicons: object = None,
    *,
    registry: OutletRegistry | None = None,
    match_threshold: float = MATCH_THRESHOLD,
) -> Comparison:
    """Align a citing article with its source and measure what changed.

    Parameters
    ----------
    source, citing : Article, article-table row, path or text
        The source article and the article that cites it.
    lexicons : None, str, path, Lexicon or list of them
        Lexicons that judge loadedness (default: ``conflict_geopolitics``).
    registry : OutletRegistry, optional
        Outlet registry (default: the shipped one).
    match_threshold : float
        Minimum sentence similarity of an alignment link (default calibrated
        on the calibration teaching pairs; see ``benchmarks/eval_compare.py``).

    Returns
    -------
    Comparison
    """
    from ..features.attributions import AttributionExtractor

    registry = registry or OutletRegistry.default()
    source_article, citing_article = _as_article(source, "source"), _as_article(citing, "citing")
    lexicons = lexicons if lexicons is not None else default_lexicons()
    s_text, c_text = source_article.text, citing_article.text
    s_sents = [(s, e, s_text[s:e]) for s, e, _ in sentence_spans(s_text)]
    c_sents = [(s, e, c_text[s:e]) for s, e, _ in sentence_spans(c_text)]
    attributions = AttributionExtractor(registry=registry).fit().extract(citing_article)
    to_source = _is_source_outlet(attributions, _outlet_names(source_article, registry), registry)
    attributions = attributions.assign(_to_source=to_source)

    # Compare sentences without their attribution frames, and keep the better score.
    frames = _frames_by_sentence(attributions)
    s_words = [words_of(s_text, start, end) for start, end, _ in s_sents]
    c_words = [
        words_of(c_text, start, end, frames.get(n, [])) for n, (start, end, _) in enumerate(c_sents)
    ]
    s_texts, c_texts = [t for _, _, t in s_sents], [t for _, _, t in c_sents]
    c_stripped = [" ".join(w.text for w in words) for words in c_words]
    whole, stripped = similarity_matrices([(s_texts, c_texts), (s_texts, c_stripped)])
    alignment = align_sentences(
        s_texts, c_texts, similarity=np.maximum(whole, stripped), threshold=match_threshold
    )
    for column, sents, index in (
        ("source", s_sents, "source_index"),
        ("citing", c_sents, "citing_index"),
    ):
        alignment[f"{column}_start"] = pd.array(
            [sents[int(i)][0] if pd.notna(i) else pd.NA for i in alignment[index]], dtype="Int64"
        )
        alignment[f"{column}_end"] = pd.array(
            [sents[int(i)][1] if pd.notna(i) else pd.NA for i in alignment[index]], dtype="Int64"
        )

    s_spans, c_spans = loaded_spans(s_text, lexicons), loaded_spans(c_text, lexicons)
    substitutions: list[dict] = []
    omissions: list[dict] = []
    additions: list[dict] = []
    for s_group, c_group in _groups(alignment):
        subs, oms, adds = diff_pair(
            [w for i in s_group for w in s_words[i]],
            [w for j in c_group for w in c_words[j]],
            s_spans,
            c_spans,
            s_text,
            c_text,
            s_group[0],
            c_group[0],
        )
        substitutions += subs
        omissions += oms
        additions += adds
    for row in alignment.itertuples(index=False):
        if row.relation == "omitted":
            loaded = has_span_within(s_spans, row.source_start, row.source_end)
            omissions.append(
                edit_row(
                    "sentence",
                    row.source_index,
                    None,
                    s_text,
                    row.source_start,
                    row.source_end,
                    _kind_of_omission(s_words[row.source_index], loaded),
                    loaded,
                )
            )
        elif row.relation == "added":
            loaded = has_span_within(c_spans, row.citing_start, row.citing_end)
            additions.append(
                edit_row(
                    "sentence",
                    None,
                    row.citing_index,
                    c_text,
                    row.citing_start,
                    row.citing_end,
                    _kind_of_addition(c_words[row.citing_index], loaded),
                    loaded,
                )
            )

    fidelity = check_fidelity(
        c_text, attributions, s_text, s_sents, to_source, support_threshold=match_threshold
    )
    tables = {
        "substitutions": pd.DataFrame(substitutions, columns=list(SUBSTITUTION_COLUMNS)),
        "omissions": pd.DataFrame(omissions, columns=list(OMISSION_COLUMNS)),
        "additions": pd.DataFrame(additions, columns=list(ADDITION_COLUMNS)),
    }
    for name in ("omissions", "additions"):
        frame = tables[name]
        frame["source_index"] = frame["source_index"].astype("Int64")
        frame["citing_index"] = frame["citing_index"].astype("Int64")
        tables[name] = frame.sort_values(["start"], kind="stable").reset_index(drop=True)
    summary = _summary(
        source_article,
        citing_article,
        alignment,
        tables,
        fidelity,
        attributions,
        to_source,
        s_spans,
        c_spans,
    )
    return Comparison(
        source_article,
        citing_article,
        alignment,
        tables["substitutions"],
        tables["additions"],
        tables["omissions"],
        fidelity,
        summary,
        loaded_terms=_sided_terms(s_spans, c_spans, attributions),
        attributions=attributions.drop(columns="_to_source").assign(to_source_outlet=to_source),
    )


def _sided_terms(
    s_spans: pd.DataFrame, c_spans: pd.DataFrame, attributions: pd.DataFrame
) -> pd.DataFrame:
    """Both sides' loaded-term spans in one table, with side and voice."""
    inside = np.zeros(len(c_spans), dtype=bool)
    for row in attributions["content_spans"]:
        for start, end in row:
            inside |= (c_spans["start"].to_numpy() >= start) & (c_spans["end"].to_numpy() <= end)
    s_spans = s_spans.drop(columns=["side", "voice"], errors="ignore")
    c_spans = c_spans.drop(columns=["side", "voice"], errors="ignore")
    source = s_spans.assign(side="source", voice="source")
    citing = c_spans.assign(side="citing", voice=np.where(inside, "attributed", "own"))
    frames = [f for f in (source, citing) if not f.empty]
    if not frames:
        return pd.DataFrame(columns=[*s_spans.columns, "side", "voice"])
    return pd.concat(frames, ignore_index=True)


def _summary(
    source: Article,
    citing: Article,
    alignment: pd.DataFrame,
    tables: dict[str, pd.DataFrame],
    fidelity: pd.DataFrame,
    attributions: pd.DataFrame,
    to_source: list[bool],
    s_spans: pd.DataFrame,
    c_spans: pd.DataFrame,
) -> pd.DataFrame:
    s_words = max(len(source.text.split()), 1)
    c_words = max(len(citing.text.split()), 1)
    n_source = int(alignment["source_index"].dropna().nunique())
    linked = alignment.dropna(subset=["source_index", "citing_index"])
    attributed_spans = [
        tuple(s)
        for row, flag in zip(attributions["content_spans"], to_source, strict=True)
        if flag
        for s in row
    ]
    all_attributed = [tuple(s) for row in attributions["content_spans"] for s in row]
    attributed_words = _words_in(citing.text, all_attributed)
    own_words = max(c_words - attributed_words, 1)
    inside = np.zeros(len(c_spans), dtype=bool)
    for start, end in all_attributed:
        inside |= (c_spans["start"].to_numpy() >= start) & (c_spans["end"].to_numpy() <= end)
    metrics: list[tuple[str, object]] = [
        ("source_words", s_words),
        ("citing_words", c_words),
        ("citing_own_voice_words", c_words - attributed_words),
        ("citing_attributed_words", attributed_words),
        ("citing_words_attributed_to_source", _words_in(citing.text, attributed_spans)),
        ("source_sentences", n_source),
        ("citing_sentences", int(alignment["citing_index"].dropna().nunique())),
        ("coverage", linked["source_index"].nunique() / n_source if n_source else 0.0),
        ("citing_share_attributed_to_source", _words_in(citing.text, attributed_spans) / c_words),
        ("loaded_per_1000_source", 1000 * len(s_spans) / s_words),
        ("loaded_per_1000_citing", 1000 * len(c_spans) / c_words),
        ("loaded_per_1000_citing_own_voice", 1000 * int((~inside).sum()) / own_words),
        ("loaded_per_1000_citing_attributed", 1000 * int(inside.sum()) / max(attributed_words, 1)),
        ("substitutions", len(tables["substitutions"])),
        ("phrase_omissions", int((tables["omissions"]["level"] == "phrase").sum())),
        ("phrase_additions", int((tables["additions"]["level"] == "phrase").sum())),
    ]
    for relation in ("verbatim", "reworded", "merged", "split", "added", "omitted"):
        metrics.append((f"relation_{relation}", int((alignment["relation"] == relation).sum())))
    for verdict in ("verbatim", "paraphrased", "altered", "unsupported"):
        metrics.append((f"verdict_{verdict}", int((fidelity["verdict"] == verdict).sum())))
    for direction in (
        "neutral_to_loaded",
        "loaded_to_neutral",
        "loaded_to_differently_loaded",
        "actor_shift",
    ):
        metrics.append(
            (
                f"direction_{direction}",
                int((tables["substitutions"]["direction"] == direction).sum()),
            )
        )
    return pd.DataFrame(metrics, columns=["metric", "value"])
