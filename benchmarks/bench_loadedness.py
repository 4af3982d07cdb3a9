"""Cost of the loadedness score next to the loaded-term matcher it runs beside.

Times, in one run on the same texts (the BASIL articles in ../shared/datasets,
else the shipped example articles):

* match    - ``LoadedTermMatcher.find`` with the default lexicons (what
  ``framing.analyze`` does for its loaded-term table without the score);
* features - ``word_features``: the inspectable word features (they run the
  matcher once more, over the feature lexicons);
* words    - ``score_words`` with the ``words`` model (features, stage 1,
  sentence TF-IDF, stage 2);
* phrases  - the same with the ``phrases`` model.

Prints milliseconds per 1,000 words for each and its ratio to ``match``
(ratios are robust to a loaded machine; absolute times are not).

    python benchmarks/bench_loadedness.py
    python benchmarks/bench_loadedness.py --repeat 3
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import framing
from framing.features.loadedness import get_model, score_words
from framing.features.loadedness_features import WORD, word_features


def _texts() -> list[str]:
    try:
        from shared_datasets import read_basil

        return read_basil()[0]["text"].tolist()
    except FileNotFoundError:
        from framing.examples import example_path, list_examples

        names = [n for n in list_examples() if n.endswith(".txt")]
        return [example_path(n).read_text(encoding="utf-8") for n in names]


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; the best counts")
    args = parser.parse_args()
    texts = _texts()
    n_words = sum(len(WORD.findall(t)) for t in texts)
    matcher = framing.LoadedTermMatcher()
    words_model, phrases_model = get_model("words"), get_model("phrases")
    # warm caches (lexicon automata, lemma and feature caches) before timing
    matcher.find(texts[:5])
    score_words(texts[:5], words_model)
    score_words(texts[:5], phrases_model)
    runs = {
        "match": lambda: matcher.find(texts),
        "features": lambda: word_features(texts),
        "words": lambda: score_words(texts, words_model),
        "phrases": lambda: score_words(texts, phrases_model),
    }
    times = {name: _best(fn, args.repeat) for name, fn in runs.items()}
    print(f"{len(texts)} texts, {n_words:,} words; best of {args.repeat}")
    for name, seconds in times.items():
        print(
            f"  {name:9s} {1000 * seconds / n_words * 1000:7.2f} ms per 1,000 words"
            f"   {seconds / times['match']:5.2f}x match"
        )


if __name__ == "__main__":
    main()
