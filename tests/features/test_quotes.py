"""Quotation marks: styles, pairing, regions."""

from __future__ import annotations

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
