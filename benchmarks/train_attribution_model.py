"""Train the attribution span model on PolNeAR train (never dev) and write it to the package.

The rules propose candidates; this script records, for every article of
PolNeAR's ``train`` split, (1) every start the rules could give a source
that stands before its cue, (2) every end of a source after its cue, (3)
every end of a cue, each labelled by whether it is the gold one, and (4)
every candidate attribution, labelled by whether its cue overlaps a gold
cue. Four logistic regressions (scikit-learn) are fitted on these; the
regularisation, and the acceptance threshold, are chosen by 5-fold
cross-validation over train articles. The weights are written as JSON to
``framing/resources/models/attribution_spans.json`` (see the model card
``attribution_spans.MODEL_CARD.md`` beside it). Run from the repository
root (about half a minute)::

    python benchmarks/train_attribution_model.py
    python benchmarks/train_attribution_model.py --dry-run   # scores only, writes nothing
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shared_datasets import read_polnear

from framing.evaluation import trim_span
from framing.features.attributions import AttributionExtractor
from framing.features.cue_spans import cue_end_feature_sets
from framing.features.cues import SPEECH_WRITING_KINDS
from framing.features.span_model import MODEL_FILE, end_feature_sets, start_feature_sets

OUT = Path(__file__).resolve().parents[1] / "framing" / "resources" / "models" / MODEL_FILE
C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
# Features seen fewer times than this in training are dropped (keeps the model small).
MIN_COUNT = 3
# Weights smaller than this in absolute value are not shipped.
MIN_WEIGHT = 0.01


class Recorder:
    """Stands in for a SpanModel: records candidates and keeps the rules' choices."""

    def __init__(self) -> None:
        self.article = ""
        self.text = ""
        self.starts: list[tuple[str, list[tuple[int, int]], list[list[str]]]] = []
        self.ends: list[tuple[str, list[tuple[int, int]], list[list[str]]]] = []
        self.cue_ends: list[tuple[str, list[tuple[int, int]], list[list[str]]]] = []
        self.accepts: list[tuple[str, tuple[int, int], str, list[str]]] = []

    def best_start(self, tokens, lo, last, rule_first, classes=None):
        spans, feats = [], []
        for s, features in start_feature_sets(tokens, lo, last, rule_first, classes):
            spans.append(trim_span(self.text, (tokens[s].start, tokens[last].end)))
            feats.append(features)
        self.starts.append((self.article, spans, feats))
        return rule_first

    def best_end(self, tokens, first, hi, rule_last, classes=None):
        spans, feats = [], []
        for e, features in end_feature_sets(tokens, first, hi, rule_last, classes):
            spans.append(trim_span(self.text, (tokens[first].start, tokens[e].end)))
            feats.append(features)
        self.ends.append((self.article, spans, feats))
        return rule_last

    def best_cue_end(
        self, tokens, first, lexical_end, rule_end, ceiling, lemma, pattern, classes, kind="end"
    ):
        spans, feats = [], []
        for e, features in cue_end_feature_sets(
            tokens, lexical_end, rule_end, ceiling, lemma, pattern, classes, kind
        ):
            spans.append(trim_span(self.text, (tokens[first].start, tokens[e].end)))
            feats.append(features)
        self.cue_ends.append((self.article, spans, feats))
        return rule_end

    def keep(self, found, features):
        cue = trim_span(self.text, found.cue)
        self.accepts.append((self.article, cue, found.lemma.kind, list(features)))
        return True


def _gold_spans(gold, texts: dict[str, str], role: str) -> dict[str, set[tuple[int, int]]]:
    out: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for article_id, segments in zip(gold["article_id"], gold[role], strict=True):
        if len(segments):
            extent = (min(s for s, _ in segments), max(e for _, e in segments))
            out[article_id].add(trim_span(texts[article_id], extent))
    return out


def _record(articles) -> Recorder:
    recorder = Recorder()
    extractor = AttributionExtractor(span_model=recorder).fit()
    for article_id, text in zip(articles["article_id"], articles["text"], strict=True):
        recorder.article, recorder.text = article_id, text
        extractor.extract([(article_id, text)])
    return recorder


