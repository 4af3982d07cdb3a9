"""The word-list data file of the attribution rules."""

from __future__ import annotations

import pytest

from framing.features.wordlists import word_lists, words


def test_every_section_has_entries_and_no_entry_repeats():
    lists = word_lists()
    assert len(lists) > 30
    for name, entries in lists.items():
        assert entries, name
        assert len(entries) == len(set(entries)), name


def test_multiword_entries_and_unknown_sections():
    assert "familiar with" in words("continuations")
    with pytest.raises(KeyError, match="no_such"):
        words("no_such")
