"""Offline Punkt sentence splitting with news abbreviations."""

from __future__ import annotations

import pytest

import framing
from framing.text import normalize_body, paragraph_spans, sentence_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. Secretary of State Mike Pompeo denied it. He left.",
            ["U.S. Secretary of State Mike Pompeo denied it.", "He left."],
        ),
        (
            "Gen. Qassem Soleimani was killed on Jan. 3 in Baghdad. Iran vowed revenge.",
            ["Gen. Qassem Soleimani was killed on Jan. 3 in Baghdad.", "Iran vowed revenge."],
        ),
        (
            "Troops stayed in the U.S. The talks failed.",
            ["Troops stayed in the U.S.", "The talks failed."],
        ),
        (
            "Sen. Warren and Rep. Ocasio-Cortez met Mr. Smith at 5 p.m. on Friday. They spoke.",
            [
                "Sen. Warren and Rep. Ocasio-Cortez met Mr. Smith at 5 p.m. on Friday.",
                "They spoke.",
            ],
        ),
        ("“It is over,” he said. “We won.”", ["“It is over,” he said.", "“We won.”"]),
        (
            "He called it “a disaster.” Then he left.",
            ["He called it “a disaster.”", "Then he left."],
        ),
    ],
)
def test_news_abbreviations_and_quotes(text, expected):
    assert [text[s:e] for s, e, _ in sentence_spans(text)] == expected


def test_sentences_never_cross_paragraphs_and_offsets_index_the_body():
    body = normalize_body("First one. Still\n\nthe U.S. Second paragraph.")
    rows = sentence_spans(body)
    assert [p for *_, p in rows] == [0, 0, 1]
    assert paragraph_spans(body) == [(0, 16), (18, 44)]


def test_seed_sentence_table(seed_path):
    table = framing.sentences(framing.load(seed_path))
    assert list(table.columns) == list(framing.SENTENCE_COLUMNS)
    assert len(table) == 25
    text = framing.load_article(seed_path).text
    assert all(
        text[s:e] == t for s, e, t in zip(table["start"], table["end"], table["text"], strict=True)
    )
    assert table.loc[19, "text"] == "The comment provoked Tehran and caused confusion in Iraq."
    multi = table[table["paragraph"] == 15]["text"].tolist()
    assert multi[-1] == "There are contradictions in American policy in the region,” he said."
    assert len(multi) == 4
