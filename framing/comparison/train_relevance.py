"""Train the relevance model of the compare stage (``framing/resources/relevance_model.json``).

Every replacement the compare stage finds in the development pairs is a
training row: its signals (:data:`framing.comparison.relevance.SIGNALS`) and
a label, 1 when it names a change the gold lists as ``key`` or
``acceptable`` (the real_pairs README's hit rule) or, in the calibration
teaching pairs, a gold substitution device; else 0. A logistic regression
(scikit-learn, L2, ``C`` below) is fitted; the threshold between
substitutions and rewordings is the one with the best F1 of key recall and
precision on the real pairs (one-to-one scoring), the lowest on ties.
Leave-one-source-out figures (pairs sharing a source article held out
together, model and threshold fitted on the rest) are printed as the honest
estimate.

Run from the repository root (needs ``../shared/datasets/real_pairs``)::

    python -m framing.comparison.train_relevance            # print figures only
    python -m framing.comparison.train_relevance --write    # also write the model file
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .gold import (
    GoldScore,
    compare_folder,
    hits,
    pair_folders,
    read_gold,
    score_tables,
    source_groups,
)
from .relevance import SIGNALS, recording

__all__ = ["collect", "fit", "main"]

REPO = Path(__file__).resolve().parents[2]
REAL_PAIRS = REPO.parent / "shared" / "datasets" / "real_pairs"
MODEL = REPO / "framing" / "resources" / "relevance_model.json"
# L2 strength (scikit-learn's C): strong regularisation for ~200 rows.
C = 1.0
THRESHOLDS = np.round(np.arange(0.05, 0.951, 0.025), 3)


def _label(row: dict[str, Any], gold: dict[str, Any]) -> int:
    items = [*gold.get("key", []), *gold.get("acceptable", [])]
    return int(any(hits(row["source_phrase"], row["citing_phrase"], s, c) for s, c in items))


def collect(root: Path) -> list[dict[str, Any]]:
    """One record per real pair: its gold and every replacement with signals and label."""
    pairs = []
    for folder in pair_folders(root):
        gold = read_gold(folder)
        with recording() as rows:
            compare_folder(folder, relevance_threshold=2.0)
        for row in rows:
            row["label"] = _label(row, gold)
        pairs.append({"name": folder.name, "gold": gold, "rows": list(rows)})
    return pairs


def _teaching_rows() -> list[dict[str, Any]]:
    """Replacements of the calibration teaching pairs, labelled by their substitution devices."""
    from .pipeline import compare
    from .teaching import DEVICES, list_teaching_pairs, load_teaching_pair

    out = []
    for name in list_teaching_pairs("calibration"):
        pair = load_teaching_pair(name)
        spans = []
        for device in pair.gold["devices"]:
            if DEVICES[device["device"]][0] == "substitutions":
                s = pair.source.text.find(device["source"])
                c = pair.citing.text.find(device["citing"])
                spans.append((s, s + len(device["source"]), c, c + len(device["citing"])))
        with recording() as rows:
            compare(pair.source, pair.citing, relevance_threshold=2.0)
        for row in rows:
            row["label"] = int(
                any(
                    row["source_start"] < s2
                    and row["source_end"] > s1
                    and row["citing_start"] < c2
                    and row["citing_end"] > c1
                    for s1, s2, c1, c2 in spans
                )
            )
            out.append(row)
    return out


def _matrix(rows: Sequence[dict[str, Any]]) -> np.ndarray:
    return np.array([[float(r.get(f"signal_{s}", 0.0)) for s in SIGNALS] for r in rows]).reshape(
        len(rows), len(SIGNALS)
    )


def fit(rows: Sequence[dict[str, Any]]) -> tuple[float, dict[str, float]]:
    """Intercept and coefficients of the logistic regression on ``rows``."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, max_iter=1000)
    model.fit(_matrix(rows), np.array([r["label"] for r in rows]))
    return float(model.intercept_[0]), {
        s: float(w) for s, w in zip(SIGNALS, model.coef_[0], strict=True)
    }


