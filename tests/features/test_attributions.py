"""Attribution extraction: the seed's acceptance criteria and single patterns."""

from __future__ import annotations

import pandas as pd
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
    assert rows.loc[18, ["source", "speaker", "cue_lemma", "cue_stance"]].tolist() == [
        "Donald Trump",
        "Donald Trump",
        "admit",
        "factive",
    ]
    # the span model may take the channel into the cue, as PolNeAR's annotators often do
    assert rows.loc[18, "cue"] in ("admitted", "admitted in a CBS News interview")
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
            "The town released a statement Wednesday saying the remarks were wrong.",
            "The town",
            "released a statement Wednesday saying",
            "the remarks were wrong",
            "verb_phrase",
        ),
        (
            "The party sent out a press release saying the mayor owes an apology.",
            "The party",
            "sent out a press release saying",
            "the mayor owes an apology",
            "verb_phrase",
        ),
    ],
)
def test_cue_at_the_end_of_a_verb_phrase(text, source, cue, content, pattern):
    rows = AttributionExtractor().extract_text(text)
    assert rows[["source_as_written", "cue", "content", "pattern"]].values.tolist() == [
        [source, cue, content, pattern]
    ]


@pytest.mark.parametrize(
    "text",
    [
        # left out on measure (see framing.features.cue_phrases): PolNeAR draws these cues
        # differently from case to case
        "Voters are slightly more likely to say that the economy is weak.",
        "Her warning that the plan would fail went unheeded.",
    ],
)
def test_infinitive_phrases_and_cue_nouns_are_not_listed(text):
    assert AttributionExtractor().extract_text(text).empty


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ("“I draw comics myself,” notes Ana Ruiz, who grew up in Lima.", None, "notes", None),
        ("“No, that’s the mom,” says my two-year-old.", "my two-year-old", "says", None),
        (
            "“I cook simple food,” says Ann Ode while visiting the kitchen.",
            "Ann Ode",
            "says",
            "I cook simple food",
        ),
        ("Ms. May acknowledged the scale of the defeat.", "Ms. May", "acknowledged", None),
    ],
)
def test_quotations_before_their_cue_and_names_that_look_like_verbs(text, source, cue, content):
    rows = _rows(text)
    assert len(rows) == 1
    if source is not None:
        assert rows["source_as_written"].iloc[0] == source
    assert rows["cue"].iloc[0] == cue
    if content is not None:
        assert rows["content"].iloc[0] == content


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON — The senator defended the plan, saying it would work.",
        "Speaking to reporters on Monday, the senator defended the plan, saying it would work.",
        "Back in 1999, the senator defended the plan, saying it would work.",
    ],
)
def test_introductory_phrases_are_not_the_subject_of_a_coordinated_cue(text):
    rows = _rows(text, span_model=None)
    assert rows["source_as_written"].str.lower().tolist() == ["the senator"]


def test_participle_opening_the_sentence_is_the_main_subjects():
    rows = AttributionExtractor().extract_text(
        "Citing last week's attack, Carson said the country was at war."
    )
    assert rows[["source_as_written", "cue", "content", "pattern"]].values.tolist() == [
        ["Carson", "Citing", "last week's attack", "participle_first"],
        ["Carson", "said", "the country was at war", "source_cue_content"],
    ]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Many argue that the court is biased.", "Many", "argue"),
        ("Some have suggested that the plan is dead.", "Some", "have suggested"),
        ("People familiar with her thinking say she will run.", None, "say"),
        ("He said the time for talking is over.", "He", "said"),
        ("The campaign is already claiming a victory in Ohio.", "The campaign", None),
        ('"It is over," Tina Tchen, the first lady\'s chief of staff, said.', None, "said"),
        ('"We won," Jeff Weaver, Sanders’ campaign manager, said.', None, "said"),
        ("The talks failed, dos Santos says.", "dos Santos", "says"),
    ],
)
def test_subjects_quantifiers_appositions_and_name_particles(text, source, cue):
    rows = AttributionExtractor(span_model=None).extract_text(text)
    assert len(rows) == 1
    if source is not None:
        assert rows["source_as_written"].iloc[0] == source
    if cue is not None:
        assert rows["cue"].iloc[0] == cue


