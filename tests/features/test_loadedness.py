"""The loadedness score: features, model file, fallback and scoring functions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.errors import FramingError
from framing.features.loadedness import (
    LoadednessModel,
    get_model,
    loaded_spans,
    score,
    score_span_table,
)
from framing.features.loadedness_features import (
    FEATURE_NAMES,
    vectors_signature,
    word_features,
)
from framing.features.loadedness_model import CONTEXT_NAMES, SentenceModel, context_features
from framing.features.loadedness_train import Corpus, fit_model, word_spans


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


def test_shipped_models_rank_loaded_words_higher():
    model = LoadednessModel.default()
    assert model.kind == "trained" and model.name == "words"
    assert model.info["training_data"][0].startswith("BABE")
    assert model.stage2 is not None and model.sentence is not None
    assert score("regime", "The regime fell.") > score("government", "The government fell.")
    assert score("thugs", "Thugs attacked the office.") > score("men", "Men attacked the office.")
    assert 0.0 <= score("anything at all") <= 1.0
    phrases = get_model("phrases")
    assert phrases.name == "phrases" and phrases.info["training_data"][0].startswith("PTC")
    assert score("thugs", "Thugs attacked the office.", model="phrases") > score(
        "office", "Thugs attacked the office.", model="phrases"
    )


def test_vector_part_is_inspectable_and_needs_its_own_vectors():
    model = LoadednessModel.default()
    assert model.vector_coef is not None and model.vector_signature == vectors_signature()
    ends = model.explain_vectors(10)
    assert len(ends) == 10 and ends["weight"].is_monotonic_decreasing
    words, X = word_features(["The regime fell."])
    other = LoadednessModel.from_dict({**model.to_dict(), "vectors": None})
    moved = LoadednessModel.from_dict(
        {**model.to_dict(), "vectors": {"signature": "other", "coef": list(model.vector_coef)}}
    )
    with pytest.warns(UserWarning, match="scoring without them"):
        p = moved.predict(words, X)
    assert np.allclose(p, other.predict(words, X))
    assert not np.allclose(p, model.predict(words, X))


def test_babe_and_ptc_folds_keep_articles_together(shared_dir):
    from framing.features.loadedness_data import read_babe, read_ptc

    root = shared_dir / "datasets"
    babe = read_babe(root)
    links = pd.read_csv(root / "babe" / "babe_sg2.csv")
    links = links[links["label_bias"] != "No agreement"]["news_link"].to_numpy()
    per_link = pd.DataFrame({"link": links[babe.words["doc"]], "group": babe.groups})
    assert per_link.groupby("link")["group"].nunique().max() == 1
    assert len(np.unique(babe.groups)) < len(babe.texts)  # some articles give several sentences
    ptc = read_ptc(root)
    lines: dict[str, set] = {}
    for d, text in enumerate(ptc.texts):
        for line in text.splitlines():
            if len(line.split()) >= 12:
                lines.setdefault(line.strip(), set()).add(int(ptc.groups[ptc.words["doc"] == d][0]))
    assert all(len(groups) == 1 for groups in lines.values())


def test_unknown_model_name_lists_the_names():
    with pytest.raises(ValueError, match="'heuristic', 'phrases', 'words'"):
        get_model("sentences")


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


def _toy_corpus() -> Corpus:
    loaded = ["brutal", "thugs", "slaughtered", "vile"]
    plain = ["quiet", "men", "met", "long"]
    texts = []
    for i in range(36):
        a, b = loaded[i % 4], plain[(i + 1) % 4]
        texts.append(f"The {a} group {b} here. A {plain[i % 4]} day passed.")
    words, X = word_features(texts)
    y = words["text"].str.casefold().isin(loaded).to_numpy()
    subset = np.ones(len(texts), dtype=bool)
    return Corpus("toy", texts, words, X, y, words["doc"].to_numpy(), {}, subset)


def test_fit_save_load_round_trip_and_bad_files(tmp_path):
    corpus = _toy_corpus()
    model = fit_model(corpus, None, "words", training_data=["toy"])
    assert model.word_weights["brutal"] > 0 > model.word_weights["quiet"]
    assert model.stage2 is not None and model.stage2.names[: len(CONTEXT_NAMES)] == list(
        CONTEXT_NAMES
    )
    path = model.save(tmp_path / "m.json")
    again = LoadednessModel.load(path)
    p, q = model.predict(corpus.words, corpus.X), again.predict(corpus.words, corpus.X)
    assert np.allclose(p, q, atol=1e-3)
    assert again.vector_coef is not None and np.allclose(
        again.vector_coef, model.vector_coef, atol=1e-5
    )
    assert again.vector_signature == model.vector_signature
    flags = q >= again.threshold
    assert flags[corpus.y].mean() > 0.9 and flags[~corpus.y].mean() < 0.1
    assert set(again.explain(5)["part"]) <= {"word", "context"}
    assert again.explain_words(2)["lemma"].tolist()[0] in {"brutal", "thug", "slaughter", "vile"}
    bad = tmp_path / "bad.json"
    bad.write_text('{"feature_names": ["no_such_feature"]}', "utf-8")
    with pytest.raises(FramingError, match=r"bad\.json: not a framing loadedness model"):
        LoadednessModel.load(bad)
    with pytest.raises(FramingError, match="no such model file"):
        LoadednessModel.load(tmp_path / "missing.json")


def test_sentence_model_matches_scikit_learn():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = ["the brutal regime", "a quiet day", "the regime fell", "a brutal day", "quiet"]
    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"\S+", lowercase=False
    )
    A = vectorizer.fit_transform(texts)
    clf = LogisticRegression().fit(A, [1, 0, 0, 1, 0])
    ours = SentenceModel(
        dict(vectorizer.vocabulary_), vectorizer.idf_, clf.coef_[0], float(clf.intercept_[0])
    )
    new = ["brutal brutal regime", "nothing known", "a quiet regime"]
    assert np.allclose(ours.decision(new), clf.decision_function(vectorizer.transform(new)))


def test_context_features_stay_inside_the_sentence():
    words = pd.DataFrame({"text": list("abcd"), "sentence": [0, 0, 0, 1]})
    z = np.array([1.0, 2.0, 3.0, 4.0])
    F = dict(
        zip(CONTEXT_NAMES, context_features(words, z, np.array([5, 5, 5, 6.0])).T, strict=True)
    )
    assert F["prev_score"][1] == 1.0 and F["next_score"][1] == 3.0
    assert F["next_score"][2] < -5 and F["prev_score"][3] < -5  # sentence edges
    assert F["sentence_max_score"].tolist()[:3] == [3.0, 3.0, 2.0]
    assert F["sentence_score"].tolist() == [5, 5, 5, 6]


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
