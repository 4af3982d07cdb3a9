"""framing.analyze and its JSON form."""

from __future__ import annotations

import json

import pytest

import framing


def test_analysis_json_keys_and_offsets(seed_path):
    result = framing.analyze(framing.load(seed_path))
    data = json.loads(result.to_json())
    assert sorted(data) == ["article", "attributions", "loaded_terms", "sentences"]
    assert sorted(data["loaded_terms"][0]) == sorted(
        [
            "start",
            "end",
            "text",
            "term",
            "category",
            "valence",
            "neutral",
            "fuzzy",
            "sentence",
            "voice",
            "loadedness",
        ]
    )
    assert sorted(data["attributions"][0]) == sorted(
        [
            "sentence",
            "start",
            "end",
            "source",
            "source_as_written",
            "source_kind",
            "speaker",
            "cue",
            "cue_class",
            "direct",
            "content",
        ]
    )
    text = data["article"]["text"]
    for term in data["loaded_terms"]:
        assert text[term["start"] : term["end"]] == term["text"]
    for sentence in data["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_summary_counts(seed_path):
    summary = framing.analyze(framing.load(seed_path)).summary.iloc[0]
    assert summary["words"] == 626
    assert summary["attributions_to_outlets"] == 10
    assert summary["own_voice_words"] + summary["attributed_words"] == summary["words"]
    assert summary["attributed_words"] > summary["own_voice_words"]


def test_batches_join_with_parents_in_the_joined_table():
    texts = [
        f'"We will stay," the minister said in {city}. He said it twice, officials said.'
        for city in ("Paris", "Rome", "Oslo", "Lima", "Kyiv")
    ]
    articles = [framing.load_article(text=t, title=f"T{k}") for k, t in enumerate(texts)]
    table = framing.articles_to_frame(articles)
    one = framing.analyze(table)
    parts = list(framing.iter_analyze(table, batch_size=2))
    from framing.features.analysis import _concat

    joined = _concat(parts, table)
    import pandas as pd

    pd.testing.assert_frame_equal(one.attributions, joined.attributions)
    parents = joined.attributions["parent"].dropna().astype(int)
    ids = joined.attributions["article_id"]
    assert (ids.loc[parents.index].to_numpy() == ids.loc[parents.to_numpy()].to_numpy()).all()


def test_summary_keeps_title_and_published(seed_path):
    summary = framing.analyze(framing.load(seed_path)).summary
    assert list(summary.columns[:4]) == ["article_id", "outlet", "title", "published"]
    table = framing.load(seed_path)
    assert summary["title"].iat[0] == table["title"].iat[0]
    assert summary["published"].iat[0] == table["published"].iat[0]
    assert (
        summary["loaded_own"].iat[0] + summary["loaded_attributed"].iat[0]
        == summary["loaded_terms"].iat[0]
    )


def test_attributed_words_match_a_character_mask():
    import random
    import re

    from framing.features.summary import _attributed_words, _word_bounds

    def reference(text, spans):
        inside = [False] * len(text)
        for start, end in spans:
            for k in range(start, end):
                inside[k] = True
        return sum(any(inside[m.start() : m.end()]) for m in re.finditer(r"\S+", text))

    rng = random.Random(0)
    alphabet = "ab é\n\t\u00a0\u2003x’"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        spans = []
        for _ in range(rng.randint(0, 3)):
            start = rng.randint(0, len(text))
            spans.append([start, rng.randint(start, len(text))])
        assert _attributed_words(text, spans) == reference(text, spans)
        assert len(_word_bounds(text)[0]) == len(text.split())


@pytest.mark.parametrize(
    ("articles", "message"),
    [
        (["a plain text"], "item 0 is a str; wrap texts as framing.load_article"),
        ([framing.load_article(text="One."), 5], "item 1 is a int; pass Articles"),
    ],
)
def test_a_list_of_other_things_is_refused_with_the_item_and_the_fix(articles, message):
    with pytest.raises(TypeError, match=message):
        framing.analyze(articles, sentiment=False)