@pytest.mark.parametrize(
    "text",
    ["Some state laws are weak.", "The Iraqi state is weak.", "It is hard to say who won."],
)
def test_quantifiers_before_noun_forms_and_empty_subjects_are_not_sources(text):
    assert AttributionExtractor(span_model=None).extract_text(text).empty


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


# -- issue 14: the failure cases, constructed ------------------------------------------------
def _rows(text, **params):
    return AttributionExtractor(**params).extract_text(text)


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("''The plan failed,'' said Mary Jones.", "Mary Jones", "The plan failed"),
        ("``We won,'' he said.", "he", "We won"),
        ('"The plan failed," Mary K. Jones said.', "Mary K. Jones", "The plan failed"),
        ("“It is over,” said Dr. Anne-Marie O’Neil.", "Dr. Anne-Marie O’Neil", "It is over"),
    ],
)
def test_quote_styles_and_names_with_initials(text, source, content):
    rows = _rows(text)
    assert rows[["source_as_written", "content", "direct"]].values.tolist() == [
        [source, content, True]
    ]
    row = rows.iloc[0]
    assert text[row["source_start"] : row["source_end"]] == source
    assert text[row["content_start"] : row["content_end"]] == content


def test_suffix_stays_in_the_speakers_name():
    rows = _rows('"We will appeal," said Robert Klein Jr., the family\'s lawyer.')
    assert rows.loc[0, "source_as_written"] == "Robert Klein Jr., the family's lawyer"
    assert rows.loc[0, "speaker"] == "Robert Klein Jr."


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Smith told Reuters in a rare interview that the deal was off.",
            "told",
            "the deal was off",
        ),
        ('"We are leaving," she said to reporters on Monday.', "said", "We are leaving"),
        ("The plan failed, she said to reporters on Monday.", "said", "The plan failed"),
        ("The plan failed, the minister wrote on Facebook.", "wrote", "The plan failed"),
    ],
)
def test_objects_channels_and_trailing_adjuncts_stay_out_of_the_content(text, cue, content):
    rows = _rows(text, span_model=None)
    assert rows[["cue", "content"]].values.tolist() == [[cue, content]]
    # the span model may extend the cue over the channel ("wrote on Facebook"), never the content
    learned = _rows(text)
    assert learned["content"].tolist() == [content]
    assert learned["cue"].iloc[0].startswith(cue)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("DENVER — The governor said the plan failed.", "The governor"),
        ("Speaking in Beijing, the spokesman said the talks failed.", "the spokesman"),
        ("Two days later, the minister said the talks failed.", "the minister"),
        ("Meanwhile, officials said the vote was delayed.", "officials"),
    ],
)
def test_datelines_and_sentence_openers_are_never_sources(text, source):
    assert _rows(text)["source_as_written"].tolist() == [source]


def test_possessive_and_titles_leave_the_speaker_name():
    text = (
        "President Donald J. Trump spoke on Monday. Mr. Trump’s aides said the talks failed. "
        "“We are done,” Mr. Trump said."
    )
    rows = _rows(text)
    # his aides are not Trump; "Mr. Trump" is the Donald J. Trump named before
    assert rows["speaker"].tolist() == ["Mr. Trump’s aides", "Donald Trump"]
    assert rows.loc[1, "source"] == "Donald J. Trump"
    assert rows.loc[1, "speaker_mentions"] == ["Mr. Trump"]
    lawyer = _rows("“We won,” said Ms. Ode’s lawyer, Tom Ray. Ode’s said nothing.")
    assert lawyer.loc[0, "speaker"] == "Tom Ray"


