"""Naming changes with political meaning (framing/resources/naming.csv)."""

from __future__ import annotations

import framing
from framing.comparison.naming import naming_change, naming_table


def test_every_naming_row_has_a_note_and_provenance():
    table = naming_table()
    assert len(table) >= 20
    assert table["note"].str.len().min() > 10
    assert table["provenance"].str.len().min() > 10


def test_naming_change_either_direction():
    assert naming_change("ISIS fighters", "Daesh fighters") == "ISIS -> Daesh"
    assert naming_change("the Arabian Gulf", "the Persian Gulf") == "Arabian Gulf -> Persian Gulf"
    assert naming_change("ISIS and Daesh", "Daesh") is None  # both names on the source side


def test_naming_substitution_reported():
    result = framing.compare(
        "The militant group fired rockets into the Persian Gulf region on Monday.",
        "The resistance group fired rockets into the Arabian Gulf region on Monday.",
    )
    subs = result.substitutions
    assert subs[["source_phrase", "citing_phrase", "kind"]].values.tolist() == [
        ["militant", "resistance", "naming"],
        ["Persian", "Arabian", "naming"],
    ]
