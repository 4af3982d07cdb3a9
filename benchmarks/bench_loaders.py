"""Loader throughput: articles per second for text, JSON Lines and HTML.

Generates a corpus of N articles (default 10,000) in each format from real
news sentences (the PTC articles in ../shared/datasets when present, else the
shipped seed article), loads each with ``framing.load`` in this process, and
prints articles/s. Run from the repository root::

    python benchmarks/bench_loaders.py            # 10,000 articles per format
    python benchmarks/bench_loaders.py --n 1000   # quicker

There is no speed target in the issue; the figures are reported so that
regressions show.
"""

from __future__ import annotations

import argparse
import html
import json
import random
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles per format")
    args = parser.parse_args()
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
