"""The learned re-scoring of attribution candidates."""

from __future__ import annotations

import json

import pytest

from framing.features.span_model import (
    SpanModel,
    accept_features,
    end_feature_sets,
    start_feature_sets,
    start_features,
)
from framing.features.tokens import tokenize


def test_shipped_model_loads_with_its_training_record():
    model = SpanModel.default()
    if model is None:
        pytest.skip("no shipped model (rules only)")
    assert "PolNeAR train" in model.meta["trained_on"]
    assert 0.0 < model.accept_threshold < 1.0


def test_running_sums_score_as_the_feature_lists():
    tokens = tokenize("Senior advisers who ran the numbers said so.")
    sets = start_feature_sets(tokens, 0, 5, 4)
    weights = {f: (hash(f) % 7) / 3 - 1 for _, features in sets for f in features}
    model = SpanModel(weights, {}, 0.5, {})
    best = max(sets, key=lambda item: sum(weights.get(f, 0.0) for f in item[1]))[0]
    assert model.best_start(tokens, 0, 5, 4) == best
    assert start_features(tokens, 0, best, 5, 4) == dict(sets)[best]


def test_model_from_json_and_acceptance():
    payload = {
        "start": {"weights": {"rule": 1.0}},
        "accept": {"weights": {"bias": -1.0, "lemma=say": 3.0}, "threshold": 0.5},
    }
    model = SpanModel.from_json(json.dumps(payload))
    tokens = tokenize("Officials say the talks stalled.")
    says = accept_features(tokens, 0, len(tokens), 1, 1, (0, 0), "say", "speech", "p", False)
    other = accept_features(tokens, 0, len(tokens), 1, 1, (0, 0), "note", "speech", "p", False)
    assert model.accept(says) and not model.accept(other)


def test_end_model_scores_post_cue_sources_and_is_optional():
    tokens = tokenize('"No," said Robert Klein, chairman of the institute, on Monday.')
    first = 5  # Robert
    sets = end_feature_sets(tokens, first, len(tokens) - 1, 6)
    ends = [e for e, _ in sets]
    assert ends[:2] == [5, 6] and tokens[ends[-1]].text == "Monday"
    prefer_long = SpanModel({}, {}, 0.5, {}, {"e0=<org>": 2.0, "e+1=,": 1.0})
    assert tokens[prefer_long.best_end(tokens, first, len(tokens) - 1, 6)].text == "institute"
    assert SpanModel({}, {}, 0.5, {}).best_end(tokens, first, len(tokens) - 1, 6) == 6


@pytest.mark.parametrize(
    "text",
    [
        "Senior campaign advisers who have run the numbers said the race was close.",
        '"We won," Jeff Weaver, Sanders’ campaign manager, said in a statement.',
        "Nine in 10 Democratic voters | say the economy is weak; others disagree.",
        "The Post, citing diplomats: the talks, officials said, had failed.",
    ],
)
def test_weight_tables_choose_the_start_the_feature_strings_choose(text):
    """The fast start scorer (weight tables) equals the scorer over feature strings."""
    from framing.features.span_model import word_class

    model = SpanModel.default()
    if model is None:
        pytest.skip("no shipped model (rules only)")
    tokens = tokenize(text)
    classes = [word_class(t) for t in tokens]
    for last in range(len(tokens)):
        for rule_first in range(max(0, last - 6), last + 1):
            for lo in (0, max(0, last - 3)):
                slow = model.best_start(tokens, lo, last, rule_first)  # feature strings
                assert model.best_start(tokens, lo, last, rule_first, classes) == slow


@pytest.mark.parametrize(
    "text",
    [
        "She said in a statement Tuesday that it failed, and warned of more.",
        '"We won," he said at a Buffalo town hall event Thursday; they left.',
        "Officials asked about the | plan told reporters: no.",
    ],
)
def test_cue_end_tables_choose_the_end_the_feature_strings_choose(text):
    """The fast cue-end scorer (weight tables) equals the scorer over feature strings."""
    from framing.features.span_model import word_class

    model = SpanModel.default()
    if model is None or not model.cue_end_weights:
        pytest.skip("no shipped cue-end model (rules only)")
    tokens = tokenize(text)
    classes = [word_class(t) for t in tokens]
    n = len(tokens)
    for lexical_end in range(n - 1):
        for ceiling in range(lexical_end + 1, n + 1, 2):
            for rule_end in range(lexical_end, min(ceiling, lexical_end + 4)):
                for lemma, pattern, kind in (
                    ("say", "cue_source", "end"),
                    ("warn", "p", "content"),
                ):
                    slow = model._best_cue_end_walk(
                        tokens, lexical_end, ceiling, rule_end, lemma, pattern, classes, kind
                    )
                    fast = model.best_cue_end(
                        tokens, 0, lexical_end, rule_end, ceiling, lemma, pattern, classes, kind
                    )
                    assert fast == slow


