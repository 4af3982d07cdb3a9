"""Train the compare stage's small word vectors (PPMI + truncated SVD) on the AllSides corpus.

Word similarity beyond shared stems ("casualties" ~ "fatalities", "war" ~
"conflict", "said" ~ "claimed") lets the compare stage pair a replaced word
with its counterpart inside aligned sentences (:mod:`framing.comparison.phrases`).
The vectors are the classic count-based ones of Levy, Goldberg & Dagan
(2015): co-occurrence counts in a window of :data:`WINDOW` words either
side (weighted 1/distance), positive pointwise mutual information with
context-distribution smoothing (alpha 0.75), a truncated SVD
(scikit-learn's randomized solver) with the singular values weighted by
their square root, rows scaled to unit length. The shipped file holds the
:data:`SHIPPED` most frequent words of the corpus with :data:`DIMENSIONS`
float16 numbers each, and nothing else: no text can be recovered from it.

Corpus: ``../shared/datasets/allsides/articles.jsonl.gz`` (Baly et al.,
EMNLP 2020; 37,554 articles of 491 outlets; the articles belong to their
outlets, research use; repository Apache-2.0). Read in place, never copied.

Run from the repository root (about five minutes on two cores)::

    python benchmarks/train_word_vectors.py
    python benchmarks/train_word_vectors.py --dry-run   # neighbours only, writes nothing
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD

CORPUS = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "datasets"
    / "allsides"
    / "articles.jsonl.gz"
)
OUT = Path(__file__).resolve().parents[1] / "framing" / "resources" / "models" / "word_vectors.npz"
# Words counted as contexts and trained (most frequent first); the file keeps SHIPPED of them.
VOCABULARY = 40_000
SHIPPED = 30_000
DIMENSIONS = 100
WINDOW = 5
ALPHA = 0.75
MIN_LETTERS = 2
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
PROBES = ("war", "casualties", "said", "militant", "troops", "massacre", "sharp", "deported")


def tokens(text: str) -> list[str]:
    """Lower-case words (curly apostrophes straightened, possessive 's dropped)."""
    words = _WORD.findall(text.casefold().replace("’", "'"))
    return [w.removesuffix("'s") for w in words if len(w) >= MIN_LETTERS]


def read_corpus(path: Path) -> list[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [tokens(json.loads(line).get("text") or "") for line in handle]


def cooccurrences(articles: list[list[str]], index: dict[str, int]) -> sparse.csr_matrix:
    """Symmetric window counts (1/distance), never across two articles."""
    size = len(index)
    total = sparse.csr_matrix((size, size), dtype=np.float64)
    batch: list[np.ndarray] = []
    pad = np.full(WINDOW, -1, dtype=np.int64)

    def flush() -> sparse.csr_matrix:
        ids = np.concatenate(batch)
        part = sparse.csr_matrix((size, size), dtype=np.float64)
        for d in range(1, WINDOW + 1):
            a, b = ids[:-d], ids[d:]
            keep = (a >= 0) & (b >= 0)
            weight = np.full(int(keep.sum()), 1.0 / d)
            part = (
                part + sparse.coo_matrix((weight, (a[keep], b[keep])), shape=(size, size)).tocsr()
            )
        return part

    n = 0
    for words in articles:
        batch.append(np.array([index.get(w, -1) for w in words], dtype=np.int64))
        batch.append(pad)
        n += len(words)
        if n > 3_000_000:
            total = total + flush()
            batch, n = [], 0
    if batch:
        total = total + flush()
    return total + total.T


def ppmi(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    counts = counts.tocoo()
    rows = np.asarray(counts.sum(axis=1)).ravel()
    cols = np.asarray(counts.sum(axis=0)).ravel() ** ALPHA
    # log p(w, c) / (p(w) p_alpha(c)) = log n(w, c) sum_c n(c)^alpha / (n(w) n(c)^alpha)
    pmi = np.log(counts.data * cols.sum() / (rows[counts.row] * cols[counts.col]))
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (counts.row[keep], counts.col[keep])), shape=counts.shape)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    parser.add_argument("--dry-run", action="store_true", help="print neighbours, write nothing")
    args = parser.parse_args()
    t0 = time.perf_counter()
    articles = read_corpus(args.corpus)
    frequency = Counter(w for words in articles for w in words)
    vocabulary = [w for w, _ in frequency.most_common(VOCABULARY)]
    index = {w: i for i, w in enumerate(vocabulary)}
    print(
        f"{len(articles)} articles, {sum(frequency.values())} words, "
        f"{len(frequency)} distinct ({time.perf_counter() - t0:.0f} s)"
    )
    matrix = ppmi(cooccurrences(articles, index))
    print(f"PPMI {matrix.shape}, {matrix.nnz} non-zero ({time.perf_counter() - t0:.0f} s)")
    svd = TruncatedSVD(n_components=DIMENSIONS, n_iter=7, random_state=0)
    u = svd.fit_transform(matrix)  # = U * S
    s = svd.singular_values_
    vectors = u / np.sqrt(s)  # U * S^0.5
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    print(f"SVD done ({time.perf_counter() - t0:.0f} s)")
    for probe in PROBES:
        if probe in index:
            sims = vectors @ vectors[index[probe]]
            best = [vocabulary[i] for i in np.argsort(-sims)[1:9]]
            print(f"  {probe}: {', '.join(best)}")
    if args.dry_run:
        return
    shipped = vectors[:SHIPPED].astype(np.float16)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "wb") as handle:
        np.savez_compressed(
            handle,
            words=np.array("\n".join(vocabulary[:SHIPPED])),
            vectors=shipped,
        )
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
