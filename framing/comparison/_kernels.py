"""Compiled inner loops of sentence alignment (numba when installed, plain Python otherwise).

The functions are written in the subset of Python that numba compiles. With
numba installed (``pip install "framing[fast]"``) they run as machine code;
without it the very same functions run as ordinary Python, which gives the
same numbers and is fast enough for a few article pairs, not for a corpus.
"""

from __future__ import annotations

import numpy as np

try:  # pragma: no cover - which branch runs depends on the environment
    from numba import njit

    COMPILED = True
except ImportError:  # pragma: no cover
    COMPILED = False

    def njit(*args, **kwargs):
        """Stand-in for ``numba.njit``: return the function unchanged."""
        if len(args) == 1 and callable(args[0]) and not kwargs:
            return args[0]
        return lambda function: function


def _compiled(function):
    """``njit`` with numba's on-disk cache, or without it where no cache folder is writable.

    A read-only install (a system site-packages, a non-root user) has no
    writable ``__pycache__``; numba then refuses ``cache=True`` at import.
    """
    try:
        return njit(cache=True, nogil=True)(function)
    except RuntimeError:  # "cannot cache function ...: no locator available"
        return njit(nogil=True)(function)


@_compiled
def pair_similarities(
    text_of_row: np.ndarray,
    pair_rows: np.ndarray,
    token_ptr: np.ndarray,
    token_stem: np.ndarray,
    token_word: np.ndarray,
    bigram_ptr: np.ndarray,
    bigram_features: np.ndarray,
    gram_ptr: np.ndarray,
    grams: np.ndarray,
    text_size: np.ndarray,
    n_word_features: int,
    n_features: int,
    out_offsets: np.ndarray,
) -> np.ndarray:
    """Similarity matrices of many pairs, flattened; TF-IDF fitted within each pair.

    Row ``r`` of the input is a sentence with distinct text ``text_of_row[r]``;
    pair ``k`` owns rows ``pair_rows[k, 0]`` onwards: ``pair_rows[k, 1]``
    source sentences, then ``pair_rows[k, 2]`` citing sentences. Its
    (source x citing) matrix is stored row-major from ``out_offsets[k]``.
    The feature arrays are those of
    :class:`~framing.comparison.vectors.SentenceFeatures`.
    Weights are sublinear TF times smooth IDF over the pair's sentences, each
    view L2-normalised per sentence; similarity is the mean cosine of the two
    views, clipped to [0, 1].
    """
    out = np.zeros(out_offsets[-1], dtype=np.float64)
    count = np.zeros(n_features, dtype=np.int32)
    df = np.zeros(n_features, dtype=np.int32)
    local = np.full(n_features, -1, dtype=np.int64)
    for k in range(pair_rows.shape[0]):
        first, n, m = pair_rows[k, 0], pair_rows[k, 1], pair_rows[k, 2]
        if n == 0 or m == 0:
            continue
        rows = n + m
        size = 0
        for r in range(rows):
            size += text_size[text_of_row[first + r]]
        row_ptr = np.zeros(rows + 1, dtype=np.int64)
        feat = np.empty(size, dtype=np.int64)
        weight = np.empty(size, dtype=np.float64)
        # distinct features of each row, with term counts; document frequencies.
        # The three streams repeat the same four counting lines on purpose: a
        # helper function cost 30% of the benchmark (cached numba functions are
        # not inlined into each other).
        used = 0
        for r in range(rows):
            t = text_of_row[first + r]
            start = used
            for e in range(token_ptr[t], token_ptr[t + 1]):
                f = token_stem[e]
                if count[f] == 0:
                    feat[used] = f
                    used += 1
                count[f] += 1
            for e in range(bigram_ptr[t], bigram_ptr[t + 1]):
                f = bigram_features[e]
                if count[f] == 0:
                    feat[used] = f
                    used += 1
                count[f] += 1
            for e in range(token_ptr[t], token_ptr[t + 1]):
                w = token_word[e]
                for g in range(gram_ptr[w], gram_ptr[w + 1]):
                    f = grams[g]
                    if count[f] == 0:
                        feat[used] = f
                        used += 1
                    count[f] += 1
            for q in range(start, used):
                f = feat[q]
                weight[q] = 1.0 + np.log(count[f])
                count[f] = 0
                df[f] += 1
            row_ptr[r + 1] = used
        # TF-IDF weights, each view normalised per row
        for r in range(rows):
            word_norm = 0.0
            char_norm = 0.0
            for q in range(row_ptr[r], row_ptr[r + 1]):
                f = feat[q]
                w = weight[q] * (np.log((1.0 + rows) / (1.0 + df[f])) + 1.0)
                weight[q] = w
                if f < n_word_features:
                    word_norm += w * w
                else:
                    char_norm += w * w
            word_norm = np.sqrt(word_norm)
            char_norm = np.sqrt(char_norm)
            for q in range(row_ptr[r], row_ptr[r + 1]):
                norm = word_norm if feat[q] < n_word_features else char_norm
                weight[q] = weight[q] / norm if norm > 0 else 0.0
        # inverted lists of the citing rows' features
        n_local = 0
        for q in range(row_ptr[n], row_ptr[rows]):
            f = feat[q]
            if local[f] < 0:
                local[f] = n_local
                n_local += 1
        list_ptr = np.zeros(n_local + 1, dtype=np.int64)
        for q in range(row_ptr[n], row_ptr[rows]):
            list_ptr[local[feat[q]] + 1] += 1
        for i in range(n_local):
            list_ptr[i + 1] += list_ptr[i]
        fill = list_ptr[:-1].copy()
        list_row = np.empty(list_ptr[-1], dtype=np.int64)
        list_weight = np.empty(list_ptr[-1], dtype=np.float64)
        for r in range(n, rows):
            for q in range(row_ptr[r], row_ptr[r + 1]):
                slot = fill[local[feat[q]]]
                list_row[slot] = r - n
                list_weight[slot] = weight[q]
                fill[local[feat[q]]] += 1
        base = out_offsets[k]
        for i in range(n):
            for q in range(row_ptr[i], row_ptr[i + 1]):
                li = local[feat[q]]
                if li < 0:
                    continue
                w = weight[q]
                for p in range(list_ptr[li], list_ptr[li + 1]):
                    out[base + i * m + list_row[p]] += w * list_weight[p]
        for c in range(base, base + n * m):
            value = out[c] / 2.0
            out[c] = 0.0 if value < 0.0 else (1.0 if value > 1.0 else value)
        for q in range(used):
            df[feat[q]] = 0
            local[feat[q]] = -1
    return out


