"""Phrase-level alignment inside linked sentences: pair replaced words that moved.

A monotone word diff (:class:`difflib.SequenceMatcher`, in
:func:`framing.comparison.edits.diff_words`) turns a reordered or reworded
clause into one long replacement, or a deletion here and an insertion
there ("had inflicted heavy Russian troop casualties" -> "caused serious
fatalities among Russian troops"), which then count as an omission and an
addition and never as a substitution. This module re-aligns the words of
those changed stretches, not in order:

1. *moved words*: a content word deleted in one place and inserted in
   another with the same stem (or a variant, "U.S." / "US") is the same
   word moved; it is kept out of the pairing below;
2. *similar words*: the remaining content words of the changed stretches
   are paired one to one, best pair first (competitive linking, Melamed
   2000), by a score: their similarity in meaning (cosine of the shipped word vectors,
   :mod:`framing.comparison.embeddings`; two reporting verbs count as
   :data:`CUE_SIMILARITY` at least), plus :data:`SAME_CHUNK_BONUS` when
   the monotone diff already put them in one replacement, minus
   :data:`DISTANCE_PENALTY` times how far apart they sit in their
   sentences (difference of relative positions); a pair scoring at least
   :data:`LINK_THRESHOLD` is linked;
3. *edits*: linked words next to each other on both sides (at most
   :data:`LINK_GAP` words apart) are one replacement; the words of a changed
   stretch that are not linked stay deletions and insertions, in runs. A
   changed stretch none of whose words is linked is left as the diff made it.

The cost is one similarity matrix over the changed content words of each
linked group (a few dozen words), i.e. linear in the words of a pair for
sentence-sized groups. Without the vector file, only reporting verbs are
paired beyond stems.

Examples
--------
>>> from framing.comparison.edits import diff_words, words_of
>>> s = "Ukrainian forces had inflicted heavy Russian troop casualties."
>>> c = "Ukrainian forces caused serious fatalities among Russian troops."
>>> edits = diff_words(words_of(s, 0, len(s)), words_of(c, 0, len(c)), s, c)
>>> [(s[e.source_start:e.source_end], c[e.citing_start:e.citing_end])
...  for e in edits if e.tag == "replace"]
[('had inflicted heavy', 'caused serious'), ('casualties', 'fatalities')]
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from . import embeddings
from .variants import are_variants

__all__ = [
    "ATTACH_WORDS",
    "CUE_SIMILARITY",
    "DISTANCE_PENALTY",
    "LINK_GAP",
    "LINK_THRESHOLD",
    "MOVED_SIMILARITY",
    "OPEN_WORDS",
    "SAME_CHUNK_BONUS",
    "realign",
]

# The constants below were set on the real_pairs development set
# (benchmarks/eval_compare.py, which prints leave-one-source-out figures too); cosines
# of unrelated word pairs in the shipped vectors lie below 0.23 nine times in ten. The
# figures are flat around them: LINK_THRESHOLD 0.35-0.45 and MOVED_SIMILARITY 0.45-0.5
# all give key recall 0.75 at precision 0.82-0.83 (MOVED_SIMILARITY 0.55: recall 0.72).
LINK_THRESHOLD = 0.4
# The monotone diff put both words in one replacement: evidence they correspond.
SAME_CHUNK_BONUS = 0.15
# Words of two different changed stretches (one moved) need this similarity.
MOVED_SIMILARITY = 0.5
# Per unit of difference in relative position (0 = same place in the sentence).
DISTANCE_PENALTY = 0.3
# Two reporting verbs ("said" / "claimed") are at least this similar.
CUE_SIMILARITY = 0.6
# Linked words at most this many words apart on both sides form one replacement.
LINK_GAP = 2
# A replaced stretch with this many content words on a side is re-aligned word by word.
OPEN_WORDS = 2
# An unlinked run of at most this many content words next to a replacement, in the
# same changed stretch, belongs to it ("not been successful" -> "failed").
ATTACH_WORDS = 1


@lru_cache(maxsize=50_000)
def _cue(word: str) -> bool:
    from ..features.cues import CueLexicon

    cue = CueLexicon.default().lookup((word.casefold().replace("’", "'"),))
    return cue is not None and cue.kind in ("speech", "writing")


def _scores(
    source_words: Sequence[object],
    citing_words: Sequence[object],
    s_free: list[int],
    c_free: list[int],
    s_chunk: dict[int, int],
    c_chunk: dict[int, int],
) -> np.ndarray:
    """The pairing score of every free source word with every free citing word (see the
    module docstring), as one matrix."""
    sim = _cosines([source_words[i].text for i in s_free], [citing_words[j].text for j in c_free])
    in_place = np.array([[s_chunk[i] == c_chunk[j] for j in c_free] for i in s_free])
    cue_s = np.array([_cue(source_words[i].text) for i in s_free])
    cue_c = np.array([_cue(citing_words[j].text) for j in c_free])
    # two reporting verbs in the same place are alike ("said" / "claimed")
    sim = np.where(in_place & cue_s[:, None] & cue_c[None, :], np.maximum(sim, CUE_SIMILARITY), sim)
    sim = np.where(in_place, sim + SAME_CHUNK_BONUS, np.where(sim < MOVED_SIMILARITY, -1.0, sim))
    n_s, n_c = max(len(source_words), 1), max(len(citing_words), 1)
    place = np.abs(np.array(s_free)[:, None] / n_s - np.array(c_free)[None, :] / n_c)
    return sim - DISTANCE_PENALTY * place


def _cosines(a: list[str], b: list[str]) -> np.ndarray:
    """Cosines of two lists of words in the shipped vectors (0 where one is unknown)."""
    vectors = embeddings.default_vectors()  # looked up here: None when not installed
    out = np.zeros((len(a), len(b)))
    if vectors is None:
        return out
    va = [vectors.vector(w) for w in a]
    vb = [vectors.vector(w) for w in b]
    rows = [k for k, v in enumerate(va) if v is not None]
    cols = [k for k, v in enumerate(vb) if v is not None]
    if rows and cols:
        sims = np.stack([va[k] for k in rows]) @ np.stack([vb[k] for k in cols]).T
        out[np.ix_(rows, cols)] = sims
    return out


def _pairable(word: object) -> bool:
    """A word paired by meaning: not a number (or number word), a hedge, a modal or a
    negation (those change certainty where they stand and stay with their neighbours)."""
    from .connotation import certainty_of

    folded = word.text.casefold().replace("’", "'")
    return not (
        word.text[:1].isdigit()
        or folded in _NUMBER_WORDS
        or folded in _NEGATIONS
        or certainty_of([folded]) is not None
    )


_NEGATIONS = frozenset("not no never nor n't none neither without".split())
# Number words are compared as numbers (exactly), never paired by meaning.
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen "
    "dozens percent".split()
)


def _base(word: object) -> str:
    return word.key.rstrip('"')


def _runs(indices: Sequence[int]) -> list[tuple[int, int]]:
    """Contiguous runs ``[a, b)`` of sorted indices."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _open(chunk: list[int], source_words: Sequence[object], citing_words: Sequence[object]) -> int:
    """2: a chunk the substitution step would not take as a word swap (content words on
    one side only, or a replacement that is lopsided or too long: a rewrite); 1: a
    replacement of :data:`OPEN_WORDS` content words or more (re-aligned when that
    splits it or pairs it with another chunk); 0: a small swap, left alone."""
    from .edits import content
    from .signals import MAX_SUBSTITUTION_WORDS
    from .substitutions import LOPSIDED_RATIO, LOPSIDED_WORDS

    n_s = len(content(source_words[chunk[0] : chunk[1]]))
    n_c = len(content(citing_words[chunk[2] : chunk[3]]))
    small, large = sorted((n_s, n_c))
    if (
        (small == 0 and large > 0)
        or large > MAX_SUBSTITUTION_WORDS
        or (large >= LOPSIDED_WORDS and LOPSIDED_RATIO * small <= large)
    ):
        return 2
    return int(large >= OPEN_WORDS)


