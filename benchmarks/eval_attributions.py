"""Accuracy of the attribution extractor on real annotated news (../shared/datasets).

Three evaluations, each printed before (the extractor of
``baseline_attributions.BASELINE_COMMIT``, imported from git history) and
after (the installed one), in one run:

1. **PolNeAR** (Newell et al. 2018), ``dev`` split (rules and the span model
   are developed on ``train`` only): source, cue and content precision,
   recall and F1, exact (after trimming punctuation and quote marks) and
   overlap matches, for speech/writing cues and for all cues. A gold
   attribution counts as speech/writing when its cue holds a speech or
   writing cue of the *baseline* cue lexicon, so the gold subset does not
   move when the lexicon grows.
2. **Gender Gap Tracker** (Asr et al. 2021) quotes, scored as the tracker's
   own ``evaluate_quotes.py``: a gold quote matches the predicted content
   covering the largest share of it above 0.3 (and 0.8); the speaker matches
   when the predicted source span overlaps the gold speaker span, or the gold
   quote has no speaker and the prediction is a floating quote. Also: recall
   by quote kind (direct, indirect, floating: no verb) and the share of
   matched quotes whose canonical ``speaker`` names the gold reference.
3. **BASIL** (Fan et al. 2019): the 20 most cited sources per outlet, by
   ``source`` before and by ``speaker`` (grouped across the corpus with
   :func:`framing.features.names.group_speakers`) after. Pronouns,
   datelines and sentence openers are flagged with ``!``.

Run from the repository root::

    python benchmarks/eval_attributions.py                   # all three
    python benchmarks/eval_attributions.py --only polnear --split train --errors 40
    python benchmarks/eval_attributions.py --no-baseline     # after only
    python benchmarks/eval_attributions.py --rules-only      # after, without the span model
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shared_datasets import read_basil_articles, read_ggt, read_polnear

import framing
from framing.evaluation import combine, trim_span
from framing.features.cues import SPEECH_WRITING_KINDS, CueLexicon
from framing.features.tokens import tokenize

Extract = tuple[str, object]  # (label, extractor instance)


def _row(name: str, p: float, r: float, f: float, extra: str = "") -> str:
    return f"  {name:38s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  {extra}"


def _extractors(use_baseline: bool, rules_only: bool = False) -> list[Extract]:
    chosen: list[Extract] = []
    if use_baseline:
        try:
            from baseline_attributions import BASELINE_COMMIT, load_baseline

            chosen.append((f"before ({BASELINE_COMMIT[:7]})", load_baseline()()))
        except FileNotFoundError as exc:
            print(f"baseline skipped: {exc}")
    if rules_only:
        chosen.append(("after (rules)", framing.AttributionExtractor(span_model=None)))
    else:
        chosen.append(("after", framing.AttributionExtractor()))
    return chosen


def _gold_cues() -> CueLexicon:
    try:
        from baseline_attributions import baseline_cues

        return baseline_cues()  # type: ignore[return-value]
    except FileNotFoundError:
        print("  (gold speech/writing subset from the current cue lexicon: no git history)")
        return CueLexicon.default()


# -- PolNeAR ---------------------------------------------------------------------------------
def _gold_is_speech(text: str, segments: list[tuple[int, int]], cues: CueLexicon) -> bool:
    words = [t.lower for s, e in segments for t in tokenize(text[s:e])]
    return any(
        (c := cues.match_at(words, i)) is not None and c.kind in SPEECH_WRITING_KINDS
        for i in range(len(words))
    )


def _extent(segments: list[tuple[int, int]]) -> tuple[int, int]:
    return min(s for s, _ in segments), max(e for _, e in segments)


def _predicted_spans(text: str, ps: pd.DataFrame, role: str) -> list[tuple[int, int]]:
    if role == "content":
        pairs = zip(ps["content_start"], ps["content_end"], strict=True)
    else:
        pairs = zip(ps[f"{role}_start"], ps[f"{role}_end"], strict=True)
    return [trim_span(text, (int(a), int(b))) for a, b in pairs if pd.notna(a)]


def polnear_parts(articles: pd.DataFrame, gold: pd.DataFrame, predicted: pd.DataFrame) -> dict:
    """Per-article (predicted, gold) span lists keyed by (subset, role)."""
    cues = _gold_cues()
    gold_by = dict(tuple(gold.groupby("article_id")))
    pred_by = dict(tuple(predicted.groupby("article_id"))) if len(predicted) else {}
    empty_p = predicted.iloc[0:0]
    parts: dict[tuple[str, str], list] = defaultdict(list)
    for article_id, text in zip(articles["article_id"], articles["text"], strict=True):
        g = gold_by.get(article_id, gold.iloc[0:0])
        p = pred_by.get(article_id, empty_p)
        speech = np.array([_gold_is_speech(text, c, cues) for c in g["cue"]], dtype=bool)
        subsets = (
            ("speech/writing", g[speech], p[p["cue_kind"].isin(SPEECH_WRITING_KINDS)]),
            ("all cues", g, p),
        )
        for subset, gs, ps in subsets:
            for role in ("source", "cue", "content"):
                gold_spans = [trim_span(text, _extent(segs)) for segs in gs[role] if len(segs)]
                parts[(subset, role)].append(
                    (article_id, _predicted_spans(text, ps, role), gold_spans)
                )
    return parts


def eval_polnear(split: str, extractors: list[Extract], errors: int) -> None:
    articles, gold = read_polnear(split)
    print(f"PolNeAR {split}: {len(articles)} articles, {len(gold)} gold attributions")
    results = []
    for label, extractor in extractors:
        started = time.perf_counter()
        predicted = extractor.extract(articles)
        rate = len(articles) / (time.perf_counter() - started)
        parts = polnear_parts(articles, gold, predicted)
        results.append((label, parts))
        print(f"  {label}: {len(predicted)} predicted ({rate:.0f} articles/s)")
    for subset in ("speech/writing", "all cues"):
        print(f"  {subset}:")
        for role in ("source", "cue", "content"):
            for match in ("exact", "overlap"):
                for label, parts in results:
                    s = combine([(p, g) for _, p, g in parts[(subset, role)]], match)
                    print(
                        _row(
                            f"  {role} ({match}) {label}",
                            s.precision,
                            s.recall,
                            s.f1,
                            f"(pred {int(s.predicted)}, gold {int(s.gold)})",
                        )
                    )
    print(
        "  reference (PARC 3.0, Citron, exact): cue F1 0.823, source F1 0.820, content F1 0.593 "
        "(overlap 0.833); issue 14 targets on speech/writing: cue and source exact >= 0.85, "
        "content overlap >= 0.85\n"
    )
    if errors:
        texts = dict(zip(articles["article_id"], articles["text"], strict=True))
        _print_errors(results[-1][1], texts, errors)


def _print_errors(parts: dict, texts: dict[str, str], n: int) -> None:
    """Sample exact-match misses and false alarms per role (speech/writing)."""
    rng = random.Random(7)
    for role in ("source", "cue", "content"):
        misses, alarms = [], []
        for article_id, predicted, gold in parts[("speech/writing", role)]:
            text = texts[article_id]
            for span in set(gold) - set(predicted):
                misses.append((article_id, span, text))
            for span in set(predicted) - set(gold):
                alarms.append((article_id, span, text))
        for name, items in (("missed", misses), ("false", alarms)):
            print(f"== {role} {name}: {len(items)}")
            for article_id, (s, e), text in rng.sample(items, min(n, len(items))):
                left = text[max(0, s - 60) : s].replace("\n", " ")
                right = text[e : e + 40].replace("\n", " ")
                print(f"  {article_id[:30]:30s} …{left}[[{text[s:e]}]]{right}…")


# -- GGT ---------------------------------------------------------------------------------------
def _cover(gold: tuple[int, int], pred: tuple[int, int]) -> float:
    inter = max(0, min(gold[1], pred[1]) - max(gold[0], pred[0]))
    return inter / (gold[1] - gold[0]) if gold[1] > gold[0] else 0.0


def _name_words(name: object) -> set[str]:
    if not isinstance(name, str):
        return set()
    try:
        from framing.features.names import canonical_name
    except ImportError:  # the extractor before issue 14
        return {w.casefold().strip(".,") for w in name.split()}
    return {w.casefold() for w in canonical_name(name).split()}


def _names_match(speaker: object, reference: str) -> bool:
    ours, gold = _name_words(speaker), _name_words(reference)
    return bool(ours and gold) and (ours <= gold or gold <= ours)


def score_ggt(quotes: pd.DataFrame, predicted: pd.DataFrame, threshold: float) -> dict:
    """GGT's evaluate_quotes.py matching: greedy per gold quote, best coverage above threshold."""
    pred_by = dict(tuple(predicted.groupby("article_id"))) if len(predicted) else {}
    tp = fp = fn = speaker_ok = named_ok = 0
    found_by_kind: Counter[str] = Counter()
    total_by_kind: Counter[str] = Counter()
    for article_id, gold in quotes.groupby("article_id"):
        remaining = list(pred_by.get(article_id, predicted.iloc[0:0]).itertuples(index=False))
        for q in gold.itertuples(index=False):
            total_by_kind[q.kind] += 1
            best, best_score = None, 0.0
            for p in remaining:
                score = _cover((q.quote_start, q.quote_end), (p.content_start, p.content_end))
                if score > threshold and score > best_score:
                    best, best_score = p, score
            if best is None:
                fn += 1
                continue
            remaining.remove(best)
            tp += 1
            found_by_kind[q.kind] += 1
            floating = best.pattern == "floating"
            if pd.notna(q.speaker_start) and pd.notna(best.source_start):
                speaker_ok += (
                    _cover((q.speaker_start, q.speaker_end), (best.source_start, best.source_end))
                    > 0
                )
            elif not q.speaker:
                speaker_ok += floating
            named_ok += _names_match(getattr(best, "speaker", best.source), q.reference)
        fp += len(remaining)
    for article_id, p in pred_by.items():
        if article_id not in set(quotes["article_id"]):
            fp += len(p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "speaker": speaker_ok / tp if tp else 0.0,
        "named": named_ok / tp if tp else 0.0,
        "by_kind": {k: found_by_kind[k] / total_by_kind[k] for k in sorted(total_by_kind)},
        "tp": tp,
    }