def _vectorise(rows: list[dict[str, int]]) -> tuple[DictVectorizer, object]:
    """Binary features seen at least ``MIN_COUNT`` times."""
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        for feature in row:
            counts[feature] += 1
    kept = [{f: 1 for f in row if counts[f] >= MIN_COUNT or f == "bias"} for row in rows]
    vec = DictVectorizer()
    return vec, vec.fit_transform(kept)


def _fit(X, y, c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=2000).fit(X, y)


def train_start(groups_recorded, gold_sources) -> tuple[dict[str, float], dict]:
    rows, labels, groups, group_rows = [], [], [], []
    for article_id, spans, feats in groups_recorded:
        golds = gold_sources.get(article_id, set())
        label = [span in golds for span in spans]
        if not any(label):
            continue  # the gold source does not end here: nothing to learn about its start
        first = len(rows)
        rows += [dict.fromkeys(f, 1) for f in feats]
        labels += label
        groups += [article_id] * len(spans)
        group_rows.append((first, len(rows)))
    vec, X = _vectorise(rows)
    y, g = np.array(labels), np.array(groups)
    row_group = np.empty(len(rows), dtype=int)
    for n, (a, b) in enumerate(group_rows):
        row_group[a:b] = n
    rule = np.array(["rule" in r for r in rows])
    baseline = np.mean([y[a:b][rule[a:b]].any() for a, b in group_rows])
    scores = {}
    for c in C_GRID:
        correct = 0
        for tr, te in GroupKFold(5).split(X, y, g):
            model = _fit(X[tr], y[tr], c)
            decision = model.decision_function(X[te])
            by_group: dict[int, tuple[float, bool]] = {}
            for d, label, grp in zip(decision, y[te], row_group[te], strict=True):
                if grp not in by_group or d > by_group[grp][0]:
                    by_group[grp] = (d, bool(label))
            correct += sum(label for _, label in by_group.values())
        scores[c] = correct / len(group_rows)
    best = max(scores, key=scores.get)
    model = _fit(X, y, best)
    weights = _weights(vec, model)
    info = {
        "groups": len(group_rows),
        "candidates": len(rows),
        "rules_accuracy": round(float(baseline), 4),
        "cv_accuracy": {str(c): round(s, 4) for c, s in scores.items()},
        "C": best,
    }
    return weights, info


def _overlaps(span: tuple[int, int], spans: set[tuple[int, int]]) -> bool:
    return any(min(span[1], e) > max(span[0], s) for s, e in spans)


