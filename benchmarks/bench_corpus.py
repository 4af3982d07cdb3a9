"""The whole AllSides corpus through analyze + summarize + keyness, and where the time goes.

Two parts, in this one run:

1. **Stages** (one process, the first ``--profile`` articles, default 500):
   seconds and share of each step of the analysis -- sentence splitting,
   VADER sentiment, attributions, loaded terms (matching + loadedness),
   the per-article summary, and the term counting that keyness reuses --
   and words/s per core of the whole.
2. **Corpus** (the first ``--n`` articles, default all 37,554): wall time of
   ``framing.analyze(framing.ArticleFiles(file), n_jobs=-1, keep=("attributions",),
   term_counts=True)``, then ``framing.summarize(..., by="bias")`` and
   ``framing.keyness(..., by="bias")``; words/s per core; peak memory of the
   process and its workers; per 10,000 articles.

Target (issue 16): the whole corpus under 4 minutes on 2 cores, i.e. the
analysis at >= 100,000 words/s per core. The load average is printed with
each figure: on a shared machine the wall times are not the machine's.
Run from the repository root (skips without ../shared)::

    python benchmarks/bench_corpus.py                 # the whole corpus (long)
    python benchmarks/bench_corpus.py --n 5000        # a part of it
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import resource
import tempfile
import time
import warnings
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ALLSIDES = REPO.parent / "shared" / "datasets" / "allsides" / "articles.jsonl.gz"


def _sample(n: int | None, folder: Path) -> Path:
    if n is None:
        return ALLSIDES
    path = folder / f"first_{n}.jsonl"
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as src, open(path, "w") as out:
        for line in itertools.islice(src, n):
            out.write(line)
    return path


def stages(path: Path, n: int) -> None:
    import framing
    from framing.features.analysis import _Analyzer
    from framing.features.distinguishing import count_terms

    table = framing.load(path).head(n)
    analyzer = _Analyzer(None, None, True, True)
    analyzer(table.head(20))  # build the automaton, models and caches first
    times: dict[str, float] = defaultdict(float)
    current: list = [None, 0.0]

    def stage(name: str | None) -> None:
        now = time.perf_counter()
        if current[0]:
            times[current[0]] += now - current[1]
        current[:] = [name, now]

    load = os.getloadavg()[0]
    start = time.perf_counter()
    for lo in range(0, len(table), 200):
        analyzer(table.iloc[lo : lo + 200].reset_index(drop=True), stage=stage)
        stage(None)
    lap = time.perf_counter()
    count_terms(table["text"])
    times["term counts (keyness)"] = time.perf_counter() - lap
    total = time.perf_counter() - start
    words = int(table["text"].str.split().str.len().sum())
    print(
        f"stages of the analysis, one process, {len(table):,} articles, {words:,} words "
        f"(load average {load:.2f}):"
    )
    for name, seconds in times.items():
        print(
            f"  {name:24} {seconds:7.2f} s  {seconds / total:5.1%}  "
            f"{1000 * seconds / len(table):6.2f} ms/article"
        )
    print(
        f"  {'total':24} {total:7.2f} s         {words / total:,.0f} words/s per core "
        "(target >= 100,000)"
    )


def corpus(path: Path) -> None:
    import framing

    load = os.getloadavg()[0]
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    result = framing.analyze(
        framing.ArticleFiles([path]), n_jobs=-1, keep=("attributions",), term_counts=True
    )
    analysed = time.perf_counter()
    summary = framing.summarize(result, by="bias")
    summarised = time.perf_counter()
    framing.keyness(result, by="bias", compare="both")
    done = time.perf_counter()
    articles = len(result.summary)
    words = int(result.summary["words"].sum())
    cores = os.cpu_count() or 1
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"corpus: {articles:,} articles, {words:,} words, {cores} cores "
        f"(load average {load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end)"
    )
    print(
        f"  analyze   {analysed - start:8.1f} s  ({words / (analysed - start) / cores:,.0f} "
        "words/s per core)"
    )
    print(
        f"  summarize {summarised - analysed:8.1f} s  ({len(summary.table)} groups, 1,000 "
        "resamples)"
    )
    print(f"  keyness   {done - summarised:8.1f} s")
    print(
        f"  total     {done - start:8.1f} s = {(done - start) / 60:.1f} min (target < 4 min "
        "for 37,554 articles on 2 cores)"
    )
    print(
        f"  peak memory: this process {own:,.0f} MB ({baseline:,.0f} MB before the corpus), "
        f"largest worker {children:,.0f} MB; the corpus tables take "
        f"{(own - baseline) / articles * 10_000:,.0f} MB per 10,000 articles in this process"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=None, help="first N articles (default: all)")
    parser.add_argument("--profile", type=int, default=500, help="articles for the stages")
    parser.add_argument("--skip-corpus", action="store_true")
    args = parser.parse_args()
    if not ALLSIDES.exists():
        print(f"skipped: {ALLSIDES} is not present")
        return
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        stages(_sample(args.profile, Path(tmp)), args.profile)
        if not args.skip_corpus:
            corpus(_sample(args.n, Path(tmp)))


if __name__ == "__main__":
    main()
