"""The :class:`Comparison` that ``framing.compare`` returns, and its JSON form.

Examples
--------
>>> import framing
>>> result = framing.compare("Officials said the troops left.",
...                          "Officials claimed the troops left.")
>>> result.substitutions[["source_phrase", "citing_phrase", "kind"]].values.tolist()
[['Officials said', 'Officials claimed', 'attribution']]
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..article import Article
from ..io import _json_default, to_records
from .align import ALIGNMENT_COLUMNS
from .edits import ADDITION_COLUMNS, OMISSION_COLUMNS
from .fidelity import FIDELITY_COLUMNS
from .headline import HEADLINE_COLUMNS
from .substitutions import SUBSTITUTION_COLUMNS

__all__ = ["Comparison"]


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
        Replaced words reported as framing changes (relevance at or above the
        threshold): both phrases with offsets, the ``kind`` of change
        (naming, scare_quotes, attribution, loaded, ...), its ``relevance``,
        the loadedness of each side and the ``direction`` of the shift.
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
    rewordings : DataFrame
        The other replaced words (same columns as ``substitutions``): changes
        of wording the toolkit does not count as framing.
    headline : DataFrame
        The citing headline against the source headline
        (:data:`~framing.comparison.headline.HEADLINE_COLUMNS`; offsets into
        the titles), when both titles tell the same story.
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
    rewordings: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=list(SUBSTITUTION_COLUMNS))
    )
    headline: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=list(HEADLINE_COLUMNS))
    )

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
            "rewordings": to_records(self.rewordings),
            "headline": to_records(self.headline),
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
            rewordings=_table(data.get("rewordings", []), SUBSTITUTION_COLUMNS),
            headline=_table(data.get("headline", []), HEADLINE_COLUMNS),
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
