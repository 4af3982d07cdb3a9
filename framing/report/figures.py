"""The charts of a comparison report as matplotlib figures, SVG text or data URIs.

Figures are made with :class:`matplotlib.figure.Figure` directly (no
pyplot), so building a report leaves no open figures and works in threads.
SVG output is reproducible: no date, fixed element ids.

Examples
--------
>>> import framing
>>> c = framing.compare("Troops left Iraq. Oil rose.", "Troops were deported from Iraq.")
>>> figures = comparison_figures(c)
>>> list(figures)
['alignment', 'substitutions', 'loaded_terms', 'attributions', 'voice', 'fidelity']
>>> figure_svg(figures["alignment"]).startswith("<svg")
True
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

import matplotlib
from matplotlib.figure import Figure

if TYPE_CHECKING:  # pragma: no cover
    from ..comparison import Comparison

__all__ = ["CHART_TITLES", "comparison_figures", "figure_data_uri", "figure_svg"]

CHART_TITLES = {
    "alignment": "Which source sentences the citing article used, and where",
    "substitutions": "Word choices the citing article swapped",
    "loaded_terms": "Loaded terms by category, source vs citing",
    "attributions": "Who the citing article cites, and how",
    "voice": "How much of the citing article speaks in its own voice",
    "fidelity": "Is what the citing article credits to the source in the source?",
}
_STYLE = {
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "framing",
    "svg.fonttype": "path",
}


def _figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def comparison_figures(
    comparison: Comparison, names: Sequence[str] | None = None
) -> dict[str, Figure]:
    """One figure per chart of the report (or just ``names``), keyed as :data:`CHART_TITLES`."""
    c = comparison
    n_subs = min(len(c.substitutions), 25)
    n_categories = c.loaded_terms["category"].nunique() if "category" in c.loaded_terms else 0
    n_sources = c.attributions["source"].nunique() if "source" in c.attributions else 0
    sizes = {
        "alignment": (7.5, 4.2),
        "substitutions": (7.5, 1.4 + 0.32 * max(n_subs, 1)),
        "loaded_terms": (7.5, 1.5 + 0.42 * max(n_categories, 1)),
        "attributions": (7.5, 1.4 + 0.38 * max(min(n_sources, 10), 1)),
        "voice": (7.5, 1.9),
        "fidelity": (7.5, 2.2),
    }
    draw = {
        "alignment": c.plot_alignment,
        "substitutions": c.plot_substitutions,
        "loaded_terms": c.plot_loaded_terms,
        "attributions": c.plot_attributions,
        "voice": c.plot_voice,
        "fidelity": c.plot_fidelity,
    }
    figures = {}
    with matplotlib.rc_context(_STYLE):
        for name in names if names is not None else list(sizes):
            width, height = sizes[name]
            figure = _figure(width, height)
            draw[name](ax=figure.subplots())
            figures[name] = figure
    return figures


def figure_svg(figure: Figure) -> str:
    """The figure as an SVG document (text as paths; no date; stable ids)."""
    buffer = io.StringIO()
    with matplotlib.rc_context(_STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def figure_data_uri(figure: Figure) -> str:
    """The figure as a ``data:image/svg+xml;base64,...`` URI for an ``<img>``.

    An image loaded from a data URI cannot run script or fetch anything, so
    whatever text the chart carries stays inert.
    """
    encoded = base64.b64encode(figure_svg(figure).encode("utf-8")).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"
