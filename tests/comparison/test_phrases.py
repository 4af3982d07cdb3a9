"""Phrase-level re-alignment inside linked sentences (framing.comparison.phrases)."""

from __future__ import annotations

import pytest

import framing
from framing.comparison import embeddings
from framing.comparison.edits import diff_words, words_of
from framing.comparison.phrases import realign


def _replacements(source: str, citing: str) -> list[tuple[str, str]]:
    edits = diff_words(words_of(source, 0, len(source)), words_of(citing, 0, len(citing)))
    return [
        (source[e.source_start : e.source_end], citing[e.citing_start : e.citing_end])
        for e in edits
        if e.tag == "replace"
    ]


@pytest.fixture
def no_vectors(monkeypatch):
    """Compare as when word_vectors.npz is not installed."""
    monkeypatch.setattr(embeddings, "default_vectors", lambda: None)


def test_reordered_clause_pairs_its_replaced_words():
    source = "The rebels, the army said, had suffered heavy casualties and lost many vehicles."
    citing = "The army said that the rebels had lost vehicles and sustained serious fatalities."
    # the monotone diff alone pairs nothing: the clause moved
    assert ("suffered heavy casualties", "sustained serious fatalities") in _replacements(
        source, citing
    )
    result = framing.compare(source, citing)
    row = result.rewordings.iloc[0]
    assert (row["source_phrase"], row["citing_phrase"]) == (
        "suffered heavy casualties",
        "sustained serious fatalities",
    )
    assert row["kind"] == "intensity"


def test_moved_reporting_verb_is_one_attribution_change():
    result = framing.compare(
        "The company, which has opened two plants in the north, said on Monday that the "
        "strike had ended.",
        "In the north, the company has opened two plants. On Monday, the company claimed "
        "that the strike had ended.",
    )
    subs = result.substitutions
    assert subs["kind"].tolist() == ["attribution"]
    assert subs["citing_phrase"].iloc[0].endswith("claimed")


def test_moved_name_put_in_quotes_is_a_scare_quote():
    result = framing.compare(
        "Analysts said the odds of an Iranian test at a remote site had grown.",
        "Analysts said the odds of a test by “Iran” at remote sites had grown.",
    )
    assert result.substitutions[["source_phrase", "citing_phrase", "kind"]].values.tolist() == [
        ["an Iranian test", "a test by “Iran”", "scare_quotes"]
    ]


def test_without_vectors_the_compare_stage_still_works(no_vectors):
    assert embeddings.default_vectors() is None
    source = "The rebels, the army said, had suffered heavy casualties and lost many vehicles."
    citing = "The army said that the rebels had lost vehicles and sustained serious fatalities."
    pairs = _replacements(source, citing)
    assert ("suffered heavy casualties", "sustained serious fatalities") not in pairs
    result = framing.compare(source, citing)
    assert len(result.alignment) == 1
    both = [result.substitutions, result.rewordings]
    rows = [
        (s, c) for t in both for s, c in zip(t["source_phrase"], t["citing_phrase"], strict=True)
    ]
    # the monotone diff pairs what stands in the same place, not what corresponds
    assert ("lost many vehicles", "sustained serious fatalities") in rows
    assert not any("casualties" in s and "fatalities" in c for s, c in rows)
    # moved words and reporting verbs are still paired without vectors
    moved = framing.compare(
        "Analysts said the odds of an Iranian test at a remote site had grown.",
        "Analysts said the odds of a test by “Iran” at remote sites had grown.",
    )
    assert moved.substitutions["kind"].tolist() == ["scare_quotes"]


def test_number_words_and_negations_are_never_paired_by_meaning():
    from framing.comparison.phrases import _pairable

    words = words_of("a million people did not win", 0, 28)
    assert [w.text for w in words if _pairable(w)] == ["a", "people", "did", "win"]
    # a negation stays with its neighbours
    assert _replacements("He did not win the vote in the end.", "He lost the vote in the end.") == [
        ("did not win", "lost")
    ]


def test_a_small_swap_in_place_is_left_as_the_diff_made_it():
    chunks = [[1, 2, 1, 2]]
    source = words_of("The troops left.", 0, 16)
    citing = words_of("The soldiers left.", 0, 18)
    assert realign(chunks, source, citing) == chunks
    assert _replacements(
        "The blast was loud, said another witness.", ("The blast was loud, the witness claimed.")
    ) == [("said another witness", "the witness claimed")]
