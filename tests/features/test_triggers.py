"""Triggered sentences: the automaton's pass equals comparing each sentence's words as a set."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.features.cues import CueLexicon
from framing.features.triggers import _by_sentence, triggered_sentences

_PIECES = [
    "said",
    "Said",
    "un",
    "x",
    "2",
    "_",
    "according",
    "to",
    "made",
    "clear",
    "told",
    "states",
    "state",
    "ment",
    "é",
    "😀",
    ".",
    ",",
    "’",
    "-",
]
_GAPS = ["", "", " ", "  ", "\n"]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), max_size=20),
    st.lists(st.integers(0, 80), max_size=8),
)
def test_automaton_pass_equals_sentence_word_sets(parts, cuts):
    """Whole words only, cut at sentence edges (even inside a word), gaps between sentences."""
    text = "".join(piece + gap for piece, gap in parts)
    edges = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    spans = [(a, b, 0) for a, b in itertools.pairwise(edges) if (a + b) % 3]
    cues = CueLexicon.default()
    assert triggered_sentences(text, spans, cues) == _by_sentence(text.casefold(), spans, cues)


def test_words_that_begin_only_longer_cues_need_their_next_word():
    text = "It rained. CNN said so. Accordingly, we left. According to him, no. Unsaid."
    spans = [(0, 10, 0), (11, 23, 0), (24, 45, 0), (46, 67, 0), (68, 75, 0)]
    assert triggered_sentences(text, spans, CueLexicon.default()) == [1, 3]
