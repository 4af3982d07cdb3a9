"""Loader throughput, and how the cost of one very large HTML page grows.

Throughput: generates a corpus of N articles (default 10,000) in each format
from real news sentences (the PTC articles in ../shared/datasets when present,
else the shipped seed article), loads each with ``framing.load`` in this
process, and prints articles/s.

HTML scaling (issue 11, row 17): generates one page of 5 MB and one of 37 MB
(the same paragraphs repeated), loads each in a fresh process, and prints time
and peak memory (maximum resident set size) with the ratios 37 MB / 5 MB next
to the ratio of sizes (7.4): linear cost gives a time ratio near 7.4; before
the fix it was 12 (42.6 s against 3.5 s). Run from the repository root::

    python benchmarks/bench_loaders.py            # 10,000 articles per format
    python benchmarks/bench_loaders.py --n 1000   # quicker
    python benchmarks/bench_loaders.py --html-scaling

There is no throughput target; the figures are reported so that regressions
show.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import framing

REPO = Path(__file__).resolve().parents[1]
PTC = REPO.parent / "shared" / "datasets" / "ptc" / "articles"


def _sentences() -> list[str]:
    if PTC.is_dir():
        lines = []
        for path in sorted(PTC.glob("*.txt"))[:200]:
            lines += [
                x.strip() for x in path.read_text("utf-8").splitlines()[2:] if len(x.split()) > 5
            ]
        return lines
    return [s for s in framing.sentences(framing.load(framing.example_path("kayhan")))["text"]]


def _article(rng: random.Random, sentences: list[str], number: int) -> dict[str, str]:
    paragraphs = [" ".join(rng.sample(sentences, 2)) for _ in range(rng.randint(6, 14))]
    outlet = rng.choice(["Reuters", "CNN", "Press TV", "Xinhua", "Al Jazeera"])
    return {
        "title": f"Generated article {number}",
        "outlet": outlet,
        "date": f"2020-01-{1 + number % 28:02d} {number % 24:02d}:00",
        "paragraphs": paragraphs,
    }


def _write_corpus(root: Path, n: int) -> dict[str, Path]:
    rng = random.Random(20200118)
    sentences = _sentences()
    text_dir, html_dir = root / "text", root / "html"
    text_dir.mkdir()
    html_dir.mkdir()
    jsonl = root / "corpus.jsonl"
    with open(jsonl, "w", encoding="utf-8") as lines:
        for number in range(n):
            art = _article(rng, sentences, number)
            body = "\n\n".join(art["paragraphs"])
            (text_dir / f"{number:05d}.txt").write_text(
                f"Title: {art['title']}\nDate: {art['date']}\nSource: {art['outlet']}\n\n{body}\n",
                encoding="utf-8",
            )
            record = {
                "title": art["title"],
                "text": body,
                "outlet": art["outlet"],
                "date": art["date"],
            }
            lines.write(json.dumps(record) + "\n")
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in art["paragraphs"])
            (html_dir / f"{number:05d}.html").write_text(
                f"<!DOCTYPE html><html lang='en'><head><title>{art['title']}</title>"
                f"<meta property='article:published_time' content='{art['date']}'></head><body>"
                f"<nav><a href='/'>Home</a></nav><article><h1>{art['title']}</h1>{paragraphs}"
                f"</article><footer>Copyright</footer></body></html>",
                encoding="utf-8",
            )
    return {"text": text_dir, "jsonl": jsonl, "html": html_dir}


_CHILD = """
import sys, time, warnings
warnings.simplefilter("ignore")
import framing
framing.load_article(text="Warm up.")
started = time.perf_counter()
article = framing.load_article(sys.argv[1])
print(time.perf_counter() - started, len(article.text))
"""


def _page(paragraphs: list[str], megabytes: float) -> str:
    body, size, number = [], 0, 0
    while size < megabytes * 1_000_000:
        block = f"<p>{html.escape(paragraphs[number % len(paragraphs)])}</p>\n"
        body.append(block)
        size += len(block)
        number += 1
    return (
        "<!DOCTYPE html><html lang='en'><head><title>One very long page</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>One very long page</h1>"
        + "".join(body)
        + "</article><footer>Copyright</footer></body></html>"
    )


def _run_child(path: Path) -> tuple[float, int, float]:
    """Seconds to load ``path`` in a fresh process, characters of text, peak RSS in MB."""
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"loading {path} failed with exit code {child.returncode}")
    seconds, chars = output.split()
    kilobytes = usage.ru_maxrss  # Linux: kilobytes
    return float(seconds), int(chars), kilobytes / 1024


def html_scaling() -> None:
    """Print time and peak memory for a 5 MB and a 37 MB page, and their ratios."""
    rng = random.Random(20200118)
    sentences = _sentences()
    paragraphs = [" ".join(rng.sample(sentences, 3)) for _ in range(500)]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for megabytes in (5, 37):
            path = Path(tmp) / f"page_{megabytes}mb.html"
            path.write_text(_page(paragraphs, megabytes), encoding="utf-8")
            # the faster of two runs, each in a fresh process (other jobs share the machine)
            results[megabytes] = min(_run_child(path) for _ in range(2))
            seconds, chars, peak = results[megabytes]
            print(
                f"{megabytes:3d} MB page: {seconds:6.2f} s, peak memory {peak:7.0f} MB, "
                f"{chars:,} characters of text"
            )
    (small_s, _, small_m), (large_s, _, large_m) = results[5], results[37]
    print(
        f"ratio 37 MB / 5 MB: size 7.4, time {large_s / small_s:.1f}, "
        f"peak memory {large_m / small_m:.1f} (linear: time ratio near the size ratio)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles per format")
    parser.add_argument(
        "--html-scaling", action="store_true", help="time one 5 MB and one 37 MB page instead"
    )
    args = parser.parse_args()
    if args.html_scaling:
        html_scaling()
        return
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        corpus = _write_corpus(Path(tmp), args.n)
        print(f"generated {args.n:,} articles x 3 formats in {time.perf_counter() - started:.1f} s")
        words = None
        for name, path in corpus.items():
            started = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                table = framing.load(path, progress=False)
            elapsed = time.perf_counter() - started
            assert len(table) == args.n, (name, len(table))
            words = words or int(table["text"].str.split().str.len().mean())
            print(
                f"{name:6s} {args.n / elapsed:9,.0f} articles/s   ({elapsed:6.1f} s, "
                f"~{words} words/article)"
            )


if __name__ == "__main__":
    main()
