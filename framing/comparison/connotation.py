"""The connotation of a phrase: how loaded, negative, intense, hedged or certain it is.

:func:`connotation` describes one side of a replaced phrase with the signals
the compare stage weighs when it decides which replacements are framing
changes (see :mod:`framing.comparison.substitutions`):

* ``loadedness`` - the strongest loaded-lexicon entry in the phrase
  (``conflict_geopolitics``, ``loaded_general``; 0-1), raised by a
  per-phrase score when the comparison is given one (see below);
* ``valence`` - the mean VADER valence of its words (Hutto & Gilbert 2014,
  the lexicon shipped in the ``vaderSentiment`` package), scaled to -1..1;
* ``intensity`` - the strongest absolute VADER valence of its words (0-1);
* ``hedges`` / ``boosters`` - counts of hedge and booster words (Hyland
  2005 lists shipped as lexicons), the certainty a phrase claims, and
  ``epistemic``, those words;
* ``certainty`` - the strongest certainty marker in it (``certainty.csv``:
  "certainly" 1.0, "very likely" 0.75, "likely" 0.5, "may" and
  "reportedly" 0.25, "unclear" 0; levels after Rubin 2007), or ``None``;
* ``cue`` - the stance of an attribution cue in it (``neutral`` said,
  ``doubt`` claimed, ``factive`` revealed...; ``framing/resources/cues.csv``);
* ``names`` and ``numbers`` - the proper names (folded) and numbers it holds.

Learned loadedness
------------------
``framing.compare(..., loadedness=...)`` may add a per-phrase loadedness
function (phrases -> scores in 0-1; ``"learned"`` for the learned score of
``framing.features.loadedness``); each phrase then gets the larger of it and
the lexicon score. It is off by default: on the real_pairs development set
the learned score lowers substitution precision (0.82 -> 0.80 at the same
recall; see ``benchmarks/eval_compare.py --loadedness learned``). The
function is set for one call only (:func:`scoring_loadedness`, a context
variable), never as module state.

Examples
--------
>>> c = connotation("claimed")
>>> c.cue, c.loadedness
('doubt', 1.0)
>>> c = connotation("it will certainly suggest")
>>> c.hedges, c.boosters
(1, 1)
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from ..errors import invalid_parameter
from ..features.cues import CueLexicon
from ..features.lexicon import Lexicon
from ..features.sentiment import vader

__all__ = [
    "Connotation",
    "certainty_of",
    "connotation",
    "loadedness_scorer",
    "scoring_loadedness",
]

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
Scorer = Callable[[Sequence[str]], Sequence[float]]
# the per-phrase loadedness of the comparison being made (set by ``compare`` for the
# duration of one call, never left behind)
_SCORER: ContextVar[Scorer | None] = ContextVar("framing_loadedness_scorer", default=None)


def loadedness_scorer(value: object) -> Scorer | None:
    """The per-phrase loadedness function that ``compare(..., loadedness=value)`` uses.

    ``None`` or ``False``: none (the lexicons alone; the default); ``"learned"``: the
    learned score of :func:`framing.features.loadedness.score`; a callable: phrases ->
    scores in 0-1.

    Examples
    --------
    >>> loadedness_scorer(None) is None, callable(loadedness_scorer("learned"))
    (True, True)
    >>> loadedness_scorer("magic")
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: loadedness='magic' is not allowed; use None, \
"learned" or a function from phrases to scores in 0-1.
    """
    if value is None or value is False:
        return None
    if isinstance(value, str) and value == "learned":
        from ..features.loadedness import score

        return lambda phrases: [score(p) for p in phrases]
    if callable(value):
        return value
    raise invalid_parameter(
        "loadedness", value, 'use None, "learned" or a function from phrases to scores in 0-1'
    )


@contextmanager
def scoring_loadedness(scorer: Scorer | None) -> Iterator[None]:
    """Use ``scorer`` (phrases -> loadedness in 0-1) in :func:`connotation` inside the
    ``with`` block only (``framing.compare`` does this for its ``loadedness`` keyword).

    Examples
    --------
    >>> with scoring_loadedness(lambda phrases: [0.9 for _ in phrases]):
    ...     connotation("a walkout").loadedness
    0.9
    >>> connotation("a walkout").loadedness
    0.0
    """
    token = _SCORER.set(scorer)
    try:
        yield
    finally:
        _SCORER.reset(token)


@dataclass(frozen=True)
class Connotation:
    """Signals of one phrase (see the module docstring)."""

    loadedness: float = 0.0
    category: str | None = None
    neutral: str | None = None
    valence: float = 0.0
    intensity: float = 0.0
    hedges: int = 0
    boosters: int = 0
    epistemic: frozenset[str] = field(default_factory=frozenset)
    certainty: float | None = None
    cue: str | None = None
    cue_lemma: str | None = None
    names: frozenset[str] = field(default_factory=frozenset)
    numbers: frozenset[str] = field(default_factory=frozenset)


@lru_cache(maxsize=1)
def _certainty_terms() -> dict[tuple[str, ...], float]:
    """``framing/resources/certainty.csv``: term (as words) -> certainty in 0-1."""
    text = (resources.files("framing.resources") / "certainty.csv").read_text("utf-8")
    return {
        tuple(row["term"].casefold().split()): float(row["certainty"])
        for row in csv.DictReader(io.StringIO(text))
    }


def certainty_of(words: Sequence[str]) -> float | None:
    """The strongest certainty marker among lower-case ``words`` (longest terms first).

    Examples
    --------
    >>> certainty_of("may very likely suggest".split()), certainty_of(["could"])
    (0.75, 0.25)
    >>> certainty_of(["talks"]) is None
    True
    """
    terms = _certainty_terms()
    found: list[float] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            value = terms.get(tuple(words[i : i + size]))
            if value is not None:
                found.append(value)
                i += size
                break
        else:
            i += 1
    return max(found) if found else None


@lru_cache(maxsize=1)
def _word_lists() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Single-word and multi-word hedges and boosters."""
    out = []
    for name in ("hedges", "boosters"):
        terms = [str(t).casefold() for t in Lexicon.builtin(name).entries["term"]]
        out.append(
            (frozenset(t for t in terms if " " not in t), tuple(t for t in terms if " " in t))
        )
    (h1, h2), (b1, b2) = out
    return h1, b1, h2, b2


