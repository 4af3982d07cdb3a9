"""Sentence similarity: batched weights equal scikit-learn's per-pair TF-IDF."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize

from framing.comparison.align import (
    _CHAR_VECTORIZER,
    _WORD_VECTORIZER,
    align_pairs,
    align_sentences,
    similarity_matrices,
)

PAIR_A = (
    ["Donald Trump has not pulled his troops out of Iraq.", "Oil prices rose on Monday."],
    ["Donald Trump has not withdrawn his troops from Iraq, CNN said.", "The talks failed."],
)
PAIR_B = (
    ["The port authority will raise berth fees by 12 percent."],
    ["The greedy port authority will hike berth fees by 12 percent.", "Fishermen protested."],
)


def _reference(source, citing):
    texts = list(source) + list(citing)
    sims = []
    for vectorizer in (_WORD_VECTORIZER, _CHAR_VECTORIZER):
        v = normalize(
            TfidfTransformer(sublinear_tf=True).fit_transform(vectorizer.transform(texts))
        )
        sims.append((v[: len(source)] @ v[len(source) :].T).toarray())
    return np.clip(np.mean(sims, axis=0), 0, 1)


def test_batched_similarity_equals_per_pair_tfidf():
    batched = similarity_matrices([PAIR_A, PAIR_B])
    for pair, matrix in zip([PAIR_A, PAIR_B], batched, strict=True):
        np.testing.assert_allclose(matrix, _reference(*pair), atol=1e-12)
    assert batched[0][0, 0] > 0.4 and batched[0][1, 1] < 0.1


def test_align_pairs_matches_align_sentences():
    for table, pair in zip(align_pairs([PAIR_A, PAIR_B]), [PAIR_A, PAIR_B], strict=True):
        assert table.equals(align_sentences(*pair))
    relations = align_pairs([PAIR_B])[0]["relation"].tolist()
    assert relations == ["reworded", "added"]