def _scores(
    pairs: Sequence[dict[str, Any]], intercept: float, coefficients: dict[str, float]
) -> dict[float, list[GoldScore]]:
    """Each pair's score at every threshold, with relevance from this model."""
    out: dict[float, list[GoldScore]] = {float(t): [] for t in THRESHOLDS}
    for pair in pairs:
        rows = [r for r in pair["rows"] if not r.get("signal_quoted")]
        z = intercept + _matrix(rows) @ np.array([coefficients[s] for s in SIGNALS])
        relevance = 1.0 / (1.0 + np.exp(-z)) if len(rows) else np.zeros(0)
        gold = {k: pair["gold"][k] for k in ("key", "acceptable", "never")}
        for t in THRESHOLDS:
            kept = [r for r, p in zip(rows, relevance, strict=True) if p >= t]
            out[float(t)].append(score_tables(gold, substitutions=kept))
    return out


def _f1(score: GoldScore) -> float:
    r, p = score.recall, score.precision
    return 0.0 if not (r and p) or r != r or p != p else 2 * r * p / (r + p)


def _best_threshold(scores: dict[float, list[GoldScore]], pairs: Sequence[int]) -> float:
    return max(
        scores, key=lambda t: (round(_f1(sum((scores[t][k] for k in pairs), GoldScore())), 6), -t)
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", type=Path, default=REAL_PAIRS)
    parser.add_argument("--write", action="store_true", help=f"write {MODEL.name}")
    args = parser.parse_args(argv)
    pairs = collect(args.real)
    teaching = _teaching_rows()
    groups = source_groups(list(pair_folders(args.real)))
    all_rows = [r for p in pairs for r in p["rows"]] + teaching
    print(
        f"{len(all_rows)} replacements ({sum(r['label'] for r in all_rows)} positive) "
        f"from {len(pairs)} real pairs and the calibration teaching pairs"
    )

    held_out, chosen = GoldScore(), []
    for group in sorted(set(groups)):
        train = [k for k, g in enumerate(groups) if g != group]
        intercept, coefficients = fit([r for k in train for r in pairs[k]["rows"]] + teaching)
        scores = _scores(pairs, intercept, coefficients)
        t = _best_threshold(scores, train)
        chosen.append(t)
        for k, g in enumerate(groups):
            if g == group:
                held_out = held_out + scores[t][k]
    print(
        f"leave-one-source-out: R={held_out.recall:.2f} P={held_out.precision:.2f} "
        f"({held_out.key_found}/{held_out.key} key, {held_out.served}/{held_out.reported} "
        f"rows), forbidden {held_out.forbidden}; thresholds chosen {sorted(set(chosen))}"
    )

    intercept, coefficients = fit(all_rows)
    scores = _scores(pairs, intercept, coefficients)
    threshold = _best_threshold(scores, list(range(len(pairs))))
    print("threshold sweep on all pairs (model fitted on all):")
    for t, per_pair in scores.items():
        s = sum(per_pair, GoldScore())
        mark = " <- chosen" if t == threshold else ""
        print(f"  {t:.3f}: R={s.recall:.2f} P={s.precision:.2f} ({s.served}/{s.reported}){mark}")
    print(
        "coefficients:",
        {k: round(v, 3) for k, v in coefficients.items()},
        "intercept",
        round(intercept, 3),
    )
    if args.write:
        spec = {
            "intercept": round(intercept, 6),
            "coefficients": {k: round(v, 6) for k, v in coefficients.items()},
            "threshold": float(threshold),
            "trained_on": "shared/datasets/real_pairs (14 development pairs) and the "
            "calibration teaching pairs in data/teaching_pairs",
            "leave_one_source_out": {
                "key_recall": round(held_out.recall, 3),
                "precision": round(held_out.precision, 3),
            },
            "command": "python -m framing.comparison.train_relevance --write",
        }
        MODEL.write_text(json.dumps(spec, indent=1) + "\n", "utf-8")
        print(f"wrote {MODEL}")


if __name__ == "__main__":
    main()
