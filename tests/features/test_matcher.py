"""Loaded-term matching: the seed's terms, inflection, typography, fuzzy, voice."""

from __future__ import annotations

import pytest

import framing
from framing.features.matcher import LoadedTermMatcher


@pytest.fixture(scope="module")
def matcher():
    return LoadedTermMatcher()


def test_seed_terms_with_categories_and_neutral_counterparts(matcher, seed_path):
    spans = matcher.find([framing.load_article(seed_path)]).drop_duplicates(["start", "end"])
    found = {
        t: (c, n, f)
        for t, c, n, f in zip(
            spans["text"], spans["category"], spans["neutral"], spans["fuzzy"], strict=True
        )
    }
    assert found["Takfirir terrorists"] == ("delegitimising_label", "fighters", True)
    assert found["assassination"] == ("violence", "killing", False)
    assert found["deported"] == ("expulsion", "withdrawn", False)
    assert found["Daesh"] == ("delegitimising_label", "Islamic State", False)
    assert found["humiliating"] == ("victory_humiliation", "end", False)
    assert found["fierce"][0] == "intensifier"


def test_offsets_point_at_the_words(matcher, seed_path):
    article = framing.load_article(seed_path)
    spans = matcher.find([article])
    assert all(
        article.text[s:e] == t
        for s, e, t in zip(spans["start"], spans["end"], spans["text"], strict=True)
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "They deport people. The deportations continued. He was deported.",
            ["deport", "deportations", "deported"],
        ),
        ("It was a face-saving deal, a face saving deal.", ["face-saving", "face saving"]),
        ("Da’esh and Da'esh and DAESH.", ["Da’esh", "Da'esh", "DAESH"]),
        ("a warning to the regimental band", []),  # no partial-word hits ("war", "regime")
        ("Takfiris attacked; takfirist cells", ["Takfiris", "takfirist"]),
    ],
)
def test_inflection_and_typography(matcher, text, found):
    spans = matcher.find_in_text(text).drop_duplicates(["start", "end"])
    assert spans["text"].tolist() == found


def test_common_words_are_not_fuzzy_matches(matcher):
    assert matcher.find_in_text("He boosted exports; the regimen worked.").empty


def test_longest_nested_match_wins(matcher):
    spans = matcher.find_in_text("Takfiri terrorists struck.")
    assert spans["text"].tolist() == ["Takfiri terrorists"]


def test_sentence_and_voice_columns(seed_path):
    result = framing.analyze(framing.load_article(seed_path))
    terms = result.loaded_terms.set_index("text")
    assert terms.loc["Takfirir terrorists", "voice"] == "own"
    assert terms.loc["humiliating", "voice"] == "attributed"
    assert terms.loc["humiliating", "sentence"] == 11


def test_combined_lexicons_report_each(matcher):
    both = LoadedTermMatcher(["conflict_geopolitics", "hedges"])
    spans = both.find_in_text("Officials claimed it was possibly a massacre.")
    assert sorted(zip(spans["text"], spans["lexicon"], strict=True)) == [
        ("claimed", "conflict_geopolitics"),
        ("claimed", "hedges"),
        ("massacre", "conflict_geopolitics"),
        ("possibly", "hedges"),
    ]


def test_bare_string_is_refused(matcher):
    with pytest.raises(TypeError, match="bare str"):
        matcher.find("some text")


# -- precise matching (issue 13) ----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The UN passed a resolution on Monday.",  # not an inflection of "resolute"
        "Ships crossed the Pacific.",  # not "pacification"
        "The bus route changed.",  # "routed" is rout/route: matched only as written
        "Coastline Rail said the timetable would change.",  # a word inside a name
        "She spoke to the Rage Against the Machine fans.",
        "He repeated the claims at the hearing.",  # a noun, not the verb "claimed"
        "The allegations were investigated.",
    ],
)
def test_other_words_and_names_are_not_matched(text):
    lexicons = ["conflict_geopolitics", "loaded_general"]
    spans = framing.LoadedTermMatcher(lexicons).find_in_text(text)
    assert spans.empty, spans[["text", "term", "category"]].values.tolist()


def test_rules_can_be_turned_off():
    text = "He repeated the claims. Coastline Rail said so."
    every = framing.LoadedTermMatcher(rules=()).find_in_text(text)
    assert {"claims"} <= set(every["text"])
    with pytest.raises(ValueError, match="rules"):
        framing.LoadedTermMatcher(rules=("nmaes",))


def test_verb_reading_and_entry_names_still_match():
    spans = framing.LoadedTermMatcher().find_in_text(
        "They claim it was a massacre. Daesh fighters fled. Officials claimed victory."
    )
    assert {"claim", "massacre", "Daesh", "claimed"} <= set(spans["text"])


def test_one_default_and_typos_list_the_names():
    from framing.features.lexicon import DEFAULT_LEXICONS, resolve_lexicons

    assert DEFAULT_LEXICONS == ("conflict_geopolitics", "loaded_general")
    assert framing.LoadedTermMatcher().lexicon_.name == "conflict_geopolitics+loaded_general"
    with pytest.raises(ValueError, match=r"did you mean 'loaded_general'\?.*hedges"):
        resolve_lexicons(["loaded_genral"])
