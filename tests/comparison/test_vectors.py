"""Sentence feature streams: one tokenising pass, same features as the string views."""

from __future__ import annotations

import numpy as np

from framing.comparison.vectors import char_view, sentence_features, word_view, words


def _strings(features, vocabulary_texts):
    """Rebuild each distinct text's word-view multiset size and char-view size."""
    sizes = []
    for t in range(len(vocabulary_texts)):
        n_tokens = features.token_ptr[t + 1] - features.token_ptr[t]
        n_bigrams = features.bigram_ptr[t + 1] - features.bigram_ptr[t]
        sizes.append((int(n_tokens + n_bigrams), int(features.text_size[t] - n_tokens - n_bigrams)))
    return sizes


def test_repeated_sentences_share_one_text_and_sizes_match_the_views():
    texts = ["Troops stayed in Iraq.", "It’s over, he said.", "Troops stayed in Iraq.", "..."]
    features = sentence_features(texts)
    assert features.text_of_sentence.tolist() == [0, 1, 0, 2]
    assert features.normalised.tolist() == ["troops stayed in iraq", "it's over he said", ""]
    distinct = ["Troops stayed in Iraq.", "It’s over, he said.", "..."]
    assert _strings(features, distinct) == [
        (len(word_view(t)), len(char_view(t))) for t in distinct
    ]


def test_same_stem_gets_the_same_feature_id_across_texts():
    features = sentence_features(["The troops withdrew.", "A troop withdrew."])
    first = features.token_stem[features.token_ptr[0] : features.token_ptr[1]]
    second = features.token_stem[features.token_ptr[1] : features.token_ptr[2]]
    assert first[1] == second[1] and first[2] == second[2]  # troop, withdrew
    assert first[0] != second[0]  # the, a
    assert (features.bigram_features >= first.max() + 1).all()
    assert (features.grams >= features.n_word_features).all()
    assert features.grams.max() < features.n_features


def test_separator_character_inside_a_text_does_not_split_it():
    features = sentence_features(["one\x1etwo three", "four"])
    assert features.normalised.tolist() == ["one two three", "four"]
    assert np.diff(features.token_ptr).tolist() == [3, 1]


def test_no_sentences():
    features = sentence_features([])
    assert len(features.text_of_sentence) == 0 and features.token_ptr.tolist() == [0]
    assert words("") == []