def _found(words: Sequence[str], single: frozenset[str], multi: tuple[str, ...]) -> list[str]:
    found = [w for w in words if w in single]
    padded = f" {' '.join(words)} "
    return found + [m for m in multi if f" {m} " in padded]


def _cue(words: Sequence[str]) -> tuple[str | None, str | None]:
    cues = CueLexicon.default()
    found: tuple[str | None, str | None] = (None, None)
    for i in range(len(words)):
        cue = cues.match_at(words, i)
        if (
            cue is not None
            and cue.kind in ("speech", "writing")
            and (found[0] is None or (found[0] == "neutral" and cue.stance != "neutral"))
        ):
            found = (cue.stance, cue.lemma)
    return found


def connotation(
    text: str,
    spans: pd.DataFrame | None = None,
    start: int = 0,
    names: frozenset[str] = frozenset(),
) -> Connotation:
    """The :class:`Connotation` of ``text``.

    Parameters
    ----------
    text : str
        The phrase.
    spans : DataFrame, optional
        Loaded-term spans (``start, end, category, valence, neutral``) of the
        article the phrase comes from; default: matched in ``text`` itself.
    start : int
        Offset of the phrase in that article.
    names : frozenset of str
        The proper names in the phrase (folded), when the caller knows them.
    """
    from .edits import loaded_spans

    if spans is None:
        spans, start = loaded_spans(text), 0
    end = start + len(text)
    category, neutral, load = None, None, 0.0
    if len(spans):
        inside = spans[(spans["start"] < end) & (spans["end"] > start)]
        if len(inside):
            strength = inside["valence"].abs().to_numpy()
            k = int(strength.argmax())
            row = inside.iloc[k]
            category = str(row["category"])
            neutral = row["neutral"] if isinstance(row["neutral"], str) else None
            load = float(strength[k]) or 0.5
    scorer = _SCORER.get()
    if scorer is not None:
        load = max(load, float(np.clip(scorer([text])[0], 0.0, 1.0)))
    words = [w.casefold().replace("’", "'") for w in _TOKEN.findall(text)]
    lexicon = vader().lexicon
    valences = [lexicon[w] / 4.0 for w in words if w in lexicon]
    h1, b1, h2, b2 = _word_lists()
    stance, lemma = _cue(words)
    hedges, boosters = _found(words, h1, h2), _found(words, b1, b2)
    return Connotation(
        loadedness=load,
        category=category,
        neutral=neutral,
        valence=float(np.mean(valences)) if valences else 0.0,
        intensity=float(max((abs(v) for v in valences), default=0.0)),
        hedges=len(hedges),
        boosters=len(boosters),
        epistemic=frozenset(hedges + boosters),
        certainty=certainty_of(words),
        cue=stance,
        cue_lemma=lemma,
        names=names,
        numbers=frozenset(re.findall(r"\d+(?:[.,]\d+)*", text)),
    )
