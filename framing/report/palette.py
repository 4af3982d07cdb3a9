"""Colour-blind-safe colours, the same for the same thing in every chart and report.

Sides, relations, verdicts, directions and cue classes use the Okabe-Ito
palette (distinguishable with every common colour-vision deficiency);
lexicon categories use Paul Tol's "muted" scheme, assigned by a stable hash
of the category name, so a category has one colour in every chart, report
and session.

Examples
--------
>>> colour("side", "citing")
'#D55E00'
>>> category_colour("violence") == category_colour("violence")
True
"""

from __future__ import annotations

import zlib

__all__ = ["COLOURS", "MUTED", "category_colour", "colour"]

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#8C8C8C",
}
MUTED = (
    "#CC6677",
    "#332288",
    "#DDCC77",
    "#117733",
    "#88CCEE",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
)
COLOURS: dict[str, dict[str, str]] = {
    "side": {"source": OKABE_ITO["blue"], "citing": OKABE_ITO["vermillion"]},
    "relation": {
        "verbatim": OKABE_ITO["green"],
        "reworded": OKABE_ITO["sky_blue"],
        "merged": OKABE_ITO["blue"],
        "split": OKABE_ITO["purple"],
        "added": OKABE_ITO["vermillion"],
        "omitted": OKABE_ITO["grey"],
    },
    "verdict": {
        "verbatim": OKABE_ITO["green"],
        "paraphrased": OKABE_ITO["sky_blue"],
        "altered": OKABE_ITO["orange"],
        "unsupported": OKABE_ITO["vermillion"],
    },
    "direction": {
        "neutral_to_loaded": OKABE_ITO["vermillion"],
        "loaded_to_neutral": OKABE_ITO["blue"],
        "loaded_to_differently_loaded": OKABE_ITO["orange"],
        "actor_shift": OKABE_ITO["purple"],
        # reworded with no shift in loadedness or tone (a hedge, a source, a verb)
        "reframed": OKABE_ITO["sky_blue"],
    },
    "cue_class": {
        "neutral": OKABE_ITO["blue"],
        "loaded": OKABE_ITO["vermillion"],
    },
    "voice": {
        "own voice": OKABE_ITO["vermillion"],
        "credited to the source": OKABE_ITO["blue"],
        "credited to others": OKABE_ITO["sky_blue"],
    },
}
_FALLBACK = (
    OKABE_ITO["orange"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["green"],
    OKABE_ITO["purple"],
    OKABE_ITO["yellow"],
    OKABE_ITO["black"],
)


def category_colour(category: object) -> str:
    """Colour of a lexicon category (grey for none).

    Examples
    --------
    >>> category_colour(None)
    '#8C8C8C'
    """
    if not isinstance(category, str) or not category:
        return OKABE_ITO["grey"]
    return MUTED[zlib.crc32(category.encode("utf-8")) % len(MUTED)]


def colour(kind: str, value: object, position: int = 0) -> str:
    """Colour of ``value`` of a kind ("side", "relation", "verdict", ...).

    Values outside the fixed table get a palette colour by ``position``.
    """
    if kind == "category":
        return category_colour(value)
    table = COLOURS.get(kind, {})
    if isinstance(value, str) and value in table:
        return table[value]
    return _FALLBACK[position % len(_FALLBACK)]
