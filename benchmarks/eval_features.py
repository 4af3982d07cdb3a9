"""Accuracy of the feature stage on external annotated data (../shared/datasets).

Three evaluations, each printed as a table:

1. BABE (Spinde et al. 2021), word level: is a word marked as biased? The
   development set is split reproducibly (50/50 by sentence, seed 13); a
   lexicon is induced on one half and scored on the other, for the shipped
   lexicons alone and for shipped + induced. Published reference: a
   negative-sentiment lexicon reaches F1 0.40.
2. PTC (Da San Martino et al. 2019/2020), span level: Loaded_Language and
   Name_Calling,Labeling spans, overlap-weighted precision/recall/F1 (the
   SemEval-2020 Task 11 scorer). Articles split 50/50 (seed 13); induced on
   one half, scored on the other.
   BASIL (Fan et al. 2019), lexical-bias spans, overlap-weighted P/R/F1
   (``--only basil``). The learned loadedness models are scored by 5-fold
   cross-validation: the ``words`` model on BABE (folds by source article),
   the ``phrases`` model on PTC (folds by article; articles that repeat a
   sentence kept together), thresholds chosen inside the
   training folds, no scored word trained on; BASIL, which trains neither, is
   scored by both models trained on all of BABE and of PTC.
   ``--only controls``: loaded terms per 1,000 words in the faithful teaching
   controls and how many come from a name; ``--only rules``: what each
   matching rule removes on BASIL, BABE and PTC, with a sample.
3. PolNeAR (Newell et al. 2018), attribution spans on its ``dev`` split:
   delegated to ``benchmarks/eval_attributions.py`` (``--only polnear`` runs
   its PolNeAR section without the before/after baseline; run that script for
   the GGT and BASIL figures, the baseline and sample errors).

Induced lexicons are used in memory only and never written (the datasets'
licences stay with them). Run from the repository root::

    python benchmarks/eval_features.py                 # all three
    python benchmarks/eval_features.py --only polnear
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import contextlib

from shared_datasets import (
    DATASETS,
    PTC_LABELS,
    read_babe,
    read_basil,
    read_ptc,
    split_ids,
)

import framing
from framing.evaluation import overlap_weighted_combine

SHIPPED = ["conflict_geopolitics", "sentiment_negative"]


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _row(name: str, p: float, r: float, f: float, extra: str = "") -> str:
    return f"  {name:42s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  {extra}"


# -- BABE -------------------------------------------------------------------------------
def _word_level(
    texts: list[str], marks: list[list[str]], lexicon: object
) -> tuple[float, float, float]:
    matcher = framing.LoadedTermMatcher(lexicon)
    spans = matcher.find(texts)
    covered: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for doc, s, e in zip(
        spans["article_id"].astype(int), spans["start"], spans["end"], strict=True
    ):
        covered[doc].append((s, e))
    tp = n_pred = n_gold = 0
    for doc, (text, words) in enumerate(zip(texts, marks, strict=True)):
        wanted = {w.casefold() for w in words}
        for match in framing.features.induce._WORD.finditer(text):
            gold = match.group().casefold() in wanted
            pred = any(s < match.end() and match.start() < e for s, e in covered.get(doc, ()))
            tp += gold and pred
            n_pred += pred
            n_gold += gold
    return _prf(tp, n_pred, n_gold)


def eval_babe() -> None:
    babe = read_babe()
    babe = babe[babe["label_bias"] != "No agreement"].reset_index(drop=True)
    ids = [str(i) for i in range(len(babe))]
    train_ids, test_ids = split_ids(ids, 0.5)
    train = babe.loc[[int(i) for i in train_ids]]
    test = babe.loc[[int(i) for i in test_ids]]
    started = time.perf_counter()
    induced = framing.induce_lexicon(
        train["text"].tolist(), train["biased_words"].tolist(), name="induced-babe"
    )
    print(
        f"BABE word level: {len(test)} test sentences, induced lexicon of {len(induced)} "
        f"terms from {len(train)} training sentences"
    )
    biased = test[test["label_bias"] == "Biased"]
    for protocol, part in (("all test sentences", test), ("biased test sentences only", biased)):
        texts, marks = part["text"].tolist(), part["biased_words"].tolist()
        print(f"  {protocol} ({len(part)}):")
        print(_row("  default lexicons", *_word_level(texts, marks, None)))
        print(_row("  shipped lexicons", *_word_level(texts, marks, SHIPPED)))
        print(_row("  induced only", *_word_level(texts, marks, [induced])))
        print(_row("  shipped + induced", *_word_level(texts, marks, [*SHIPPED, induced])))
    print("  every development sentence, 5-fold CV (folds by source article; all / biased):")
    _print_cv("BABE")
    print("  reference: negative-sentiment lexicon F1 0.40 (BABE authors); target 0.45 / 0.50")
    print(f"  ({time.perf_counter() - started:.1f} s)\n")


# -- PTC ----------------------------------------------------------------------------------
def _ptc_scores(articles: pd.DataFrame, gold: dict[str, list[tuple[int, int]]], lexicon: object):
    spans = framing.LoadedTermMatcher(lexicon).find(articles)
    spans = spans[spans["category"] != "attribution_verb"].drop_duplicates(
        ["article_id", "start", "end"]
    )
    predicted: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, s, e in zip(spans["article_id"], spans["start"], spans["end"], strict=True):
        predicted[doc].append((int(s), int(e)))
    parts = [(predicted.get(a, []), gold.get(a, [])) for a in articles["article_id"]]
    return overlap_weighted_combine(parts)


def eval_ptc() -> None:
    articles, labels = read_ptc()
    labels = labels[labels["technique"].isin(PTC_LABELS)]
    gold: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for a, s, e in zip(labels["article_id"], labels["start"], labels["end"], strict=True):
        gold[a].append((int(s), int(e)))
    train_ids, test_ids = split_ids(articles["article_id"].tolist(), 0.5)
    train = articles[articles["article_id"].isin(train_ids)]
    test = articles[articles["article_id"].isin(test_ids)].reset_index(drop=True)
    started = time.perf_counter()
    induced = framing.induce_lexicon(
        train["text"].tolist(), [gold.get(a, []) for a in train["article_id"]], name="induced-ptc"
    )
    n_gold = sum(len(gold.get(a, [])) for a in test["article_id"])
    print(
        f"PTC Loaded_Language + Name_Calling,Labeling: {len(test)} test articles, {n_gold} gold "
        f"spans; induced lexicon of {len(induced)} terms from {len(train)} articles"
    )
    for name, lexicon in (
        ("default lexicons", None),
        ("shipped lexicons", SHIPPED),
        ("induced only", [induced]),
        ("shipped + induced", [*SHIPPED, induced]),
    ):
        s = _ptc_scores(test, gold, lexicon)
        print(_row(name, s.precision, s.recall, s.f1, f"({int(s.predicted)} spans)"))
    print("  every development article, 5-fold CV (folds by article, shared sentences joined):")
    _print_cv("PTC")
    print("  reference: best SemEval-2020 span identification system, all 14 techniques, F1 ~0.52")
    print(f"  ({time.perf_counter() - started:.1f} s)\n")


# -- learned loadedness (k-fold CV) -------------------------------------------------------
_CV_CACHE: dict[str, dict] = {}


def _cv_scores(k: int = 5) -> dict:
    """k-fold CV scores of the loadedness model (computed once for all sections)."""
    if "scores" not in _CV_CACHE:
        from framing.features.loadedness_train import cross_validate, load_corpora

        corpora = load_corpora(DATASETS)
        _CV_CACHE["scores"] = cross_validate(corpora, k) if corpora else {}
    return _CV_CACHE["scores"]


def _print_cv(name: str) -> None:
    figures = _cv_scores().get(name, {})
    for part, (p, r, f) in figures.items():
        if "model)" in part:  # BASIL: a model trained on another dataset
            print(
                _row(f"loadedness {part.split('(')[1].rstrip(')')}, not trained on BASIL", p, r, f)
            )
        else:
            print(_row(f"loadedness model, 5-fold CV ({part})", p, r, f))


def eval_basil() -> None:
    articles, spans = read_basil()
    lexical = spans[spans["bias"] == "lex"]
    gold: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for a, s, e in zip(lexical["article_id"], lexical["start"], lexical["end"], strict=True):
        gold[a].append((int(s), int(e)))
    print(
        f"BASIL lexical-bias spans: {len(articles)} articles, {len(lexical)} gold spans "
        "(overlap-weighted P/R/F1)"
    )
    for name, lexicon in (("default lexicons", None), ("shipped + sentiment_negative", SHIPPED)):
        s = _ptc_scores(articles, gold, lexicon)
        print(_row(name, s.precision, s.recall, s.f1, f"({int(s.predicted)} spans)"))
    _print_cv("BASIL")
    print()


def eval_controls() -> None:
    """Loaded terms per 1,000 words in the faithful teaching controls, and any from a name."""
    from framing.features.span_rules import in_proper_name

    root = Path(__file__).resolve().parents[1] / "data" / "teaching_pairs"
    print("Faithful teaching controls (default lexicons, as analyze and compare use them):")
    for gold_path in sorted(root.glob("*/gold.json")):
        if "faithful control" not in gold_path.read_text("utf-8"):
            continue
        for side in ("source", "citing"):
            text = str(framing.load(gold_path.parent / f"{side}.txt")["text"].iloc[0])
            spans = framing.LoadedTermMatcher().find_in_text(text).drop_duplicates(["start", "end"])
            names = [
                t
                for t, s, e in zip(spans["text"], spans["start"], spans["end"], strict=True)
                if in_proper_name(text, int(s), int(e))
            ]
            rate = 1000 * len(spans) / max(len(text.split()), 1)
            print(
                f"  {gold_path.parent.name:16s} {side:6s} {rate:5.1f} per 1,000 words "
                f"{sorted(spans['text'])}; from a name: {len(names)}"
            )
    print()


# -- matching rules -------------------------------------------------------------------------
def _rule_texts() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    with contextlib.suppress(FileNotFoundError):
        texts["BASIL"] = read_basil()[0]["text"].tolist()
    with contextlib.suppress(FileNotFoundError):
        texts["BABE"] = read_babe()["text"].tolist()
    with contextlib.suppress(FileNotFoundError):
        texts["PTC"] = read_ptc()[0]["text"].tolist()
    return texts


def eval_rules(samples: int = 6) -> None:
    """Matches of the default lexicons each context rule removes, with a sample."""
    import random

    from framing.features.span_rules import RULES

    print("Matching rules on the default lexicons (matches removed by each rule):")
    for name, texts in _rule_texts().items():
        every = framing.LoadedTermMatcher(rules=()).find(texts)
        kept = framing.LoadedTermMatcher().find(texts)
        key = ["article_id", "start", "end", "term"]
        print(f"  {name}: {len(texts)} texts, {len(every)} matches without rules, {len(kept)} kept")
        for rule in RULES:
            alone = framing.LoadedTermMatcher(rules=(rule,)).find(texts)
            removed = every.merge(alone[key], on=key, how="left", indicator=True)
            removed = removed[removed["_merge"] == "left_only"]
            rng = random.Random(13)
            picks = rng.sample(range(len(removed)), min(samples, len(removed)))
            shown = []
            for i in picks:
                row = removed.iloc[i]
                text = texts[int(row["article_id"])]
                lo, hi = int(row["start"]), int(row["end"])
                context = text[max(0, lo - 25) : lo] + "[" + text[lo:hi] + "]" + text[hi : hi + 15]
                shown.append(f"{context!r} ({row['term']}, {row['category']})")
            print(f"    {rule:15s} removed {len(removed)}:")
            for line in shown:
                print(f"      {line}")
    print()


# -- PolNeAR --------------------------------------------------------------------------------
def eval_polnear(split: str = "dev") -> None:
    """PolNeAR attribution spans: the evaluation of ``eval_attributions.py`` (one place only)."""
    from eval_attributions import _extractors
    from eval_attributions import eval_polnear as polnear_attributions

    polnear_attributions(split, _extractors(use_baseline=False), errors=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only", choices=("babe", "ptc", "basil", "controls", "rules", "polnear"), action="append"
    )
    parser.add_argument("--polnear-split", default="dev", choices=("dev", "train"))
    args = parser.parse_args()
    chosen = args.only or ["babe", "ptc", "basil", "controls", "rules", "polnear"]
    for name in chosen:
        try:
            if name == "babe":
                eval_babe()
            elif name == "ptc":
                eval_ptc()
            elif name == "rules":
                eval_rules()
            elif name == "basil":
                eval_basil()
            elif name == "controls":
                eval_controls()
            else:
                eval_polnear(args.polnear_split)
        except FileNotFoundError as exc:
            print(f"{name}: skipped ({exc})\n")


if __name__ == "__main__":
    main()
