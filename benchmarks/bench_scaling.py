"""Scaling of ``framing analyze``: time and peak memory per step, with the ratio per step.

Three series, each step run in a fresh process (so its peak memory is its own,
read from the kernel's ``ru_maxrss``), all measured in one run so the ratios
hold on a loaded machine:

* **corpus**: AllSides articles (``../shared/datasets/allsides``, 37,554
  articles, ~970 words each) at 1k, 10k and 50k articles, through the API
  (``framing.analyze`` on the loaded table; time of the analysis alone) and
  through the CLI (``framing analyze FILE --format json -o out.json``; wall
  time less the start-up of a one-article run). 50k is the whole corpus plus
  a second pass over its first 12,446 articles with distinct ids and a marked
  text (so no article is a duplicate of another).
* **tiny files**: 1,000 vs 10,000 files of one short article each (the
  opening sentences of AllSides articles), ``framing analyze DIR --format json
  -o out.json``.
* **long article**: one article of 10k vs 80k words (AllSides paragraphs
  joined), ``framing.analyze``, with the time of each analysis stage.

Targets (issue 11): time per article from 1k to 50k within 1.3x; peak memory
under 1 GB at 50k for ``analyze --format json``; 10,000 tiny files under
2 minutes; the 80k-word article within 10x the 10k-word one. Run from the
repository root::

    python benchmarks/bench_scaling.py                       # everything (long)
    python benchmarks/bench_scaling.py --sizes 1000,10000 --api-sizes none
    python benchmarks/bench_scaling.py --only files,long

Skips (exit 0) when ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ALLSIDES = REPO.parent / "shared" / "datasets" / "allsides" / "articles.jsonl.gz"
CORPUS_SIZE = 37_554

API_CHILD = """
import json, sys, time, warnings
import framing
warnings.simplefilter("ignore")
table = framing.load(sys.argv[1])
start = time.perf_counter()
result = framing.analyze(table)
print(json.dumps({"seconds": time.perf_counter() - start, "articles": len(result.summary)}))
"""

STAGES_CHILD = """
import json, sys, time, warnings
from collections import defaultdict
import framing
from framing.features.analysis import _Analyzer
warnings.simplefilter("ignore")
table = framing.load(sys.argv[1])
analyzer = _Analyzer(None, None, True, True)
times, current = defaultdict(float), [None, 0.0]
def stage(name):
    now = time.perf_counter()
    if current[0]:
        times[current[0]] += now - current[1]
    current[:] = [name, now]
start = time.perf_counter()
analyzer(table, stage=stage)
stage(None)
print(json.dumps({"seconds": time.perf_counter() - start, "stages": times,
                  "words": len(table["text"][0].split())}))
"""


def run(command: list[str]) -> tuple[float, float, str]:
    """Run ``command``; return (wall seconds, its peak memory in MB, its stdout)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)  # the child's own rusage
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode not in (0, 3):
            raise SystemExit(
                f"failed ({process.returncode}): {' '.join(command)}\n{err.read()[-2000:]}"
            )
        return seconds, usage.ru_maxrss / 1024, out.read()  # Linux: ru_maxrss in kB


def _records(limit: int):
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as handle:
        yield from (json.loads(line) for line in itertools.islice(handle, limit))


def corpus_file(folder: Path, n: int) -> Path:
    """The first ``n`` AllSides articles as JSON Lines (a second, marked pass beyond 37,554)."""
    path = folder / f"allsides_{n}.jsonl"
    if path.exists():
        return path
    with path.open("w", encoding="utf-8") as out:
        for record in _records(n):
            out.write(json.dumps(record) + "\n")
        for record in _records(max(n - CORPUS_SIZE, 0)):
            record = record | {
                "id": f"{record.get('id')}-second-pass",
                "url": f"{record.get('url')}#second-pass",
                "text": f"{record.get('text', '')}\n\n(Second pass for the scaling benchmark.)",
            }
            out.write(json.dumps(record) + "\n")
    return path


def tiny_folder(folder: Path, n: int) -> Path:
    path = folder / f"tiny_{n}"
    if path.exists():
        return path
    path.mkdir()
    for number, record in enumerate(_records(n)):
        sentences = re.split(r"(?<=[.!?])\s+", " ".join(str(record.get("text", "")).split()))
        body = " ".join(sentences[:2])[:400] or "No text."
        (path / f"a{number:05d}.txt").write_text(
            f"Title: {record.get('title') or 'Untitled'}\n\n{body}\n", "utf-8"
        )
    return path