def eval_ggt(extractors: list[Extract]) -> None:
    articles, quotes, problems = read_ggt()
    print(
        f"GGT: {len(articles)} articles, {len(quotes)} gold quotes "
        f"({dict(quotes['kind'].value_counts())}); unreadable: {len(problems)}"
    )
    for label, extractor in extractors:
        predicted = extractor.extract(articles[["article_id", "text"]])
        speech = predicted["cue_kind"].isin(SPEECH_WRITING_KINDS)
        predicted = predicted[speech | predicted["pattern"].eq("floating")]
        for threshold in (0.3, 0.8):
            s = score_ggt(quotes, predicted, threshold)
            kinds = "  ".join(f"{k} {v:.2f}" for k, v in s["by_kind"].items())
            print(
                _row(f"quotes @{threshold} {label}", s["precision"], s["recall"], s["f1"])
                + f" speaker {s['speaker']:.3f}  named {s['named']:.3f}  recall: {kinds}"
            )
    print(
        "  reference (GGT's own extractor, full set): F1 0.837 @0.3, 0.761 @0.8, speaker "
        "0.860-0.869; issue 14 targets: F1 >= 0.85 @0.3, speaker >= 0.90, floating recall >= 0.6\n"
    )


# -- BASIL ---------------------------------------------------------------------------------------
_PRONOUNS = frozenset("i we you he she it they who which him her them us me one".split())


