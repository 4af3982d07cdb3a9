"""The ``summary`` table and the loaded-term table of a comparison.

``summary`` holds ``metric, value`` rows: word counts (the denominators of
every rate), coverage, the share of the citing article credited to the
source, loaded-term densities in the citing article's own and attributed
voice, and counts by relation, verdict, direction and table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..article import Article

__all__ = ["sided_terms", "summary_table", "words_in"]


def words_in(text: str, spans: list[tuple[int, int]]) -> int:
    """Words inside the union of ``spans`` (nested or overlapping spans count once)."""
    total, covered_to = 0, 0
    for start, end in sorted(spans):
        start = max(start, covered_to)
        if end > start:
            total += len(text[start:end].split())
            covered_to = end
    return total


def sided_terms(
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


def summary_table(
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
    attributed_words = words_in(citing.text, all_attributed)
    own_words = max(c_words - attributed_words, 1)
    inside = np.zeros(len(c_spans), dtype=bool)
    for start, end in all_attributed:
        inside |= (c_spans["start"].to_numpy() >= start) & (c_spans["end"].to_numpy() <= end)
    metrics: list[tuple[str, object]] = [
        ("source_words", s_words),
        ("citing_words", c_words),
        ("citing_own_voice_words", c_words - attributed_words),
        ("citing_attributed_words", attributed_words),
        ("citing_words_attributed_to_source", words_in(citing.text, attributed_spans)),
        ("source_sentences", n_source),
        ("citing_sentences", int(alignment["citing_index"].dropna().nunique())),
        ("coverage", linked["source_index"].nunique() / n_source if n_source else 0.0),
        ("citing_share_attributed_to_source", words_in(citing.text, attributed_spans) / c_words),
        ("loaded_per_1000_source", 1000 * len(s_spans) / s_words),
        ("loaded_per_1000_citing", 1000 * len(c_spans) / c_words),
        ("loaded_per_1000_citing_own_voice", 1000 * int((~inside).sum()) / own_words),
        ("loaded_per_1000_citing_attributed", 1000 * int(inside.sum()) / max(attributed_words, 1)),
        ("substitutions", len(tables["substitutions"])),
        ("rewordings", len(tables["rewordings"])),
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