def _same_word(a: object, b: object) -> bool:
    """One word moved: the same stem, a variant or (for names) a demonym."""
    from .signals import one_referent

    if _base(a) == _base(b) or are_variants(a.text, b.text):
        return True
    return a.text[:1].isupper() and b.text[:1].isupper() and one_referent(a.text, b.text)


def realign(
    chunks: list[list[int]],
    source_words: Sequence[object],
    citing_words: Sequence[object],
) -> list[list[int]]:
    """Chunks ``[i1, i2, j1, j2]`` of a word diff, with the open ones re-aligned (see the
    module docstring); returns the new chunks in order."""
    from .edits import is_function_word

    kinds = [_open(c, source_words, citing_words) for c in chunks]
    open_ = [k for k, kind in enumerate(kinds) if kind]
    if not open_:
        return chunks
    n_s, n_c = max(len(source_words), 1), max(len(citing_words), 1)
    s_chunk = {i: k for k in open_ for i in range(chunks[k][0], chunks[k][1])}
    c_chunk = {j: k for k in open_ for j in range(chunks[k][2], chunks[k][3])}

    def pooled(words: Sequence[object], chunk_of: dict[int, int]) -> list[int]:
        return [
            i
            for i in sorted(chunk_of)
            if not is_function_word(words[i]) and not words[i].text[:1].isdigit()
        ]

    s_pool, c_pool = pooled(source_words, s_chunk), pooled(citing_words, c_chunk)
    # 1. moved words are not paired; a moved word put in (or out of) quotes is a change
    moved_s, moved_c, quote_links = set(), set(), []
    same = sorted(
        (abs(i / n_s - j / n_c), i, j)
        for i in s_pool
        for j in c_pool
        if _same_word(source_words[i], citing_words[j])
    )
    for _, i, j in same:  # nearest first
        if i in moved_s or j in moved_c:
            continue
        moved_s.add(i)
        moved_c.add(j)
        if source_words[i].quoted != citing_words[j].quoted:
            quote_links.append((i, j))
    links = list(quote_links)
    s_free = [i for i in s_pool if i not in moved_s and _pairable(source_words[i])]
    c_free = [j for j in c_pool if j not in moved_c and _pairable(citing_words[j])]
    # 2. similar words, paired one to one
    if s_free and c_free:
        links += _competitive_links(
            _scores(source_words, citing_words, s_free, c_free, s_chunk, c_chunk), s_free, c_free
        )
    if not links:
        return chunks
    # 3. neighbouring links are one replacement; the other words of open chunks stay
    groups: list[list[int]] = []
    quoted = set(quote_links)
    for i, j in sorted(links):
        last = groups[-1] if groups else None
        if (
            last
            and (i, j) not in quoted  # a word put in quotes is a change of its own
            and (last[1] - 1, last[3] - 1) not in quoted
            and 0 < i - last[1] + 1 <= LINK_GAP
            and 0 < j - last[3] + 1 <= LINK_GAP
            and all(k in s_chunk for k in range(last[1], i))
            and all(k in c_chunk for k in range(last[3], j))
        ):
            last[1], last[3] = i + 1, j + 1
        else:
            groups.append([i, i + 1, j, j + 1])
    groups = _keep_whole(groups, kinds, s_chunk, c_chunk)
    touched = {s_chunk[i] for g in groups for i in range(g[0], g[1]) if i in s_chunk} | {
        c_chunk[j] for g in groups for j in range(g[2], g[3]) if j in c_chunk
    }
    out = [c for k, c in enumerate(chunks) if k not in touched]
    in_place = [
        g
        for g in groups
        if s_chunk.get(g[0]) is not None and s_chunk.get(g[0]) == c_chunk.get(g[2])
    ]
    for side, chunk_of, moved in ((0, s_chunk, moved_s), (2, c_chunk, moved_c)):
        words = source_words if side == 0 else citing_words
        used = {i for g in groups for i in range(g[side], g[side + 1])}
        for k in sorted(touched):
            a0, b0 = chunks[k][side], chunks[k][side + 1]
            for a, b in _runs([i for i in range(a0, b0) if i not in used and i not in moved]):
                group = _attachable(groups, side, a, b, chunk_of, k, words, in_place)
                if group is not None:
                    group[side], group[side + 1] = min(group[side], a), max(group[side + 1], b)
                elif side == 0:
                    out.append([a, b, chunks[k][2], chunks[k][2]])
                else:
                    out.append([chunks[k][0], chunks[k][0], a, b])
    out += groups
    return sorted(out, key=lambda c: (c[0], c[2]))


