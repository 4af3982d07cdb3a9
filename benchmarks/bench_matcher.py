"""Loaded-term matcher speed against a bare Aho-Corasick scan and a regex alternation.

Builds a 1,000-entry lexicon from the shipped lexicons (unigrams and 2-3 word
phrases; every entry expanded to its inflected and typographic surface
forms) and a corpus of generated articles from real news sentences (the PTC
articles in ../shared/datasets, else the shipped seed), then measures in one
run, on one core:

* full  - ``LoadedTermMatcher.find``: span table with categories, neutral
  counterparts, fuzzy misspellings and article offsets;
* peer  - a bare pyahocorasick scan of the lower-cased text over the same
  surface forms, with word-boundary checks at both ends of every hit;
* trie  - one compiled ``re`` pattern of the same forms built as a character
  trie (shared prefixes factored, longest alternative first, word-boundary
  lookarounds) over the lower-cased corpus: the fastest plain-Python matcher;
* regex - one compiled ``re`` alternation of the same forms (longest first,
  ``\\b`` boundaries, IGNORECASE), on a subset of the corpus because it is slow.

Prints words per second and the ratios full/peer and full/regex, and the
peak resident memory of the process after each stage. Targets: full >= trie
(issue 13), full >= peer (stretch 1.4x), full >= 10x regex (issue 3).

    python benchmarks/bench_matcher.py                  # 20,000 articles, ~10M words
    python benchmarks/bench_matcher.py --articles 2000  # quicker
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import time
from pathlib import Path

import ahocorasick
import pandas as pd

import framing
from framing.features.lexicon import Lexicon

REPO = Path(__file__).resolve().parents[1]
PTC = REPO.parent / "shared" / "datasets" / "ptc" / "articles"
_WORD = re.compile(r"\w+")


def _sentences() -> list[str]:
    if PTC.is_dir():
        lines = []
        for path in sorted(PTC.glob("*.txt")):
            lines += [
                x.strip() for x in path.read_text("utf-8").splitlines()[2:] if len(x.split()) > 4
            ]
        return lines
    return list(framing.sentences(framing.load(framing.example_path("kayhan")))["text"])


def build_corpus(n_articles: int, words_per_article: int = 500, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    sentences = _sentences()
    articles = []
    for _ in range(n_articles):
        parts, count = [], 0
        while count < words_per_article:
            sentence = rng.choice(sentences)
            parts.append(sentence)
            count += len(sentence.split())
        articles.append("\n\n".join(" ".join(parts[i : i + 3]) for i in range(0, len(parts), 3)))
    return articles


def build_lexicon(size: int = 1000, general: bool = False) -> Lexicon:
    """1,000 loaded terms: the conflict lexicon, then the most negative VADER words.

    With ``general`` the framing-language lists (hedges, boosters, report
    verbs: function-like words that hit ~6% of all words) fill it instead.
    """
    if general:
        names = [
            "conflict_geopolitics",
            "report_verbs",
            "hedges",
            "boosters",
            "factives",
            "assertives",
        ]
    else:
        names = ["conflict_geopolitics", "sentiment_negative"]
    lexicons = [Lexicon.builtin(n) for n in names]
    if not general:
        negative = lexicons[1].entries.sort_values("valence", kind="stable")
        lexicons[1] = Lexicon("sentiment_negative", negative.reset_index(drop=True))
    combined = Lexicon.combine(lexicons).entries
    combined = combined.drop_duplicates("term").head(size).reset_index(drop=True)
    return Lexicon("bench", combined.drop(columns=["lexicon"]))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_peer(texts: list[str], forms: list[str]) -> int:
    automaton = ahocorasick.Automaton()
    for form in forms:
        automaton.add_word(form, len(form))
    automaton.make_automaton()
    hits = 0
    for text in texts:
        low = text.lower()
        n = len(low)
        for end, length in automaton.iter(low):
            start = end - length + 1
            if (start == 0 or not low[start - 1].isalnum()) and (
                end + 1 == n or not low[end + 1].isalnum()
            ):
                hits += 1
    return hits


def trie_pattern(forms: list[str]) -> re.Pattern[str]:
    """One ``re`` pattern of the forms as a character trie, longest alternative first.

    Shared prefixes are factored out (``kill(?:ed|ing)?``); at each branch the
    longer continuations come before the end of a shorter form, so the longest
    form that ends at a word boundary wins. Used on lower-cased text.
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends_here = "" in node
        children = [re.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not children:
            return ""
        body = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
        if ends_here:
            return ("(?:" + body + ")?") if len(children) == 1 else body + "?"
        return body

    return re.compile(r"(?<!\w)(?:" + emit(trie) + r")(?!\w)")


def trie_regex(texts: list[str], pattern: re.Pattern[str]) -> int:
    """Matches of the trie pattern in the lower-cased corpus (one string, as the matcher scans)."""
    return sum(1 for _ in pattern.finditer("\n".join(t.lower() for t in texts)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument(
        "--regex-articles", type=int, default=500, help="subset for the regex baseline"
    )
    parser.add_argument(
        "--general",
        action="store_true",
        help="fill the lexicon with hedges/boosters/report verbs instead",
    )
    args = parser.parse_args()

    started = time.perf_counter()
    texts = build_corpus(args.articles)
    words = sum(len(_WORD.findall(t)) for t in texts)
    lexicon = build_lexicon(general=args.general)
    n_phrases = int((lexicon.entries["term"].str.split().str.len() > 1).sum())
    print(
        f"corpus: {len(texts):,} articles, {words:,} words (built in {time.perf_counter() - started:.1f} s)"
    )
    print(
        f"lexicon: {len(lexicon)} entries ({n_phrases} phrases of 2-3 words); peak RSS {peak_mb():.0f} MB"
    )

    started = time.perf_counter()
    matcher = framing.LoadedTermMatcher([lexicon])
    compile_s = time.perf_counter() - started
    forms = sorted(matcher._compiled.forms)
    print(f"compiled {len(forms):,} surface forms in {compile_s:.2f} s")

    started = time.perf_counter()
    spans = matcher.find(texts)
    full_s = time.perf_counter() - started
    full_rate = words / full_s
    print(
        f"full matcher : {full_rate / 1e6:6.2f} M words/s ({full_s:.2f} s, {len(spans):,} span rows, "
        f"{int(spans['fuzzy'].sum())} fuzzy); peak RSS {peak_mb():.0f} MB"
    )

    no_fuzzy = framing.LoadedTermMatcher([lexicon], fuzzy=False)
    started = time.perf_counter()
    no_fuzzy.find(texts)
    exact_s = time.perf_counter() - started
    exact_rate = words / exact_s
    print(f"  without the fuzzy pass: {exact_rate / 1e6:6.2f} M words/s ({exact_s:.2f} s)")

    started = time.perf_counter()
    peer_hits = bare_peer(texts, forms)
    peer_s = time.perf_counter() - started
    peer_rate = words / peer_s
    print(
        f"bare AC peer : {peer_rate / 1e6:6.2f} M words/s ({peer_s:.2f} s incl. automaton build, "
        f"{peer_hits:,} hits); peak RSS {peak_mb():.0f} MB"
    )

    pattern = trie_pattern(forms)
    trie_times = []
    for _ in range(2):  # best of two, as for the matcher below
        started = time.perf_counter()
        trie_hits = trie_regex(texts, pattern)
        trie_times.append(time.perf_counter() - started)
    trie_s = min(trie_times)
    trie_rate = words / trie_s
    print(
        f"trie regex   : {trie_rate / 1e6:6.2f} M words/s ({trie_s:.2f} s, {trie_hits:,} hits; "
        f"one re pattern of the same forms, factored as a trie)"
    )
    started = time.perf_counter()
    matcher.find(texts)
    again_s = time.perf_counter() - started
    full_rate = words / min(full_s, again_s)  # best of two runs, as for the trie regex
    print(f"full matcher, best of two runs: {full_rate / 1e6:6.2f} M words/s")

    subset = texts[: args.regex_articles]
    subset_words = sum(len(_WORD.findall(t)) for t in subset)
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )
    started = time.perf_counter()
    regex_hits = sum(len(pattern.findall(t)) for t in subset)
    regex_s = time.perf_counter() - started
    regex_rate = subset_words / regex_s
    print(
        f"re alternation: {regex_rate / 1e6:6.3f} M words/s ({regex_s:.2f} s on {subset_words:,} words, "
        f"{regex_hits:,} hits)"
    )
    print(
        f"ratios: full / trie regex = {full_rate / trie_rate:.2f}x (target >= 1.0, issue 13); "
        f"full / peer = {full_rate / peer_rate:.2f}x (target >= 1.0, stretch 1.4); "
        f"without fuzzy / peer = {exact_rate / peer_rate:.2f}x; "
        f"full / regex = {full_rate / regex_rate:.1f}x (target >= 10)"
    )
    pd.set_option("display.width", 120)


if __name__ == "__main__":
    main()
