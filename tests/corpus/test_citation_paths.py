"""The compiled and the plain paths of citation matching give the same answers."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from framing.corpus import citation_search, credits
from framing.corpus.citations import _days, _table, match_vectors, outlet_keys, vectorize
from framing.outlets import OutletRegistry

REGISTRY = OutletRegistry.default()


def needs_numba() -> None:
    if credits._compiled_scanner() is None or citation_search._compiled_kernel() is None:
        pytest.skip("numba is not installed (or NUMBA_DISABLE_JIT is set): nothing compiled")


def test_credits_kernel_and_automaton_agree_on_random_texts():
    needs_numba()
    extra = (("reason", "reason"), ("the-hill", "the-hill"), ("Élan Ñews", "elan"))
    pairs = credits._name_pairs(REGISTRY, extra)
    pieces = [
        *[name for name, _ in pairs[:40]],
        *["CNN", "Fox News", "AP", "Reuters", "reason", "the-hill", "Élan Ñews", "Élan"],
        *list(" .,;:'’-_()“”\n\t\u00a0é1xQ\u0301\U0001f600"),
        *["said", "reported", "CNNX", "xCNN", "APé", "é"],
    ]
    rng = random.Random(3)
    for _ in range(200):
        texts = [
            "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
            for _ in range(rng.randint(1, 6))
        ]
        texts.append("\ud800 CNN \udfff")  # lone surrogates, as str allows
        by_kernel = credits._credited_by_kernel(texts, pairs, credits._compiled_scanner())
        assert by_kernel == credits._credited_by_automaton(texts, pairs)


def test_a_name_given_twice_counts_for_the_last_outlet():
    pairs = (("Daily", "a"), ("Daily", "b"), ("News", "c"))
    expected = [{"b", "c"}, {"b"}, set()]
    texts = ["Daily News", "(Daily)", "DailyNews"]
    assert credits._credited_by_automaton(texts, pairs) == expected
    if credits._compiled_scanner() is not None:
        assert credits._credited_by_kernel(texts, pairs, credits._compiled_scanner()) == expected


def _corpus(seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sources of three outlets over a month (some undated), and citing rewrites crediting them."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(60)] + ["storm", "troops", "oil", "vote", "court"]
    outlets = {"reuters": "Reuters", "cnn": "CNN", "bbc": "BBC"}
    rows = []
    for i in range(60):
        outlet = rng.choice(list(outlets))
        day = (
            None
            if rng.random() < 0.15
            else pd.Timestamp("2020-01-01")
            + pd.Timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 23))
        )
        text = " ".join(rng.choice(words) for _ in range(rng.randint(5, 40)))
        if rng.random() < 0.1 and rows:  # an exact copy: equal scores
            text = rows[-1]["text"]
        rows.append({"article_id": f"s{i}", "outlet": outlet, "published": day, "text": text})
    sources = pd.DataFrame(rows)
    sources["published"] = pd.to_datetime(sources["published"], utc=True)
    sources["title"] = sources["article_id"]
    citing_rows = []
    for i, src in enumerate(rows[:45]):
        kept = [w for w in src["text"].split() if rng.random() < 0.7]
        credit = " and ".join(outlets[o] for o in rng.sample(list(outlets), rng.randint(1, 2)))
        day = src["published"]
        day = None if day is None or rng.random() < 0.1 else day + pd.Timedelta(days=1)
        citing_rows.append(
            {
                "article_id": f"c{i}",
                "outlet": rng.choice(["kayhan", "cnn", "rt"]),
                "published": day,
                "text": " ".join(kept) + f", {credit} reported.",
            }
        )
    citing = pd.DataFrame(citing_rows)
    citing["published"] = pd.to_datetime(citing["published"], utc=True)
    citing["title"] = citing["article_id"]
    return citing, sources


def _both_paths(citing, sources, same=False, dtype=np.float32, **options):
    """match_vectors with the compiled loop, and the same with block-wise products."""
    c_vec, s_vec = (m.astype(dtype) for m in vectorize(citing, sources))
    compiled = match_vectors(c_vec, s_vec, citing, sources, registry=REGISTRY, **options)
    c_keys, s_keys = outlet_keys(citing, REGISTRY), outlet_keys(sources, REGISTRY)
    names = tuple({(str(n), k) for n, k in zip(sources["outlet"], s_keys, strict=True)})
    found = credits.credited_outlets(citing["text"].tolist(), REGISTRY, names)
    blocks: dict[str, list[int]] = {}
    for row, (keys, own) in enumerate(zip(found, c_keys, strict=True)):
        for key in sorted(keys - {own}):
            blocks.setdefault(key, []).append(row)
        if not options.get("require_credit", True):
            blocks.setdefault("*", []).append(row)
    context = citation_search.Context(
        c_vec, s_vec, _days(citing["published"]), _days(sources["published"]), c_keys, s_keys,
        found, same,
    )  # fmt: skip
    parts = citation_search.search(
        blocks,
        context,
        options.get("days_before", 7.0),
        options.get("days_after", 1.0),
        options.get("top", 1),
        options.get("min_similarity", 0.3),
        compiled=False,
    )
    plain = _table(parts, citing, sources, s_keys, options.get("top", 1))
    return compiled, plain


@pytest.mark.parametrize(
    "options",
    [
        {"min_similarity": 0.0},
        {"top": 3, "min_similarity": 0.0},
        {"top": 2, "days_before": 3.0, "days_after": 0.5},
        {"top": 2, "require_credit": False, "min_similarity": 0.0},
    ],
)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_compiled_search_matches_block_products(seed, options):
    needs_numba()
    citing, sources = _corpus(seed)
    compiled, plain = _both_paths(citing, sources, **options)
    assert len(compiled) > 10
    pd.testing.assert_frame_equal(compiled, plain, check_exact=True)


def test_compiled_search_sums_in_the_vectors_type():
    needs_numba()
    citing, sources = _corpus(6)
    compiled, plain = _both_paths(citing, sources, dtype=np.float64, top=2, min_similarity=0.0)
    pd.testing.assert_frame_equal(compiled, plain, check_exact=True)
    as_float32, _ = _both_paths(citing, sources, top=2, min_similarity=0.0)
    assert not np.array_equal(as_float32["similarity"], compiled["similarity"])
    np.testing.assert_allclose(as_float32["similarity"], compiled["similarity"], rtol=1e-5)


def test_compiled_search_on_one_table_matches_block_products():
    needs_numba()
    _, sources = _corpus(4)
    c_vec, s_vec = vectorize(sources, sources)
    compiled = match_vectors(
        c_vec, s_vec, sources, sources, registry=REGISTRY, top=2, min_similarity=0.0
    )
    assert (compiled["citing_id"] != compiled["source_id"]).all()
    _, plain = _both_paths(sources, sources, same=True, top=2, min_similarity=0.0)
    pd.testing.assert_frame_equal(compiled, plain, check_exact=True)


def test_equal_scores_rank_the_first_source_first():
    _, sources = _corpus(5)
    sources = sources.drop_duplicates("text", ignore_index=True)
    twin = sources.iloc[[0]].assign(article_id="twin")
    sources = pd.concat([sources, twin], ignore_index=True)  # the last row copies the first
    citing = sources.iloc[[0]].assign(
        article_id="k", outlet="kayhan", text=sources["text"].iloc[0] + " Reuters reported."
    )
    sources["outlet"] = "reuters"
    matches = match_vectors(
        *vectorize(citing, sources), citing, sources, registry=REGISTRY, top=2, min_similarity=0.0
    )
    assert matches["source_id"].tolist()[:2] == ["s0", "twin"]
    assert matches["similarity"].iloc[0] == matches["similarity"].iloc[1]
    assert np.isclose(matches["margin"].iloc[0], 0.0)
