"""Compiled loops of citation matching (numba when installed).

:func:`scan_names` finds outlet names in UTF-8 text; :func:`best_in_windows`
ranks each citing article's candidate sources inside its date window.

Names: one pass of a deterministic automaton (Aho-Corasick with every transition
filled in) over the bytes of all texts; a name found counts when the
characters on both sides of it are not letters or digits (``str.isalnum``),
the whole-word rule of :func:`framing.corpus.credits.credited_outlets`.
UTF-8 keeps this exact: a name's bytes start with a lead byte, so a byte
match starts and ends on character boundaries.

Candidates: sources are numbered by (outlet, date, row), undated last in each
outlet, so the dated sources of one outlet inside a date window are one run
of numbers, and its undated sources another. For one outlet at a time, an
inverted index of its articles (term -> numbers, ascending; small enough to
stay in cache) gives each citing article's cosine with every source of its
two runs from the terms they share, accumulated term by term in the order of
the citing row, as a sparse matrix product adds them; the work grows with
the pairs inside the windows, never with all pairs.

Without numba these functions are plain Python, far too slow for a corpus;
:mod:`framing.corpus.credits` and :mod:`framing.corpus.citation_search` then
use pyahocorasick and block-wise sparse products instead.
"""

from __future__ import annotations

import numpy as np

from ..comparison._kernels import _compiled


@_compiled
def _code_point(data: np.ndarray, i: int) -> int:
    """The code point whose UTF-8 sequence starts at byte ``i``."""
    lead = np.int64(data[i])
    if lead < 0x80:
        return lead
    second = np.int64(data[i + 1]) & 0x3F
    if lead < 0xE0:
        return ((lead & 0x1F) << 6) | second
    third = np.int64(data[i + 2]) & 0x3F
    if lead < 0xF0:
        return ((lead & 0x0F) << 12) | (second << 6) | third
    return ((lead & 0x07) << 18) | (second << 12) | (third << 6) | (np.int64(data[i + 3]) & 0x3F)


@_compiled
def scan_names(
    data: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    moves: np.ndarray,
    first_named: int,
    out_ptr: np.ndarray,
    out_name: np.ndarray,
    name_bytes: np.ndarray,
    name_key: np.ndarray,
    n_keys: int,
    alnum: np.ndarray,
    capacity: int,
) -> tuple[np.ndarray, np.ndarray, int]:
    """(text, key) of every outlet named as a whole word, once per text.

    Text ``t`` is ``data[starts[t]:ends[t]]``. The automaton moves by
    ``moves[state, byte]``; names end only in states from ``first_named``
    on, those ending in ``state`` being
    ``out_name[out_ptr[state]:out_ptr[state + 1]]``. Returns the texts and
    keys found and their number, or -1 when more than ``capacity`` were
    found (call again with more room).
    """
    texts = np.empty(capacity, dtype=np.int64)
    keys = np.empty(capacity, dtype=np.int64)
    seen = np.full(n_keys, -1, dtype=np.int64)  # the last text each key was found in
    n = 0
    for t in range(len(starts)):
        lo, hi = starts[t], ends[t]
        state = 0
        for i in range(lo, hi):
            state = moves[state, data[i]]
            if state < first_named:
                continue
            for o in range(out_ptr[state], out_ptr[state + 1]):
                name = out_name[o]
                key = name_key[name]
                if seen[key] == t:
                    continue
                first = i + 1 - name_bytes[name]
                if first > lo:
                    j = first - 1
                    while j > lo and (data[j] & 0xC0) == 0x80:
                        j -= 1
                    if alnum[_code_point(data, j)]:
                        continue
                if i + 1 < hi and alnum[_code_point(data, i + 1)]:
                    continue
                if n == capacity:
                    return texts, keys, -1
                seen[key] = t
                texts[n], keys[n] = t, key
                n += 1
    return texts, keys, n


