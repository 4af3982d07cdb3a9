"""framing.compare over many pairs: one call per pair vs framing.compare_matches in one batch.

The pairs are the shipped teaching pairs (and the Kayhan/CNN reference pair
when its source is shipped), repeated to N pairs (default 60), as citation
matching would hand them over: two article tables and a table of matches.
Both are timed in this one run:

* one by one: ``framing.compare(source, citing)`` per pair (today's way);
* batch: ``framing.compare_matches(matches, citing, sources, n_jobs=-1)``
  (lexicons and registry resolved once, pairs spread over worker processes).

Prints pairs/s of each, the ratio (issue 16 target: the batch >= 5x the
7-12 pairs/s measured before it) and the load average::

    python benchmarks/bench_compare_batch.py
    python benchmarks/bench_compare_batch.py --n 200 --jobs 2
"""

from __future__ import annotations

import argparse
import os
import time
import warnings

import pandas as pd

import framing

PAIRS = (
    "border-standoff",
    "factory-jobs",
    "hospital-waits",
    "library-opening",
    "port-fees",
    "rail-timetable",
    "river-discharge",
    "school-closure",
    "stadium-loan",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--jobs", type=int, default=-1)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    base = [
        (
            framing.load_article(framing.example_path(f"teaching_pairs/{name}/source.txt")),
            framing.load_article(framing.example_path(f"teaching_pairs/{name}/citing.txt")),
        )
        for name in PAIRS
    ]
    pairs = [base[i % len(base)] for i in range(args.n)]
    sources = framing.articles_to_frame([s for s, _ in base])
    citing = framing.articles_to_frame([c for _, c in base])
    matches = pd.DataFrame(
        {
            "citing_id": [citing["article_id"].iat[i % len(base)] for i in range(args.n)],
            "source_id": [sources["article_id"].iat[i % len(base)] for i in range(args.n)],
            "citing_outlet": "x",
            "source_outlet": "y",
            "credited_outlet": "y",
            "citing_published": pd.NaT,
            "rank": 1,
            "confidence": 1.0,
        }
    )
    framing.compare(*base[0])  # warm caches for both
    load = os.getloadavg()[0]
    start = time.perf_counter()
    for source, cited in pairs:
        framing.compare(source, cited)
    single = time.perf_counter() - start
    start = time.perf_counter()
    result = framing.compare_matches(matches, citing, sources, n_jobs=args.jobs)
    batch = time.perf_counter() - start
    assert len(result.pairs) == args.n
    print(f"{args.n} pairs; load average {load:.2f} -> {os.getloadavg()[0]:.2f}")
    print(f"one compare() per pair: {args.n / single:6.1f} pairs/s")
    print(
        f"compare_matches batch : {args.n / batch:6.1f} pairs/s (n_jobs={args.jobs}) | "
        f"ratio {single / batch:.2f}x (target: 5x today's 7-12 pairs/s)"
    )


if __name__ == "__main__":
    main()
