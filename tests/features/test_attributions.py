"""Attribution extraction: the seed's acceptance criteria and single patterns."""

from __future__ import annotations

import pytest

import framing
from framing.features.attributions import AttributionExtractor


@pytest.fixture(scope="module")
def seed_attributions(seed_path):
    return AttributionExtractor().extract(framing.load_article(seed_path))


def test_every_cnn_sentence_of_the_seed_is_attributed_to_cnn(seed_attributions):
    cnn = seed_attributions[seed_attributions["source"] == "CNN"]
    assert sorted(cnn["source_as_written"].unique()) == ["CNN", "it", "the broadcaster"]
    assert sorted(cnn["sentence"].tolist()) == [2, 3, 6, 7, 8, 10, 11, 14, 16, 17]
    assert (cnn["source_kind"] == "outlet").all()
    assert cnn["cue"].tolist() == [
        "wrote",
        "said",
        "According to",
        "said",
        "said",
        "said",
        "According to",
        "touched on",
        "said",
        "said",
    ]


def test_named_sources_of_the_seed(seed_attributions):
    rows = seed_attributions.set_index("sentence")
    assert rows.loc[12].iloc[0][["source", "cue", "cue_class"]].tolist() == [
        "U.S. Secretary of State Mike Pompeo",
        "denied",
        "loaded",
    ]
    assert rows.loc[12].iloc[1][["cue", "content", "pattern"]].tolist() == [
        "noted",
        "a possible downsizing",
        "coordinated",
    ]
    # "Trump" is the Donald Trump the article named before: one speaker, one name
    assert rows.loc[18, ["source", "speaker", "cue", "cue_stance"]].tolist() == [
        "Donald Trump",
        "Donald Trump",
        "admitted",
        "factive",
    ]
    assert rows.loc[18, "source_as_written"] == "Trump"
    assert rows.loc[18, "content"].startswith("he wanted to keep a base in Iraq")
    assert rows.loc[4, ["source", "source_kind"]].tolist() == [
        "the Iraqi interim prime minister",
        "person",
    ]
    assert rows.loc[20, "source_as_written"] == (
        "Jack Watling, land war specialist at the Royal United Services Institute in London"
    )


def test_watlings_multi_sentence_quote_closed_by_he_said(seed_attributions, seed_path):
    row = seed_attributions[seed_attributions["sentence"] == 24].iloc[0]
    assert (row["source"], row["source_as_written"], row["direct"]) == ("Jack Watling", "he", True)
    text = framing.load_article(seed_path).text
    assert text[row["content_start"] : row["content_end"]].startswith(
        "If the United States has declared"
    )
    assert row["content"].count(". ") == 3  # four sentences of quotation
    assert row["content"].endswith("There are contradictions in American policy in the region")


def test_straight_open_curly_close_quote(seed_attributions):
    row = seed_attributions[seed_attributions["sentence"] == 7].iloc[0]
    assert row["direct"] and row["content"].startswith("Its coherent and coherent strategy")
    assert row["content"].endswith("daily life in Iraq")


def test_parenthetical_it_said(seed_attributions):
    row = seed_attributions[seed_attributions["sentence"] == 8].iloc[0]
    assert row["pattern"] == "parenthetical"
    assert [s[0] < s[1] for s in row["content_spans"]] == [True, True]
    assert row["content"].startswith("Iran … has used helped")


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "pattern"),
    [
        (
            "Prices will rise, analysts warned.",
            "analysts",
            "warned",
            "Prices will rise",
            "content_source_cue",
        ),
        (
            '"It is over," said Ali Reza, a farmer.',
            "Ali Reza, a farmer",
            "said",
            "It is over",
            "cue_source",
        ),
        (
            "According to the ministry, 40 people died.",
            "the ministry",
            "According to",
            "40 people died",
            "according_to",
        ),
        (
            "Forty people died, according to the ministry.",
            "the ministry",
            "according to",
            "Forty people died",
            "according_to",
        ),
        (
            "She told reporters that the plan was dead.",
            "She",
            "told",
            "the plan was dead",
            "source_cue_content",
        ),
        (
            "Officials say the talks have stalled.",
            "Officials",
            "say",
            "the talks have stalled",
            "source_cue_content",
        ),
        (
            "The minister has repeatedly claimed that taxes fell.",
            "The minister",
            "has repeatedly claimed",
            "taxes fell",
            "source_cue_content",
        ),
    ],
)
def test_single_patterns(text, source, cue, content, pattern):
    rows = AttributionExtractor().extract_text(text)
    assert rows[["source_as_written", "cue", "content", "pattern"]].values.tolist() == [
        [source, cue, content, pattern]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Iraqi state is weak.",
        "His promise was broken.",
        "It is said that the war is over.",
        "Trump's comments angered Tehran.",
        "What he said four years ago still matters.",
    ],
)
def test_not_attributions(text):
    assert AttributionExtractor().extract_text(text).empty


def test_nested_attribution_records_its_parent():
    rows = AttributionExtractor().extract_text(
        "CNN reported that officials told Congress the sanctions had failed."
    )
    assert rows[["source", "cue"]].values.tolist() == [["CNN", "reported"], ["officials", "told"]]
    assert rows["parent"].tolist()[1] == 0


def test_transform_counts_per_article():
    extractor = AttributionExtractor().fit()
    matrix = extractor.transform(["Officials said the talks failed. He admitted it.", "No quotes."])
    names = list(extractor.get_feature_names_out())
    assert matrix[0, names.index("attributions")] == 2
    assert matrix[0, names.index("stance=factive")] == 1
    assert matrix[1].sum() == 0