def test_attributions_inside_a_quotation_are_the_speakers_words():
    rows = _rows("“They told me it was a video,” she said.")
    assert rows[["source_as_written", "cue"]].values.tolist() == [["she", "said"]]


def test_floating_quote_is_attributed_from_the_sentence_before():
    text = (
        "“We need another vote,” said Katy Barnett, a teacher.\n\n"
        "“With people knowing what they are voting for this time.”\n\n"
        "Officials disagreed."
    )
    rows = _rows(text)
    assert rows["pattern"].tolist() == ["cue_source", "floating"]
    floating = rows.iloc[1]
    assert floating["speaker"] == "Katy Barnett"
    assert floating["cue"] == "" and floating["cue_kind"] == "none"
    assert pd.isna(floating["source_start"])  # GGT rule: a floating quote names no speaker span
    assert text[floating["content_start"] : floating["content_end"]] == (
        "With people knowing what they are voting for this time"
    )
    assert _rows(text, floating=False)["pattern"].tolist() == ["cue_source"]


def test_a_quotation_after_unrelated_narration_is_not_floating():
    text = "The council met on Monday. “We need another vote.” Officials disagreed."
    assert _rows(text).empty


def test_one_name_per_speaker_within_an_article():
    text = (
        "Darian Lonechild leads the youth council. Lonechild said the talks were slow.\n\n"
        "“We will keep asking,” she said. Ms. Lonechild added that police had listened."
    )
    rows = _rows(text)
    assert rows["source_as_written"].tolist() == ["Lonechild", "she", "Ms. Lonechild"]
    assert rows["speaker"].tolist() == ["Darian Lonechild"] * 3
    assert rows["speaker_mentions"].iloc[0] == ["Lonechild", "she", "Ms. Lonechild"]
    she = rows.iloc[1]
    assert text[int(she["source_start"]) : int(she["source_end"])] == "she"  # GGT speaker span


def test_pronoun_goes_to_the_speaker_not_to_a_person_in_the_content():
    text = "Jane Ode said Barack Obama was wrong. She added that the deal was weak."
    assert _rows(text)["speaker"].tolist() == ["Jane Ode", "Jane Ode"]


def test_unresolved_pronouns_are_marked_never_a_speaker_called_he():
    rows = _rows("He said the plan failed.")
    assert rows[["source", "source_kind"]].values.tolist() == [["He", "pronoun"]]
    assert rows["speaker"].isna().all() and rows.loc[0, "speaker_mentions"] == []


def test_relative_who_is_the_phrase_it_follows():
    rows = _rows("Officials who spoke to the press said the vote was delayed.")
    assert rows.loc[0, "speaker"] != "who"


def test_every_span_slices_the_text_exactly():
    text = (
        "LONDON — ''It is over,'' said Mary K. Jones, a farmer. “We won,” she added.\n\n"
        "“Next year will be better for everyone here.”\n\n"
        "According to the ministry, 40 people died, officials said on Monday."
    )
    rows = _rows(text)
    assert len(rows) >= 4
    for row in rows.itertuples(index=False):
        assert text[row.cue_start : row.cue_end] == row.cue
        for start, end in row.content_spans:
            assert start < end and text[start:end] in row.content
        if pd.notna(row.source_start):
            assert text[int(row.source_start) : int(row.source_end)] == row.source_as_written


def test_rules_only_without_the_span_model():
    rows = _rows("Officials say the talks have stalled.", span_model=None)
    assert rows[["source_as_written", "cue"]].values.tolist() == [["Officials", "say"]]


def test_sentence_table_gives_the_same_attributions(seed_path):
    article = framing.load(seed_path)
    extractor = AttributionExtractor()
    plain = extractor.extract(article)
    shared = extractor.extract(article, sentences=framing.sentences(article))
    assert plain.drop(columns=["speaker_mentions", "content_spans"]).equals(
        shared.drop(columns=["speaker_mentions", "content_spans"])
    )
