"""Alignment speed: 1,000 pairs of 40-sentence articles, framing vs all-pairs difflib.

Builds N article pairs (default 1,000) from real news sentences (the PTC
articles in ../shared/datasets when present, else the shipped seed): each
source has 40 sentences; its citing article keeps ~75% of them (a third of
those reworded: words dropped, swapped for loaded synonyms or shuffled),
moves some, and adds ~6 sentences of its own. Both aligners see the same
sentence lists and are timed in this one run:

* framing: :func:`framing.comparison.align.align_corpus` (all pairs
  tokenised in one pass, stemmed-word and character n-gram TF-IDF fitted per
  pair and scored, and the alignment rules applied, in compiled loops; one
  table out). Compilation happens once per installation (numba caches it);
  a warm-up call on one pair does it before timing, and its time is printed.
  The time of :func:`align_pairs` (the same plus one DataFrame per pair) is
  printed too;
* baseline: naive all-pairs ``difflib.SequenceMatcher(None, a, b).ratio()``
  on word lists for every source x citing sentence, best source per citing
  sentence above 0.5.

Prints pairs/s for each, the ratio (target: framing >= 20x the baseline),
and how often the two agree on each citing sentence's source. Run from the
repository root::

    python benchmarks/bench_compare.py            # 1,000 pairs
    python benchmarks/bench_compare.py --n 200    # quicker

It then times the whole ``framing.compare`` on 20 of those pairs with and
without the word-level re-alignment of :mod:`framing.comparison.phrases`
(the ratio of the two, measured in the same run).
"""

from __future__ import annotations

import argparse
import random
import time
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import pandas as pd

import framing
from framing.comparison import _kernels
from framing.comparison.align import align_corpus, align_pairs

REPO = Path(__file__).resolve().parents[1]
PTC = REPO.parent / "shared" / "datasets" / "ptc" / "articles"
SWAPS = {
    "said": "claimed",
    "killed": "assassinated",
    "left": "fled",
    "group": "regime",
    "raised": "hiked",
    "cut": "slashed",
    "large": "massive",
    "officials": "bureaucrats",
}


def _sentences() -> list[str]:
    if PTC.is_dir():
        lines = []
        for path in sorted(PTC.glob("*.txt"))[:300]:
            lines += [
                x.strip()
                for x in path.read_text("utf-8").splitlines()[2:]
                if 8 <= len(x.split()) <= 60
            ]
        return lines
    return list(framing.sentences(framing.load(framing.example_path("kayhan")))["text"])


def _reword(rng: random.Random, sentence: str) -> str:
    words = sentence.split()
    words = [SWAPS.get(w, w) for w in words if rng.random() > 0.15]
    if len(words) > 6 and rng.random() < 0.5:
        k = rng.randrange(len(words) - 3)
        words[k : k + 3] = words[k : k + 3][::-1]
    return " ".join(words)


def make_pairs(n: int, seed: int = 7) -> list[tuple[list[str], list[str]]]:
    rng = random.Random(seed)
    pool = _sentences()
    pairs = []
    for _ in range(n):
        source = rng.sample(pool, 40)
        kept = [s for s in source if rng.random() < 0.75]
        citing = [_reword(rng, s) if rng.random() < 0.33 else s for s in kept]
        for _ in range(3):  # moves
            if len(citing) > 2:
                citing.insert(rng.randrange(len(citing)), citing.pop(rng.randrange(len(citing))))
        for _ in range(6):  # the citing outlet's own sentences
            citing.insert(rng.randrange(len(citing) + 1), rng.choice(pool))
        pairs.append((source, citing))
    return pairs


def difflib_align(source: list[str], citing: list[str], threshold: float = 0.5) -> list[int | None]:
    """Naive baseline: best source sentence per citing sentence by difflib ratio."""
    source_words = [s.casefold().split() for s in source]
    best = []
    for sentence in citing:
        words = sentence.casefold().split()
        scores = [SequenceMatcher(None, a, words).ratio() for a in source_words]
        k = int(np.argmax(scores))
        best.append(k if scores[k] >= threshold else None)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="article pairs (default 1,000)")
    parser.add_argument(
        "--compare",
        type=int,
        default=20,
        help="also time framing.compare on this many pairs, with and without the "
        "word-level re-alignment (0: skip; default 20)",
    )
    args = parser.parse_args()
    pairs = make_pairs(args.n)
    sentences = sum(len(s) + len(c) for s, c in pairs)
    print(f"{len(pairs)} pairs, {sentences:,} sentences (40 per source article)")

    start = time.perf_counter()
    align_corpus(pairs[:1])
    warm_up = time.perf_counter() - start
    mode = "numba" if _kernels.COMPILED else "plain Python (numba not installed)"
    print(f"kernels: {mode}; warm-up on one pair {warm_up:.2f} s")
    start = time.perf_counter()
    corpus_table = align_corpus(pairs)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    tables = align_pairs(pairs)
    per_pair = time.perf_counter() - start
    start = time.perf_counter()
    baseline = [difflib_align(s, c) for s, c in pairs]
    theirs = time.perf_counter() - start

    agree = total = 0
    for table, base in zip(tables, baseline, strict=True):
        rows = table.dropna(subset=["citing_index"]).drop_duplicates("citing_index")
        for j, i in zip(rows["citing_index"], rows["source_index"], strict=True):
            agree += (None if pd.isna(i) else int(i)) == base[int(j)]
            total += 1
    print(
        f"framing align_corpus: {ours:.2f} s, {len(pairs) / ours:,.0f} pairs/s ({len(corpus_table):,} rows)"
    )
    print(f"framing align_pairs (one table per pair): {per_pair:.2f} s")
    print(f"difflib all pairs:   {theirs:.2f} s, {len(pairs) / theirs:,.0f} pairs/s")
    print(
        f"ratio framing/difflib: {theirs / ours:.1f}x (target >= 20x: "
        f"{'met' if theirs / ours >= 20 else 'NOT met'})"
    )
    print(f"agreement on each citing sentence's source: {agree / max(total, 1):.3f}")
    if args.compare:
        compare_cost(pairs[: args.compare])


def compare_cost(pairs: list[tuple[list[str], list[str]]]) -> None:
    """Time of the whole ``framing.compare`` per pair, with the word-level re-alignment
    (framing.comparison.phrases) and without it (the monotone diff alone), in one run."""
    from framing.comparison import phrases  # diff_words looks realign up at call time

    texts = [(" ".join(s), " ".join(c)) for s, c in pairs]
    framing.compare(*texts[0])  # warm-up: lexicons, vectors, models
    original = phrases.realign
    timings = {}
    for label, realign in (("with", original), ("without", lambda chunks, *_: chunks)):
        phrases.realign = realign
        try:
            start = time.perf_counter()
            for source, citing in texts:
                framing.compare(source, citing)
            timings[label] = (time.perf_counter() - start) / len(texts)
        finally:
            phrases.realign = original
    print(
        f"framing.compare per pair: {timings['with'] * 1000:.0f} ms with word-level "
        f"re-alignment, {timings['without'] * 1000:.0f} ms without "
        f"(ratio {timings['with'] / timings['without']:.2f}; {len(texts)} pairs)"
    )


if __name__ == "__main__":
    main()