def test_accept_tables_score_as_the_feature_strings(monkeypatch):
    """The extractor's acceptance from weight tables equals the sum over the feature strings."""
    from itertools import repeat

    import framing
    import framing.features.candidate_scoring as scoring
    from framing.features.accept_tables import accept_score
    from framing.features.attributions import AttributionExtractor
    from framing.features.span_features import accept_features

    model = SpanModel.default()
    if model is None:
        pytest.skip("no shipped model (rules only)")
    seen = []

    def checked(tables, *args):
        fast = accept_score(tables, *args)
        slow = sum(map(model.accept_weights.get, accept_features(*args), repeat(0.0)))
        assert fast == slow  # to the last bit
        seen.append(fast)
        return fast

    monkeypatch.setattr(scoring, "accept_score", checked)
    names = [n for n in framing.list_examples() if n.endswith(".txt")]
    texts = [(n, framing.example_path(n).read_text(encoding="utf-8")) for n in names]
    AttributionExtractor().extract(texts)
    assert len(seen) > 50


@pytest.mark.parametrize(
    "text",
    [
        "said Robert Klein, chairman of the institute, while visiting Boston on Monday.",
        'says Ann Ode, a | spokeswoman: "no," and 3 others; fine.',
    ],
)
def test_end_tables_choose_the_end_the_feature_strings_choose(text):
    """The fast end scorer (weight tables) equals the scorer over feature strings."""
    from framing.features.span_model import word_class

    model = SpanModel.default()
    if model is None or not model.end_weights:
        pytest.skip("no shipped end model (rules only)")
    tokens = tokenize(text)
    classes = [word_class(t) for t in tokens]
    for first in range(len(tokens)):
        for hi in (len(tokens), min(len(tokens), first + 6)):
            for rule_last in range(first, min(hi, first + 6)):
                slow = model.best_end(tokens, first, hi, rule_last)  # feature strings
                assert model.best_end(tokens, first, hi, rule_last, classes) == slow


def test_a_lone_candidate_start_is_the_models_choice():
    """Where start_reach finds one candidate, the start scorer keeps the rules' start (so it is not run)."""
    from framing.features.span_model import word_class
    from framing.features.span_tables import start_reach

    model = SpanModel.default()
    if model is None:
        pytest.skip("no shipped model (rules only)")
    text = '"We won," he said. Officials: they said; X. Sanders’ aide, who left, said 3 things.'
    tokens = tokenize(text)
    classes = [word_class(t) for t in tokens]
    seen = 0
    for last in range(len(tokens)):
        for first in range(max(0, last - 4), last + 1):
            if start_reach(tokens, 0, last, first)[0]:
                seen += 1
                assert model.best_start(tokens, 0, last, first, classes) == first
    assert seen > 10


def test_the_models_read_only_word_classes_that_were_made(monkeypatch):
    """Classes are made for the stretch a walk reads; an entry not made is never read."""
    import framing
    import framing.features.candidate_scoring as scoring
    from framing.features.attributions import AttributionExtractor

    class Unmade(str):
        def __hash__(self):
            raise AssertionError("a word class that was not made was read")

        def __eq__(self, other):
            raise AssertionError("a word class that was not made was read")

    unmade = Unmade("?")
    made = scoring.ModelChoices._word_classes

    def guarded(self, tokens, start, stop):
        if self._classes is None or self._classes[0] is not tokens:
            self._classes = (tokens, [unmade] * len(tokens), [0, 0])
        return made(self, tokens, start, stop)

    monkeypatch.setattr(scoring.ModelChoices, "_word_classes", guarded)
    names = [n for n in framing.list_examples() if n.endswith(".txt")]
    texts = [(n, framing.example_path(n).read_text(encoding="utf-8")) for n in names]
    assert len(AttributionExtractor().extract(texts)) > 50
