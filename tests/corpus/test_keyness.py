"""framing.keyness: log-odds with an informative prior over any number of groups, any input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import CountVectorizer

import framing
from framing.corpus.keyness import KEYNESS_COLUMNS, lexicon_categories
from framing.errors import ParameterError
from framing.features.distinguishing import count_terms, log_odds_z

TEXTS = [
    "The regime crushed the protesters in the U.S. capital.",
    "The regime’s forces crushed them again.",
    "The government met the protesters and talked.",
    "The government talked with the protesters on Iran-backed groups.",
    "Markets rose as the government talked.",
    "The regime fell and markets rose.",
]
GROUPS = ["a", "a", "b", "b", "c", "c"]


def test_z_scores_follow_monroe_et_al():
    table = framing.keyness(
        pd.DataFrame({"text": TEXTS, "side": GROUPS}), by="side", min_count=1, top=None
    )
    counts = count_terms(TEXTS)
    matrix = counts.matrix.toarray()
    total = matrix.sum(axis=0)
    row = table[(table["group"] == "a") & (table["versus"] == "rest")].set_index("term")
    in_a = matrix[:2].sum(axis=0)
    terms = counts.terms
    from framing.features.distinguishing import stop_word_set

    stop = stop_word_set("english")
    mask = np.array([t not in stop for t in terms])
    prior = total[mask] / total[mask].sum() * 500
    _delta, z = log_odds_z(in_a[mask].astype(float), (total - in_a)[mask].astype(float), prior)
    expected = dict(zip(terms[mask], z, strict=True))
    for term in ("regime", "crushed", "government"):
        assert row.loc[term, "z"] == pytest.approx(expected[term])
    assert row["z"].iloc[0] == row["z"].max()


def test_tokens_kept_whole_apostrophes_normalised_stop_words_off():
    table = framing.keyness(
        pd.DataFrame({"text": TEXTS, "side": GROUPS}), by="side", min_count=1, top=None
    )
    terms = set(table["term"])
    assert {"u.s.", "regime's", "iran-backed"} <= terms
    assert "u" not in terms and "regime’s" not in terms and "the" not in terms
    kept = framing.keyness(
        pd.DataFrame({"text": TEXTS, "side": GROUPS}),
        by="side",
        min_count=1,
        top=None,
        stop_words=None,
    )
    assert "the" in set(kept["term"])


def test_rest_and_pairwise_over_three_groups():
    table = framing.keyness(
        pd.DataFrame({"text": TEXTS, "g": GROUPS}), by="g", compare="both", min_count=1, top=3
    )
    assert list(table.columns) == list(KEYNESS_COLUMNS)
    pairs = set(zip(table["group"], table["versus"], strict=True))
    assert pairs == {
        ("a", "rest"),
        ("b", "rest"),
        ("c", "rest"),
        ("a", "b"),
        ("b", "a"),
        ("a", "c"),
        ("c", "a"),
        ("b", "c"),
        ("c", "b"),
    }
    top = table[table["versus"] == "rest"].groupby("group")["term"].first().to_dict()
    assert top["a"] in {"regime", "crushed"}
    assert top["b"] in {"government", "protesters", "talked", "met", "iran-backed", "groups"}
    named = framing.keyness(
        pd.DataFrame({"text": TEXTS, "g": GROUPS}),
        by="g",
        compare="pairs",
        pairs=[("a", "c")],
        min_count=1,
    )
    assert set(named["versus"]) == {"a", "c"}


def test_precounted_long_wide_termcounts_and_scikit_agree():
    from_texts = framing.keyness(
        pd.DataFrame({"text": TEXTS, "g": GROUPS}), by="g", min_count=1, top=None
    )
    counts = count_terms(TEXTS)
    from_counts = framing.keyness(counts, groups=GROUPS, min_count=1, top=None)
    pd.testing.assert_frame_equal(from_texts, from_counts)
    long = pd.DataFrame(
        [
            (g, t, c)
            for g in "abc"
            for t, c in zip(
                counts.terms,
                np.asarray(counts.matrix[[i for i, x in enumerate(GROUPS) if x == g]].sum(axis=0))[
                    0
                ],
                strict=True,
            )
            if c
        ],
        columns=["g", "term", "count"],
    )
    from_long = framing.keyness(long, by="g", min_count=1, top=None)
    key = ["group", "versus", "term"]
    merged = from_texts.merge(from_long, on=key, suffixes=("", "_long"))
    assert len(merged) == len(from_texts)
    assert np.allclose(merged["z"], merged["z_long"])
    wide = long.pivot_table(index="term", columns="g", values="count", fill_value=0)
    from_wide = framing.keyness(wide, min_count=1, top=None)
    merged = from_texts.merge(from_wide, on=key, suffixes=("", "_wide"))
    assert np.allclose(merged["z"], merged["z_wide"])
    vectorizer = CountVectorizer(token_pattern=r"(?u)\b[^\W\d_][\w'’.-]*")
    matrix = vectorizer.fit_transform(TEXTS)
    scikit = framing.keyness(
        (matrix, vectorizer.get_feature_names_out()), groups=GROUPS, min_count=1
    )
    assert set(scikit["group"]) == {"a", "b", "c"}


def test_analysis_counts_equal_text_counts(corpus_analysis):
    from_counts = framing.keyness(corpus_analysis, by="bias", min_count=1, top=None)
    without = framing.Analysis(
        corpus_analysis.articles,
        corpus_analysis.sentences,
        corpus_analysis.loaded_terms,
        corpus_analysis.attributions,
        corpus_analysis.summary,
    )
    from_text = framing.keyness(without, by="bias", min_count=1, top=None)
    pd.testing.assert_frame_equal(from_counts, from_text)
    regime = from_counts[(from_counts["group"] == "right") & (from_counts["term"] == "regime")]
    assert regime["z"].iat[0] > 0 and regime["category"].iat[0] is not None


def test_lexicon_categories_include_inflections():
    categories = lexicon_categories()
    assert categories["assassinations"] == categories["assassination"]


def test_bad_input_is_named():
    with pytest.raises(ParameterError, match="groups"):
        framing.keyness(count_terms(TEXTS))
    with pytest.raises(ParameterError, match="compare"):
        framing.keyness(pd.DataFrame({"text": TEXTS, "g": GROUPS}), by="g", compare="all")
    with pytest.raises(ParameterError, match="data"):
        framing.keyness(["a text"])


def test_distinguishing_terms_api_kept():
    table = framing.distinguishing_terms(TEXTS, GROUPS, min_count=1)
    assert list(table.columns) == ["group", "term", "count", "count_rest", "log_odds", "z"]
    assert "the" not in set(table["term"])
