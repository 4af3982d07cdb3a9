"""Headline against headline (framing.comparison.headline)."""

from __future__ import annotations

import framing
from framing.comparison.headline import compare_headlines


def test_loaded_word_in_the_headline_is_found():
    table = compare_headlines(
        "Officials say talks begin in Oman", "Officials' so-called talks begin in Oman"
    )
    assert table[["change", "citing_phrase", "kind"]].values.tolist() == [
        ["substitution", "so-called", "loaded"]
    ]


def test_unrelated_or_missing_titles_give_no_rows():
    assert compare_headlines("Rain in Oslo", "Markets fall in Tokyo").empty
    assert compare_headlines(None, "Markets fall").empty


def test_comparison_carries_the_headline_table():
    source = framing.load_article(text="Talks began.", title="Officials say talks begin in Oman")
    citing = framing.load_article(
        text="Talks began.", title="Officials' so-called talks begin in Oman"
    )
    assert len(framing.compare(source, citing).headline) == 1
