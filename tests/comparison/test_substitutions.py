"""Substitutions without a lexicon gate, rewordings, relevance (framing.comparison.substitutions)."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.comparison.connotation import connotation


def _compare(source: str, citing: str):
    return framing.compare(source, citing)


def test_replaced_phrase_is_one_row_not_a_drop_and_an_add():
    result = _compare(
        "The troops crossed the border into the valley on Monday.",
        "The troops poured across the frontier into the valley on Monday.",
    )
    rows = result.rewordings[["source_phrase", "citing_phrase", "kind"]].values.tolist()
    assert rows == [["crossed the border", "poured across the frontier", "reworded"]]
    assert result.omissions.empty and result.additions.empty


def test_neutral_noun_to_loaded_phrase_is_neutral_to_loaded():
    subs = _compare(
        "Workers began a strike at the plant on Monday.",
        "Workers began a heroic walkout at the plant on Monday.",
    ).substitutions
    assert subs[["source_phrase", "citing_phrase", "direction"]].values.tolist() == [
        ["strike", "heroic walkout", "neutral_to_loaded"]
    ]


def test_attribution_verb_and_hedge_changes_are_reported():
    subs = _compare(
        "Officials said the army could reach the city by Friday.",
        "Officials claimed the army will very likely reach the city by Friday.",
    ).substitutions
    kinds = dict(zip(subs["citing_phrase"], subs["kind"], strict=True))
    assert kinds["Officials claimed"] == "attribution"
    assert "certainty" in kinds.values()
    assert (subs["relevance"] >= 0.5).all()


def test_scare_quotes_and_dropped_label():
    source = framing.load_article(
        text="Israeli officials met in the city. Hamas-run Al Aqsa TV said the talks ended.",
        outlet="Reuters",
    )
    subs = _compare(
        source, 'The "Israeli" officials met in the city. Al Aqsa TV said the talks ended.'
    ).substitutions
    assert set(subs["kind"]) == {"scare_quotes", "label"}
    label = subs[subs["kind"] == "label"].iloc[0]
    assert (label["source_phrase"], label["citing_phrase"]) == ("Hamas-run Al", "Al")


def test_every_span_slices_exactly():
    result = _compare(
        "The U.S. said the militant group fired rockets, officials told Reuters.",
        'The US claimed the "resistance" group fired rockets, officials said.',
    )
    for table in (result.substitutions, result.rewordings):
        for row in table.itertuples():
            assert result.source.text[row.source_start : row.source_end] == row.source_phrase
            assert result.citing.text[row.citing_start : row.citing_end] == row.citing_phrase


def test_loadedness_keyword_plugs_in_for_one_call():
    def scorer(phrases):
        return [0.8 if "stroll" in p else 0.0 for p in phrases]

    source, citing = "The minister walked home.", "The minister took a stroll home."
    subs = framing.compare(source, citing, loadedness=scorer).substitutions
    assert subs["citing_loadedness"].max() == 0.8
    # nothing is left behind: the next comparison uses the lexicons alone
    assert framing.compare(source, citing).rewordings["citing_loadedness"].max() == 0.0
    assert connotation("a stroll").loadedness == 0.0
    learned = framing.compare(source, citing, loadedness="learned")
    both = pd.concat([learned.substitutions, learned.rewordings])
    assert both["citing_loadedness"].between(0, 1).all()
    with pytest.raises(ValueError, match="loadedness='magic' is not allowed"):
        framing.compare(source, citing, loadedness="magic")


def test_source_change_needs_another_head_noun():
    changed = _compare(
        "Four sources said the plan was dropped.", "Four officials said the plan was dropped."
    )
    assert changed.substitutions[["source_phrase", "citing_phrase", "kind"]].values.tolist() == [
        ["Four sources", "Four officials", "source"]
    ]
    kept = _compare(
        "A source with knowledge said the plan was dropped.",
        "One source said the plan was dropped.",
    )
    assert kept.substitutions.empty
    assert kept.rewordings["kind"].tolist() == ["reworded"]


def test_same_thing_in_another_tone_is_an_intensity_substitution():
    result = _compare(
        "Officials warned of a sharp escalation in the border war.",
        "Officials warned of a significant escalation in the ongoing conflict at the border.",
    )
    row = result.substitutions.iloc[0]
    assert (row["source_phrase"], row["citing_phrase"], row["kind"]) == (
        "border war",
        "ongoing conflict at the border",
        "intensity",
    )
    assert row["relevance"] >= 0.55


def test_capital_for_country_and_name_fragments_are_no_actor_change():
    from framing.comparison.signals import _continues_name, one_referent

    assert one_referent("Moscow", "Russia") and one_referent("Kremlin", "Russian")
    assert not one_referent("Moscow", "Ukraine")
    text = "Civilians fled the Gaza Strip."
    assert _continues_name(text, text.index("Strip"), [])
    result = _compare("Russia said the talks failed.", "Moscow said the talks failed.")
    assert result.substitutions.empty


def test_a_repeated_tone_swap_is_reported_once():
    result = _compare(
        "The border war went on. Officials said the border war would end soon.",
        "The ongoing conflict at the border went on. Officials said the ongoing conflict "
        "at the border would end soon.",
    )
    assert result.substitutions["kind"].tolist() == ["intensity"]
    assert result.substitutions["citing_start"].iloc[0] < 10
    assert "border war" in result.rewordings["source_phrase"].tolist()
