"""FastPunkt gives exactly NLTK Punkt's sentence spans, faster."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text.paragraphs import paragraph_spans
from framing.text.punkt_fast import FastPunkt
from framing.text.sentences import news_sentence_tokenizer


@pytest.fixture(scope="module")
def both():
    tokenizer = news_sentence_tokenizer()
    return tokenizer, FastPunkt(tokenizer)


def _same(both, text: str) -> None:
    tokenizer, fast = both
    assert fast.span_tokenize(text) == list(tokenizer.span_tokenize(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "No mark at all",
        "It rained. We left.",
        "U.S. Sec. Pompeo spoke on Jan. 5. He left.",
        "Troops stayed in the U.S. The talks failed.",
        "He met J. Smith and A. B. Jones. Then he left.",
        "It cost 5. Then 6. and 7. The end.",
        "Wait... What? No! Yes.",
        "He said: “It is over.” Then he left. “Why?” she asked.",
        "(It rained.) We left. [See above.] Done.",
        "He said so.\nThe end.\n\nNext.",
        "Mr. Smith, Dr. Jones and Gen. Lee met at 5 p.m. Tuesday. They spoke.",
        "the U.S. border? Who knows. 16 lbs. of meat. Rep. Jones left.",
        "He wrote 'no.' Then 'yes.' And “maybe.”",
        "A.\tB. C.\r\nD. e. F.",
        "“Stop.” “Go.” ‘Wait.’",
        "Prices rose 3.5 percent. Costs fell -2. Next year.",
        "She left... and came back. Later.",
        "Sen. Warren, D-Mass., spoke. Gov. Cuomo (D) left.",
    ],
)
def test_constructed_texts_split_as_nltk_splits_them(both, text):
    _same(both, text)


_PIECES = [
    "said",
    "Said",
    "U.S.",
    "Gen.",
    "Jan.",
    "J.",
    "a.",
    "5.",
    "3.5",
    "...",
    ".",
    "?",
    "!",
    ",",
    ";",
    ":",
    "“",
    "”",
    '"',
    "'",
    "(",
    ")",
    "The",
    "He",
    "—",
    "--",
    "Mr.",
    "p.m.",
    "lbs.",
    "Rep.",
    "über.",
    "Ça",
]
_GAPS = ["", " ", "  ", "\n", " \n ", "\t"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), max_size=14))
def test_random_token_soups_split_as_nltk_splits_them(both, parts):
    _same(both, "".join(piece + gap for piece, gap in parts))


def _paragraphs(texts, limit: int):
    for text in texts:
        for start, end in paragraph_spans(text):
            yield text[start:end]
            limit -= 1
            if limit <= 0:
                return


def test_news_paragraphs_of_the_shared_datasets_split_as_nltk_splits_them(both, shared_dir):
    """Every paragraph of samples of PTC, PolNeAR and AllSides (the benchmark runs them all)."""
    datasets = shared_dir / "datasets"
    ptc = sorted((datasets / "ptc" / "articles").glob("article*.txt"))[:40]
    polnear = sorted((datasets / "polnear" / "train" / "text").glob("*.txt"))[:40]
    texts = [p.read_text(encoding="utf-8") for p in ptc + polnear]
    allsides = datasets / "allsides" / "articles.jsonl.gz"
    if allsides.exists():
        with gzip.open(allsides, "rt", encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in itertools.islice(handle, 40)]
    if not texts:
        pytest.skip("no PTC, PolNeAR or AllSides texts in ../shared")
    checked = 0
    for paragraph in _paragraphs(texts, 3000):
        _same(both, paragraph)
        checked += 1
    assert checked > 100


def test_standard_library_patterns_see_white_space_as_the_regex_engine():
    """Punkt's patterns run on ``re`` with \\s written out: the same class on every code point."""
    import re
    import sys

    regex = pytest.importorskip("regex")
    from framing.text.punkt_fast import _NOT_SPACE, _SPACE

    engine = regex.compile(r"\s", regex.VERSION0)
    space, other = re.compile(_SPACE), re.compile(_NOT_SPACE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(space.match(char)) == bool(engine.match(char)) != bool(other.match(char))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_PIECES),
            st.sampled_from(["", " ", "\x1c", "\x1f ", "\x85", "\u2028", "\u00a0", " \x1d"]),
        ),
        max_size=14,
    )
)
def test_soups_with_unusual_white_space_split_as_nltk_splits_them(both, parts):
    _same(both, "".join(piece + gap for piece, gap in parts))
