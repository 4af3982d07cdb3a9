"""Sentence similarity: batched weights equal scikit-learn's per-pair TF-IDF."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.preprocessing import normalize

from framing.comparison.align import (
    align_corpus,
    align_pairs,
    align_sentences,
    moved_links,
    similarity_matrices,
)
from framing.comparison.vectors import char_view, word_view, words

PAIR_A = (
    ["Donald Trump has not pulled his troops out of Iraq.", "Oil prices rose on Monday."],
    ["Donald Trump has not withdrawn his troops from Iraq, CNN said.", "The talks failed."],
)
PAIR_B = (
    ["The port authority will raise berth fees by 12 percent."],
    ["The greedy port authority will hike berth fees by 12 percent.", "Fishermen protested."],
)


def _joined_words(text):
    return " ".join(words(text))


def test_char_view_equals_scikit_learn_char_wb():
    text = "Iran’s IRGC hit a US base; it's 'a' war?"
    analyzer = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    assert char_view(text) == analyzer(_joined_words(text))
    assert word_view(text)[:4] == ["iran", "irgc", "hit", "a"]


def _reference(source, citing):
    texts = list(source) + list(citing)
    sims = []
    for vectorizer in (
        CountVectorizer(analyzer=word_view),
        CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), preprocessor=_joined_words),
    ):
        counts = vectorizer.fit_transform(texts)
        v = normalize(TfidfTransformer(sublinear_tf=True).fit_transform(counts))
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


def test_align_corpus_is_align_pairs_in_one_table():
    pairs = [PAIR_A, PAIR_B, ([], ["Only citing."]), (["Only source."], [])]
    table = align_corpus(pairs)
    assert table.columns[0] == "pair"
    for k, part in enumerate(align_pairs(pairs)):
        body = table[table["pair"] == k].drop(columns="pair").reset_index(drop=True)
        assert body.equals(part)
    assert table.loc[table["pair"] == 2, "relation"].tolist() == ["added"]
    assert table.loc[table["pair"] == 3, "relation"].tolist() == ["omitted"]


def test_compiled_and_plain_python_kernels_agree():
    from framing.comparison import _kernels, align

    if not hasattr(_kernels.pair_similarities, "py_func"):
        pytest.skip("numba is not installed (or NUMBA_DISABLE_JIT is set): nothing compiled")

    def plain_python(kernel):  # numba's dispatcher keeps the Python function as py_func
        return kernel.py_func

    flat, offsets, shapes, _ = align._flat_similarities([PAIR_A, PAIR_B])
    features = align.sentence_features([t for s, c in (PAIR_A, PAIR_B) for t in (*s, *c)])
    sizes = shapes.sum(axis=1)
    pair_rows = np.column_stack([np.cumsum(sizes) - sizes, shapes])
    plain = plain_python(_kernels.pair_similarities)(
        features.text_of_sentence, pair_rows, *align._arrays(features), offsets
    )
    np.testing.assert_allclose(plain, flat, atol=1e-12)
    links = _kernels.link_sentences(flat, offsets, shapes, 0.25, 0.25)
    plain_links = plain_python(_kernels.link_sentences)(flat, offsets, shapes, 0.25, 0.25)
    for a, b in zip(links, plain_links, strict=True):
        np.testing.assert_array_equal(a, b)


def test_moved_links_marks_a_swap_and_a_single_move():
    assert moved_links([(0, 0), (1, 1), (2, 2)]) == set()
    assert moved_links([(0, 0), (1, 2), (2, 3), (3, 1)]) == {(3, 1)}
    assert moved_links([(0, 1), (1, 0)]) == {(0, 1), (1, 0)}
