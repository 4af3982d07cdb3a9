"""The shipped coursework data: constructed, complete, and loadable offline."""

from __future__ import annotations

import json

import framing
from framing import coursework


def test_corpus_is_three_outlets_on_the_same_twelve_events():
    corpus = coursework.load_corpus()
    assert len(corpus) == 36
    counts = corpus.groupby("outlet", observed=True).size()
    assert counts.to_dict() == {
        "lereth-state-agency": 12,
        "the-northern-voice": 12,
        "the-valley-post": 12,
    }
    assert corpus["published"].notna().all() and corpus["url"].is_unique
    assert framing.skipped_table(corpus).empty


def test_corpus_measures_differ_as_the_lessons_say():
    # lesson 5 and the false-finding exercise rest on these contrasts
    summary = coursework.corpus._corpus_summary()
    rates = summary.groupby(summary["outlet"].astype(str))[
        ["loaded_per_1000_words", "loaded_per_1000_own", "loaded_per_1000_attributed"]
    ].mean()
    voice, state, post = (
        rates.loc[o] for o in ("the-northern-voice", "lereth-state-agency", "the-valley-post")
    )
    assert voice["loaded_per_1000_words"] > 3 * post["loaded_per_1000_words"]
    assert voice["loaded_per_1000_own"] < 2 * max(post["loaded_per_1000_own"], 1)
    assert state["loaded_per_1000_own"] > 5 * voice["loaded_per_1000_own"]


def test_seed_source_is_the_tests_neutral_source():
    from pathlib import Path

    tests_copy = Path(__file__).resolve().parents[1] / "comparison" / "neutral_source_for_seed.txt"
    assert coursework.seed_source_path().read_text("utf-8") == tests_copy.read_text("utf-8")


def test_every_key_snippet_is_in_its_texts():
    for name in ("find-the-substitutions", "faithful-credit"):
        exercise = coursework.exercise(name)
        source = framing.load_article(exercise.path("source.txt")).text
        citing = framing.load_article(exercise.path("citing.txt")).text
        key = exercise.key
        for item in key.get("substitutions", {}).get("key", []):
            assert item["source"] in source and item["citing"] in citing
        for claim in key.get("claims", {}).values():
            assert claim["claim"] in citing
    agency = coursework.exercise("the-agency")
    text = agency.read("article.txt")
    assert all(m["sentence"] in text for m in agency.key["mentions"].values())
    assert text.lower().count("the agency") == len(agency.key["mentions"])
    page = coursework.exercise("page-fields")
    assert all(
        set(page.key["furniture"]) | set(page.key["body"])
        == {str(i) for i in range(len(page.key["candidate_lines"]))}
        for _ in [0]
    )


def test_index_is_valid_json_with_what_each_exercise_teaches():
    raw = json.loads((coursework.coursework_dir() / "exercises.json").read_text("utf-8"))
    for entry in raw["exercises"]:
        assert {"name", "title", "topic", "teaches", "notebook", "minutes"} <= set(entry)
        assert len(entry["teaches"]) > 60
