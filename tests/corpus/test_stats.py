"""framing.corpus.stats: the bootstrap covers, tests detect, Holm adjusts."""

from __future__ import annotations

import numpy as np

from framing.corpus.stats import holm, mann_whitney, permutation_test, ratio_bootstrap


def test_ratio_bootstrap_estimate_and_coverage():
    rng = np.random.default_rng(1)
    words = rng.integers(200, 1500, size=400).astype(float)
    terms = rng.poisson(words * 0.008).astype(float)
    estimate, low, high = ratio_bootstrap(
        terms[:, None], words[:, None], n_boot=400, ci=0.95, rng=np.random.default_rng(0)
    )
    assert estimate[0] == terms.sum() / words.sum()
    assert low[0] < 0.008 < high[0]
    assert high[0] - low[0] < 0.002


def test_ratio_bootstrap_is_reproducible_and_handles_empty_denominators():
    num = np.array([[1.0, 0.0], [2.0, 0.0]])
    den = np.array([[2.0, 0.0], [2.0, 0.0]])
    a = ratio_bootstrap(num, den, n_boot=50, ci=0.9, rng=np.random.default_rng(3))
    b = ratio_bootstrap(num, den, n_boot=50, ci=0.9, rng=np.random.default_rng(3))
    for x, y in zip(a, b, strict=True):
        np.testing.assert_array_equal(x, y)
    assert a[0][0] == 0.75 and np.isnan(a[0][1]) and np.isnan(a[1][1])


def test_mann_whitney_and_effect():
    _u, p, effect = mann_whitney(np.arange(10.0), np.arange(10.0))
    assert effect == 0.5 and p > 0.9
    _u, p, effect = mann_whitney(np.array([1.0, np.nan]), np.array([]))
    assert np.isnan(p)


def test_permutation_test_finds_no_difference_between_equal_groups():
    rng = np.random.default_rng(0)
    x = rng.normal(5, 1, 60)
    p = permutation_test(x, np.ones(60), x[::-1].copy(), np.ones(60), n_permutations=300, rng=rng)
    assert p > 0.5


def test_holm_adjustment():
    adjusted = holm(np.array([0.01, 0.04, np.nan, 0.03]))
    assert np.allclose(adjusted[[0, 1, 3]], [0.03, 0.06, 0.06]) and np.isnan(adjusted[2])
