"""The loadedness score: features, model file, fallback and scoring functions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.errors import FramingError
from framing.features.loadedness import (
    LoadednessModel,
    fit_model,
    loaded_spans,
    score,
    score_span_table,
)
from framing.features.loadedness_features import FEATURE_NAMES, word_features
from framing.features.loadedness_train import word_spans


def test_features_are_named_and_offsets_slice():
    texts = ["The so-called “experts” slammed the brutal regime.", ""]
    words, X = word_features(texts)
    assert X.shape == (len(words), len(FEATURE_NAMES))
    assert all(
        texts[d][s:e] == t
        for d, s, e, t in zip(
            words["doc"], words["start"], words["end"], words["text"], strict=True
        )
    )
    row = dict(zip(FEATURE_NAMES, X[words["text"].tolist().index("experts")], strict=True))
    assert row["in_quotes"] == 1.0
    assert row["lex_label_negative"] == 0.0
    regime = dict(zip(FEATURE_NAMES, X[words["text"].tolist().index("regime")], strict=True))
    assert regime["lex_label_negative"] == 1.0 and regime["prev_vader_abs"] > 0


def test_shipped_model_ranks_loaded_words_higher():
    model = LoadednessModel.default()
    assert model.kind == "trained"
    assert model.info["training_data"][0].startswith("BABE")
    assert score("regime", "The regime fell.") > score("government", "The government fell.")
    assert score("thugs", "Thugs attacked the office.") > score("men", "Men attacked the office.")
    assert 0.0 <= score("anything at all") <= 1.0


def test_phrase_not_in_context_is_scored_alone():
    assert score("regime", "Nothing here.") == score("regime")


def test_span_table_and_loaded_spans_slice_the_text():
    text = "The brutal regime slaughtered them. Talks resumed on Monday."
    spans = loaded_spans([text])
    assert all(
        text[s:e] == t for s, e, t in zip(spans["start"], spans["end"], spans["text"], strict=True)
    )
    assert "Talks" not in " ".join(spans["text"])
    articles = pd.DataFrame({"article_id": ["a"], "text": [text]})
    table = pd.DataFrame({"article_id": ["a", "a"], "start": [11, 36], "end": [17, 41]})
    brutal_regime, talks = score_span_table(articles, table)
    assert brutal_regime > talks


def test_model_file_round_trip_and_bad_files(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, len(FEATURE_NAMES)))
    y = X[:, FEATURE_NAMES.index("vader_abs")] > 0.5
    words = np.array(["w"] * 200, dtype=object)
    model = fit_model([X], [y], [words], training_data=["synthetic"])
    path = model.save(tmp_path / "m.json")
    again = LoadednessModel.load(path)
    assert np.allclose(again.coef, model.coef, atol=1e-5)
    assert again.explain(1)["feature"].tolist() == ["vader_abs"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"feature_names": ["no_such_feature"]}', "utf-8")
    with pytest.raises(FramingError, match=r"bad\.json: not a framing loadedness model"):
        LoadednessModel.load(bad)
    with pytest.raises(FramingError, match="no such model file"):
        LoadednessModel.load(tmp_path / "missing.json")


def test_heuristic_fallback_needs_no_data():
    model = LoadednessModel.heuristic()
    assert model.kind == "heuristic"
    words, X = word_features(["A brutal massacre. A quiet day."])
    p = dict(zip(words["text"], model.predict_proba_words(X, words["text"]), strict=True))
    assert p["massacre"] > p["quiet"] and p["brutal"] > p["day"]


def test_word_runs_become_spans():
    text = "so-called experts met"
    words, _ = word_features([text])
    spans = word_spans(words, [text], np.array([True, True, False]))
    assert [text[s:e] for s, e in spans[0]] == ["so-called experts"]