def _keep_whole(
    groups: list[list[int]], kinds: list[int], s_chunk: dict[int, int], c_chunk: dict[int, int]
) -> list[list[int]]:
    """Drop the replacements of a mid-sized chunk (kind 1) that re-alignment would not
    split or pair elsewhere: one replacement inside it stays the chunk it was."""

    def chunks_of(g: list[int]) -> set[int]:
        return {s_chunk[i] for i in range(g[0], g[1]) if i in s_chunk} | {
            c_chunk[j] for j in range(g[2], g[3]) if j in c_chunk
        }

    whole = set()
    for k in {k for g in groups for k in chunks_of(g)}:
        mine = [g for g in groups if k in chunks_of(g)]
        if kinds[k] == 1 and len(mine) == 1 and chunks_of(mine[0]) == {k}:
            whole.add(k)
    return [g for g in groups if not chunks_of(g) & whole]


def _attachable(
    groups: list[list[int]],
    side: int,
    a: int,
    b: int,
    chunk_of: dict[int, int],
    chunk: int,
    words: Sequence[object],
    in_place: list[list[int]],
) -> list[int] | None:
    """The replacement that an unlinked run ``[a, b)`` of one chunk touches on that side
    (its neighbour in the same chunk), when the run is short enough to belong to it."""
    from .edits import content

    if len(content(words[a:b])) > ATTACH_WORDS:
        return None
    for group in groups:
        lo, hi = group[side], group[side + 1]
        if (hi == a and chunk_of.get(hi - 1) == chunk) or (lo == b and chunk_of.get(lo) == chunk):
            return group if group in in_place else None
    return None


def _competitive_links(
    score: np.ndarray, s_free: list[int], c_free: list[int]
) -> list[tuple[int, int]]:
    """Best pair first, each word linked once (Melamed's competitive linking)."""
    links = []
    order = np.argsort(-score, axis=None, kind="stable")
    taken_s, taken_c = set(), set()
    for flat in order:
        a, b = divmod(int(flat), score.shape[1])
        if score[a, b] < LINK_THRESHOLD:
            break
        if a in taken_s or b in taken_c:
            continue
        taken_s.add(a)
        taken_c.add(b)
        links.append((s_free[a], c_free[b]))
    return links