@_compiled
def best_in_windows(
    q_row: np.ndarray,
    q_runs: np.ndarray,
    q_outlet: np.ndarray,
    c_indptr: np.ndarray,
    c_indices: np.ndarray,
    c_data: np.ndarray,
    s_indptr: np.ndarray,
    s_indices: np.ndarray,
    s_data: np.ndarray,
    outlet_first: np.ndarray,
    n_terms: int,
    source_of: np.ndarray,
    number_days: np.ndarray,
    c_days: np.ndarray,
    before: float,
    after: float,
    same: bool,
    k: int,
) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` best candidates of each query: source rows and cosines, best first.

    Query ``q`` is citing row ``q_row[q]`` (of the CSR ``c_*``) against the
    source numbers ``q_runs[q, 0]:q_runs[q, 1]`` (dated) and
    ``q_runs[q, 2]:q_runs[q, 3]`` (undated) of outlet ``q_outlet[q]``, whose
    numbers are ``outlet_first[o]:outlet_first[o + 1]``; queries come by
    outlet, each outlet's by ascending ``q_runs[q, 0]``, its undated run the
    same for all. ``s_*`` is the CSR of the sources in number order and
    ``source_of`` maps numbers to source rows. A source outside the row's
    date window, or the row itself when ``same``, scores -1. Equal scores
    rank the lower source row first. Missing ranks are source -1, score -1.
    """
    n = len(q_row)
    best_source = np.full((n, k), -1, dtype=np.int64)
    best_score = np.full((n, k), -1.0, dtype=c_data.dtype)  # sums in the vectors' type
    width, most = 0, 0
    for q in range(n):
        width = max(width, q_runs[q, 1] - q_runs[q, 0] + q_runs[q, 3] - q_runs[q, 2])
    for o in range(len(outlet_first) - 1):
        most = max(most, s_indptr[outlet_first[o + 1]] - s_indptr[outlet_first[o]])
    acc = np.zeros(width, dtype=c_data.dtype)
    masked = np.full(1, -1.0, dtype=c_data.dtype)[0]  # the score of a source left out
    local = np.full(n_terms, -1, dtype=np.int32)  # term -> its place in the outlet's index
    terms = np.empty(most, dtype=np.int64)  # the outlet's terms, by place
    ptr = np.empty(most + 1, dtype=np.int64)
    number = np.empty(most, dtype=np.int64)
    weight = np.empty(most, dtype=s_data.dtype)
    dated_at = np.empty(most, dtype=np.int64)  # only moves forward: windows come in order
    undated_at = np.empty(most, dtype=np.int64)
    q = 0
    while q < n:
        outlet = q_outlet[q]
        first, last = outlet_first[outlet], outlet_first[outlet + 1]
        u = q_runs[q, 2]
        # the outlet's inverted index: count, place, fill (numbers ascend)
        n_local = 0
        for e in range(s_indptr[first], s_indptr[last]):
            term = s_indices[e]
            if local[term] < 0:
                local[term] = n_local
                terms[n_local] = term
                ptr[n_local + 1] = 0
                n_local += 1
            ptr[local[term] + 1] += 1
        ptr[0] = 0
        for t in range(n_local):
            ptr[t + 1] += ptr[t]
            dated_at[t] = ptr[t]
            undated_at[t] = ptr[t + 1]
        for src in range(first, last):
            for e in range(s_indptr[src], s_indptr[src + 1]):
                t = local[s_indices[e]]
                place = dated_at[t]
                number[place], weight[place] = src, s_data[e]
                if src >= u and undated_at[t] == ptr[t + 1]:
                    undated_at[t] = place
                dated_at[t] = place + 1
        for t in range(n_local):
            dated_at[t] = ptr[t]
        while q < n and q_outlet[q] == outlet:
            _score_query(
                q,
                q_row[q],
                q_runs,
                c_indptr,
                c_indices,
                c_data,
                local,
                ptr,
                number,
                weight,
                dated_at,
                undated_at,
                acc,
                source_of,
                number_days,
                c_days,
                before,
                after,
                same,
                masked,
                best_source,
                best_score,
            )
            q += 1
        for t in range(n_local):
            local[terms[t]] = -1
    return best_source, best_score


@_compiled
def _score_query(
    q: int,
    row: int,
    q_runs: np.ndarray,
    c_indptr: np.ndarray,
    c_indices: np.ndarray,
    c_data: np.ndarray,
    local: np.ndarray,
    ptr: np.ndarray,
    number: np.ndarray,
    weight: np.ndarray,
    dated_at: np.ndarray,
    undated_at: np.ndarray,
    acc: np.ndarray,
    source_of: np.ndarray,
    number_days: np.ndarray,
    c_days: np.ndarray,
    before: float,
    after: float,
    same: bool,
    masked: float,
    best_source: np.ndarray,
    best_score: np.ndarray,
) -> None:
    """Cosines of one citing row with its runs, then its best candidates in place."""
    a, b, u, v = q_runs[q, 0], q_runs[q, 1], q_runs[q, 2], q_runs[q, 3]
    first_width = b - a
    m = first_width + v - u
    acc[:m] = 0.0
    for e in range(c_indptr[row], c_indptr[row + 1]):
        t = local[c_indices[e]]
        if t < 0:  # no article of the outlet has the term
            continue
        end = ptr[t + 1]
        p = dated_at[t]
        while p < end and number[p] < a:
            p += 1
        dated_at[t] = p
        w = c_data[e]
        while p < end and number[p] < b:
            acc[number[p] - a] += w * weight[p]
            p += 1
        for p in range(undated_at[t], end):
            acc[first_width + number[p] - u] += w * weight[p]
    k = best_source.shape[1]
    day = c_days[row]
    for c in range(m):
        at = a + c if c < first_width else u + c - first_width
        source = source_of[at]
        score = acc[c]
        gap = day - number_days[at]
        if gap > before or gap < -after or (same and source == row):
            score = masked
        # insert (score desc, source asc) into the row's k best
        slot = k
        while slot > 0 and (
            best_source[q, slot - 1] < 0
            or score > best_score[q, slot - 1]
            or (score == best_score[q, slot - 1] and source < best_source[q, slot - 1])
        ):
            slot -= 1
        if slot < k:
            for move in range(k - 1, slot, -1):
                best_score[q, move] = best_score[q, move - 1]
                best_source[q, move] = best_source[q, move - 1]
            best_score[q, slot] = score
            best_source[q, slot] = source
