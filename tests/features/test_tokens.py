"""Tokens by white-space chunk equal the tokens of one scan of the token pattern."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.features.tokens import _TOKEN, tokenize

_PIECES = [
    "said",
    "Said",
    "it",
    "It",
    "he",
    "She",
    "I",
    "i",
    "there",
    "who",
    "Mr",
    "Sen",
    "Gens",
    "U",
    "S",
    "a",
    "9",
    "12",
    "é",
    "ſhe",
    "’",
    "'",
    "-",
    "--",
    ".",
    "...",
    ",",
    "”",
    "“",
    '"',
    "‘",
    "(",
    ")",
    ":",
    "!",
    "s",
    "re",
    "ll",
    "d",
    "_",
    "…",
    "—",
]
_GAPS = ["", "", "", " ", "  ", "\n"]


def _one_scan(text: str, start: int, end: int) -> list[tuple[str, int, int, str]]:
    return [
        (m.group(), m.start(), m.end(), m.group().casefold())
        for m in _TOKEN.finditer(text, start, end)
    ]


def _chunked(text: str, start: int, end: int) -> list[tuple[str, int, int, str]]:
    return [(t.text, t.start, t.end, t.lower) for t in tokenize(text, start, end)]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), max_size=16),
    st.integers(0, 6),
)
def test_random_soups_tokenise_as_one_scan(parts, cut):
    text = "".join(piece + gap for piece, gap in parts)
    start = min(cut, len(text))
    assert _chunked(text, start, len(text)) == _one_scan(text, start, len(text))


def test_words_before_periods_joined_words_and_clitics():
    text = "Gen. Smith said. “It’s Trump’s state-run,” she’d said... U.S. A. Smith i’m ſhe’s"
    assert _chunked(text, 0, len(text)) == _one_scan(text, 0, len(text))
    words = [t.text for t in tokenize(text, 0, len(text))]
    assert words[:8] == ["Gen.", "Smith", "said", ".", "“", "It", "’s", "Trump’s"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([*_PIECES, "«", "»", "Sanders", "s"]), st.sampled_from(_GAPS)),
        max_size=16,
    )
)
def test_sentence_counts_read_off_the_text_equal_the_counts_over_tokens(parts):
    """Capitalised words and quotation marks counted on the characters, as over the tokens."""
    from framing.features.candidate_scoring import _counts_in_text
    from framing.features.span_features import sentence_counts

    text = "".join(piece + gap for piece, gap in parts)
    tokens = tokenize(text, 0, len(text))
    starts = [t.start for t in tokens]
    assert _counts_in_text(text, tokens, 0, len(tokens), starts) == sentence_counts(
        tokens, 0, len(tokens)
    )
