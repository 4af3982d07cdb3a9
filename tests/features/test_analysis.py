"""framing.analyze and its JSON form."""

from __future__ import annotations

import json

import framing


def test_analysis_json_keys_and_offsets(seed_path):
    result = framing.analyze(framing.load(seed_path))
    data = json.loads(result.to_json())
    assert sorted(data) == ["article", "attributions", "loaded_terms", "sentences"]
    assert sorted(data["loaded_terms"][0]) == sorted(
        [
            "start",
            "end",
            "text",
            "term",
            "category",
            "valence",
            "neutral",
            "fuzzy",
            "sentence",
            "voice",
            "loadedness",
        ]
    )
    assert sorted(data["attributions"][0]) == sorted(
        [
            "sentence",
            "start",
            "end",
            "source",
            "source_as_written",
            "source_kind",
            "speaker",
            "cue",
            "cue_class",
            "direct",
            "content",
        ]
    )
    text = data["article"]["text"]
    for term in data["loaded_terms"]:
        assert text[term["start"] : term["end"]] == term["text"]
    for sentence in data["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_summary_counts(seed_path):
    summary = framing.analyze(framing.load(seed_path)).summary.iloc[0]
    assert summary["words"] == 626
    assert summary["attributions_to_outlets"] == 10
    assert summary["own_voice_words"] + summary["attributed_words"] == summary["words"]
    assert summary["attributed_words"] > summary["own_voice_words"]