@_compiled
def link_sentences(
    similarity: np.ndarray,
    offsets: np.ndarray,
    shapes: np.ndarray,
    threshold: float,
    merge_threshold: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Alignment links of many pairs: (pair, source index, citing index, similarity).

    Each citing sentence links to its most similar source sentence when that
    reaches ``threshold`` (ties go to the earlier sentence). The second and
    third most similar source sentences join it (a merge) when they reach
    ``merge_threshold`` and no other citing sentence covers them better.
    Links come out by pair, then citing sentence, best link first.
    """
    total = 0
    for k in range(shapes.shape[0]):
        total += 3 * shapes[k, 1]
    link_pair = np.empty(total, dtype=np.int64)
    link_source = np.empty(total, dtype=np.int64)
    link_citing = np.empty(total, dtype=np.int64)
    link_similarity = np.empty(total, dtype=np.float64)
    used = 0
    for k in range(shapes.shape[0]):
        n, m, base = shapes[k, 0], shapes[k, 1], offsets[k]
        if n == 0 or m == 0:
            continue
        row_max = np.full(n, -1.0)
        for i in range(n):
            for j in range(m):
                value = similarity[base + i * m + j]
                if value > row_max[i]:
                    row_max[i] = value
        for j in range(m):
            top = np.full(3, -1, dtype=np.int64)
            for i in range(n):  # the three best, earlier sentence first on ties
                value = similarity[base + i * m + j]
                for slot in range(3):
                    if top[slot] < 0 or value > similarity[base + top[slot] * m + j]:
                        for move in range(2, slot, -1):
                            top[move] = top[move - 1]
                        top[slot] = i
                        break
            best_value = similarity[base + top[0] * m + j]
            if best_value < threshold:
                continue
            link_pair[used] = k
            link_source[used] = top[0]
            link_citing[used] = j
            link_similarity[used] = best_value
            used += 1
            for slot in range(1, 3):
                other = top[slot]
                if other < 0:
                    continue
                value = similarity[base + other * m + j]
                if value >= merge_threshold and value >= row_max[other] - 1e-9:
                    link_pair[used] = k
                    link_source[used] = other
                    link_citing[used] = j
                    link_similarity[used] = value
                    used += 1
    return (
        link_pair[:used],
        link_source[:used],
        link_citing[:used],
        link_similarity[:used],
    )


@_compiled
def moved_flags(link_pair: np.ndarray, link_source: np.ndarray, link_citing: np.ndarray):
    """Flag links that are not on every longest order-keeping chain of their pair.

    Links must be grouped by pair and, within a pair, sorted by citing then
    source index (as :func:`link_sentences` returns them, merges sorted).
    """
    moved = np.zeros(link_pair.shape[0], dtype=np.bool_)
    start = 0
    while start < link_pair.shape[0]:
        stop = start
        while stop < link_pair.shape[0] and link_pair[stop] == link_pair[start]:
            stop += 1
        n = stop - start
        if n >= 2:
            ending = np.ones(n, dtype=np.int64)
            for a in range(n):
                for b in range(a):
                    if link_source[start + b] <= link_source[start + a] and (
                        ending[b] + 1 > ending[a]
                    ):
                        ending[a] = ending[b] + 1
            starting = np.ones(n, dtype=np.int64)
            for a in range(n - 1, -1, -1):
                for b in range(a + 1, n):
                    if link_source[start + b] >= link_source[start + a] and (
                        starting[b] + 1 > starting[a]
                    ):
                        starting[a] = starting[b] + 1
            longest = 0
            for a in range(n):
                if ending[a] > longest:
                    longest = ending[a]
            level = np.zeros(longest + 1, dtype=np.int64)
            for a in range(n):
                if ending[a] + starting[a] - 1 == longest:
                    level[ending[a]] += 1
            for a in range(n):
                on_every = ending[a] + starting[a] - 1 == longest and level[ending[a]] == 1
                moved[start + a] = not on_every
        start = stop
    return moved
