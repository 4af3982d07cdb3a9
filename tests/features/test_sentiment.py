"""framing.features.sentiment: the fast VADER gives exactly NLTK's scores."""

from __future__ import annotations

from importlib import resources

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from framing.features.sentiment import sentence_sentiment, vader, words_and_emoticons


class _NltkVader(SentimentIntensityAnalyzer):
    """NLTK's own analyser, unchanged, on the same lexicon file (the reference)."""

    def __init__(self) -> None:
        path = resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
        self.lexicon_file = path.read_text(encoding="utf-8")
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()


@pytest.fixture(scope="module")
def reference() -> _NltkVader:
    return _NltkVader()


# One sentence per rule of VADER: lexicon words, boosters and dampeners (before
# the word, at distances 1-3), negations (words, "n't", "without", "least"),
# "never so", "kind of", idioms, the "but" shift, ALL CAPS emphasis, "!" and "?"
# amplifiers, emoticons, tokens glued to punctuation (before and after, single
# and repeated marks), repeated tokens (scored at their first position),
# punctuation-only and one-letter tokens, and an empty sentence.
RULE_SENTENCES = [
    "A humiliating, brutal defeat.",
    "The talks were very good.",
    "The talks were extremely, incredibly good!!",
    "It was not good at all.",
    "It isn't a bad deal, they said.",
    "He was never so happy.",
    "She never this happy.",
    "Without hope, the city waited.",
    "At least it was not terrible.",
    "The least successful plan failed.",
    "It was kind of good, sort of.",
    "That was the bomb, yeah right.",
    "The plan was good but the result was awful.",
    "The plan was GOOD and the result was awful.",
    "GREAT NEWS EVERYONE",
    "Is this a disaster??? Really?!",
    "Is it good? Maybe?",
    "What a wonderful day :) and a sad night :(",
    '"Terrible," he said, "simply terrible!"',
    "...great... (good) [bad] 'nice' -awful-",
    "good good good bad bad good",
    "Good, good!! good?? GOOD... good",
    "a b c ! ? , ;",
    "",
    "The U.S.-led coalition's strikes killed 12 civilians, officials said.",
    "They cut the mustard, hand to mouth, kiss of death.",
    "It was hardly a success and barely a win, somewhat sad.",
    "Never so ugly, never this pretty, NEVER bad.",
    "The result wasn’t great — it’s “catastrophic”, critics say.",
]


@pytest.mark.parametrize("text", RULE_SENTENCES)
def test_scores_equal_nltk_rule_by_rule(text, reference):
    assert vader().polarity_scores(text) == reference.polarity_scores(text)


_WORDS = st.sampled_from(
    [
        "good",
        "GOOD",
        "bad",
        "Bad",
        "very",
        "VERY",
        "not",
        "never",
        "so",
        "this",
        "but",
        "BUT",
        "kind",
        "of",
        "least",
        "at",
        "without",
        "isn't",
        "the",
        "bomb",
        "yeah",
        "right",
        "hardly",
        "killed",
        "peace",
        "war",
        ":)",
        ":(",
        "<3",
        "great",
        "sad",
        "a",
        "U.S.",
        "x",
        "--",
        "!",
        "?",
    ]
)
_PUNCT = st.sampled_from(["", "", "", ".", ",", "!", "?", "!!", "?!?", "'", '"', "-", "...", ":"])


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.tuples(_PUNCT, _WORDS, _PUNCT), max_size=14))
def test_scores_equal_nltk_on_generated_sentences(parts, reference):
    text = " ".join(before + word + after for before, word, after in parts)
    assert vader().polarity_scores(text) == reference.polarity_scores(text)


def test_tokens_equal_nltk_sentitext():
    from nltk.sentiment.vader import SentiText

    constants = VaderConstants()
    for text in RULE_SENTENCES:
        expected = SentiText(
            text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION
        ).words_and_emoticons
        assert words_and_emoticons(text, frozenset(constants.PUNC_LIST)) == expected


def test_cached_scores_are_not_shared_with_callers():
    first = vader().polarity_scores("A brutal defeat.")
    first["compound"] = 99.0
    assert vader().polarity_scores("A brutal defeat.")["compound"] == -0.7964


def test_sentence_sentiment_columns_and_empty_table():
    table = pd.DataFrame({"text": ["A brutal defeat.", "Noon."]}, index=[5, 7])
    scored = sentence_sentiment(table)
    assert list(scored.columns) == ["text", "neg", "neu", "pos", "compound"]
    assert scored.loc[5, "compound"] == -0.7964 and scored.loc[7, "neu"] == 1.0
    empty = sentence_sentiment(pd.DataFrame({"text": []}))
    assert list(empty.columns) == ["text", "neg", "neu", "pos", "compound"]
