"""Speaker names: the person in a source phrase, canonical forms, corpus grouping."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.features.names import (
    SURNAME_SHARE,
    canonical_name,
    group_speakers,
    person_mentions,
    person_name,
)


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("House Speaker Nancy Pelosi", "Nancy Pelosi"),
        ("Former Arkansas Gov. Mike Huckabee", "Mike Huckabee"),
        ("Jack Watling, land war specialist at RUSI", "Jack Watling"),
        ("Sen. Richard Blumenthal (D-Conn.)", "Richard Blumenthal"),
        ("Senator Chuck Schumer of New York", "Chuck Schumer"),
        ("Mr. Trump’s", "Trump"),
        ("a spokesman for Hillary Clinton", "a spokesman for Hillary Clinton"),
    ],
)
def test_person_name(phrase, name):
    assert person_name(phrase) == name


@pytest.mark.parametrize(
    ("phrase", "canonical"),
    [
        ("President Donald J. Trump", "Donald Trump"),
        ("Mr. Trump", "Trump"),
        ("Ms. Mary K. Jones’", "Mary Jones"),
        ("Vice President Joseph R. Biden Jr.", "Joseph Biden Jr."),
    ],
)
def test_canonical_name_strips_titles_initials_and_possessives(phrase, canonical):
    assert canonical_name(phrase) == canonical


def test_person_mentions_skip_organisations_places_and_line_breaks():
    text = "Ms. Mary Jones met The New York Times.\n\nGlenn Beck spoke in New Hampshire."
    found = person_mentions(text)
    assert [(m.name, m.gender) for m in found] == [("Mary Jones", "f"), ("Glenn Beck", None)]
    assert text[found[0].start : found[0].end] == "Mary Jones"


def test_group_speakers_joins_surnames_to_a_dominant_full_name():
    table = pd.DataFrame(
        {
            "speaker": ["Donald Trump"] * 9 + ["Donald Trump Jr.", "Trump", None],
            "source_kind": ["person"] * 11 + ["pronoun"],
        }
    )
    assert SURNAME_SHARE <= 9 / 10
    grouped = group_speakers(table)
    assert grouped.iloc[10] == "Donald Trump"
    assert grouped.iloc[9] == "Donald Trump Jr."
    assert grouped.iloc[11] is None


def test_group_speakers_keeps_an_ambiguous_surname():
    table = pd.DataFrame(
        {"speaker": ["Bill Clinton", "Hillary Clinton", "Clinton"], "source_kind": ["person"] * 3}
    )
    assert group_speakers(table).tolist() == ["Bill Clinton", "Hillary Clinton", "Clinton"]


def test_group_speakers_joins_a_middle_name():
    table = pd.DataFrame(
        {
            "speaker": ["Hillary Rodham Clinton", "Hillary Clinton", "Acme Corp"],
            "source_kind": ["person", "person", "organisation"],
        }
    )
    assert group_speakers(table).tolist() == ["Hillary Clinton", "Hillary Clinton", "Acme Corp"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Ann",
                "Lee",
                "McDonald",
                "O’Neil",
                "Smith-Jones",
                "J.",
                "van",
                "de",
                "Jr.",
                ",",
                "said",
                "the",
                "X",
                "Mc",
                "Ab-c",
                "A.",
                "’",
                "-",
                ".",
                "Sr.",
            ]
        ),
        max_size=10,
    ),
    st.lists(st.sampled_from([" ", " ", "\t", "\n", ""]), min_size=10, max_size=10),
)
def test_name_runs_are_the_same_whether_name_words_are_held_or_not(words, gaps):
    """Possessive name words (Python 3.11+) change no match of the name pattern."""
    import re

    from framing.features.names import _NAME

    plain = re.compile(_NAME.pattern.replace("++", "+").replace(")*+", ")*"))
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    assert [m.span() for m in _NAME.finditer(text)] == [m.span() for m in plain.finditer(text)]
