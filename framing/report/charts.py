"""Charts of the feature and comparison tables, in the seaborn style.

Every function takes ``data=`` (a table of the feature or compare stage,
from one article pair or many articles at once), draws on ``ax=`` (or the
current Axes), passes extra keyword arguments to the matplotlib call that
draws the marks, and returns the Axes. Nothing is shown and no global state
is changed. Colours come from :mod:`framing.report.palette`, so a relation,
verdict, side or lexicon category has the same colour in every chart.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import framing
>>> from framing import plot
>>> c = framing.compare("Troops left Iraq. Oil rose.", "Troops were deported from Iraq.")
>>> ax = plot.alignment_map(data=c.alignment)
>>> ax.get_xlabel()
'citing sentence'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .chart_parts import (
    axes_for,
    empty_chart,
    legend_below,
    legend_beside,
    require_columns,
    shorten,
    stacked_bars,
)
from .palette import category_colour, colour

__all__ = [
    "alignment_map",
    "attribution_profile",
    "fidelity",
    "loaded_terms",
    "substitutions",
    "voice_shares",
]

RELATION_ORDER = ("verbatim", "reworded", "merged", "split", "added", "omitted")
VERDICT_ORDER = ("verbatim", "paraphrased", "altered", "unsupported")


def loaded_terms(
    data: pd.DataFrame,
    *,
    x: str = "category",
    hue: str = "side",
    words: Mapping[str, float] | None = None,
    order: Sequence[str] | None = None,
    hue_order: Sequence[str] | None = None,
    ax: Axes | None = None,
    **kwargs: object,
) -> Axes:
    """Loaded terms by category, one bar per group (source vs citing, or outlet vs outlet).

    Parameters
    ----------
    data : DataFrame
        Loaded-term spans, one row each (``Comparison.loaded_terms`` or
        ``Analysis.loaded_terms``), with columns ``x`` and ``hue``.
    x, hue : str
        Column of the categories (bars along the y axis) and of the groups.
    words : mapping, optional
        Words per group: bars then show terms per 1,000 words (else counts).
    order, hue_order : sequences, optional
        Categories and groups to draw, in order (default: by total, as found).
    ax : Axes, optional
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.barh`.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> spans = pd.DataFrame({"category": ["violence", "violence", "expulsion"],
    ...                       "side": ["citing", "source", "citing"]})
    >>> ax = loaded_terms(spans, words={"source": 500, "citing": 400}, ax=Figure().subplots())
    >>> len(ax.patches), ax.get_xlabel()
    (4, 'loaded terms per 1,000 words')
    """
    ax = axes_for(ax)
    title = "Loaded terms by category"
    if data.empty:
        return empty_chart(ax, title, "no loaded terms found")
    require_columns(data, [x, hue], "loaded_terms")
    counts = data.groupby([x, hue], observed=True).size().unstack(hue, fill_value=0)
    groups = list(hue_order) if hue_order is not None else list(pd.unique(data[hue]))
    counts = counts.reindex(columns=groups, fill_value=0)
    if words is not None:
        counts = counts.astype(float) * [1000.0 / max(float(words.get(g, 0)), 1.0) for g in groups]
    categories = list(order) if order is not None else list(counts.sum(axis=1).sort_values().index)
    counts = counts.reindex(categories, fill_value=0)
    height = 0.8 / max(len(groups), 1)
    y = np.arange(len(categories))
    for k, group in enumerate(groups):
        ax.barh(
            y + (len(groups) - 1 - k - (len(groups) - 1) / 2) * height,
            counts[group].to_numpy(),
            height=height,
            color=colour(hue, group, k),
            label=str(group),
            **kwargs,
        )
    ax.set_yticks(y, [str(c).replace("_", " ") for c in categories])
    ax.set_xlabel("loaded terms per 1,000 words" if words is not None else "loaded terms")
    ax.set_ylabel(x.replace("_", " "))
    ax.set_title(title)
    legend_beside(ax, title=hue)
    return ax


def alignment_map(data: pd.DataFrame, *, ax: Axes | None = None, **kwargs: object) -> Axes:
    """Source sentence order against citing sentence order, coloured by relation.

    Linked sentences are points at (citing index, source index); a point off
    the diagonal trend was moved (ringed in black). Omitted source sentences
    sit in the "omitted" column left of the plot, added citing sentences in
    the "added" row above it.

    Parameters
    ----------
    data : DataFrame
        ``Comparison.alignment``.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.scatter`.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> table = pd.DataFrame({"source_index": pd.array([0, 1, None], dtype="Int64"),
    ...                       "citing_index": pd.array([0, None, 1], dtype="Int64"),
    ...                       "relation": ["reworded", "omitted", "added"],
    ...                       "moved": [False, False, False]})
    >>> ax = alignment_map(table, ax=Figure().subplots())
    >>> sum(len(c.get_offsets()) for c in ax.collections)
    3
    """
    ax = axes_for(ax)
    title = "Alignment map"
    if data.empty:
        return empty_chart(ax, title, "no sentences")
    require_columns(data, ["source_index", "citing_index", "relation"], "alignment_map")
    n_source = int(data["source_index"].max()) + 1 if data["source_index"].notna().any() else 1
    n_citing = int(data["citing_index"].max()) + 1 if data["citing_index"].notna().any() else 1
    # the "omitted" column and the "added" row sit a little apart from the numbered ones
    off_x, off_y = -max(1.0, 0.08 * n_citing), -max(1.0, 0.08 * n_source)
    source = data["source_index"].astype("Float64").fillna(off_y).to_numpy(dtype=float)
    citing = data["citing_index"].astype("Float64").fillna(off_x).to_numpy(dtype=float)
    moved = data["moved"].to_numpy(dtype=bool) if "moved" in data else np.zeros(len(data), bool)
    options = {"s": 46, "zorder": 3, **kwargs}
    for relation in RELATION_ORDER:
        rows = (data["relation"] == relation).to_numpy()
        if rows.any():
            ax.scatter(
                citing[rows],
                source[rows],
                color=colour("relation", relation),
                edgecolors=np.where(moved[rows], "black", "none").tolist(),
                linewidths=1.6,
                label=f"{relation} ({int(rows.sum())})",
                **options,
            )
    ax.axvline(off_x / 2, color="#BBBBBB", lw=0.8)
    ax.axhline(off_y / 2, color="#BBBBBB", lw=0.8)
    ax.set_xlim(off_x - 0.6, n_citing - 0.4)
    ax.set_ylim(n_source - 0.4, off_y - 0.6)  # source read top-down
    x_ticks = list(range(0, n_citing, max(1, n_citing // 10)))
    y_ticks = list(range(0, n_source, max(1, n_source // 10)))
    ax.set_xticks([off_x, *x_ticks], ["omitted", *map(str, x_ticks)])
    ax.set_yticks([off_y, *y_ticks], ["added", *map(str, y_ticks)])
    ax.set_xlabel("citing sentence")
    ax.set_ylabel("source sentence")
    ax.set_title(title)
    handles, labels = ax.get_legend_handles_labels()
    if moved.any():
        handles.append(
            Line2D([], [], marker="o", ls="", markerfacecolor="white", markeredgecolor="black")
        )
        labels.append(f"moved ({int(moved.sum())})")
    legend_beside(ax, handles, labels)
    ax.grid(True, color="#EEEEEE", zorder=0)
    return ax


def substitutions(
    data: pd.DataFrame, *, max_rows: int = 25, ax: Axes | None = None, **kwargs: object
) -> Axes:
    """Swapped word choices: one bar per substitution, its shift in loadedness.

    Each bar is labelled "source words → citing words" and runs from 0 to the
    citing side's loadedness minus the source side's (right = more loaded),
    coloured by the lexicon category of the loaded side.

    Parameters
    ----------
    data : DataFrame
        ``Comparison.substitutions`` (from one pair or many, concatenated).
    max_rows : int
        At most this many bars, the largest shifts first.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.barh`.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> table = pd.DataFrame({"source_phrase": ["killed"], "citing_phrase": ["martyred"],
    ...                       "source_loadedness": [0.0], "citing_loadedness": [1.0],
    ...                       "source_category": [None], "citing_category": ["violence"]})
    >>> [t.get_text() for t in substitutions(table, ax=Figure().subplots()).get_yticklabels()]
    ['killed → martyred']
    """
    ax = axes_for(ax)
    title = "Substituted word choices"
    needed = ["source_phrase", "citing_phrase", "source_loadedness", "citing_loadedness"]
    if data.empty:
        return empty_chart(ax, title, "no substitutions")
    require_columns(data, needed, "substitutions")
    frame = data.assign(
        _shift=data["citing_loadedness"].astype(float) - data["source_loadedness"].astype(float),
        _category=data.get("citing_category", pd.Series(index=data.index, dtype=object)).where(
            data.get("citing_category", pd.Series(index=data.index, dtype=object)).notna(),
            data.get("source_category", pd.Series(index=data.index, dtype=object)),
        ),
    )
    frame = frame.reindex(frame["_shift"].abs().sort_values(kind="stable").index)
    frame = frame.tail(max_rows)
    y = np.arange(len(frame))
    colours = [category_colour(c) for c in frame["_category"]]
    ax.barh(y, frame["_shift"].to_numpy(), color=colours, height=0.65, **kwargs)
    labels = [
        f"{shorten(s, 24)} → {shorten(c, 24)}"
        for s, c in zip(frame["source_phrase"], frame["citing_phrase"], strict=True)
    ]
    ax.set_yticks(y, labels)
    ax.axvline(0, color="black", lw=0.8)
    limit = max(1.0, float(frame["_shift"].abs().max()))
    ax.set_xlim(-limit * 1.05, limit * 1.05)
    ax.set_xlabel("loadedness shift (citing − source; right = more loaded)")
    ax.set_title(title)
    flat = frame["_shift"].to_numpy() == 0
    if flat.any():  # no change in loadedness (an actor shift): a marker, not an empty bar
        ax.scatter(
            np.zeros(int(flat.sum())),
            y[flat],
            marker="D",
            s=30,
            zorder=3,
            color=[c for c, f in zip(colours, flat, strict=True) if f],
        )
    names = [c if isinstance(c, str) and c else "no category" for c in frame["_category"]]
    seen = dict.fromkeys(reversed(names))
    legend_beside(
        ax,
        handles=[
            Patch(color=category_colour(None if c == "no category" else c), label=c) for c in seen
        ],
        title="category of the loaded side",
    )
    return ax


def attribution_profile(
    data: pd.DataFrame,
    *,
    y: str = "source",
    cue: str = "cue_lemma",
    top: int = 10,
    ax: Axes | None = None,
    **kwargs: object,
) -> Axes:
    """Who is cited and with which cue verbs: one stacked bar per source.

    Segments are cue verbs ("say", "claim", "admit"), coloured by cue class
    (neutral or loaded) and labelled when wide enough.

    Parameters
    ----------
    data : DataFrame
        Attributions (``Comparison.attributions``, ``Analysis.attributions``).
    y, cue : str
        Columns of the source and of the cue.
    top : int
        The most cited sources shown.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.barh`.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> table = pd.DataFrame({"source": ["CNN", "CNN", "Pentagon"],
    ...                       "cue_lemma": ["say", "admit", "say"],
    ...                       "cue_class": ["neutral", "loaded", "neutral"]})
    >>> len(attribution_profile(table, ax=Figure().subplots()).patches)
    3
    """
    ax = axes_for(ax)
    title = "Who is cited, with which cue"
    if data.empty:
        return empty_chart(ax, title, "no attributions")
    require_columns(data, [y, cue], "attribution_profile")
    frame = pd.DataFrame(
        {
            "who": data[y].fillna("(unresolved)").map(lambda s: shorten(s, 32)),
            "cue": data[cue].fillna("(none)").astype(str),
            "cls": data["cue_class"].fillna("neutral") if "cue_class" in data else "neutral",
        }
    )
    totals = frame["who"].value_counts().head(top).sort_values(kind="stable")
    frame = frame[frame["who"].isin(totals.index)]
    counts = frame.groupby(["who", "cue", "cls"]).size().reset_index(name="n")
    rows = {source: k for k, source in enumerate(totals.index)}
    left = np.zeros(len(rows))
    for record in counts.sort_values(["cls", "cue"], kind="stable").itertuples(index=False):
        k = rows[record.who]
        bar = ax.barh(
            k,
            record.n,
            left=left[k],
            color=colour("cue_class", record.cls),
            edgecolor="white",
            height=0.65,
            **kwargs,
        )
        if record.n >= max(1, 0.08 * totals.max()):
            ax.bar_label(bar, labels=[record.cue], label_type="center", color="white", fontsize=8)
        left[k] += record.n
    ax.set_yticks(range(len(rows)), list(rows))
    ax.set_xlabel("attributions")
    ax.set_title(title)
    present = list(dict.fromkeys(counts["cls"]))
    legend_beside(
        ax, handles=[Patch(color=colour("cue_class", c), label=f"{c} cue") for c in present]
    )
    return ax


def voice_shares(
    data: pd.DataFrame,
    *,
    x: str = "words",
    y: str = "outlet",
    hue: str = "voice",
    ax: Axes | None = None,
    **kwargs: object,
) -> Axes:
    """Share of each article's words in its own voice vs attributed voices (100% bars).

    Parameters
    ----------
    data : DataFrame
        Words per (article or outlet, voice), e.g. ``Comparison.voice_table()``.
    x, y, hue : str
        Columns of the word counts, of the bars and of the segments.
    ax : Axes, optional
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.barh`.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> table = pd.DataFrame({"outlet": ["Kayhan"] * 2, "words": [300, 700],
    ...                       "voice": ["own voice", "credited to the source"]})
    >>> [float(p.get_width()) for p in voice_shares(table, ax=Figure().subplots()).patches]
    [0.3, 0.7]
    """
    ax = axes_for(ax)
    title = "Own voice and attributed voices"
    if data.empty:
        return empty_chart(ax, title, "no words")
    require_columns(data, [x, y, hue], "voice_shares")
    table = data.groupby([y, hue], observed=True, sort=False)[x].sum().unstack(hue, fill_value=0)
    shares = table.div(table.sum(axis=1).replace(0, 1), axis=0)
    stacked_bars(ax, shares, "voice", lambda v: f"{v:.0%}" if v >= 0.06 else "", **kwargs)
    ax.set_yticks(range(len(shares)), [shorten(i, 32) for i in shares.index])
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of words")
    ax.set_title(title)
    legend_below(ax, ncols=3)
    return ax


def fidelity(
    data: pd.DataFrame, *, y: str | None = None, ax: Axes | None = None, **kwargs: object
) -> Axes:
    """Verdicts on what the citing article credits to others, for quotes and claims.

    Parameters
    ----------
    data : DataFrame
        ``Comparison.attribution_fidelity`` (one pair, or many concatenated).
    y : str, optional
        Column of the bars; default: quotes vs claims (from ``direct``).
    ax : Axes, optional
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.barh`.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> table = pd.DataFrame({"direct": [True, False, False],
    ...                       "verdict": ["altered", "verbatim", "unsupported"]})
    >>> len(fidelity(table, ax=Figure().subplots()).patches)
    3
    """
    ax = axes_for(ax)
    title = "Is what is credited to the source in it?"
    if data.empty:
        return empty_chart(ax, title, "nothing is credited to the source")
    require_columns(data, ["verdict"] + ([y] if y else ["direct"]), "fidelity")
    groups = (
        data[y].astype(str)
        if y
        else data["direct"].map({True: "quotes", False: "claims"}).fillna("claims")
    )
    table = pd.crosstab(groups, data["verdict"])
    verdicts = [v for v in VERDICT_ORDER if v in table.columns] + [
        v for v in table.columns if v not in VERDICT_ORDER
    ]
    stacked_bars(ax, table[verdicts], "verdict", lambda v: str(int(v)), skip_zero=True, **kwargs)
    ax.set_yticks(range(len(table)), list(table.index))
    ax.set_xlabel("statements")
    ax.set_title(title)
    legend_below(ax, ncols=4)
    return ax