def train_accept(
    recorder: Recorder, gold_cues, speech_cues, n_gold_speech: int
) -> tuple[dict, float, dict]:
    """Fit the acceptance model; choose C and the threshold as the evaluation scores them.

    The model learns whether a candidate's cue overlaps any gold cue; C and
    the threshold are chosen on the mean of exact and overlap F1 of speech
    and writing cues against the evaluation's gold subset (``speech_cues``),
    smoothed over neighbouring thresholds so that a flat optimum does not
    flip between far-apart choices.
    """
    rows, labels, groups, speech, exact, near = [], [], [], [], [], []
    for article_id, cue, kind, feats in recorder.accepts:
        golds = gold_cues.get(article_id, set())
        labels.append(_overlaps(cue, golds))
        exact.append(cue in speech_cues.get(article_id, set()))
        near.append(_overlaps(cue, speech_cues.get(article_id, set())))
        rows.append(dict.fromkeys(feats, 1))
        groups.append(article_id)
        speech.append(kind in SPEECH_WRITING_KINDS)
    vec, X = _vectorise(rows)
    y, g, sw = np.array(labels), np.array(groups), np.array(speech)
    ye, yo = np.array(exact), np.array(near)
    thresholds = np.round(np.arange(0.05, 0.75, 0.025), 3)
    results = {}
    for c in C_GRID:
        prob = np.zeros(len(y))
        for tr, te in GroupKFold(5).split(X, y, g):
            prob[te] = _fit(X[tr], y[tr], c).predict_proba(X[te])[:, 1]
        for t in thresholds:
            kept = (prob >= t) & sw
            tp = int((kept & yo).sum())
            p = tp / max(int(kept.sum()), 1)
            r = tp / n_gold_speech
            f_exact = 2 * int((kept & ye).sum()) / (int(kept.sum()) + n_gold_speech)
            f_overlap = 2 * p * r / (p + r) if p + r else 0.0
            # the evaluation scores cues exactly and by overlap: the mean of both
            results[(c, float(t))] = ((f_overlap + f_exact) / 2, p, r, f_exact)
    kept_all = sw
    tp = int((kept_all & yo).sum())
    p0, r0 = tp / int(kept_all.sum()), tp / n_gold_speech

    def smoothed(key: tuple[float, float]) -> float:
        c, t = key
        around = [results[(c, float(u))][0] for u in thresholds if abs(u - t) < 0.03]
        return sum(around) / len(around)

    best = max(results, key=smoothed)
    model = _fit(X, y, best[0])
    info = {
        "candidates": len(rows),
        "positive": int(y.sum()),
        "rules_only": {"precision": round(p0, 4), "recall": round(r0, 4)},
        "cv_best": {
            "C": best[0],
            "threshold": best[1],
            "f1_mean_overlap_exact": round(results[best][0], 4),
            "f1_exact": round(results[best][3], 4),
            "precision": round(results[best][1], 4),
            "recall": round(results[best][2], 4),
        },
    }
    return _weights(vec, model), best[1], info


def _weights(vec: DictVectorizer, model: LogisticRegression) -> dict[str, float]:
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 3) for n, w in zip(names, model.coef_[0], strict=True)}
    weights = {k: v for k, v in weights.items() if abs(v) >= MIN_WEIGHT}
    weights["bias"] = round(weights.get("bias", 0.0) + float(model.intercept_[0]), 3)
    return dict(sorted(weights.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print scores, write nothing")
    args = parser.parse_args()
    started = time.perf_counter()
    articles, gold = read_polnear("train")
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    recorder = _record(articles)
    sources = _gold_spans(gold, texts, "source")
    cues = _gold_spans(gold, texts, "cue")
    from eval_attributions import _gold_cues, _gold_is_speech  # the evaluation's subset

    lexicon = _gold_cues()
    n_speech = sum(
        _gold_is_speech(texts[a], c, lexicon)
        for a, c in zip(gold["article_id"], gold["cue"], strict=True)
        if len(c)
    )
    start_w, start_info = train_start(recorder.starts, sources)
    end_w, end_info = train_start(recorder.ends, sources)
    cue_end_w, cue_end_info = train_start(recorder.cue_ends, cues)
    speech_cues: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for article_id, segments in zip(gold["article_id"], gold["cue"], strict=True):
        if len(segments) and _gold_is_speech(texts[article_id], segments, lexicon):
            extent = (min(s for s, _ in segments), max(e for _, e in segments))
            speech_cues[article_id].add(trim_span(texts[article_id], extent))
    accept_w, threshold, accept_info = train_accept(recorder, cues, speech_cues, n_speech)
    meta = {
        "trained_on": "PolNeAR train split (840 articles; Newell, Margolin & Ruths, LREC 2018)",
        "command": "python benchmarks/train_attribution_model.py",
        "start": start_info,
        "end": end_info,
        "cue_end": cue_end_info,
        "accept": accept_info,
    }
    print(json.dumps(meta, indent=1))
    print(f"({time.perf_counter() - started:.0f} s)")
    if args.dry_run:
        return
    OUT.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "format": 1,
        "meta": meta,
        "start": {"weights": start_w},
        "end": {"weights": end_w},
        "cue_end": {"weights": cue_end_w},
        "accept": {"weights": accept_w, "threshold": threshold},
    }
    text = json.dumps(payload, ensure_ascii=False, indent=0)
    OUT.write_text(text + "\n", "utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
