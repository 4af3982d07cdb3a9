"""Second alignment pass: link reworded sentences that lexical similarity alone misses.

A heavily reworded sentence ("officials said the long-awaited talks may have
started" -> "the much-touted negotiations are reportedly under way") can score
below the alignment threshold although its place and a few shared words say
where it comes from. In the spirit of Gale-Church and Bleualign, the
confident links of the first pass are *anchors*; between two consecutive
anchors that keep reading order, the unlinked citing sentences are aligned to
the source sentences of the same stretch by dynamic programming over the
similarity matrix: a monotone set of links maximising the sum of
``similarity - GAP_THRESHOLD``, where a skipped sentence costs nothing and a
link needs evidence beyond chance (:data:`MIN_SHARED` shared content words,
or a shared name or number). A citing sentence still unlinked after that may
have moved: it is linked to its most similar source sentence when that
reaches :data:`MOVED_THRESHOLD` with :data:`MOVED_SHARED` shared content
words.

:func:`paraphrase_support` returns the similarity matrix with the chosen
cells raised to the alignment threshold, so that the ordinary linking rules
(:func:`framing.comparison.align.align_sentences`) take them. The cost is
one pass over the similarity matrix (O(n x m) per pair).

Examples
--------
>>> import numpy as np
>>> sim = np.array([[0.9, 0.0, 0.0], [0.0, 0.16, 0.0], [0.0, 0.0, 0.8]])
>>> shared = np.array([[5, 0, 0], [0, 3, 0], [0, 0, 4]])
>>> float(paraphrase_support(sim, shared, threshold=0.25)[1, 1])
0.25
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from .edits import Word, is_function_word

__all__ = [
    "GAP_THRESHOLD",
    "MIN_SHARED",
    "MOVED_SHARED",
    "MOVED_THRESHOLD",
    "paraphrase_support",
    "shared_evidence",
]

# A link inside a gap between anchors needs at least this similarity (calibrated
# on the real_pairs development set: see benchmarks/eval_compare.py --links).
GAP_THRESHOLD = 0.12
# ... and at least this many shared content words (or a shared name or number).
MIN_SHARED = 2
# Out of order, a link needs this similarity and this many shared content words.
MOVED_THRESHOLD = 0.15
MOVED_SHARED = 4


def shared_evidence(
    source: Sequence[Sequence[Word]], citing: Sequence[Sequence[Word]]
) -> np.ndarray:
    """Shared content words of every (source, citing) sentence pair; a shared name or
    number counts as :data:`MIN_SHARED`."""

    def keys(words: Sequence[Word]) -> tuple[set[str], set[str]]:
        plain = {w.key.rstrip('"') for w in words if not is_function_word(w)}
        strong = {
            w.key.rstrip('"')
            for w in words
            if w.text[:1].isdigit() or (w.text[:1].isupper() and w is not words[0])
        }
        return plain, strong

    s_keys = [keys(s) for s in source]
    c_keys = [keys(c) for c in citing]
    out = np.zeros((len(source), len(citing)), dtype=np.int64)
    for i, (sp, ss) in enumerate(s_keys):
        for j, (cp, cs) in enumerate(c_keys):
            n = len(sp & cp)
            if ss & cs:
                n = max(n, MIN_SHARED)
            out[i, j] = n
    return out


def _anchors(similarity: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """First-pass links (best source of each citing sentence at or above ``threshold``)
    on a longest order-keeping chain."""
    links = [
        (int(similarity[:, j].argmax()), j)
        for j in range(similarity.shape[1])
        if similarity.shape[0] and similarity[:, j].max() >= threshold
    ]
    # longest non-decreasing subsequence of source positions (in citing order)
    best: list[list[tuple[int, int]]] = []
    for link in links:
        chain = max((c for c in best if c[-1][0] <= link[0]), key=len, default=[])
        best.append([*chain, link])
    return max(best, key=len, default=[])


def paraphrase_support(
    similarity: np.ndarray,
    shared: np.ndarray,
    threshold: float,
    gap_threshold: float = GAP_THRESHOLD,
) -> np.ndarray:
    """``similarity`` with the order- and evidence-backed gap links raised to ``threshold``."""
    out = np.array(similarity, dtype=np.float64, copy=True)
    n, m = out.shape
    if not n or not m:
        return out
    anchors = _anchors(similarity, threshold)
    linked = {j for _, j in anchors} | {j for j in range(m) if similarity[:, j].max() >= threshold}
    bounds = [(-1, -1), *anchors, (n - 1, m)]
    for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
        rows = list(range(max(i0, 0), min(i1, n - 1) + 1))
        cols = [j for j in range(j0 + 1, j1) if j not in linked]
        if not rows or not cols:
            continue
        gain = similarity[np.ix_(rows, cols)] - gap_threshold
        gain[shared[np.ix_(rows, cols)] < MIN_SHARED] = -1.0
        # DP: best[r][c] = best total using cols[:c] with last link row <= rows[r]
        best = np.zeros((len(rows) + 1, len(cols) + 1))
        choice = np.zeros((len(rows) + 1, len(cols) + 1), dtype=np.int8)
        for c in range(1, len(cols) + 1):
            for r in range(1, len(rows) + 1):
                options = (best[r][c - 1], best[r - 1][c], best[r][c - 1] + gain[r - 1, c - 1])
                k = int(np.argmax(options))
                best[r][c], choice[r][c] = options[k], k
        r, c = len(rows), len(cols)
        while r > 0 and c > 0:
            if choice[r][c] == 2:
                out[rows[r - 1], cols[c - 1]] = max(out[rows[r - 1], cols[c - 1]], threshold)
                c -= 1
            elif choice[r][c] == 1:
                r -= 1
            else:
                c -= 1
    # a sentence moved out of order needs stronger evidence: more shared words
    for j in range(m):
        if out[:, j].max() >= threshold:
            continue
        i = int(similarity[:, j].argmax())
        if similarity[i, j] >= MOVED_THRESHOLD and shared[i, j] >= MOVED_SHARED:
            out[i, j] = threshold
    return out
