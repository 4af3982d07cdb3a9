"""Corpus charts in the seaborn style: keyness scatter, measures per group and over time.

* :func:`keyness_scatter` -- Scattertext's picture, static: each term at its
  rate per 1,000 words in one group (y) against another (x), log scales,
  coloured by z; the most distinctive terms of each side are labelled
  without overlaps and lexicon terms are highlighted. Dots are rasterised,
  so a chart of 50,000 terms stays a few hundred kB even as SVG.
* :func:`group_measures` -- one measure per group with its interval.
* :func:`measure_over_time` -- one measure per period and group, with bands.

Examples
--------
>>> import pandas as pd
>>> from matplotlib.figure import Figure
>>> table = pd.DataFrame({"group": "a", "versus": "b", "term": ["x", "y", "z"],
...                       "per_1000": [1.0, 0.1, 0.5], "per_1000_versus": [0.1, 1.0, 0.5],
...                       "z": [3.0, -3.0, 0.0], "category": [None, "violence", None]})
>>> ax = keyness_scatter(data=table, top=1, ax=Figure().subplots())
>>> sorted(t.get_text() for t in ax.texts)
['x', 'y']
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import TwoSlopeNorm

from .chart_parts import axes_for, empty_chart, require_columns
from .palette import OKABE_ITO, category_colour

__all__ = ["group_measures", "keyness_scatter", "label_without_overlaps", "measure_over_time"]

# Approximate text extent used to keep labels apart (points per character
# and per line at font size 1): generous, so real extents never exceed it.
_CHAR_WIDTH = 0.62
_LINE_HEIGHT = 1.25
# Where a label may sit around its point, in multiples of the font size.
_OFFSETS = [
    (0.4, 0.3),
    (0.4, -1.2),
    (-0.4, 0.3),
    (-0.4, -1.2),
    (0.0, 0.9),
    (0.0, -1.9),
    (1.2, 1.0),
    (1.2, -2.0),
    (-1.2, 1.0),
    (-1.2, -2.0),
]


def label_without_overlaps(
    ax: Axes,
    x: Sequence[float],
    y: Sequence[float],
    labels: Sequence[str],
    *,
    fontsize: float = 7.0,
    weights: Sequence[str] | None = None,
    colors: Sequence[str] | None = None,
) -> list[int]:
    """Label points in order of priority, skipping a label no free position fits.

    Each label tries positions around its point; a position is taken when
    its box (an upper bound of the rendered text) overlaps no label placed
    before it and stays inside the axes. Returns the indexes labelled.
    """
    figure = ax.figure
    figure.draw_without_rendering()  # final layout first, so positions are those drawn
    to_points = figure.dpi_scale_trans.inverted()
    placed: list[tuple[float, float, float, float]] = []
    bounds = ax.get_window_extent().transformed(to_points)
    done = []
    for i, (xi, yi, label) in enumerate(zip(x, y, labels, strict=True)):
        px, py = to_points.transform(ax.transData.transform((xi, yi))) * 72
        width = len(label) * fontsize * _CHAR_WIDTH
        height = fontsize * _LINE_HEIGHT
        for dx, dy in _OFFSETS:
            left = px + dx * fontsize - (width if dx < 0 else 0 if dx > 0 else width / 2)
            bottom = py + dy * fontsize
            box = (left, bottom, left + width, bottom + height)
            inside = (
                box[0] >= bounds.x0 * 72
                and box[2] <= bounds.x1 * 72
                and box[1] >= bounds.y0 * 72
                and box[3] <= bounds.y1 * 72
            )
            if inside and not any(_overlap(box, other) for other in placed):
                placed.append(box)
                text = ax.annotate(
                    label,
                    (xi, yi),
                    xytext=(box[0] - px, box[1] - py),
                    textcoords="offset points",
                    ha="left",
                    va="bottom",
                    fontsize=fontsize,
                    fontweight=weights[i] if weights is not None else "normal",
                    color=colors[i] if colors is not None else "#222222",
                    annotation_clip=True,
                )
                text.set_in_layout(False)
                done.append(i)
                break
    return done


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def keyness_scatter(
    data: pd.DataFrame,
    *,
    group: str | None = None,
    versus: str | None = None,
    top: int = 12,
    ax: Axes | None = None,
    **kwargs: object,
) -> Axes:
    """Terms by their rate in ``group`` (y) and in ``versus`` (x), coloured by z; returns the Axes.

    Parameters
    ----------
    data : DataFrame
        A :func:`framing.keyness` table (``top=None`` for every term): columns
        ``group, versus, term, per_1000, per_1000_versus, z`` and optionally
        ``category`` (lexicon terms are ringed and labelled in bold).
    group, versus : str, optional
        The comparison to draw (default: the first in the table).
    top : int, default 12
        Terms labelled on each side (highest and lowest z), plus lexicon
        terms among the 3 * top most distinctive.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.scatter`.
    """
    require_columns(
        data, ["group", "versus", "term", "per_1000", "per_1000_versus", "z"], "keyness_scatter"
    )
    ax = axes_for(ax)
    if data.empty:
        return empty_chart(ax, "Keyness", "no terms")
    group = str(data["group"].iat[0]) if group is None else group
    rows = data[data["group"].astype(str) == group]
    versus = str(rows["versus"].iat[0]) if versus is None and len(rows) else versus
    rows = rows[rows["versus"].astype(str) == str(versus)]
    if rows.empty:
        return empty_chart(ax, f"{group} vs {versus}", "no terms for this comparison")
    x = rows["per_1000_versus"].to_numpy(dtype=float)
    y = rows["per_1000"].to_numpy(dtype=float)
    positive = np.concatenate([x[x > 0], y[y > 0]])
    floor = positive.min() / 2 if len(positive) else 1e-3
    x, y = np.maximum(x, floor), np.maximum(y, floor)
    z = rows["z"].to_numpy(dtype=float)
    finite = np.abs(z[np.isfinite(z)])
    limit = max(float(finite.max()) if len(finite) else 1.0, 1.0)
    options = {"s": 6, "linewidths": 0, "cmap": "RdBu_r", "rasterized": True} | kwargs
    points = ax.scatter(x, y, c=z, norm=TwoSlopeNorm(0, -limit, limit), **options)
    category = rows["category"] if "category" in rows.columns else pd.Series(None, index=rows.index)
    lexical = category.notna().to_numpy()
    if lexical.any():
        ax.scatter(
            x[lexical],
            y[lexical],
            s=28,
            facecolors="none",
            edgecolors=[category_colour(c) for c in category[lexical]],
            linewidths=1.0,
            rasterized=True,
            label="lexicon term",
        )
    ax.set_xscale("log")
    ax.set_yscale("log")
    low, high = min(x.min(), y.min()) / 1.5, max(x.max(), y.max()) * 1.5
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.plot([low, high], [low, high], color=OKABE_ITO["grey"], linewidth=0.6, zorder=0)
    ax.set_xlabel(f"per 1,000 words in {versus}")
    ax.set_ylabel(f"per 1,000 words in {group}")
    ax.set_title(f"Words that distinguish {group} from {versus}")
    order = np.argsort(-z, kind="stable")
    chosen = list(order[:top]) + list(order[::-1][:top])
    chosen += [i for i in order[: 3 * top] if lexical[i] and i not in chosen]
    chosen += [i for i in order[::-1][: 3 * top] if lexical[i] and i not in chosen]
    seen: set[int] = set()
    chosen = [i for i in chosen if not (i in seen or seen.add(i))]
    colorbar = ax.figure.colorbar(points, ax=ax, shrink=0.7, pad=0.01)
    colorbar.set_label(f"z (log-odds): + {group}, - {versus}")
    terms = rows["term"].astype(str).to_numpy()
    label_without_overlaps(
        ax,
        x[chosen],
        y[chosen],
        [terms[i] for i in chosen],
        weights=["bold" if lexical[i] else "normal" for i in chosen],
        colors=[category_colour(category.iat[i]) if lexical[i] else "#222222" for i in chosen],
    )
    return ax


def group_measures(
    data: pd.DataFrame,
    *,
    y: str = "loaded_per_1000_words",
    group: str | Sequence[str] | None = None,
    ax: Axes | None = None,
    **kwargs: object,
) -> Axes:
    """One measure per group with its interval (``y``, ``y_low``, ``y_high``); returns the Axes.

    ``data`` is :attr:`framing.CorpusSummary.table`; ``group`` names its key
    columns (default: those before ``articles``).
    """
    require_columns(data, [y, f"{y}_low", f"{y}_high", "articles"], "group_measures")
    ax = axes_for(ax)
    if data.empty:
        return empty_chart(ax, y, "no groups")
    keys = (
        list(data.columns[: list(data.columns).index("articles")])
        if group is None
        else ([group] if isinstance(group, str) else list(group))
    )
    labels = (
        [" / ".join(str(v) for v in row) for row in data[keys].itertuples(index=False)]
        if keys
        else ["(all)"] * len(data)
    )
    value = data[y].to_numpy(dtype=float)
    low = data[f"{y}_low"].to_numpy(dtype=float)
    high = data[f"{y}_high"].to_numpy(dtype=float)
    position = np.arange(len(data))[::-1]
    errors = np.vstack([np.nan_to_num(value - low), np.nan_to_num(high - value)])
    options = {"fmt": "o", "color": OKABE_ITO["blue"], "capsize": 3} | kwargs
    ax.errorbar(value, position, xerr=errors, **options)
    ax.set_yticks(
        position, [f"{lab} (n={n})" for lab, n in zip(labels, data["articles"], strict=True)]
    )
    ax.set_xlabel(y.replace("_", " "))
    ax.set_title(y.replace("_", " ").capitalize())
    ax.grid(axis="x", color="#dddddd", linewidth=0.5)
    return ax


def measure_over_time(
    data: pd.DataFrame,
    *,
    x: str,
    y: str = "loaded_per_1000_words",
    hue: str | None = None,
    min_articles: int = 5,
    count: str = "articles",
    ax: Axes | None = None,
    **kwargs: object,
) -> Axes:
    """A measure per period (``x``), one line and interval band per ``hue``; returns the Axes.

    Periods with fewer than ``min_articles`` in the ``count`` column (and
    missing dates) are left out, since their intervals say little. The
    table of :func:`framing.citation_changes` by month draws with
    ``y="altered_quote_rate", count="pairs"``.
    """
    require_columns(data, [x, y, f"{y}_low", f"{y}_high", count], "measure_over_time")
    ax = axes_for(ax)
    rows = data[(data[x].astype(str) != "(none)") & (data[count] >= min_articles)]
    if rows.empty:
        return empty_chart(ax, y, "no dated periods with enough articles")
    periods = sorted(rows[x].astype(str).unique())
    position = {p: i for i, p in enumerate(periods)}
    groups = rows.groupby(hue, sort=True) if hue else [(None, rows)]
    from .palette import colour

    for k, (name, part) in enumerate(groups):
        part = part.sort_values(x)
        xs = part[x].astype(str).map(position).to_numpy()
        color = colour("group", name, k)
        ax.plot(
            xs,
            part[y],
            marker="o",
            markersize=2.5,
            linewidth=1.2,
            color=color,
            label=str(name) if name is not None else None,
            **kwargs,
        )
        ax.fill_between(
            xs, part[f"{y}_low"], part[f"{y}_high"], color=color, alpha=0.18, linewidth=0
        )
    step = max(1, len(periods) // 12)
    ax.set_xticks(range(0, len(periods), step), periods[::step], rotation=45, ha="right")
    ax.set_ylabel(y.replace("_", " "))
    ax.set_title(f"{y.replace('_', ' ').capitalize()} by {x}")
    if hue:
        ax.legend(frameon=False, fontsize=8)
    return ax
