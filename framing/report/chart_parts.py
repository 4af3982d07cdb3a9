"""What every chart shares: the Axes to draw on, input checks, empty charts, legends, bars.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> ax = empty_chart(axes_for(None), "Loaded terms", "no loaded terms")
>>> ax.get_title()
'Loaded terms'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .palette import colour

__all__ = [
    "axes_for",
    "empty_chart",
    "legend_below",
    "legend_beside",
    "require_columns",
    "shorten",
    "stacked_bars",
]


def axes_for(ax: Axes | None) -> Axes:
    return plt.gca() if ax is None else ax


def require_columns(data: pd.DataFrame, columns: Sequence[str], function: str) -> None:
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{function}: data must be a DataFrame, got {type(data).__name__}")
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise ValueError(
            f"{function}: data lacks columns {missing}; it has {list(data.columns)}. "
            "Pass the matching table of framing.compare() or framing.analyze()."
        )


def empty_chart(ax: Axes, title: str, message: str) -> Axes:
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def legend_beside(ax: Axes, *args: object, **kwargs: object) -> None:
    """A legend right of the plot, so it never covers the marks."""
    ax.legend(*args, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, **kwargs)


def legend_below(ax: Axes, ncols: int) -> None:
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.25), ncols=ncols, frameon=False)


def stacked_bars(
    ax: Axes,
    table: pd.DataFrame,
    kind: str,
    label: Callable[[float], str],
    *,
    skip_zero: bool = False,
    **kwargs: object,
) -> None:
    """One horizontal bar per row of ``table``, one labelled segment per column."""
    left = np.zeros(len(table))
    for k, column in enumerate(table.columns):
        values = table[column].to_numpy(dtype=float)
        shown = values > 0 if skip_zero else np.ones(len(values), dtype=bool)
        bars = ax.barh(
            np.arange(len(table))[shown],
            values[shown],
            left=left[shown],
            color=colour(kind, column, k),
            label=str(column),
            edgecolor="white",
            height=0.6,
            **kwargs,
        )
        ax.bar_label(
            bars,
            labels=[label(v) for v in values[shown]],
            label_type="center",
            color="white",
            fontsize=9,
        )
        left += values


def shorten(text: object, width: int = 28) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"
