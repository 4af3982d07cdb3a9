"""Spelling, abbreviation and transliteration variants of one referent (framing.comparison.variants)."""

from __future__ import annotations

import pytest

import framing
from framing.comparison.variants import are_variants, fold


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("U.S.", "US"),
        ("United States", "U.S."),
        ("United Nations", "UN"),
        ("Sept.", "September"),
        ("Oct. 13", "October 13"),
        ("defence", "defense"),
        ("metres", "meters"),
        ("signalling", "signaling"),
        ("Zelensky", "Zelenskyy"),
        ("Zürich", "Zurich"),
        ("cease-fire", "ceasefire"),
        ("two", "2"),
        ("the Gaza Strip", "Gaza"),
        ("Britain", "United Kingdom"),
    ],
)
def test_variants_of_one_referent(a, b):
    assert are_variants(a, b) and are_variants(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Iran", "Iraq"),
        ("Austria", "Australia"),
        ("militant", "resistance"),
        ("million", "billion"),
    ],
)
def test_different_words_are_not_variants(a, b):
    assert not are_variants(a, b)


def test_fold():
    assert fold("Cease-Fire’s") == "ceasefires"


@pytest.mark.parametrize(
    ("source", "citing"),
    [
        (
            "The U.S. envoy met officials in September in Zürich.",
            "The United States envoy met officials in Sept. in Zurich.",
        ),
        (
            "Officials met Abu-Bakr in the capital on Monday.",
            "Officials met Abu Bakr in the capital on Monday.",
        ),
        (
            "The Ministry of Defence said the troops left.",
            "The Ministry of Defense said the troops left.",
        ),
    ],
)
def test_variants_are_never_substitutions_or_actor_shifts(source, citing):
    result = framing.compare(source, citing)
    assert result.substitutions.empty
    assert result.rewordings.empty
    assert result.omissions.empty and result.additions.empty
