"""count_terms counts exactly the terms of one token scan of each text, whatever the batch."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pytest

from framing.features import chunk_terms
from framing.features.distinguishing import count_terms, normalise_term
from framing.features.tokens import _TOKEN, tokenize


def reference(texts: list[object]) -> tuple[list[str], list[Counter]]:
    """Token by token: the terms in order of first appearance and each text's counts."""
    order: dict[str, None] = {}
    rows = []
    for text in texts:
        terms = [normalise_term(t) for t in _TOKEN.findall(text if isinstance(text, str) else "")]
        terms = [t for t in terms if t is not None]
        order.update(dict.fromkeys(terms))
        rows.append(Counter(terms))
    return list(order), rows


def assert_counts_match(texts: list[object], batch: int) -> None:
    counts = count_terms(texts, batch=batch)
    terms, rows = reference(texts)
    assert counts.terms.tolist() == terms
    expected = np.array([[row[t] for t in terms] for row in rows], dtype=np.int32)
    assert counts.matrix.shape == (len(texts), len(terms))
    assert np.array_equal(counts.matrix.toarray(), expected.reshape(len(texts), len(terms)))
    assert counts.matrix.has_sorted_indices


@pytest.mark.parametrize("batch", [1, 2, 500])
def test_initials_depend_on_the_next_word(batch):
    texts = [
        "J. K. Rowling met Sen. Jones in the U.S. on Jan. 5. K.",
        "He said K. then a. K. and (A. Lincoln) B. c.",
        "Mary K. jones met K.\nJones; X. Y. Z. A.B.C. e.g. St. Louis",
    ]
    assert [t.text for t in tokenize(texts[0])][:2] == ["J.", "K."]
    assert_counts_match(texts, batch)
    counts = count_terms(["K. Jones", "K. jones"])
    assert counts.terms.tolist() == ["k.", "jones", "k"]


def test_clitics_hyphens_and_apostrophes():
    texts = [
        "“It’s Iran’s.” He's there, they'd go-- U.S.-backed... 'tis ’s o’clock I’m",
        "WE'RE who'll That's well-known Trump’s Trump's",
    ]
    assert_counts_match(texts, 500)


def test_empty_and_missing_texts():
    assert_counts_match([], 500)
    assert_counts_match(["", "   ", None, "12 ,"], 2)
    assert count_terms([]).matrix.shape == (0, 0)


def test_texts_holding_the_separators():
    every = "".join(chunk_terms._SEPARATORS)
    texts = [every + " K. " + every[::-1] + " K. Jones x" + every[:5], "a\x01b \x02 K. L.\x00"]
    for batch in (1, 500):
        assert_counts_match(texts, batch)


def test_random_texts_match_the_token_scan():
    pieces = [
        *"ABKZaxéÉßİ_12.-'’‘ʼ()“”\",;:!?",
        *["..", "...", "--", "s", "re", "ll", "he", "They", "I", "that", "U.S.", "Mr", "Sen"],
        *[" ", " ", "  ", "\n", "\t", "\u00a0", "\x1c", "\x85", "\x01", "\ue000", "\u0301"],
    ]
    rng = random.Random(7)
    for _ in range(300):
        texts = [
            "".join(rng.choice(pieces) for _ in range(rng.randint(0, 50)))
            for _ in range(rng.randint(0, 6))
        ]
        assert_counts_match(texts, rng.choice([1, 3, 500]))
