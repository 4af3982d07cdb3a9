"""Held-out teaching pairs: every gold device is found, the control pair is clean."""

from __future__ import annotations

import pytest

import framing
from framing.comparison.teaching import (
    DEVICES,
    list_teaching_pairs,
    load_teaching_pair,
    score_comparison,
    score_links,
)

EVALUATION = list_teaching_pairs("evaluation")


def test_pairs_cover_every_device_and_both_splits():
    calibration = list_teaching_pairs("calibration")
    assert len(calibration) + len(EVALUATION) >= 8 and calibration and EVALUATION
    held_out = {d["device"] for n in EVALUATION for d in load_teaching_pair(n).gold["devices"]}
    required = set(DEVICES) - {"loaded_to_differently_loaded"}
    assert required <= held_out, required - held_out
    topics = {load_teaching_pair(n).gold["topic"] for n in calibration + EVALUATION}
    assert len(topics) >= 6


@pytest.mark.parametrize("name", EVALUATION)
def test_held_out_pair_devices_are_found(name):
    pair = load_teaching_pair(name)
    result = framing.compare(pair.source, pair.citing)
    devices, _ = score_comparison(result, pair.gold)
    missed = devices[~devices["found"].astype(bool)]
    assert missed.empty, missed[["device", "source", "citing"]].to_dict("records")
    if not pair.gold["devices"]:  # the faithful control
        assert result.substitutions.empty and result.additions.empty and result.omissions.empty
        assert not (result.attribution_fidelity["verdict"] == "unsupported").any()
        assert not result.alignment["moved"].any()
    tp, predicted, gold = score_links(result, pair.gold)
    assert tp == gold == predicted


def test_gold_snippets_must_locate_one_place(tmp_path, monkeypatch):
    import json
    import shutil

    from framing.comparison import teaching

    root = tmp_path / "teaching_pairs"
    shutil.copytree(teaching._root() / "port-fees", root / "port-fees")
    gold = json.loads((root / "port-fees" / "gold.json").read_text("utf-8"))
    gold["devices"][0]["source"] = "the"
    (root / "port-fees" / "gold.json").write_text(json.dumps(gold), "utf-8")
    monkeypatch.setattr(teaching, "_root", lambda: root)
    with pytest.raises(ValueError, match=r"occurs \d+ times in source\.txt"):
        load_teaching_pair("port-fees")
    with pytest.raises(FileNotFoundError, match="shipped pairs: port-fees"):
        load_teaching_pair("nope")
