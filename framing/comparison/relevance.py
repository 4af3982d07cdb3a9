"""How much a replaced phrase matters: its signals, its kind and its relevance.

A replacement inside an aligned pair is described by :data:`SIGNALS`, each in
0-1, computed from the connotation of its two sides
(:mod:`framing.comparison.connotation`):

=================  ==========================================================
signal             value
=================  ==========================================================
``naming``         1 when the sides use the two names of a naming.csv pair
``scare_quotes``   1 when words are put in (or out of) short quotes
``doubt_cue``      1 when a reporting verb changes to or from a doubting or
                   denying one (said -> claimed)
``other_cue``      1 when it changes stance otherwise (said -> revealed)
``source``         1 when both sides name who is credited (sources -> officials)
``loaded``         change in lexicon loadedness (plus a changed category)
``certainty``      change in certainty (certainty.csv; a plain statement is 1)
``tone``           change in VADER valence or intensity
``actor``          1 when both sides name actors and the names differ
``actor_named``    1 when only one side names an actor (Putin -> the leader)
``number``         1 when the numbers differ
``label``          1 for a label dropped from a name (Hamas-run Al Aqsa TV)
``quoted``         1 when the words lie inside quotations on both sides
``size``           content words of the larger side / 6
``lopsided``       1 - smaller side / larger side (in content words)
``aligned``        similarity of the aligned sentences it comes from (how
                   reliable the word alignment is)
``spelling``       character similarity of the two sides (difflib ratio)
``place``          how far apart the two sides sit in their sentences
                   (difference of relative positions, 0-1)
=================  ==========================================================

The ``kind`` of a replacement is its first signal in :data:`KIND_ORDER`
(``reworded`` when none). Its ``relevance`` is a logistic model of the
signals, ``framing/resources/relevance_model.json``, trained on the
real_pairs development set by ``python -m framing.comparison.train_relevance``
(see the model card there, ``relevance_model.md``); the threshold that
separates ``substitutions`` from ``rewordings`` is stored with it.

Examples
--------
>>> round(relevance({"naming": 1.0}), 2) > round(relevance({}), 2)
True
>>> kind_of({"tone": 0.4, "doubt_cue": 1.0})
'attribution'
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "KIND_ORDER",
    "SIGNALS",
    "kind_of",
    "model",
    "recording",
    "relevance",
    "relevance_threshold",
]

SIGNALS: tuple[str, ...] = (
    "naming",
    "scare_quotes",
    "doubt_cue",
    "other_cue",
    "source",
    "loaded",
    "certainty",
    "tone",
    "actor",
    "actor_named",
    "number",
    "label",
    "quoted",
    "size",
    "lopsided",
    "aligned",
    "spelling",
    "place",
)
# signal -> kind, in the order a reader is told about them
KIND_ORDER: tuple[tuple[str, str], ...] = (
    ("quoted", "quoted"),
    ("naming", "naming"),
    ("scare_quotes", "scare_quotes"),
    ("label", "label"),
    ("doubt_cue", "attribution"),
    ("loaded", "loaded"),
    ("certainty", "certainty"),
    ("source", "source"),
    ("actor", "actor"),
    ("actor_named", "actor"),
    ("other_cue", "attribution"),
    ("tone", "intensity"),
    ("number", "number"),
)
# Without a model file: a fixed weight per signal (the same order as KIND_ORDER).
_FALLBACK = {
    "naming": 1.0,
    "scare_quotes": 0.9,
    "label": 0.8,
    "doubt_cue": 0.85,
    "loaded": 0.75,
    "certainty": 0.6,
    "source": 0.6,
    "actor": 0.65,
    "actor_named": 0.45,
    "other_cue": 0.45,
    "tone": 0.5,
    "number": 0.4,
}
_FALLBACK_THRESHOLD = 0.5
_RECORDS: list[list[dict[str, Any]]] = []


@lru_cache(maxsize=1)
def model() -> dict[str, Any] | None:
    """The shipped relevance model (``intercept``, ``coefficients``, ``threshold``), if any."""
    ref = resources.files("framing.resources") / "relevance_model.json"
    if not ref.is_file():
        return None
    return json.loads(ref.read_text("utf-8"))


def relevance_threshold() -> float:
    """The calibrated threshold: replacements from this relevance on are substitutions."""
    spec = model()
    return float(spec["threshold"]) if spec else _FALLBACK_THRESHOLD


def kind_of(signals: Mapping[str, float]) -> str:
    """The kind of a replacement: its first signal in :data:`KIND_ORDER`."""
    for signal, kind in KIND_ORDER:
        if signals.get(signal, 0.0) > 0:
            return kind
    return "reworded"


def relevance(signals: Mapping[str, float]) -> float:
    """Relevance in 0-1 of a replacement with these signals (missing signals are 0)."""
    if signals.get("quoted"):
        return 0.0  # words inside a quotation: the fidelity check judges them
    spec = model()
    if spec is None:
        weights = [w * min(1.0, signals.get(s, 0.0) * 2) for s, w in _FALLBACK.items()]
        return max([0.2, *weights])
    z = spec["intercept"] + sum(
        w * float(signals.get(name, 0.0)) for name, w in spec["coefficients"].items()
    )
    return 1.0 / (1.0 + math.exp(-z))


def record(row: Mapping[str, Any], signals: Mapping[str, float]) -> None:
    """Keep a replacement and its signals while :func:`recording` (for training)."""
    if _RECORDS:
        _RECORDS[-1].append({**row, **{f"signal_{k}": v for k, v in signals.items()}})


@contextmanager
def recording():
    """Collect every replacement judged inside the ``with`` block, with its signals.

    Examples
    --------
    >>> import framing
    >>> with recording() as rows:
    ...     _ = framing.compare("Officials said it.", "Officials claimed it.")
    >>> rows[0]["signal_doubt_cue"]
    1.0
    """
    _RECORDS.append([])
    try:
        yield _RECORDS[-1]
    finally:
        _RECORDS.pop()
