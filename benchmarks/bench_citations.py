"""Citation matching speed: framing.match_citations vs brute-force all-pairs cosine.

Sources are N AllSides articles (default 10,000). Each gets one citing
rewrite: about 60% of its sentences kept in order, one word in five of those
dropped, a credit to the source's outlet ("..., CNN reported.") added, and a
date one day later (no date if the source has none), published by a made-up
outlet. Both methods see the same TF-IDF vectors (one vectoriser, fitted on
both sets; its time is printed apart) and are timed in this one run:

* framing: :func:`framing.corpus.citations.match_vectors` -- the outlets each
  citing article credits (one automaton pass over the texts), then the
  candidates of the credited outlet in the date window, scored from an
  inverted index by a compiled loop with numba (block-wise sparse products
  without it). A warm-up call on 10 citing articles first loads numba and
  its compiled loops (compiled once, then cached on disk); its time is
  printed;
* baseline: every citing x every source cosine (sparse products in row
  chunks of 1,000), best source per citing article.

Prints both CPU times (``time.process_time``: the machine may be shared),
the ratio (target >= 10x), how often the two top-1 agree and how often each
finds the true source, and the load average. Run from the repository root
(skips when ../shared is absent)::

    python benchmarks/bench_citations.py            # 10,000 x 10,000
    python benchmarks/bench_citations.py --n 2000
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import random
import re
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
ALLSIDES = REPO.parent / "shared" / "datasets" / "allsides" / "articles.jsonl.gz"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _rewrite(text: str, credit: str, rng: random.Random) -> str:
    sentences = [s for s in _SENTENCE.split(text) if s.strip()]
    kept = [s for s in sentences if rng.random() < 0.6] or sentences[:1]
    out = []
    for sentence in kept:
        words = [w for w in sentence.split() if rng.random() > 0.2]
        out.append(" ".join(words))
    out[0] = out[0].rstrip(".") + f", {credit} reported."
    return " ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    args = parser.parse_args()
    if not ALLSIDES.exists():
        print(f"skipped: {ALLSIDES} is not present")
        return
    import tempfile

    import framing
    from framing.corpus.citations import match_vectors, outlet_keys, vectorize
    from framing.outlets import OutletRegistry

    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sample.jsonl"
        with gzip.open(ALLSIDES, "rt", encoding="utf-8") as src, open(path, "w") as out:
            for line in itertools.islice(src, args.n):
                out.write(line)
        sources = framing.load(path)
    registry = OutletRegistry.default()
    keys = outlet_keys(sources, registry)
    rng = random.Random(0)
    credit = [
        registry[k].name if k in registry else str(o)
        for k, o in zip(keys, sources["outlet"].astype(str), strict=True)
    ]
    citing = pd.DataFrame(
        {
            "article_id": [f"r-{a}" for a in sources["article_id"]],
            "outlet": "rewriter",
            "title": sources["title"],
            "published": sources["published"] + pd.Timedelta(days=1),
            "text": [_rewrite(t, c, rng) for t, c in zip(sources["text"], credit, strict=True)],
        }
    )
    print(
        f"{len(citing):,} citing x {len(sources):,} source articles; "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    start = time.process_time()
    c_vec, s_vec = vectorize(citing, sources)
    vectorising = time.process_time() - start

    # Once per process, not timed with the search: importing numba and loading its compiled
    # loops (compiling them the first time, then cached on disk), and the name automaton.
    start = time.process_time()
    match_vectors(
        c_vec[:10], s_vec, citing.iloc[:10], sources, registry=registry, min_similarity=0.0
    )
    warm_up = time.process_time() - start

    start = time.process_time()
    ours = match_vectors(c_vec, s_vec, citing, sources, registry=registry, min_similarity=0.0)
    framing_time = time.process_time() - start

    start = time.process_time()
    brute = np.full(len(citing), -1)
    for lo in range(0, len(citing), 1000):
        scores = (c_vec[lo : lo + 1000] @ s_vec.T).toarray()
        brute[lo : lo + 1000] = scores.argmax(axis=1)
    brute_time = time.process_time() - start

    ours_top = pd.Series(-1, index=citing["article_id"])
    position = pd.Series(np.arange(len(sources)), index=sources["article_id"])
    ours_top[ours["citing_id"].to_numpy()] = position[ours["source_id"]].to_numpy()
    ours_top = ours_top.to_numpy()
    truth = np.arange(len(sources))
    agree = float(np.mean(ours_top == brute))
    try:
        from framing.corpus.citation_search import _compiled_kernel
    except ImportError:  # a framing before the compiled search
        mode = "sparse products"
    else:
        compiled = _compiled_kernel() is not None
        mode = "compiled (numba)" if compiled else "sparse products (no numba)"
    print(f"vectorising both sets (shared by both methods): {vectorising:.2f} s")
    print(
        f"framing search: {mode}; warm-up on 10 citing articles (not timed below) {warm_up:.2f} s"
    )
    print(
        f"framing.match_citations search: {framing_time:7.2f} s | all-pairs cosine: "
        f"{brute_time:7.2f} s | ratio {brute_time / framing_time:6.1f}x (target >= 10x)"
    )
    print(
        f"same top-1 as all-pairs: {agree:.2%}; true source found: framing "
        f"{np.mean(ours_top == truth):.2%}, all-pairs {np.mean(brute == truth):.2%} "
        f"(framing finds none where the credit names no known outlet: "
        f"{np.mean(ours_top < 0):.1%})"
    )
    same_where_found = np.mean((ours_top == brute)[ours_top >= 0])
    print(f"same top-1 where framing found a candidate: {same_where_found:.2%}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
