"""Corpus summaries as terminal text (``framing analyze --by``, ``framing corpus``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .groups import normalise_by

if TYPE_CHECKING:  # pragma: no cover
    from .summarize import CorpusSummary

__all__ = ["interval", "summary_text"]

# The measures shown on a terminal, with short headers (all are in .table).
_SHOWN = (
    ("loaded_per_1000_words", "loaded/1k words", 1),
    ("loaded_per_1000_own", "own voice", 1),
    ("loaded_per_1000_attributed", "attributed", 1),
    ("attributed_share", "attrib. words", 2),
    ("direct_quote_share", "direct quotes", 2),
    ("loaded_cue_share", "loaded cues", 2),
)


def interval(value: float, low: float, high: float, digits: int = 1, percent: bool = False) -> str:
    """``value [low, high]`` (percentages with ``percent``); a dash when missing.

    Examples
    --------
    >>> interval(4.123, 3.5, 4.9), interval(0.25, 0.2, 0.31, percent=True)
    ('4.1 [3.5, 4.9]', '25% [20, 31]')
    >>> interval(0.014, 0.011, 0.018, percent=True)
    '1.4% [1.1, 1.8]'
    """
    if value is None or not np.isfinite(value):
        return "-"
    if percent:  # small shares (a speaker's 1.4%) keep one decimal
        places = 1 if abs(value) < 0.1 else 0
        body = f"{100 * value:.{places}f}%"
        bounds = (100 * low, 100 * high)
        fmt = f"{{:.{places}f}}"
    else:
        body = f"{value:.{digits}f}"
        bounds = (low, high)
        fmt = f"{{:.{digits}f}}"
    if low is None or not np.isfinite(low) or not np.isfinite(high):
        return body
    return f"{body} [{fmt.format(bounds[0])}, {fmt.format(bounds[1])}]"


def summary_text(summary: CorpusSummary, width: int = 100) -> str:
    """Per group: articles, words, measures with intervals; then significant differences."""
    names = normalise_by(list(summary.by))
    table = summary.table
    shown = pd.DataFrame({"group": _labels(table, names)})
    shown["articles"] = table["articles"].astype(int).to_numpy()
    shown["words"] = table["words"].map("{:,}".format).to_numpy()
    for name, header, kind in _SHOWN:
        shown[header] = [
            interval(v, lo, hi, percent=kind == 2)
            for v, lo, hi in zip(
                table[name], table[f"{name}_low"], table[f"{name}_high"], strict=True
            )
        ]
    lines = [
        f"Corpus summary by {', '.join(names) or '(all)'}: {len(table)} group(s), "
        f"{int(table['articles'].sum()):,} article(s); [{round(100 * summary.ci)}% bootstrap "
        "intervals over articles]",
        shown.to_string(index=False, max_colwidth=40),
    ]
    if not summary.speakers.empty:
        lines.append("\nMost cited (share of the group's attributions; cue verbs):")
        labels = _labels(summary.speakers, names)
        for label, group in summary.speakers.groupby(labels, sort=False):
            cited = "; ".join(
                f"{r.speaker} {interval(r.share, r.share_low, r.share_high, percent=True)} "
                f"({r.top_cues})"
                for r in group.head(3).itertuples(index=False)
            )
            lines.append(f"  {label}: {cited}"[: width * 2])
    tests = summary.tests
    if not tests.empty:
        significant = tests[tests["p_adjusted"] < 0.05]
        lines.append(
            f"\nDifferences between groups ({tests['test'].iat[0]}, Holm-adjusted p < 0.05): "
            f"{len(significant)} of {len(tests)}"
        )
        main = significant[significant["measure"] == "loaded_per_1000_words"]
        for r in main.head(10).itertuples(index=False):
            lines.append(
                f"  loaded/1k words: {r.group} {r.value:.2f} vs {r.versus} "
                f"{r.value_versus:.2f} (p = {r.p_adjusted:.2g})"
            )
    return "\n".join(lines) + "\n"


def _labels(table: pd.DataFrame, names: list[str]) -> list[str]:
    if not names:
        return ["(all)"] * len(table)
    return [" / ".join(str(v) for v in row) for row in table[names].itertuples(index=False)]
