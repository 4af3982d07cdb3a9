"""Candidate search of citation matching: each citing article's best sources in its window.

:func:`search` ranks, for each citing article and each outlet it credits,
that outlet's articles published inside the date window by TF-IDF cosine.
With numba installed the compiled loop of
:func:`framing.corpus._citation_kernels.best_in_windows` scores exactly the
pairs inside each window from an inverted index of the sources. Otherwise
(and for ``require_credit=False``, whose candidates are every other outlet)
citing articles of one outlet, sorted by date, are cut into blocks that
share a range of candidate dates, each block one sparse matrix product.
Both rank equal scores by the lower source row and give the same table.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

__all__ = ["BLOCK_ROWS", "BLOCK_SLACK_PAIRS", "Context", "search"]

# Citing rows multiplied with their candidate sources at once (bounds memory).
BLOCK_ROWS = 1_000
# Citing rows of one credited outlet, sorted by date, share a block (and one range of
# candidate dates) while the pairs it scores stay within twice those its rows need plus
# this many, about what starting another block costs.
BLOCK_SLACK_PAIRS = 4_096
# Candidates ranked by repeated arg-max (ties: the first source) up to this many, by a
# stable sort beyond.
ARGMAX_RANKS = 8
_EMPTY = (
    np.zeros(0, dtype=np.int64),
    np.zeros(0, dtype=np.int64),
    np.zeros(0, dtype=np.int64),
    np.zeros(0),
    np.zeros(0),
    np.zeros(0, dtype=bool),
)


def search(
    blocks: dict[str, list[int]],
    ctx: Context,
    before: float,
    after: float,
    top: int,
    min_similarity: float,
    compiled: bool | None = None,
) -> list[tuple[np.ndarray, ...]]:
    """Best ``top`` candidates of the citing rows of each credited outlet (``"*"``: any other).

    Returns parts of the match table: arrays of citing row, source row,
    rank, similarity, margin to the next candidate, and whether the source's
    outlet is credited. ``compiled`` picks the compiled loop (default: when
    numba is there) or the block-wise products.
    """
    kernel = _compiled_kernel() if compiled in (None, True) else None
    if compiled and kernel is None:
        raise RuntimeError("numba is not installed (or its JIT is disabled)")
    parts: list[tuple[np.ndarray, ...]] = []
    credited = {k: v for k, v in blocks.items() if k != "*"}
    if kernel is not None and credited:
        parts.append(_search_windows(credited, ctx, before, after, top, min_similarity, kernel))
    else:
        by_outlet = _by_outlet(ctx.s_keys)
        for key, rows in credited.items():
            pool = by_outlet.get(key)
            if pool is not None:
                parts += _search(
                    np.asarray(rows), pool, ctx, before, after, top, min_similarity, True
                )
    if "*" in blocks:
        everything = np.arange(len(ctx.s_keys))
        rows = np.asarray(blocks["*"])
        parts += _search(rows, everything, ctx, before, after, top, min_similarity, False)
    return parts


def _compiled_kernel() -> Any:
    try:
        from . import _citation_kernels
    except ImportError:  # pragma: no cover - numba not installed
        return None
    kernel = _citation_kernels.best_in_windows
    return kernel if hasattr(kernel, "py_func") else None


def _by_outlet(s_keys: np.ndarray) -> dict[str, np.ndarray]:
    codes, outlets = pd.factorize(s_keys)
    by_code = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[by_code], np.arange(len(outlets) + 1))
    return {k: by_code[bounds[i] : bounds[i + 1]] for i, k in enumerate(outlets)}


def _search_windows(
    blocks: dict[str, list[int]],
    ctx: Context,
    before: float,
    after: float,
    top: int,
    min_similarity: float,
    kernel: Any,
) -> tuple[np.ndarray, ...]:
    """All credited outlets at once with the compiled loop over an inverted index."""
    codes, outlets = pd.factorize(ctx.s_keys)
    n = len(codes)
    # number the sources by (outlet, date, row), the undated last in each outlet
    order = np.lexsort((np.arange(n), np.nan_to_num(ctx.s_days, nan=np.inf), codes))
    number_days = ctx.s_days[order]
    first = np.searchsorted(codes[order], np.arange(len(outlets) + 1))
    dated = np.concatenate([[0], np.cumsum(np.isfinite(number_days))])
    undated_from = first[:-1] + (dated[first[1:]] - dated[first[:-1]])
    code_of = {k: i for i, k in enumerate(outlets)}
    q_rows, q_runs, q_outlets = [], [], []
    for key, rows in blocks.items():
        o = code_of.get(key)
        if o is None:
            continue
        rows = np.asarray(rows, dtype=np.int64)
        days = ctx.c_days[rows]
        lo, mid, end = first[o], undated_from[o], first[o + 1]
        runs = np.empty((len(rows), 4), dtype=np.int64)
        runs[:, 0] = lo + np.searchsorted(number_days[lo:mid], days - before, "left")
        runs[:, 1] = lo + np.searchsorted(number_days[lo:mid], days + after, "right")
        undated_row = ~np.isfinite(days)  # any date: the whole outlet
        runs[undated_row, 0], runs[undated_row, 1] = lo, mid
        runs[:, 2], runs[:, 3] = mid, end
        q_rows.append(rows)
        q_runs.append(runs)
        q_outlets.append(np.full(len(rows), o, dtype=np.int64))
    if not q_rows:
        return _EMPTY
    q_row, runs, q_outlet = (np.concatenate(x) for x in (q_rows, q_runs, q_outlets))
    by_window = np.lexsort((runs[:, 0], q_outlet))  # each outlet's windows in order
    q_row, runs, q_outlet = q_row[by_window], runs[by_window], q_outlet[by_window]
    # sums in the type and the order a sparse product uses: the citing row's stored order
    dtype = np.result_type(ctx.c_vec.dtype, ctx.s_vec.dtype, np.float32)
    c_vec = sp.csr_matrix(ctx.c_vec, dtype=dtype)
    by_number = sp.csr_matrix(ctx.s_vec[order], dtype=dtype)  # the sources in number order
    best_source, best_score = kernel(
        q_row,
        runs,
        q_outlet,
        c_vec.indptr.astype(np.int64),
        c_vec.indices.astype(np.int64),
        c_vec.data,
        by_number.indptr.astype(np.int64),
        by_number.indices.astype(np.int64),
        by_number.data,
        first.astype(np.int64),
        int(c_vec.shape[1]),
        order.astype(np.int64),
        number_days,
        ctx.c_days,
        float(before),
        float(after),
        bool(ctx.same),
        top + 1,
    )
    scores_top = best_score[:, :top]
    keep = (best_source[:, :top] >= 0) & (scores_top >= min_similarity)
    keep &= np.cumprod(keep, axis=1).astype(bool)  # a rank below the threshold ends the list
    rows_i, ranks_i = np.nonzero(keep)
    score = scores_top[rows_i, ranks_i].astype(float)
    following = best_score[rows_i, ranks_i + 1].astype(float)
    margin = score - np.maximum(following, 0.0)
    named = np.ones(len(rows_i), dtype=bool)
    return q_row[rows_i], best_source[rows_i, ranks_i], ranks_i + 1, score, margin, named


class Context(NamedTuple):
    """What every block of a search reads."""

    c_vec: sp.csr_matrix
    s_vec: sp.csr_matrix
    c_days: np.ndarray
    s_days: np.ndarray
    c_keys: np.ndarray
    s_keys: np.ndarray
    credits: list[set[str]]
    same: bool


def _search(
    rows: np.ndarray,
    pool: np.ndarray,
    ctx: Context,
    before: float,
    after: float,
    top: int,
    min_similarity: float,
    credited: bool,
) -> list[tuple[np.ndarray, ...]]:
    """Top candidates of ``rows`` among ``pool``, block by block within the date window.

    Dated citing rows, sorted by date, are cut into blocks whose candidates
    are the dated sources from the first row's window start to the last
    row's window end, plus the undated sources; a block ends where it would
    score more than twice the pairs its rows need (plus
    ``BLOCK_SLACK_PAIRS``). Undated citing rows take the whole pool.
    """
    days = ctx.c_days[rows]
    order = np.argsort(np.nan_to_num(days, nan=np.inf), kind="stable")
    rows, days = rows[order], days[order]
    n_dated = int(np.isfinite(days).sum())  # the undated sort last
    pool_days = ctx.s_days[pool]
    dated = pool[np.isfinite(pool_days)]
    dated = dated[np.argsort(ctx.s_days[dated], kind="stable")]
    undated = pool[~np.isfinite(pool_days)]
    lo = np.searchsorted(ctx.s_days[dated], days[:n_dated] - before, "left")
    hi = np.searchsorted(ctx.s_days[dated], days[:n_dated] + after, "right")
    out = []
    for start, end in _blocks(lo, hi, len(undated)):
        candidates = np.sort(np.concatenate([dated[lo[start] : hi[end - 1]], undated]))
        out.append(
            _score(rows[start:end], candidates, ctx, before, after, top, min_similarity, credited)
        )
    everything = np.sort(pool)
    for start in range(n_dated, len(rows), BLOCK_ROWS):
        block = rows[start : start + BLOCK_ROWS]
        out.append(_score(block, everything, ctx, before, after, top, min_similarity, credited))
    return [part for part in out if part is not None]


def _blocks(lo: np.ndarray, hi: np.ndarray, n_undated: int) -> list[tuple[int, int]]:
    """Cut date-sorted rows (candidate ranges ``lo[i]:hi[i]``) into blocks ``start:end``."""
    lo_list, hi_list = lo.tolist(), hi.tolist()
    need = [h - low + n_undated for low, h in zip(lo_list, hi_list, strict=True)]
    out = []
    start, n = 0, len(lo_list)
    while start < n:
        end, needed = start + 1, need[start]
        while end < n and end - start < BLOCK_ROWS:
            pairs = (end + 1 - start) * (hi_list[end] - lo_list[start] + n_undated)
            if pairs > 2 * (needed + need[end]) + BLOCK_SLACK_PAIRS:
                break
            needed += need[end]
            end += 1
        out.append((start, end))
        start = end
    return out


def _score(
    block: np.ndarray,
    candidates: np.ndarray,
    ctx: Context,
    before: float,
    after: float,
    top: int,
    min_similarity: float,
    credited: bool,
) -> tuple[np.ndarray, ...] | None:
    """Cosine of a block of citing rows with its candidates (ascending), best ``top`` kept.

    Candidates outside a row's date window, the row itself (one table) and,
    searching every outlet, the row's own outlet score -1. Among equal
    scores the first candidate (lowest source row) ranks first, as an
    arg-max over all sources would pick it.
    """
    if not len(candidates):
        return None
    scores = (ctx.c_vec[block] @ ctx.s_vec[candidates].T).toarray()
    gap = ctx.c_days[block][:, None] - ctx.s_days[candidates][None, :]
    scores[(gap > before) | (gap < -after)] = -1.0
    if ctx.same:
        scores[block[:, None] == candidates[None, :]] = -1.0
    if not credited:  # every other outlet: not the citing article's own
        scores[ctx.c_keys[block][:, None] == ctx.s_keys[candidates][None, :]] = -1.0
    k = min(top + 1, scores.shape[1])
    best, best_scores = _best(scores, k)
    ranks = min(top, k)
    following = np.concatenate([best_scores[:, 1:], np.zeros((len(block), 1))], axis=1)
    scores_top = best_scores[:, :ranks]
    keep = scores_top >= min_similarity
    keep &= np.cumprod(keep, axis=1).astype(bool)  # a rank below the threshold ends the list
    rows_i, ranks_i = np.nonzero(keep)
    score = scores_top[rows_i, ranks_i].astype(float)
    source = candidates[best[rows_i, ranks_i]]
    row = block[rows_i]
    if credited:
        named = np.ones(len(row), dtype=bool)
    else:
        named = np.array(
            [
                ctx.s_keys[s] in ctx.credits[r]
                for r, s in zip(row.tolist(), source.tolist(), strict=True)
            ],
            dtype=bool,
        )
    margin = score - np.maximum(following[rows_i, ranks_i].astype(float), 0.0)
    return row, source, ranks_i + 1, score, margin, named


def _best(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Column and value of each row's ``k`` highest scores, best first (ties: first column)."""
    if k > ARGMAX_RANKS:
        best = np.argsort(-scores, axis=1, kind="stable")[:, :k]
        return best, np.take_along_axis(scores, best, axis=1)
    rows = np.arange(scores.shape[0])
    best = np.empty((scores.shape[0], k), dtype=np.int64)
    values = np.empty((scores.shape[0], k), dtype=scores.dtype)
    for rank in range(k):
        column = scores.argmax(axis=1)
        best[:, rank], values[:, rank] = column, scores[rows, column]
        scores[rows, column] = -np.inf
    return best, values
