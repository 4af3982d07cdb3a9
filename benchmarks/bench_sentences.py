"""Sentence splitting: FastPunkt against NLTK's Punkt, equal spans and the speed ratio, one run.

:func:`framing.text.sentences.sentence_spans` uses
:class:`framing.text.punkt_fast.FastPunkt`, which must give exactly the
sentence boundaries of NLTK's ``PunktSentenceTokenizer.span_tokenize`` with
the same parameters. This benchmark splits every paragraph of the news
datasets in ``../shared/datasets`` (PTC, PolNeAR train and dev, GGT, BASIL
and AllSides: a sample of ``--allsides`` articles, all with ``--allsides
0``) both ways, counts the paragraphs whose spans differ (must be 0), and
times both (CPU time) on the same paragraphs in alternation (best of ``--repeat``), so
the printed ratio is robust to a loaded machine.

Run from the repository root::

    python benchmarks/bench_sentences.py
    python benchmarks/bench_sentences.py --allsides 0     # all 37k AllSides articles
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shared_datasets import DATASETS, read_basil_articles, read_ggt, read_polnear, read_ptc

from framing.text.paragraphs import paragraph_spans
from framing.text.punkt_fast import FastPunkt
from framing.text.sentences import news_sentence_tokenizer


def _texts(allsides: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    readers = {
        "PTC": lambda: read_ptc()[0]["text"].tolist(),
        "PolNeAR train": lambda: read_polnear("train")[0]["text"].tolist(),
        "PolNeAR dev": lambda: read_polnear("dev")[0]["text"].tolist(),
        "GGT": lambda: read_ggt()[0]["text"].tolist(),
        "BASIL": lambda: read_basil_articles()["text"].tolist(),
    }
    for name, read in readers.items():
        try:
            out[name] = read()
        except FileNotFoundError as exc:
            print(f"{name}: skipped ({exc})")
    path = DATASETS / "allsides" / "articles.jsonl.gz"
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            lines = itertools.islice(handle, allsides) if allsides else handle
            out["AllSides"] = [json.loads(line)["text"] for line in lines]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--allsides", type=int, default=3000, help="AllSides articles (0: all)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (best kept)")
    args = parser.parse_args()
    tokenizer = news_sentence_tokenizer()
    fast = FastPunkt(tokenizer)
    total_nltk = total_fast = 0.0
    for name, texts in _texts(args.allsides).items():
        paragraphs = [t[s:e] for t in texts for s, e in paragraph_spans(t)]
        different = [
            p for p in paragraphs if fast.span_tokenize(p) != list(tokenizer.span_tokenize(p))
        ]
        best = {"nltk": float("inf"), "fast": float("inf")}
        for _ in range(args.repeat):
            started = time.process_time()
            for p in paragraphs:
                list(tokenizer.span_tokenize(p))
            best["nltk"] = min(best["nltk"], time.process_time() - started)
            fast._breaks.clear()  # no memo carried between runs
            started = time.process_time()
            for p in paragraphs:
                fast.span_tokenize(p)
            best["fast"] = min(best["fast"], time.process_time() - started)
        total_nltk += best["nltk"]
        total_fast += best["fast"]
        print(
            f"{name:14s} {len(texts):6d} articles {len(paragraphs):7d} paragraphs  "
            f"different spans: {len(different)}  NLTK {best['nltk']:6.2f} s  "
            f"FastPunkt {best['fast']:6.2f} s  ({best['nltk'] / best['fast']:.1f}x)"
        )
        for p in different[:3]:
            print(f"   differs: {p[:120]!r}")
    if total_fast:
        print(f"all: FastPunkt {total_nltk / total_fast:.1f}x faster than NLTK's Punkt")


if __name__ == "__main__":
    main()
