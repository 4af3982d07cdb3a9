"""Voice and sentence placement: the vectorised steps agree with the plain definition.

Row 19 of issue 11: these steps once filtered the whole sentence table per
article (28x the time for 10x the articles); now one sort and one binary
search serve every article. Hypothesis checks them against the definition.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.features.voice import assign_sentences, mark_voice

ARTICLES = st.sampled_from(["a", "b", "c", "d"])


def _spans(draw_list):
    rows = [(a, s, s + n) for a, s, n in draw_list]
    return pd.DataFrame(rows, columns=["article_id", "start", "end"])


@st.composite
def span_tables(draw):
    spans = draw(
        st.lists(st.tuples(ARTICLES, st.integers(0, 300), st.integers(1, 40)), max_size=40)
    )
    contents = draw(
        st.lists(st.tuples(ARTICLES, st.integers(0, 300), st.integers(0, 120)), max_size=20)
    )
    starts = draw(st.lists(st.tuples(ARTICLES, st.integers(0, 300)), max_size=30, unique=True))
    sentences = pd.DataFrame(starts, columns=["article_id", "start"])
    sentences["index"] = sentences.groupby("article_id").cumcount() + 7  # not positions
    attributions = _spans(contents).rename(columns={"start": "content_start", "end": "content_end"})
    return _spans(spans), sentences, attributions


def _expected_sentence(span, sentences):
    own = sentences[sentences["article_id"] == span.article_id]
    if own.empty:
        return None
    before = own[own["start"] <= span.start]
    return -1 if before.empty else int(before.sort_values("start")["index"].iloc[-1])


@settings(max_examples=200, deadline=None)
@given(span_tables())
def test_assign_sentences_is_the_last_sentence_starting_at_or_before(tables):
    spans, sentences, _ = tables
    result = assign_sentences(spans.assign(sentence=pd.NA), sentences)
    expected = [_expected_sentence(s, sentences) for s in spans.itertuples()]
    got = [None if pd.isna(v) else int(v) for v in result["sentence"]]
    assert got == expected


@settings(max_examples=200, deadline=None)
@given(span_tables())
def test_mark_voice_is_attributed_inside_any_content_of_the_article(tables):
    spans, _, attributions = tables
    result = mark_voice(spans, attributions)
    expected = [
        "attributed"
        if (
            (attributions["article_id"] == s.article_id)
            & (attributions["content_start"] <= s.start)
            & (s.end <= attributions["content_end"])
        ).any()
        else "own"
        for s in spans.itertuples()
    ]
    assert result["voice"].tolist() == expected


def test_missing_content_offsets_are_ignored():
    spans = pd.DataFrame({"article_id": ["a"], "start": [3], "end": [5]})
    attrs = pd.DataFrame(
        {"article_id": ["a", "a"], "content_start": [None, 10], "content_end": [None, 20]}
    )
    assert mark_voice(spans, attrs)["voice"].tolist() == ["own"]
