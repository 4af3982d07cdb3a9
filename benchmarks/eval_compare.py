"""Accuracy of ``framing.compare`` on the teaching pairs (data/teaching_pairs).

1. Calibration: on the ``calibration`` pairs only, the alignment threshold
   is swept and the one with the best sentence-link F1 is printed next to the
   shipped default (``framing.comparison.align.MATCH_THRESHOLD``).
2. Evaluation: on the held-out ``evaluation`` pairs, with the shipped
   defaults: recall per framing device (is each gold device reported, with
   the right direction or verdict?), precision per table (is each reported
   substitution, addition, omission, altered/unsupported verdict and moved
   sentence a gold device?), sentence-link F1, the control pairs' findings
   (must be none), and every miss and false alarm as examples.

Run from the repository root::

    python benchmarks/eval_compare.py
    python benchmarks/eval_compare.py --split calibration   # score the calibration pairs too
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd

import framing
from framing.comparison.align import MATCH_THRESHOLD
from framing.comparison.teaching import (
    TABLES,
    device_table,
    list_teaching_pairs,
    load_teaching_pair,
    score_comparison,
    score_links,
)


def _f1(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 1.0
    r = tp / gold if gold else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def calibrate(names: list[str]) -> float:
    pairs = [load_teaching_pair(n) for n in names]
    rows = []
    for threshold in np.round(np.arange(0.10, 0.55, 0.025), 3):
        tp = predicted = gold = 0
        for pair in pairs:
            result = framing.compare(pair.source, pair.citing, match_threshold=float(threshold))
            a, b, c = score_links(result, pair.gold)
            tp, predicted, gold = tp + a, predicted + b, gold + c
        rows.append((float(threshold), *_f1(tp, predicted, gold)))
    table = pd.DataFrame(rows, columns=["threshold", "precision", "recall", "f1"])
    print(f"Alignment threshold sweep on {len(pairs)} calibration pairs (sentence links):")
    print(table.to_string(index=False, float_format="{:.3f}".format))
    best = table[table["f1"] == table["f1"].max()]
    low, high = float(best["threshold"].min()), float(best["threshold"].max())
    # Rule: a quarter of the way into the best plateau. Translation-like
    # paraphrase (the seed's back-translation) scores lower than the constructed
    # pairs' rewording, so the threshold stays near the plateau's low end.
    chosen = low + 0.25 * (high - low)
    print(
        f"best F1 {best['f1'].max():.3f} on thresholds {low:.3f}-{high:.3f}; rule (a quarter into "
        f"the plateau) gives {chosen:.3f}; shipped default {MATCH_THRESHOLD}\n"
    )
    return chosen


def evaluate(names: list[str], label: str) -> None:
    device_rows, reported_rows, controls = [], [], []
    tp = predicted = gold = 0
    for name in names:
        pair = load_teaching_pair(name)
        result = framing.compare(pair.source, pair.citing)
        devices, reported = score_comparison(result, pair.gold)
        device_rows.append(devices.assign(pair=name))
        reported_rows.append(reported.assign(pair=name))
        a, b, c = score_links(result, pair.gold)
        tp, predicted, gold = tp + a, predicted + b, gold + c
        if not pair.gold["devices"]:
            controls.append((name, len(reported)))
    devices = pd.concat(device_rows, ignore_index=True)
    reported = pd.concat(reported_rows, ignore_index=True)
    devices["found"] = devices["found"].astype(bool)
    reported["correct"] = reported["correct"].astype(bool)
    print(f"== {label}: {len(names)} pairs ({', '.join(names)})")
    print("Recall per device:")
    print(device_table([devices]).to_string(index=False, float_format="{:.2f}".format))
    found = int(devices["found"].sum())
    print(
        f"all devices: {found}/{len(devices)} found (recall {found / max(len(devices), 1):.2f})\n"
    )
    print("Precision and recall per table:")
    rows = []
    for table in TABLES:
        mine = reported[reported["table"] == table]
        theirs = devices[devices["table"] == table]
        rows.append(
            (
                table,
                len(mine),
                int(mine["correct"].sum()),
                mine["correct"].mean() if len(mine) else float("nan"),
                len(theirs),
                int(theirs["found"].sum()),
                theirs["found"].mean() if len(theirs) else float("nan"),
            )
        )
    print(
        pd.DataFrame(
            rows, columns=["table", "reported", "correct", "precision", "gold", "found", "recall"]
        ).to_string(index=False, float_format="{:.2f}".format)
    )
    p, r, f = _f1(tp, predicted, gold)
    print(
        f"\nSentence links: P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp} of {gold} gold, {predicted} predicted)"
    )
    for name, count in controls:
        print(f"control pair {name}: {count} findings (must be 0)")
    misses = devices[~devices["found"]]
    alarms = reported[~reported["correct"]]
    print(f"\nMissed devices ({len(misses)}):")
    for row in misses.itertuples(index=False):
        print(f"  [{row.pair}] {row.device}: source={row.source!r} citing={row.citing!r}")
    print(f"False alarms ({len(alarms)}):")
    for row in alarms.itertuples(index=False):
        print(f"  [{row.pair}] {row.table}: {row.text}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split",
        choices=["evaluation", "calibration", "both"],
        default="evaluation",
        help="which pairs to score after calibrating (default: evaluation)",
    )
    args = parser.parse_args()
    calibrate(list_teaching_pairs("calibration"))
    if args.split in ("calibration", "both"):
        evaluate(list_teaching_pairs("calibration"), "calibration pairs (tuned on)")
    if args.split in ("evaluation", "both"):
        evaluate(list_teaching_pairs("evaluation"), "held-out evaluation pairs")


if __name__ == "__main__":
    main()