def long_article(folder: Path, words: int) -> Path:
    path = folder / f"long_{words}.txt"
    if path.exists():
        return path
    paragraphs: list[str] = []
    count = 0
    for record in _records(CORPUS_SIZE):
        for paragraph in str(record.get("text", "")).split("\n\n"):
            size = len(paragraph.split())
            if size < 8:
                continue
            paragraphs.append(" ".join(paragraph.split()))
            count += size
            if count >= words:
                break
        if count >= words:
            break
    path.write_text("Title: One long article\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
    return path


def framing_cli(*args: object) -> list[str]:
    return [sys.executable, "-m", "framing", *map(str, args)]


def _ratio_rows(rows: list[tuple], unit: str) -> None:
    base = rows[0][2]
    print(f"  {'n':>7} {'seconds':>9} {unit:>14} {'ratio':>6} {'peak MB':>8}")
    for n, seconds, per, peak in rows:
        print(f"  {n:>7,} {seconds:9.1f} {per * 1000:11.2f} ms {per / base:6.2f} {peak:8.0f}")


def bench_corpus(folder: Path, sizes: list[int], api_sizes: list[int]) -> None:
    print("corpus: AllSides articles (per-article time; ratio to the first step)")
    one = folder / "one.txt"
    one.write_text("Title: One\n\nTroops left the base on Monday, officials said.\n", "utf-8")
    startup, _, _ = run(framing_cli("analyze", one, "--format", "json", "-o", folder / "o.json"))
    print(f"  CLI start-up (one tiny article): {startup:.1f} s, subtracted below")
    cli_rows, api_rows = [], []
    for n in sorted(set(sizes) | set(api_sizes)):
        data = corpus_file(folder, n)
        if n in api_sizes:
            _, peak, out = run([sys.executable, "-c", API_CHILD, str(data)])
            seconds = json.loads(out.strip().splitlines()[-1])["seconds"]
            api_rows.append((n, seconds, seconds / n, peak))
            print(f"  api  {n:>7,}: {seconds:8.1f} s  peak {peak:6.0f} MB", flush=True)
        if n not in sizes:
            continue
        output = folder / f"analysis_{n}.json"
        seconds, peak, _ = run(framing_cli("analyze", data, "--format", "json", "-o", output, "-q"))
        net = max(seconds - startup, 1e-9)
        cli_rows.append((n, seconds, net / n, peak))
        print(f"  cli  {n:>7,}: {seconds:8.1f} s  peak {peak:6.0f} MB", flush=True)
        output.unlink(missing_ok=True)
    if api_rows:
        print(" framing.analyze(table) (analysis only):")
        _ratio_rows(api_rows, "per article")
    print(" framing analyze FILE --format json -o out.json (net of start-up):")
    _ratio_rows(cli_rows, "per article")
    peak = cli_rows[-1][3]
    print(f"  peak memory at {cli_rows[-1][0]:,} articles: {peak:.0f} MB (target < 1024 MB)")


def bench_files(folder: Path, counts: list[int]) -> None:
    print("tiny files: framing analyze DIR --format json -o out.json")
    rows = []
    for n in counts:
        data = tiny_folder(folder, n)
        seconds, peak, _ = run(framing_cli("analyze", data, "-o", folder / "tiny.json", "-q"))
        rows.append((n, seconds, seconds / n, peak))
        print(f"  {n:>7,} files: {seconds:8.1f} s  peak {peak:6.0f} MB", flush=True)
    _ratio_rows(rows, "per file")
    print(f"  {rows[-1][0]:,} files in {rows[-1][1]:.0f} s (target < 120 s)")


def bench_long(folder: Path, words: list[int]) -> None:
    print("one long article: framing.analyze, time per stage")
    results = []
    for n in words:
        _, peak, out = run([sys.executable, "-c", STAGES_CHILD, str(long_article(folder, n))])
        result = json.loads(out.strip().splitlines()[-1])
        results.append(result)
        stages = ", ".join(f"{k} {v:.1f}" for k, v in result["stages"].items())
        print(
            f"  {result['words']:>7,} words: {result['seconds']:7.1f} s  peak {peak:5.0f} MB"
            f"  ({stages})",
            flush=True,
        )
    base = results[0]
    for result in results[1:]:
        words_ratio = result["words"] / base["words"]
        print(
            f"  {result['words']:,} vs {base['words']:,} words ({words_ratio:.1f}x): "
            f"{result['seconds'] / base['seconds']:.1f}x the time (target <= 10x)"
        )
        others = [
            sum(v for k, v in r["stages"].items() if k != "attributions") for r in (base, result)
        ]
        print(
            f"    all stages but attributions (issue 14's extractor): "
            f"{others[1] / max(others[0], 1e-9):.1f}x ({others[0]:.1f} s -> {others[1]:.1f} s)"
        )
        for stage, seconds in result["stages"].items():
            before = base["stages"].get(stage, 0.0)
            if before > 0.05:
                print(
                    f"    {stage:14} {seconds / before:6.1f}x ({before:.1f} s -> {seconds:.1f} s)"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="corpus steps (articles)")
    parser.add_argument("--files", default="1000,10000", help="tiny-file steps")
    parser.add_argument("--words", default="10000,80000", help="long-article steps (words)")
    parser.add_argument("--only", default="corpus,files,long", help="which series to run")
    parser.add_argument(
        "--api-sizes",
        default=None,
        help="corpus steps through framing.analyze (default: --sizes; 'none' for none)",
    )
    parser.add_argument("--keep", metavar="DIR", help="build inputs in DIR and keep them")
    args = parser.parse_args()
    if not ALLSIDES.is_file():
        print(f"skipped: {ALLSIDES} is not present (../shared beside the repository)")
        return
    only = set(args.only.split(","))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        print(
            f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, load {os.getloadavg()[0]:.1f}"
        )
        if "corpus" in only:
            sizes = [int(n) for n in args.sizes.split(",")]
            api = args.sizes if args.api_sizes is None else args.api_sizes
            api_sizes = [] if api == "none" else [int(n) for n in api.split(",")]
            bench_corpus(folder, sizes, api_sizes)
        if "files" in only:
            bench_files(folder, [int(n) for n in args.files.split(",")])
        if "long" in only:
            bench_long(folder, [int(n) for n in args.words.split(",")])


if __name__ == "__main__":
    main()
