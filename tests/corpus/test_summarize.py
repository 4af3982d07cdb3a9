"""framing.summarize: measures per group as ratios of sums, intervals, tests, speakers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import framing
from framing.corpus.summarize import MAX_PAIRWISE_GROUPS, SPEAKER_COLUMNS, TEST_COLUMNS
from framing.errors import ParameterError


def test_rates_are_ratios_of_sums_per_group(corpus_analysis):
    result = framing.summarize(corpus_analysis, by="bias", n_boot=200)
    table = result.table.set_index("bias")
    summary = corpus_analysis.summary
    bias = corpus_analysis.articles["meta"].map(lambda m: m["bias"])
    for group in ("left", "centre", "right"):
        rows = summary[bias.to_numpy() == group]
        assert table.loc[group, "articles"] == 3
        assert table.loc[group, "words"] == rows["words"].sum()
        expected = 1000 * rows["loaded_terms"].sum() / rows["words"].sum()
        assert table.loc[group, "loaded_per_1000_words"] == pytest.approx(expected)
        own = 1000 * rows["loaded_own"].sum() / rows["own_voice_words"].sum()
        assert table.loc[group, "loaded_per_1000_own"] == pytest.approx(own)
        low, high = table.loc[group, ["loaded_per_1000_words_low", "loaded_per_1000_words_high"]]
        assert low <= expected <= high
    assert table.loc["right", "loaded_per_1000_words"] > table.loc["left", "loaded_per_1000_words"]
    assert table.loc["left", "loaded_per_1000_words"] == 0.0


def test_tests_pairwise_with_holm(corpus_analysis):
    result = framing.summarize(corpus_analysis, by="bias", n_boot=0)
    tests = result.tests
    assert list(tests.columns) == list(TEST_COLUMNS)
    main = tests[tests["measure"] == "loaded_per_1000_words"]
    assert sorted(zip(main["group"], main["versus"], strict=True)) == [
        ("centre", "left"),
        ("centre", "right"),
        ("left", "right"),
    ]
    assert (main["p_adjusted"] >= main["p_value"]).all()
    row = main[(main["group"] == "left") & (main["versus"] == "right")].iloc[0]
    assert row["effect"] == 0.0  # every right article has more loaded terms per word
    assert np.isnan(result.table["loaded_per_1000_words_low"]).all()  # n_boot=0: no interval


def test_many_groups_are_tested_against_the_rest(corpus_analysis):
    summary = corpus_analysis.summary
    frame = summary.assign(fake=[f"g{i}" for i in range(len(summary))])
    assert len(frame) > MAX_PAIRWISE_GROUPS - 4
    result = framing.summarize(frame, by="fake", n_boot=10)
    if len(result.table) > MAX_PAIRWISE_GROUPS:
        assert set(result.tests["versus"]) == {"rest"}


def test_permutation_test_runs_and_is_reproducible(corpus_analysis):
    a = framing.summarize(corpus_analysis, by="bias", test="permutation", n_permutations=200)
    b = framing.summarize(corpus_analysis, by="bias", test="permutation", n_permutations=200)
    pd.testing.assert_frame_equal(a.tests, b.tests)
    pd.testing.assert_frame_equal(a.table, b.table)
    assert a.tests["p_value"].between(0, 1).all()


def test_groups_by_meta_field_period_and_several_names(corpus_analysis):
    result = framing.summarize(corpus_analysis, by=["bias", "month"], n_boot=20)
    assert set(result.table["month"]) == {"2020-01", "2020-02"}
    assert result.table["articles"].sum() == 9
    topics = framing.summarize(corpus_analysis, by="topic", n_boot=20)
    assert dict(zip(topics.table["topic"], topics.table["articles"], strict=True)) == {
        "budget": 3,
        "war": 6,
    }


def test_speakers_under_one_canonical_name(corpus_analysis):
    result = framing.summarize(corpus_analysis, by=None, n_boot=50)
    speakers = result.speakers
    assert list(speakers.columns) == list(SPEAKER_COLUMNS)
    trump = speakers[speakers["speaker"] == "Donald Trump"]
    assert len(trump) == 1 and "Trump" not in set(speakers["speaker"])
    assert trump["attributions"].iat[0] >= 4  # "Trump said", "Trump added", "admitted"...
    assert trump["share_low"].iat[0] <= trump["share"].iat[0] <= trump["share_high"].iat[0]
    verbs = result.verbs.set_index("cue")
    assert "say" in verbs.index and not verbs.loc["say", "loaded"]


def test_summary_table_keeps_published_and_title(corpus_analysis):
    summary = corpus_analysis.summary
    assert {"title", "published"} <= set(summary.columns)
    assert summary["title"].iat[0] == "Story 0 of left"
    assert str(summary["published"].dtype).startswith("datetime64")


def test_bad_parameters_name_themselves(corpus_analysis):
    with pytest.raises(ParameterError, match="by"):
        framing.summarize(corpus_analysis, by="no_such_field")
    with pytest.raises(ParameterError, match="test"):
        framing.summarize(corpus_analysis, by="bias", test="t-test")
    with pytest.raises(ParameterError, match="ci"):
        framing.summarize(corpus_analysis, by="bias", ci=95)


def test_text_names_groups_and_intervals(corpus_analysis):
    text = framing.summarize(corpus_analysis, by="bias", n_boot=100).to_text()
    assert text.startswith("Corpus summary by bias: 3 group(s), 9 article(s)")
    assert "right" in text and "[" in text and "Donald Trump" in text
