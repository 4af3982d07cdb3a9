"""Parallel analysis: 1 -> 2 workers, and cost per article from 1k to the whole corpus.

Each run is a fresh process (peak memory of the process and its workers from
the kernel's ``ru_maxrss``) analysing the first N AllSides articles with
``framing.analyze(framing.ArticleFiles(file), n_jobs=J, keep=("attributions",),
term_counts=True)`` -- the workers read their own line ranges of the file.
All runs happen in this one invocation, so the ratios hold on a loaded
machine (the absolute times do not: the load average is printed with each).

* speedup: the smallest size with 1 and with 2 workers (target >= 1.7x);
* flat cost: seconds per article at each size with 2 workers (target: the
  largest within 1.2x of the smallest).

Run from the repository root (skips without ../shared)::

    python benchmarks/bench_parallel.py                     # 1,000 and 4,000 articles
    python benchmarks/bench_parallel.py --sizes 1000,37554  # the whole corpus (long)
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ALLSIDES = REPO.parent / "shared" / "datasets" / "allsides" / "articles.jsonl.gz"

CHILD = """
import json, resource, sys, time, warnings
warnings.simplefilter("ignore")
import framing
path, jobs = sys.argv[1], int(sys.argv[2])
start = time.perf_counter()
result = framing.analyze(framing.ArticleFiles([path]), n_jobs=jobs, keep=("attributions",),
                         term_counts=True)
seconds = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "articles": len(result.summary),
                  "words": int(result.summary["words"].sum()),
                  "peak_mb": (own + children) / 1024, "parent_mb": own / 1024}))
"""


def _sample(n: int, folder: Path) -> Path:
    path = folder / f"first_{n}.jsonl"
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as src, open(path, "w") as out:
        for line in itertools.islice(src, n):
            out.write(line)
    return path


def _run(path: Path, jobs: int) -> dict:
    load = os.getloadavg()[0]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(jobs)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["load"] = load
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,4000", help="article counts (comma-separated)")
    args = parser.parse_args()
    if not ALLSIDES.exists():
        print(f"skipped: {ALLSIDES} is not present")
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        paths = {n: _sample(n, Path(tmp)) for n in sizes}
        one = _run(paths[sizes[0]], 1)
        two = _run(paths[sizes[0]], 2)
        runs = {sizes[0]: two} | {n: _run(paths[n], 2) for n in sizes[1:]}
    print(
        f"{sizes[0]:,} articles, 1 worker : {one['seconds']:7.1f} s, peak {one['peak_mb']:.0f} MB"
        f" (load average {one['load']:.2f})"
    )
    print(
        f"{sizes[0]:,} articles, 2 workers: {two['seconds']:7.1f} s, peak {two['peak_mb']:.0f} MB"
        f" (load average {two['load']:.2f})"
    )
    print(f"speedup 1 -> 2 workers: {one['seconds'] / two['seconds']:.2f}x (target >= 1.7x)")
    base = runs[sizes[0]]["seconds"] / runs[sizes[0]]["articles"]
    for r in runs.values():
        per = r["seconds"] / r["articles"]
        print(
            f"{r['articles']:>7,} articles, 2 workers: {r['seconds']:8.1f} s, "
            f"{1000 * per:6.1f} ms/article ({per / base:.2f}x the first), "
            f"{r['words'] / r['seconds'] / 2:,.0f} words/s per core, peak {r['peak_mb']:.0f} MB "
            f"(parent {r['parent_mb']:.0f} MB; load average {r['load']:.2f})"
        )


if __name__ == "__main__":
    main()