def _suspect(name: str, places: frozenset[str]) -> bool:
    """A pronoun, a dateline (a place in capitals) or a one-word sentence opener."""
    words = name.split()
    if name.casefold() in _PRONOUNS:
        return True
    if name.isupper() and name.casefold() in places:
        return True
    return len(words) == 1 and (
        name.casefold().endswith(("ing", "ly"))
        or name.casefold()
        in {"meanwhile", "but", "and", "so", "two", "three", "one", "speaking", "still", "then"}
    )


def eval_basil(extractors: list[Extract], top: int = 20) -> None:
    from framing.features.sources import places

    articles = read_basil_articles()
    print(f"BASIL: {len(articles)} articles, outlets {sorted(articles['outlet'].unique())}")
    outlet_of = dict(zip(articles["article_id"], articles["outlet"], strict=True))
    place_names = places()
    for label, extractor in extractors:
        table = extractor.extract(articles[["article_id", "text"]])
        if "speaker" in table.columns:
            from framing.features.names import group_speakers

            names = group_speakers(table)
            column = "speaker (grouped)"
        else:
            names = table["source"]
            column = "source"
        table = table.assign(name=names, outlet=table["article_id"].map(outlet_of))
        print(f"  {label}: top {top} by {column}")
        flagged = 0
        for outlet, group in table.groupby("outlet"):
            counts = group["name"].dropna().value_counts().head(top)
            marks = []
            for name, count in counts.items():
                bad = _suspect(str(name), place_names)
                flagged += bad
                marks.append(f"{'!' if bad else ''}{name} {count}")
            print(f"    {outlet}: " + "; ".join(marks))
        print(f"    flagged (pronoun, dateline, opener) in top {top}: {flagged}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("polnear", "ggt", "basil"), action="append")
    parser.add_argument("--split", default="dev", choices=("dev", "train"), help="PolNeAR split")
    parser.add_argument("--errors", type=int, default=0, help="print N sample PolNeAR errors")
    parser.add_argument("--no-baseline", action="store_true", help="skip the 'before' figures")
    parser.add_argument("--rules-only", action="store_true", help="'after' without the span model")
    args = parser.parse_args()
    extractors = _extractors(not args.no_baseline, args.rules_only)
    for name in args.only or ["polnear", "ggt", "basil"]:
        try:
            if name == "polnear":
                eval_polnear(args.split, extractors, args.errors)
            elif name == "ggt":
                eval_ggt(extractors)
            else:
                eval_basil(extractors)
        except FileNotFoundError as exc:
            print(f"{name}: skipped ({exc})\n")


if __name__ == "__main__":
    main()
