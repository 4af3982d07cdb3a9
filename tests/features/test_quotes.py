"""Quotation marks: styles, pairing, regions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.features.quotes import normalise_quotes, quoted_regions


def test_normalise_quotes_keeps_every_offset():
    text = "''It is over,'' he said. ``Yes,'' she said. Rock 'n' roll."
    work = normalise_quotes(text)
    assert len(work) == len(text)
    assert work.count('"') == 4 and "'n'" in work


def test_quoted_regions_pair_within_paragraphs_only():
    text = '"Open and never closed\n\n"We won," he said.'
    second = text.index('"We')
    regions = quoted_regions(text, [(0, 22), (24, len(text))])
    assert regions == [(second, text.index('," he') + 1)]


def _opener_by_char(text, closer, floor):
    from framing.features.quotes import _CLOSERS, is_closer_at, is_opener_at

    for index in range(closer - 1, floor - 1, -1):
        if is_opener_at(text, index):
            return index
        if is_closer_at(text, index) and text[index] in _CLOSERS:
            return None
    return None


def _closer_by_char(text, opener, ceiling):
    from framing.features.quotes import is_closer_at

    for index in range(opener + 1, min(ceiling, len(text))):
        if is_closer_at(text, index):
            return index
    return None


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet='ab ,.("“”«»—-\n', max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_opener_and_closer_found_as_a_scan_character_by_character(text, a, b):
    """Marks are looked for where they are; the answers are those of a scan of every character."""
    from framing.features.quotes import _MARK, _mark_positions, find_closer, find_opener

    assert _mark_positions(text) == [m.start() for m in _MARK.finditer(text)]

    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    assert find_opener(text, hi, lo) == _opener_by_char(text, hi, lo)
    assert find_closer(text, lo, hi) == _closer_by_char(text, lo, hi)
