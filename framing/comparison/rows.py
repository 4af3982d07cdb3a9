"""Rows of the substitutions and rewordings tables.

:func:`substitution_row` builds one row: both phrases with offsets that slice
their texts exactly (scare quotes included), the lexicon category and
loadedness of each side, the ``direction`` of the shift in loadedness
(:func:`direction`), whether the citing side is the lexicon's neutral
counterpart of the source side, the ``kind`` and the ``relevance``.
:func:`scare_quote_rows` adds the scare quotes a word diff misses because the
quoted word moved in the sentence.

Examples
--------
>>> from framing.comparison.connotation import connotation
>>> direction("loaded", connotation("strike"), connotation("heroic walkout"))
'neutral_to_loaded'
"""

from __future__ import annotations

from collections.abc import Sequence

from .connotation import Connotation, connotation
from .edits import Word, content, is_function_word
from .relevance import kind_of, record, relevance, relevance_threshold
from .signals import one_referent
from .variants import fold

__all__ = [
    "SUBSTITUTION_COLUMNS",
    "direction",
    "extend_quotes",
    "row_of",
    "scare_quote_rows",
    "substitution_row",
]

SUBSTITUTION_COLUMNS: tuple[str, ...] = (
    "source_index",
    "citing_index",
    "source_phrase",
    "citing_phrase",
    "source_start",
    "source_end",
    "citing_start",
    "citing_end",
    "source_category",
    "citing_category",
    "source_loadedness",
    "citing_loadedness",
    "direction",
    "neutral_counterpart",
    "kind",
    "relevance",
)

# A change of this much in VADER valence or intensity (scaled 0-1) sets the direction
# of a change between two unloaded phrases.
VALENCE_SHIFT = 0.3
# Loadedness from which a side counts as loaded (direction).
LOADED = 0.25
_QUOTE_MARKS = "\"“”'‘’"


def extend_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` over quotation marks touching it (so scare quotes show)."""
    if start > 0 and text[start - 1] in _QUOTE_MARKS:
        start -= 1
    if end < len(text) and text[end] in _QUOTE_MARKS:
        end += 1
    return start, end


def direction(kind: str, cs: Connotation, cc: Connotation) -> str:
    """Direction of the shift in loadedness (a loaded attribution cue counts as loaded)."""
    s_loaded = max(cs.loadedness, float(cs.cue not in (None, "neutral")))
    c_loaded = max(cc.loadedness, float(cc.cue not in (None, "neutral")))
    if s_loaded < LOADED and c_loaded < LOADED:
        if kind in ("actor", "source"):
            return "actor_shift"
        tone = abs(cc.valence) - abs(cs.valence)
        if abs(tone) >= VALENCE_SHIFT:
            return "neutral_to_loaded" if tone > 0 else "loaded_to_neutral"
        return "reframed"
    if s_loaded >= LOADED and c_loaded >= LOADED:
        return "loaded_to_differently_loaded"
    return "neutral_to_loaded" if c_loaded >= LOADED else "loaded_to_neutral"


def row_of(
    src: Sequence[Word],
    cit: Sequence[Word],
    s_range: tuple[int, int],
    c_range: tuple[int, int],
    source_text: str,
    citing_text: str,
    source_index: int,
    citing_index: int,
    kind: str,
    relevance: float,
    cs: Connotation,
    cc: Connotation,
) -> dict:
    """One row from the changed words of each side (``src``, ``cit``) and their ranges."""
    counterpart = bool(cc.neutral) and any(
        fold(n) in {fold(w.text) for w in src} or n.casefold() in {w.stem for w in src}
        for n in str(cc.neutral).split()
    )
    return {
        "source_index": source_index,
        "citing_index": citing_index,
        "source_phrase": source_text[s_range[0] : s_range[1]],
        "citing_phrase": citing_text[c_range[0] : c_range[1]],
        "source_start": s_range[0],
        "source_end": s_range[1],
        "citing_start": c_range[0],
        "citing_end": c_range[1],
        "source_category": cs.category,
        "citing_category": cc.category,
        "source_loadedness": cs.loadedness,
        "citing_loadedness": cc.loadedness,
        "direction": direction(kind, cs, cc),
        "neutral_counterpart": counterpart,
        "kind": kind,
        "relevance": relevance,
    }


def substitution_row(
    s_range: tuple[int, int],
    c_range: tuple[int, int],
    source_text: str,
    citing_text: str,
    source_index: int,
    citing_index: int,
    kind: str,
    score: float,
    cs: Connotation,
    cc: Connotation,
    source_words: Sequence[Word] = (),
    citing_words: Sequence[Word] = (),
) -> dict:
    """One row of the substitutions (or rewordings) table."""
    return row_of(
        source_words,
        citing_words,
        s_range,
        c_range,
        source_text,
        citing_text,
        source_index,
        citing_index,
        kind,
        score,
        cs,
        cc,
    )


def scare_quote_rows(
    source_words: Sequence[Word],
    citing_words: Sequence[Word],
    source_text: str,
    citing_text: str,
    source_index: int,
    citing_index: int,
    taken: Sequence[dict],
    threshold: float | None = None,
) -> list[dict]:
    """Scare quotes the word diff missed because the word moved ("Israeli leaders have made
    a decision" -> "a decision has been made by "Israeli" leadership"): a word in short quotes
    in the citing sentences that the aligned source sentences have without quotes."""
    threshold = relevance_threshold() if threshold is None else threshold
    rows: list[dict] = []
    covered = [(r["citing_start"], r["citing_end"]) for r in taken]

    def context(words: Sequence[Word], k: int) -> set[str]:
        return {x.key.rstrip('"') for x in content(words[max(0, k - 3) : k + 4])}

    for j, w in enumerate(citing_words):
        if not w.quoted or is_function_word(w) or any(a <= w.start < b for a, b in covered):
            continue
        around = context(citing_words, j)
        candidates = [
            (len(context(source_words, i) & around), -i)
            for i, s in enumerate(source_words)
            if not s.quoted and one_referent(s.text, w.text)
        ]
        if not candidates:
            continue
        match = source_words[-max(candidates)[1]]
        c_range = extend_quotes(citing_text, w.start, w.end)
        s_range = (match.start, match.end)
        signals = {"scare_quotes": 1.0}
        score = round(relevance(signals), 3)
        cs = connotation(source_text[slice(*s_range)])
        cc = connotation(citing_text[slice(*c_range)])
        row = row_of(
            [match],
            [w],
            s_range,
            c_range,
            source_text,
            citing_text,
            source_index,
            citing_index,
            kind_of(signals),
            score,
            cs,
            cc,
        )
        record(row, signals)
        if score >= threshold:
            rows.append(row)
            covered.append(c_range)
    return rows
