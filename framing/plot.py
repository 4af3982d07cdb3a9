"""Charts in the seaborn style: ``plot_x(data=..., ax=None, **kwargs) -> Axes``.

The functions live in :mod:`framing.report.charts`; see each for its table.

Examples
--------
>>> from matplotlib.figure import Figure
>>> import framing
>>> from framing import plot
>>> c = framing.compare("Rain fell. Wind rose.", "Rain fell.")
>>> plot.alignment_map(data=c.alignment, ax=Figure().subplots()).get_title()
'Alignment map'
"""

from .report.charts import (
    alignment_map,
    attribution_profile,
    fidelity,
    loaded_terms,
    substitutions,
    voice_shares,
)
from .report.corpus_charts import group_measures, keyness_scatter, measure_over_time

__all__ = [
    "alignment_map",
    "attribution_profile",
    "fidelity",
    "group_measures",
    "keyness_scatter",
    "loaded_terms",
    "measure_over_time",
    "substitutions",
    "voice_shares",
]
