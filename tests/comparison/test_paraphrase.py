"""The paraphrase-robust second alignment pass (framing.comparison.paraphrase)."""

from __future__ import annotations

import numpy as np

import framing
from framing.comparison.paraphrase import paraphrase_support


def test_gap_between_anchors_is_filled_only_with_evidence():
    sim = np.array([[0.9, 0.0, 0.0, 0.0], [0.0, 0.15, 0.14, 0.0], [0.0, 0.0, 0.0, 0.8]])
    shared = np.array([[5, 0, 0, 0], [0, 3, 0, 0], [0, 0, 0, 4]])
    out = paraphrase_support(sim, shared, threshold=0.25)
    assert out[1, 1] == 0.25  # order and shared words back it
    assert out[1, 2] == 0.14  # no shared words: left alone
    assert out[0, 0] == 0.9 and out[2, 3] == 0.8


def test_reworded_sentence_between_anchors_is_aligned():
    source = (
        "The council met on Monday in the town hall. "
        "Officials said the long-awaited talks may have started. "
        "The mayor left early after the vote."
    )
    citing = (
        "The council met on Monday in the town hall. "
        "The much-touted talks are reportedly under way, officials claim. "
        "The mayor left early after the vote."
    )
    links = framing.compare(source, citing).alignment.dropna(
        subset=["source_index", "citing_index"]
    )
    assert (1, 1) in set(zip(links["source_index"], links["citing_index"], strict=True))
